package auth_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// clock is a settable time for session and lockout tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newStore(t *testing.T, d *db.DB) (*auth.Store, *clock, int64) {
	t.Helper()
	c := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	s := &auth.Store{DB: d, Params: auth.TestParams, Now: c.now}
	as := area.NewStore(d)
	as.Today = func() date.Date { return date.MustParse("2025-03-01") }
	root, err := as.Create(context.Background(), area.CreateInput{Level: area.District, Name: "测试区", On: date.MustParse("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	return s, c, root
}

const goodPassword = "Correct-Horse-42"

// account creates an account and gives it a known password.
func account(t *testing.T, s *auth.Store, name string, role auth.Role, areaID int64) auth.Account {
	t.Helper()
	ctx := context.Background()
	a, once, err := s.Create(ctx, auth.NewAccount{Username: name, Role: role, AreaID: areaID})
	if err != nil {
		t.Fatal(err)
	}
	if err := auth.CheckPolicy(name, once); err != nil {
		t.Fatalf("generated password %q fails the policy: %v", once, err)
	}
	if err := s.ChangePassword(ctx, a.ID, once, goodPassword, ""); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPasswordPolicy(t *testing.T) {
	cases := []struct {
		user, pw, key string
	}{
		{"li", "Abc-123", "err.password_short"},
		{"li", "abcdefghijk", "err.password_classes"},
		{"li", "abcdefghij1", "err.password_classes"},
		{"li", "ABCDEFGHIJ1!", ""},
		{"li", "abcdefghij1!", ""},
		{"li", "Abcdefghij1", ""},
		{"li", "Iloveyou2025!", "err.password_common"},
		{"zhang.wei10", "Zhang.Wei10-Home", "err.password_contains_username"},
		{"li", "党建工作Abc123", ""},
		{"zhang.wei10", "Zhang.Wei10", "err.password_is_username"},
	}
	for _, c := range cases {
		err := auth.CheckPolicy(c.user, c.pw)
		var ie *i18n.Error
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%q refused: %v", c.pw, err)
		case c.key != "" && (!errors.As(err, &ie) || ie.Key != c.key):
			t.Errorf("%q: got %v, want %s", c.pw, err, c.key)
		}
	}
	for i := 0; i < 50; i++ {
		pw, err := auth.GeneratePassword()
		if err != nil || auth.CheckPolicy("admin", pw) != nil || len(pw) != 16 {
			t.Fatalf("generated %q: %v", pw, err)
		}
	}
}

func TestHashAndCheck(t *testing.T) {
	h, err := auth.HashPassword(auth.TestParams, goodPassword)
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$") {
		t.Fatalf("hash %q %v", h, err)
	}
	h2, _ := auth.HashPassword(auth.TestParams, goodPassword)
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for pw, want := range map[string]bool{goodPassword: true, "correct-horse-42": false, "": false} {
		if ok, err := auth.CheckPassword(h, pw); ok != want || err != nil {
			t.Errorf("check %q = %v %v", pw, ok, err)
		}
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=64,t=1,p=1$AA$AA", "plaintext", "$argon2id$v=19$m=x$a$b"} {
		if _, err := auth.CheckPassword(bad, "x"); err == nil {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestLockoutAndUnlockTiming(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		account(t, s, "zhao", auth.District, root)
		for i := 1; i < auth.MaxFailures; i++ {
			if _, _, err := s.SignIn(ctx, "zhao", "wrong-Password-1", "", ""); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		_, _, err := s.SignIn(ctx, "zhao", "wrong-Password-1", "", "")
		var le *auth.LockedError
		if !errors.As(err, &le) || !le.Until.Equal(c.now().Add(auth.LockDuration)) {
			t.Fatalf("fifth failure: %v", err)
		}
		// Locked: even the right password is refused until the lock runs out.
		c.advance(auth.LockDuration - time.Second)
		if _, _, err := s.SignIn(ctx, "ZHAO ", goodPassword, "", ""); !errors.Is(err, auth.ErrLocked) {
			t.Fatalf("right password while locked: %v", err)
		}
		c.advance(time.Second)
		if _, _, err := s.SignIn(ctx, "zhao", goodPassword, "", ""); err != nil {
			t.Fatalf("after the lock: %v", err)
		}
		// Success resets the count: four more failures do not lock.
		for i := 1; i < auth.MaxFailures; i++ {
			if _, _, err := s.SignIn(ctx, "zhao", "nope-Nope-1", "", ""); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("failure %d after reset: %v", i, err)
			}
		}
	})
}

func TestSignInDoesNotRevealUsernames(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		account(t, s, "qian", auth.Viewer, root)
		_, _, errKnown := s.SignIn(ctx, "qian", "Wrong-password-1", "", "")
		_, _, errUnknown := s.SignIn(ctx, "nobody", "Wrong-password-1", "", "")
		if !errors.Is(errKnown, auth.ErrBadCredentials) || !errors.Is(errUnknown, auth.ErrBadCredentials) || errKnown.Error() != errUnknown.Error() {
			t.Errorf("known %v, unknown %v: must be the same", errKnown, errUnknown)
		}
		// Unknown usernames lock the same way.
		var err error
		for i := 0; i < auth.MaxFailures; i++ {
			_, _, err = s.SignIn(ctx, "nobody", "Wrong-password-1", "", "")
		}
		if !errors.Is(err, auth.ErrLocked) {
			t.Errorf("unknown username after %d failures: %v", auth.MaxFailures, err)
		}
		// A disabled account with its right password looks like a wrong password.
		if err := s.SetDisabled(ctx, "qian", true); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.SignIn(ctx, "qian", goodPassword, "", ""); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("disabled account: %v", err)
		}
	})
}

func TestSessionExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		a := account(t, s, "sun", auth.Community, root)
		tok, _, err := s.SignIn(ctx, "sun", goodPassword, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Session(ctx, tok)
		if err != nil || p.ID != a.ID || p.Role != auth.Community || p.AreaID != root {
			t.Fatalf("session = %+v %v", p, err)
		}
		// Activity every 29 minutes keeps it alive for 12 hours…
		start := c.now()
		for c.now().Add(29*time.Minute).Sub(start) < auth.AbsoluteTimeout {
			c.advance(29 * time.Minute)
			if _, err := s.Session(ctx, tok); err != nil {
				t.Fatalf("active session ended after %v: %v", c.now().Sub(start), err)
			}
		}
		// …but not past the absolute timeout.
		c.advance(29 * time.Minute)
		if _, err := s.Session(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("session at %v: %v", c.now().Sub(start), err)
		}
		// Idle for 30 minutes ends a fresh session.
		tok2, _, _ := s.SignIn(ctx, "sun", goodPassword, "", "")
		c.advance(auth.IdleTimeout)
		if _, err := s.Session(ctx, tok2); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("idle session: %v", err)
		}
		// Sign-out ends it at once.
		tok3, _, _ := s.SignIn(ctx, "sun", goodPassword, "", "")
		if err := s.SignOut(ctx, tok3); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, tok3); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("signed-out session: %v", err)
		}
		if _, err := s.Session(ctx, "forged"); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("forged token: %v", err)
		}
	})
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		a := account(t, s, "zhou", auth.Subdistrict, root)
		keep, _, _ := s.SignIn(ctx, "zhou", goodPassword, "", "")
		other, _, _ := s.SignIn(ctx, "zhou", goodPassword, "", "")
		if err := s.ChangePassword(ctx, a.ID, goodPassword, "Another-Pass-77", keep); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, keep); err != nil {
			t.Errorf("the session that changed the password ended: %v", err)
		}
		if _, err := s.Session(ctx, other); err == nil {
			t.Error("another session survived the password change")
		}
		var ie *i18n.Error
		if err := s.ChangePassword(ctx, a.ID, "wrong-Old-99", "Third-Pass-88", ""); !errors.As(err, &ie) || ie.Key != "err.password_wrong" {
			t.Errorf("wrong old password: %v", err)
		}
		pw, err := s.ResetPassword(ctx, "zhou")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.Get(ctx, a.ID)
		if !got.MustChangePassword {
			t.Error("reset password need not be changed")
		}
		if _, _, err := s.SignIn(ctx, "zhou", pw, "", ""); err != nil {
			t.Errorf("sign in with the reset password: %v", err)
		}
	})
}

func TestTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		a := account(t, s, "wu", auth.District, root)
		tk, secret, err := s.CreateToken(ctx, a.ID, "报表脚本", 24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.TokenPrincipal(ctx, secret)
		if err != nil || p.ID != a.ID || p.TokenID != tk.ID {
			t.Fatalf("token principal = %+v %v", p, err)
		}
		cases := map[string]string{
			"malformed":    "Bearer xyz",
			"wrong prefix": "xx_" + secret[3:],
			"one char off": secret[:len(secret)-1] + "A",
			"truncated":    secret[:20],
			"empty":        "",
		}
		for name, bad := range cases {
			if bad == secret {
				continue
			}
			if _, err := s.TokenPrincipal(ctx, bad); !errors.Is(err, auth.ErrBadToken) {
				t.Errorf("%s token accepted: %v", name, err)
			}
		}
		c.advance(24 * time.Hour)
		if _, err := s.TokenPrincipal(ctx, secret); !errors.Is(err, auth.ErrBadToken) {
			t.Errorf("expired token accepted: %v", err)
		}
		_, secret2, _ := s.CreateToken(ctx, a.ID, "", time.Hour)
		tks, _ := s.Tokens(ctx, a.ID)
		if err := s.RevokeToken(ctx, tks[1].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenPrincipal(ctx, secret2); !errors.Is(err, auth.ErrBadToken) {
			t.Errorf("revoked token accepted: %v", err)
		}
		if err := s.RevokeToken(ctx, tks[1].ID); err == nil {
			t.Error("revoked twice")
		}
		if _, _, err := s.CreateToken(ctx, a.ID, "", 0); err == nil {
			t.Error("token without lifetime created")
		}
	})
}

func TestCreateAccountValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		account(t, s, "taken", auth.Viewer, root)
		cases := []struct {
			in  auth.NewAccount
			key string
		}{
			{auth.NewAccount{Username: "A", Role: auth.Admin}, "err.username_format"},
			{auth.NewAccount{Username: "has space", Role: auth.Admin}, "err.username_format"},
			{auth.NewAccount{Username: "taken", Role: auth.Viewer, AreaID: root}, "err.username_taken"},
			{auth.NewAccount{Username: "x1", Role: "boss"}, "err.role_invalid"},
			{auth.NewAccount{Username: "x2", Role: auth.Community}, "err.role_needs_area"},
			{auth.NewAccount{Username: "x3", Role: auth.Community, AreaID: 9999}, "err.area_not_found"},
			{auth.NewAccount{Username: "x4", Role: auth.Viewer, AreaID: root, CanReveal: true}, "err.role_cannot_reveal"},
		}
		for _, c := range cases {
			_, _, err := s.Create(ctx, c.in)
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != c.key {
				t.Errorf("%+v: %v, want %s", c.in, err, c.key)
			}
		}
		pw, err := s.EnsureAdmin(ctx)
		if err != nil || pw != "" {
			t.Errorf("EnsureAdmin on a database with accounts: %q %v", pw, err)
		}
	})
}

func TestEnsureAdminOnEmptyDatabase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, _ := newStore(t, d)
		pw, err := s.EnsureAdmin(ctx)
		if err != nil || auth.CheckPolicy("admin", pw) != nil {
			t.Fatalf("admin password %q %v", pw, err)
		}
		a, err := s.ByUsername(ctx, "admin")
		if err != nil || a.Role != auth.Admin || !a.MustChangePassword {
			t.Fatalf("admin = %+v %v", a, err)
		}
		if _, _, err := s.SignIn(ctx, "admin", pw, "", ""); err != nil {
			t.Errorf("admin cannot sign in with the printed password: %v", err)
		}
		for _, guess := range []string{"admin", "admin123", "Admin@123456", "dangjian", "password"} {
			if _, _, err := s.SignIn(ctx, "admin", guess, "", ""); err == nil {
				t.Errorf("default password %q works", guess)
			}
		}
	})
}

func TestRolePermissions(t *testing.T) {
	type row struct {
		role                              auth.Role
		read, write, audit, users, reveal bool
	}
	rows := []row{
		{auth.Admin, true, true, true, true, true},
		{auth.District, true, true, false, false, true},
		{auth.Subdistrict, true, true, false, false, true},
		{auth.Community, true, true, false, false, true},
		{auth.Unit, false, false, false, false, false}, // their unit only: see TestUnitPermissions
		{auth.Viewer, true, false, false, false, false},
		{auth.Auditor, false, false, true, false, false},
	}
	if len(rows) != len(auth.Roles) {
		t.Fatalf("%d rows for %d roles", len(rows), len(auth.Roles))
	}
	for _, r := range rows {
		got := []bool{r.role.Allows(auth.ReadAreas), r.role.Allows(auth.WriteAreas), r.role.Allows(auth.ReadAudit), r.role.Allows(auth.ManageUsers), r.role.Allows(auth.RevealPII)}
		want := []bool{r.read, r.write, r.audit, r.users, r.reveal}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s permission %d = %v, want %v", r.role, i, got[i], want[i])
			}
		}
		p := auth.Principal{Account: auth.Account{ID: 1, Role: r.role}}
		if p.Can(auth.RevealPII) {
			t.Errorf("%s reveals without the account's own flag", r.role)
		}
	}
}

// TestAccountChangesAreAudited: every change to accounts, sessions and
// tokens writes its entry in the same transaction, and none holds a secret.
func TestAccountChangesAreAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		a, once, err := s.Create(ctx, auth.NewAccount{Username: "zheng", Role: auth.District, AreaID: root})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ChangePassword(ctx, a.ID, once, goodPassword, ""); err != nil {
			t.Fatal(err)
		}
		tok, _, _ := s.SignIn(ctx, "zheng", goodPassword, "", "")
		_, _, _ = s.SignIn(ctx, "zheng", "Wrong-password-9", "", "")
		_ = s.SignOut(ctx, tok)
		tk, secret, _ := s.CreateToken(ctx, a.ID, "x", time.Hour)
		_ = s.RevokeToken(ctx, tk.ID)
		reset, _ := s.ResetPassword(ctx, "zheng")
		_ = s.SetDisabled(ctx, "zheng", true)
		_ = s.SetDisabled(ctx, "zheng", false)
		want := []string{"account.create", "auth.password_changed", "auth.signin", "auth.signin_failed", "auth.signout",
			"token.create", "token.revoke", "account.reset", "account.disable", "account.enable"}
		recs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, r := range recs {
			got[r.Action] = true
			for _, secretText := range []string{once, goodPassword, secret, reset, "Wrong-password-9"} {
				if strings.Contains(r.Before+r.After+r.Detail+r.TargetID, secretText) {
					t.Errorf("%s entry holds a secret", r.Action)
				}
			}
			if r.Action == "auth.signin" && r.Actor.Username != "zheng" {
				t.Errorf("sign-in actor = %q", r.Actor.Username)
			}
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("no %s entry", w)
			}
		}
	})
}

// TestPasswordChangeCountsAgainstTheLock: guessing the current password in
// the change form locks the account like failed sign-ins do.
func TestPasswordChangeCountsAgainstTheLock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		a := account(t, s, "feng", auth.Viewer, root)
		var err error
		for i := 0; i < auth.MaxFailures; i++ {
			err = s.ChangePassword(ctx, a.ID, "Guess-number-"+strconv.Itoa(i), "Whatever-New-1", "")
		}
		if !errors.Is(err, auth.ErrLocked) {
			t.Fatalf("after %d wrong guesses: %v", auth.MaxFailures, err)
		}
		if err := s.ChangePassword(ctx, a.ID, goodPassword, "Whatever-New-1", ""); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("right password while locked: %v", err)
		}
		if _, _, err := s.SignIn(ctx, "feng", goodPassword, "", ""); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("sign-in while locked by password guesses: %v", err)
		}
	})
}
