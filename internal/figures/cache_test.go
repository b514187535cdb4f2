package figures_test

import (
	"context"
	"database/sql"
	"reflect"
	"slices"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/testkit"
)

// TestCachedValuesFollowWrites: a scope's figures are computed once and
// then served from the cache until a write to the records; a change the
// stamp does not see (the counts edited by hand, as only this test does)
// is served stale, which shows the cache answered; any domain write, a
// transaction or Uncached computes afresh.
func TestCachedValuesFollowWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := testkit.New(t, d, testkit.Options{Demo: true})
		ctx := context.Background()
		y := w.Today.Year() - 1
		s := figures.Scope{AreaID: w.ID("示范区"), From: date.New(y, 1, 1), To: date.New(y, 12, 31)}
		compute := func(ctx context.Context, q db.Q) []float64 {
			t.Helper()
			vals, err := figures.ComputeAll(ctx, q, s, i18n.ZH)
			if err != nil {
				t.Fatal(err)
			}
			out := make([]float64, len(vals))
			for i, v := range vals {
				out[i] = v.Value
			}
			return out
		}
		first := compute(ctx, d.Reader())
		edit := func(by int) {
			t.Helper()
			if _, err := d.Writer().ExecContext(ctx, "UPDATE tally_rollup SET members = members + ?", by); err != nil {
				t.Fatal(err)
			}
		}
		edit(7)
		defer edit(-7)
		if got := compute(ctx, d.Reader()); !slices.Equal(got, first) {
			t.Fatalf("the second computation did not come from the cache:\n%v\n%v", got, first)
		}
		edited := compute(figures.Uncached(ctx), d.Reader())
		if slices.Equal(edited, first) {
			t.Fatal("editing the counts changed no figure: the test shows nothing")
		}
		var inTx []float64
		if err := d.Tx(ctx, func(tx db.Q) error {
			inTx = compute(ctx, tx)
			return db.ErrRollback
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(inTx, edited) {
			t.Errorf("a transaction was served cached values:\n%v\n%v", inTx, edited)
		}
		// Any write to the records, here one that changes nothing and
		// leaves the counts clean (a write to an area would have them
		// recounted, and the figures counted from rows meanwhile).
		if _, err := d.Writer().ExecContext(ctx, "UPDATE person SET id = id WHERE id = (SELECT MIN(id) FROM person)"); err != nil {
			t.Fatal(err)
		}
		if got := compute(ctx, d.Reader()); !slices.Equal(got, edited) {
			t.Errorf("after a write the cache served:\n%v\nwant\n%v", got, edited)
		}
		// The single figure's computation shares the cache.
		f := figures.All()[0]
		v, err := f.Compute(ctx, d.Reader(), s)
		if err != nil || v != edited[0] {
			t.Errorf("%s: %v %v, want %v", f.Key, v, err, edited[0])
		}
	})
}

// nonDomainTables are the tables no figure reads, whose writes leave the
// figures' cache alone: accounts, sessions, sign-in attempts and tokens,
// the audit trail, settings, speech templates and the counts themselves
// (kept in the same transactions as the records they count).
var nonDomainTables = []string{
	"account", "api_token", "audit_entry", "data_stamp", "job", "job_file", "job_output", "login_address", "login_attempt", "login_failure", "rate_limit",
	"schema_migrations", "session", "setting",
	"speech_template", "tally", "tally_dirty", "tally_jan1", "tally_rollup", "tally_rollup_link", "tally_set", "tally_year",
}

// TestEveryDomainTableBumpsTheStamp: a table added without the data_stamp
// trigger would let the figures' cache serve values its writes changed.
func TestEveryDomainTableBumpsTheStamp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		list, count := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
			"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'data_stamp_%'"
		want := 3 // insert, update, delete
		if d.Dialect == db.Postgres {
			list = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
			count = "SELECT COUNT(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = ? AND g.tgname LIKE 'data_stamp_%'"
			want = 1 // one per statement, whatever it does
		}
		rows, err := d.Reader().QueryContext(ctx, list)
		if err != nil {
			t.Fatal(err)
		}
		tables, err := db.Collect(rows, func(r *sql.Rows) (string, error) {
			var n string
			return n, r.Scan(&n)
		})
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, table := range tables {
			if slices.Contains(nonDomainTables, table) {
				continue
			}
			var n int
			if err := d.Reader().QueryRowContext(ctx, count, table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("table %s has %d data_stamp triggers, want %d (or list it in nonDomainTables if no figure reads it)", table, n, want)
			}
			checked++
		}
		if checked < 40 {
			t.Errorf("only %d tables checked", checked)
		}
	})
}
