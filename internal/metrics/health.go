package metrics

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"
)

// ReadyTimeout bounds the readiness probe's database check.
const ReadyTimeout = 2 * time.Second

// Healthz answers 200 while the process serves requests; it touches
// nothing else (no database), so a slow database never restarts a server
// that is otherwise alive.
func Healthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeStatus(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// Readyz answers 200 when check passes within ReadyTimeout (the database
// is reachable and migrated) and 503 otherwise, so that a load balancer
// sends no requests to a server that cannot answer them. The probe is
// public: its body says only which check failed (reason names it, from
// check's error), the error itself goes to log.
func Readyz(check func(context.Context) error, reason func(error) string, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), ReadyTimeout)
		defer cancel()
		if err := check(ctx); err != nil {
			if log != nil {
				log.Warn("not ready", "err", err)
			}
			writeStatus(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": reason(err)})
			return
		}
		writeStatus(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

func writeStatus(w http.ResponseWriter, code int, body map[string]string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}
