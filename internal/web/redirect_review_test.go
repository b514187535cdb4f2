package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
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

// TestReviewPostSignInRedirectStaysLocal: safeNext (and localPath, for the
// language switch) refuse "//" and "/\" but not "/\t/": a browser drops the
// tab and follows "//evil.example" to another site. A phishing link to
// /signin?next=/%09/evil.example sends the user there right after a
// genuine sign-in.
func TestReviewPostSignInRedirectStaysLocal(t *testing.T) {
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
