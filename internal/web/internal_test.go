package web

import (
	"bytes"
	"context"
	"dangjian/internal/ratelimit"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestPanicRecovered: a panicking handler gives the 500 page, not a
// dropped connection.
func TestPanicRecovered(t *testing.T) {
	var logs bytes.Buffer
	pg, err := parsePages(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Kit: &Kit{log: slog.New(slog.NewTextHandler(&logs, nil)), pages: pg}}
	h := s.withLang(s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/?lang=en", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "internal server error") || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("status %d, body %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/figures?a=1": "/figures?a=1", "": "/", "//evil.example": "/", "/\\evil": "/", "https://evil.example": "/", "/a\nb": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClientIPBehindProxyIsNotSpoofable: behind a trusted reverse proxy
// that appends the peer to X-Forwarded-For, clientIP is the address the
// proxy added, not the leftmost entry, which is whatever the client sent.
// So a client cannot pick its own address: the per-IP sign-in rate limit
// holds and audit entries name the real address.
func TestClientIPBehindProxyIsNotSpoofable(t *testing.T) {
	s := &Server{trustProxy: true}
	r := httptest.NewRequest("POST", "/signin", nil)
	r.RemoteAddr = "10.0.0.2:5555"                          // the proxy
	r.Header.Set("X-Forwarded-For", "1.2.3.4, 203.0.113.9") // forged by the client, then appended by the proxy
	if got := s.clientIP(r); got != "203.0.113.9" {
		t.Errorf("clientIP = %q, want the address the trusted proxy added (203.0.113.9)", got)
	}
	// Varying the forged value does not refill the limiter.
	s.signinLimit = ratelimit.NewShared(nil, "signin", 20, time.Minute, 10)
	allowed := 0
	for i := range 100 {
		r.Header.Set("X-Forwarded-For", "198.51.100."+Itoa(int64(i))+", 203.0.113.9")
		if ok, _ := s.signinLimit.Allow(context.Background(), s.clientIP(r)); ok {
			allowed++
		}
	}
	if allowed > 10 {
		t.Errorf("one client got %d sign-in attempts through the rate limit (burst 10) by varying X-Forwarded-For", allowed)
	}
}

// browserResolve does what a browser's URL parser does to a Location
// header before resolving it: strip ASCII tab and newline anywhere and
// treat "\" like "/" (WHATWG URL standard).
func browserResolve(base, loc string) string {
	loc = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		if r == '\\' {
			return '/'
		}
		return r
	}, loc)
	b, _ := url.Parse(base)
	u, err := url.Parse(loc)
	if err != nil {
		return ""
	}
	return b.ResolveReference(u).Host
}

// TestPostSignInRedirectStaysLocal: safeNext (and localPath, for the
// language switch) give a Location a browser resolves to this site, also
// for "/\t/" and "/\t\", which a browser reads as "//" (it drops the tab):
// a phishing link to /signin?next=/%09/evil.example leaves the user here
// after a genuine sign-in.
func TestPostSignInRedirectStaysLocal(t *testing.T) {
	for _, next := range []string{"/\t/evil.example/", "/\t\\evil.example/"} {
		for name, f := range map[string]func(string) string{"safeNext": safeNext, "localPath": localPath} {
			w := httptest.NewRecorder()
			r := httptest.NewRequest("GET", "https://dj.example/lang/en", nil)
			SeeOther(w, r, f(next))
			loc := w.Result().Header.Get("Location")
			if w.Code == http.StatusSeeOther {
				if host := browserResolve("https://dj.example/lang/en", loc); host != "dj.example" {
					t.Errorf("%s(%q): Location %q takes a browser to %q", name, next, loc, host)
				}
			}
		}
	}
}
