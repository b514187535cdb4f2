package web

import (
	"net/http"
	"strings"
)

// HSTS is the Strict-Transport-Security value sent on HTTPS answers: a
// year, subdomains included (no preload: that is a decision for the
// operator of the domain, hard to undo).
const HSTS = "max-age=31536000; includeSubDomains"

// hsts tells browsers to use HTTPS only, on every answer (pages, API,
// static files) given over HTTPS: served directly with TLS, or, with
// --trust-proxy, when the proxy says the client used https
// (X-Forwarded-Proto, its last value: the one the proxy set). Never over
// plain HTTP, where a browser ignores it and a first visit could be
// cut off from a server that does not yet speak TLS.
func (s *Server) hsts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS != nil || (s.trustProxy && forwardedHTTPS(r)) {
			w.Header().Set("Strict-Transport-Security", HSTS)
		}
		next.ServeHTTP(w, r)
	})
}

// forwardedHTTPS reports whether the last X-Forwarded-Proto value is https.
func forwardedHTTPS(r *http.Request) bool {
	vs := r.Header.Values("X-Forwarded-Proto")
	if len(vs) == 0 {
		return false
	}
	parts := strings.Split(vs[len(vs)-1], ",")
	return strings.EqualFold(strings.TrimSpace(parts[len(parts)-1]), "https")
}
