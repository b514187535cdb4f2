package web

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHSTS: Strict-Transport-Security on answers over TLS, directly or
// through a trusted proxy that says https; never over plain HTTP, and not
// on a client's own X-Forwarded-Proto when no proxy is trusted.
func TestHSTS(t *testing.T) {
	cases := []struct {
		name       string
		tls, trust bool
		proto      []string
		want       bool
	}{
		{"plain http", false, false, nil, false},
		{"tls direct", true, false, nil, true},
		{"proxy says https", false, true, []string{"https"}, true},
		{"proxy says HTTPS, list", false, true, []string{"http, https"}, true},
		{"proxy says http", false, true, []string{"http"}, false},
		{"client forges https, no trusted proxy", false, false, []string{"https"}, false},
		{"trusted proxy, no header", false, true, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Server{trustProxy: c.trust}
			h := s.hsts(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
			r := httptest.NewRequest("GET", "/signin", nil)
			if c.tls {
				r.TLS = &tls.ConnectionState{}
			}
			for _, p := range c.proto {
				r.Header.Add("X-Forwarded-Proto", p)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			got := rec.Header().Get("Strict-Transport-Security")
			if (got == HSTS) != c.want || (!c.want && got != "") {
				t.Errorf("Strict-Transport-Security = %q, want it %v", got, c.want)
			}
		})
	}
}
