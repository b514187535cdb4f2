package testkit

import (
	"context"
	"database/sql"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/tally"
)

// CheckTallied holds every figure read from the maintained counts
// (internal/tally) to its row-level definition, for every area of the
// database as scope and every period, and returns how many values it
// compared. It fails first if the counts are not up to date: a write path
// left tally_dirty behind, so the figures would count rows.
func CheckTallied(t testing.TB, dbh *db.DB, periods [][2]date.Date) int {
	t.Helper()
	ctx := context.Background()
	q := dbh.Reader()
	clean, err := tally.Clean(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !clean {
		t.Fatal("tally_dirty is not empty after the writes")
	}
	rows, err := q.QueryContext(ctx, "SELECT id FROM area ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	areas, err := db.Collect(rows, func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil {
		t.Fatal(err)
	}
	if dbh.Dialect == db.Postgres {
		// The same Go builds the same queries on both engines: PostgreSQL
		// checks every fourth period, enough to run each shape of query
		// (31 December, 1 January, other days, areas that moved), at a
		// fraction of the time.
		var some [][2]date.Date
		for i, p := range periods {
			if i%4 == 0 {
				some = append(some, p)
			}
		}
		periods = some
	}
	n := 0
	for _, a := range areas {
		for _, p := range periods {
			diffs, err := figures.CompareTallied(ctx, q, figures.Scope{AreaID: a, From: p[0], To: p[1]}, figures.All())
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffs {
				t.Error(d)
			}
			n++
		}
	}
	return n
}

// TalliedPeriods are the periods CheckTallied is usually run over: each
// whole year from first to last, each span of whole years from one of them
// to last, one year four years ahead, each single day
// of days and the day before it, and the spans between consecutive days.
func TalliedPeriods(first, last int, days ...string) [][2]date.Date {
	var out [][2]date.Date
	for y := first; y <= last; y++ {
		f, l := date.YearBounds(y)
		out = append(out, [2]date.Date{f, l})
	}
	// Spans of whole years, read from the roll-ups by difference (and the
	// figures that count areas once, from the areas' own counts).
	for y := first; y < last; y++ {
		f, _ := date.YearBounds(y)
		_, l := date.YearBounds(last)
		out = append(out, [2]date.Date{f, l})
	}
	// A year beyond those tally_year is kept for, read by falling back to
	// the latest kept one.
	f, l := date.YearBounds(date.Today().Year() + 4)
	out = append(out, [2]date.Date{f, l})
	for i, s := range days {
		d := date.MustParse(s)
		out = append(out, [2]date.Date{d, d}, [2]date.Date{d.AddDays(-1), d.AddDays(-1)})
		if i > 0 {
			out = append(out, [2]date.Date{date.MustParse(days[i-1]), d})
		}
	}
	return out
}

// CheckBySubArea holds figures.ComputeBySubArea to each sub-area's own
// figures: for every period, each figure of each area at level under the
// area with id scope must equal the figure computed for that area alone
// (the breakdown reads many areas' counts at once). It returns the number
// of values compared.
func CheckBySubArea(t testing.TB, dbh *db.DB, scope int64, level string, periods [][2]date.Date) int {
	t.Helper()
	ctx := context.Background()
	q := dbh.Reader()
	n := 0
	for _, p := range periods {
		s := figures.Scope{AreaID: scope, From: p[0], To: p[1]}
		b, err := figures.ComputeBySubArea(ctx, q, s, level, i18n.ZH, figures.All())
		if err != nil {
			t.Fatal(err)
		}
		for i := range b.Areas {
			for j, f := range b.Figures {
				want, err := f.Compute(ctx, q, b.AreaScope(i))
				if err != nil {
					t.Fatal(err)
				}
				if got := b.Values[i][j]; got != want {
					t.Errorf("%s for %s %s…%s: by sub-area %v, alone %v", f.Key, b.Areas[i].Name, p[0], p[1], got, want)
				}
				n++
			}
		}
	}
	return n
}
