package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

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
			seeOther(w, r, f(next))
			loc := w.Result().Header.Get("Location")
			if w.Code == http.StatusSeeOther {
				if host := browserResolve("https://dj.example/lang/en", loc); host != "dj.example" {
					t.Errorf("%s(%q): Location %q takes a browser to %q", name, next, loc, host)
				}
			}
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
	s.signinLimit = newRateLimiter(20, 10)
	allowed := 0
	for i := range 100 {
		r.Header.Set("X-Forwarded-For", "198.51.100."+itoa(int64(i))+", 203.0.113.9")
		if s.signinLimit.allow(s.clientIP(r)) {
			allowed++
		}
	}
	if allowed > 10 {
		t.Errorf("one client got %d sign-in attempts through the rate limit (burst 10) by varying X-Forwarded-For", allowed)
	}
}

// TestPasswordFormLocksLikeSignIn: the password form's check of the old
// password counts against the sign-in lockout, so whoever holds a session
// (a stolen cookie, an unlocked screen) cannot guess the account's real
// password there without limit, each guess costing the server one
// argon2id run. After MaxFailures wrong guesses the form refuses (429)
// like sign-in does, even the right password.
func TestPasswordFormLocksLikeSignIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("viewer1", auth.Viewer, "河东街道")
		c := clientAs(app, "viewer1")
		for range auth.MaxFailures - 1 {
			c.run(t, scenario{name: "guess", method: "POST", path: "/account/password",
				form: form("old_password", "Wrong-Guess-2025", "password", "New-Password-2025!", "password_again", "New-Password-2025!"), status: 422})
		}
		c.run(t, scenario{name: "the guess that locks", method: "POST", path: "/account/password",
			form: form("old_password", "Wrong-Guess-2025", "password", "New-Password-2025!", "password_again", "New-Password-2025!"), status: 429})
		c.run(t, scenario{name: "after many wrong guesses", method: "POST", path: "/account/password",
			form: form("old_password", testPassword, "password", "New-Password-2025!", "password_again", "New-Password-2025!"), status: 429})
	})
}
