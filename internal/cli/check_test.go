package cli_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// dangjian check passes on whole records and names each breach otherwise,
// exiting non-zero.
func TestCheckCommand(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			u, d := migratedAt(t, e)
			code, out, stderr := run(t, "check", "--db", u)
			if code != 0 || !strings.HasPrefix(out, "all ") || !strings.HasSuffix(out, " invariants hold\n") {
				t.Fatalf("whole records: exit %d, %q %q", code, out, stderr)
			}
			// A branch that ended while a member stayed in it: the breach a
			// dissolve used to leave.
			for _, s := range []string{
				"INSERT INTO area (id, level, name, established_on) VALUES (1, 'district', '检查区', '2020-01-01')",
				"INSERT INTO party_org (id, area_id, kind, name, started_on, ended_on) VALUES (1, 1, 'branch', '检查支部', '2020-01-01', '2024-01-01')",
				"INSERT INTO person (id, name, gender, ethnicity, education, address) VALUES (1, '检查人', 'female', '汉族', 'bachelor', '')",
				"INSERT INTO membership (id, person_id, org_id, status, category, joined_party_on, from_on, start_reason) VALUES (7, 1, 1, 'full', 'resident', '2000-01-01', '2020-01-01', 'enrolment')",
			} {
				if _, err := d.Writer().ExecContext(ctx, s); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
			}
			code, out, stderr = run(t, "check", "--db", u)
			if code == 0 || !strings.Contains(out, "membership.org_active: record 7: membership of 检查支部 open after the organisation ended on 2024-01-01") ||
				!strings.Contains(stderr, "1 breaches") {
				t.Errorf("a breach: exit %d, out %q, err %q", code, out, stderr)
			}
		})
	}
}

// migratedAt returns the URL of a fresh migrated database of engine e that
// a command opens itself, and the test's own connection to it (closed when
// the test ends). Unlike dbtest.Open it is not checked as the test ends:
// these tests plant what the checks refuse.
func migratedAt(t *testing.T, e db.Dialect) (string, *db.DB) {
	t.Helper()
	u := dbtest.URL(t, e)
	d, err := db.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return u, d
}
