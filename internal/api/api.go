// Package api serves the JSON API under /api/v1 and its OpenAPI document at
// /api/openapi.json. Every /api/v1 request needs an API token; the access
// checks (access_check.go) run before any handler. Handlers are thin: they
// parse the request, call the domain packages and render JSON; every error
// becomes a status and a JSON body in one place (classify, in error_map.go).
package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/metrics"
)

// Handler holds the API's dependencies. Without Auth every /api/v1 request
// is refused (500, logged): the API never runs unauthenticated.
type Handler struct {
	DB   *db.DB
	Log  *slog.Logger
	Auth *auth.Store
	// Modules are the domains' endpoints.
	Modules []Module

	// Audit, when set, replaces audit.Write(ctx, DB, e) for the entries the
	// API writes itself (denied access, token use for writes).
	Audit func(ctx context.Context, e audit.Entry) error
	// ClientIP, when set, names the client of a request in audit entries
	// (the web layer knows about trusted proxies); else the peer address.
	ClientIP func(r *http.Request) string

	tokens  tokenCache
	mux     *http.ServeMux
	muxOnce sync.Once
	docState
}

// ServeHTTP answers every request under /api/ (the application mounts the
// handler there), with the routes Register adds.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.muxOnce.Do(func() {
		h.mux = http.NewServeMux()
		h.Register(h.mux)
	})
	defer metrics.NoteRoute(r) // the metrics' route label: this mux's pattern
	h.mux.ServeHTTP(w, r)
}

// Register adds every API route of the route table to mux behind the access
// checks, and a fallback under /api/ that answers unknown paths and wrong
// methods in JSON (to authenticated callers only, under /api/v1/).
func (h *Handler) Register(mux *http.ServeMux) {
	for _, rt := range h.Routes() {
		mux.HandleFunc(rt.pattern(), func(w http.ResponseWriter, r *http.Request) {
			defer h.recoverJSON(w, r)
			if !rt.public() {
				var ok bool
				if r, ok = h.admit(w, r, rt); !ok {
					return
				}
			}
			rt.Handle(w, r)
		})
	}
	mux.HandleFunc(fallbackPattern, func(w http.ResponseWriter, r *http.Request) {
		defer h.recoverJSON(w, r)
		if strings.HasPrefix(r.URL.Path, "/api/v1/") {
			if _, err := h.authenticate(r); err != nil {
				h.Fail(w, r, err)
				return
			}
		}
		h.fallback(mux, w, r)
	})
}

// Logger is h.Log, or the default logger when none is set.
func (h *Handler) Logger() *slog.Logger { return h.logger() }

// logger returns h.Log, or the default logger when none is set.
func (h *Handler) logger() *slog.Logger {
	if h.Log != nil {
		return h.Log
	}
	return slog.Default()
}

// recoverJSON turns a panic in a handler into a logged internal error with
// the JSON error body, instead of a dropped connection.
func (h *Handler) recoverJSON(w http.ResponseWriter, r *http.Request) {
	p := recover()
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	h.Fail(w, r, fmt.Errorf("api: panic: %v\n%s", p, debug.Stack()))
}
