package demo

import (
	"context"
	"testing"

	"dangjian/internal/db"
)

// sqlCheck is a COUNT(*) over a generated tier and what it counts.
type sqlCheck struct{ what, query string }

// countSQL runs a COUNT(*) query.
func countSQL(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%v: %s", err, query)
	}
	return n
}

// tableRows is a table and the rows the generator's stats say it holds.
type tableRows struct {
	table string
	want  int
}

// expectRows checks that each table holds the rows the stats say, and some.
func expectRows(t *testing.T, d *db.DB, tables ...tableRows) {
	t.Helper()
	for _, c := range tables {
		if n := countSQL(t, d, "SELECT COUNT(*) FROM "+c.table); n != c.want || n == 0 {
			t.Errorf("%d rows in %s (stats %d)", n, c.table, c.want)
		}
	}
}

// expectNone checks that each check counts nothing: a rule of the Store
// the generated rows keep.
func expectNone(t *testing.T, d *db.DB, checks ...sqlCheck) {
	t.Helper()
	for _, c := range checks {
		if n := countSQL(t, d, c.query); n != 0 {
			t.Errorf("%d %s", n, c.what)
		}
	}
}

// expectSome checks that each check counts something: each kind of case
// is there.
func expectSome(t *testing.T, d *db.DB, checks ...sqlCheck) {
	t.Helper()
	for _, c := range checks {
		if countSQL(t, d, c.query) == 0 {
			t.Errorf("no %s", c.what)
		}
	}
}
