package cli_test

import (
	"context"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// TestReviewUserCommandsAreAudited: the command line's account and token
// commands change who may sign in and with what, yet write nothing to the
// audit trail (issue 3 item 6: every write; docs/security.md: account
// management, token creation and revocation).
func TestReviewUserCommandsAreAudited(t *testing.T) {
	u := demoDB(t, db.SQLite)
	steps := [][]string{
		{"user", "add", "li.ming", "--role", "community", "--area", "迎宾社区", "--db", u},
		{"user", "passwd", "li.ming", "--db", u},
		{"token", "create", "--user", "li.ming", "--db", u},
		{"token", "revoke", "1", "--db", u},
		{"user", "disable", "li.ming", "--db", u},
		{"user", "enable", "li.ming", "--db", u},
	}
	d, err := db.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	count := func() int {
		_, n, err := audit.Query(context.Background(), d.Reader(), audit.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, s := range steps {
		before := count()
		if code, _, stderr := run(t, s...); code != 0 {
			t.Fatalf("%v: %s", s, stderr)
		}
		if count() == before {
			t.Errorf("%v changed the accounts but added no audit entry", s[:2])
		}
	}
}
