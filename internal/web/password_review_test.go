package web

import (
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestReviewPasswordChangeIsNotAnOracle: the password form checks the old
// password with no lockout, rate limit or audit entry. Whoever holds a
// session (a stolen cookie, an unlocked screen) can guess the account's
// real password there without limit — the sign-in lockout does not apply —
// and each guess costs the server one argon2id run.
func TestReviewPasswordChangeIsNotAnOracle(t *testing.T) {
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
		// After MaxFailures wrong guesses the form refuses (429) like sign-in
		// does, even the right password.
		c.run(t, scenario{name: "after many wrong guesses", method: "POST", path: "/account/password",
			form: form("old_password", testPassword, "password", "New-Password-2025!", "password_again", "New-Password-2025!"), status: 429})
	})
}
