package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	dapp "dangjian/internal/app"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

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
			c.run(t, scenario{Name: "guess", Method: "POST", Path: "/account/password",
				Form: form("old_password", "Wrong-Guess-2025", "password", "New-Password-2025!", "password_again", "New-Password-2025!"), Status: 422})
		}
		c.run(t, scenario{Name: "the guess that locks", Method: "POST", Path: "/account/password",
			Form: form("old_password", "Wrong-Guess-2025", "password", "New-Password-2025!", "password_again", "New-Password-2025!"), Status: 429})
		c.run(t, scenario{Name: "after many wrong guesses", Method: "POST", Path: "/account/password",
			Form: form("old_password", testPassword, "password", "New-Password-2025!", "password_again", "New-Password-2025!"), Status: 429})
	})
}

// TestSigninDemoHint: a server started with --demo says on the sign-in page
// where the demo accounts were printed; any other server says nothing.
func TestSigninDemoHint(t *testing.T) {
	w := testkit.New(t, dbtest.Open(t, db.SQLite), testkit.Options{})
	for _, tc := range []struct {
		demo bool
		lang string
		want string
	}{
		{true, "zh", "在首次启动时打印在运行 dangjian serve --demo 的终端窗口中"},
		{true, "en", "printed, once, in the terminal that ran dangjian serve --demo"},
		{false, "zh", ""},
	} {
		h, err := w.App.Handler(dapp.HTTP{Demo: tc.demo})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodGet, "/signin?lang="+tc.lang, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if tc.want != "" && !strings.Contains(body, tc.want) || tc.want == "" && strings.Contains(body, `id="demo-hint"`) {
			t.Errorf("demo %v, %s: sign-in page\n%s", tc.demo, tc.lang, body)
		}
	}
}
