package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
)

type requestIDKey struct{}

// withRequestID gives each request an id, sent back in X-Request-Id and
// written into its audit entries, so a log line and an entry can be matched.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// withActor makes p the actor of everything the request writes.
func (s *Server) withActor(ctx context.Context, r *http.Request, p auth.Principal) context.Context {
	return audit.WithActor(ctx, audit.Actor{
		AccountID: p.ID, Username: p.Username, Role: string(p.Role),
		IP: s.clientIP(r), RequestID: requestID(ctx), Via: "web",
	})
}

// anonymous is the actor of requests made before signing in.
func (s *Server) anonymous(r *http.Request, username string) context.Context {
	return audit.WithActor(r.Context(), audit.Actor{Username: username, IP: s.clientIP(r), RequestID: requestID(r.Context()), Via: "web"})
}

// AuditDenied records a request a signed-in user was refused. Requests
// without a session are not recorded (anyone could flood the trail with
// them; failed sign-ins are recorded where they happen). A failure to
// record is logged: the refusal stands either way.
func (k *Kit) AuditDenied(r *http.Request, key string) {
	ctx := r.Context()
	if _, ok := Principal(r); !ok {
		return
	}
	err := audit.Write(ctx, k.db, audit.Entry{
		Action: "access.denied", TargetType: "route", TargetID: r.Method + " " + r.URL.Path,
		Outcome: audit.OutcomeDenied, Detail: key,
	})
	if err != nil {
		k.log.ErrorContext(ctx, "web: audit denied access", "err", err)
	}
}
