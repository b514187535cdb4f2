package web_test

import (
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
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
