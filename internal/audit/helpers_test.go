package audit_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// exec runs statements on the writer and fails the test on error.
func exec(t *testing.T, d *db.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := d.Writer().ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// dropGuards removes the append-only triggers, as a DBA with direct access
// could; the hash chain is what catches tampering after that.
func dropGuards(t *testing.T, d *db.DB) {
	t.Helper()
	if d.Dialect == db.Postgres {
		exec(t, d, "DROP TRIGGER audit_entry_no_update ON audit_entry", "DROP TRIGGER audit_entry_no_delete ON audit_entry")
		return
	}
	exec(t, d, "DROP TRIGGER audit_entry_no_update", "DROP TRIGGER audit_entry_no_delete")
}

// seed writes n entries numbered 1…n with varied actors and content.
func seed(t *testing.T, d *db.DB, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		ctx := audit.WithActor(context.Background(), audit.Actor{
			AccountID: int64(i%3 + 1), Username: fmt.Sprintf("user%d", i%3), Role: "community",
			IP: "10.0.0." + fmt.Sprint(i), RequestID: fmt.Sprintf("req-%d", i), Via: "web",
		})
		e := audit.Entry{
			Action: "area.rename", TargetType: "area", TargetID: fmt.Sprint(i),
			Before: map[string]any{"name": fmt.Sprintf("旧名%d", i)},
			After:  map[string]any{"name": fmt.Sprintf("新名%d", i)},
			Detail: "seed",
		}
		if err := audit.Write(ctx, d, e); err != nil {
			t.Fatal(err)
		}
	}
}

// records returns all entries in seq order.
func records(t *testing.T, d *db.DB) []audit.Record {
	t.Helper()
	rs, total, err := audit.Query(context.Background(), d.Reader(), audit.Filter{Limit: audit.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if total > len(rs) {
		t.Fatalf("records: %d of %d", len(rs), total)
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return rs
}

// insert writes r directly, bypassing Append.
func insert(t *testing.T, d *db.DB, r audit.Record) {
	t.Helper()
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(r.Values())), ", ")
	if _, err := d.Writer().ExecContext(context.Background(), "INSERT INTO audit_entry ("+audit.Columns+") VALUES ("+ph+")", r.Values()...); err != nil {
		t.Fatal(err)
	}
}

// verify runs Verify and fails on a read error.
func verify(t *testing.T, d *db.DB) audit.Result {
	t.Helper()
	res, err := audit.Verify(context.Background(), d.Reader())
	if err != nil {
		t.Fatal(err)
	}
	return res
}
