package dbtest

import (
	"context"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/invariant"
)

// scanAuditForPII fails t when any audit entry written during the test
// holds an ID or phone number in plain text. Every test database is
// scanned as its test ends, so every write the suite makes is checked.
func scanAuditForPII(t testing.TB, d *db.DB) {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(),
		"SELECT seq, action, before_json, after_json, detail FROM audit_entry")
	if err != nil {
		return // not migrated, or closed by the test itself
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var action, before, after, detail string
		if err := rows.Scan(&seq, &action, &before, &after, &detail); err != nil {
			return
		}
		for _, s := range []string{before, after, detail} {
			if m := audit.FindPlainNumber(s); m != "" {
				t.Errorf("audit entry %d (%s) holds %s in plain text", seq, action, m)
			}
		}
	}
}

// checkInvariants fails t on any breach of the invariants the domains in
// the test binary register, so that every kind of write the suite makes
// is checked against them as its test ends.
func checkInvariants(t testing.TB, d *db.DB) {
	t.Helper()
	breaches, err := invariant.Check(context.Background(), d.Reader())
	if err != nil {
		return // not migrated, or closed by the test itself
	}
	for _, b := range breaches {
		t.Errorf("invariant broken: %s", b)
	}
}
