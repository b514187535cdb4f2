// Package tally maintains the counts behind the people figures (members,
// units, posts, registrations) per area as step functions over time, so a
// figure over a city of two million members reads one row per area instead
// of counting every membership.
//
// Triggers on the source tables (migration 0005) note in tally_dirty which
// areas, party organisations and units a write touched. Flush, called at the
// end of every write transaction, recounts those areas from the source rows
// and empties tally_dirty. A recount is exact by construction (it reads the
// same rows the row-level figure queries read), so the counts cannot drift;
// while tally_dirty holds anything the figures fall back to counting rows.
package tally

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/internal/db"
)

// batch is how many areas are recounted together: large enough that a full
// recount of a province runs few queries, small enough that one batch's
// records fit comfortably in memory.
const batch = 256

// Every write transaction brings the counts up to date before it commits,
// whichever store made it.
func init() {
	db.BeforeCommit(func(ctx context.Context, q db.Q) error {
		if ctx.Value(deferKey{}) != nil {
			return nil
		}
		clean, err := Clean(ctx, q)
		if err != nil || clean {
			return err
		}
		_, err = Flush(ctx, q)
		return err
	})
}

// deferKey marks a context whose writes leave the recount to a later Flush.
type deferKey struct{}

// Defer returns a context whose write transactions do not recount: a
// replay or bulk load of many small writes calls Flush once at the end
// instead of recounting the same areas after every one. Until then the
// figures count rows (tally_dirty is not empty), so nothing reads stale
// counts.
func Defer(ctx context.Context) context.Context { return context.WithValue(ctx, deferKey{}, true) }

// Clean reports whether the counts are up to date (tally_dirty is empty).
func Clean(ctx context.Context, q db.Q) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM tally_dirty LIMIT 1) d").Scan(&n); err != nil {
		return false, fmt.Errorf("tally: %w", err)
	}
	return n == 0, nil
}

// Flush recounts every area a write has touched since the last flush and
// empties tally_dirty. q must be the write transaction that made the
// changes, so the counts commit with them. It returns the number of areas
// recounted.
func Flush(ctx context.Context, q db.Q) (int, error) {
	if err := db.LockWriters(ctx, q); err != nil {
		return 0, err
	}
	areas, err := dirtyAreas(ctx, q)
	if err != nil {
		return 0, err
	}
	for lo := 0; lo < len(areas); lo += batch {
		if err := recount(ctx, q, areas[lo:min(lo+batch, len(areas))]); err != nil {
			return 0, err
		}
	}
	if _, err := q.ExecContext(ctx, "DELETE FROM tally_dirty"); err != nil {
		return 0, fmt.Errorf("tally: %w", err)
	}
	return len(areas), nil
}

// YearsKept is the year up to which every area's tally_year holds a row
// for every year from its first change on (a year without a change repeats
// the one before), so that the counts on any 31 December up to it are one
// exact lookup, no row meaning none so far. A later year is read from the
// latest row before it (internal/figures); raise this before 2050 comes.
const YearsKept = 2050

// MarkAll notes every area for a recount on the next Flush (after a bulk
// load that bypassed nothing but should be recounted at once anyway, or to
// repair counts after a change of this package's rules).
func MarkAll(ctx context.Context, q db.Q) error {
	_, err := q.ExecContext(ctx, "INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area WHERE id NOT IN (SELECT id FROM tally_dirty WHERE kind = 'area')")
	if err != nil {
		return fmt.Errorf("tally: %w", err)
	}
	return nil
}

// dirtyAreas resolves tally_dirty to areas: an organisation stands where its
// area is, or wherever its unit has ever been located; a unit likewise.
func dirtyAreas(ctx context.Context, q db.Q) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM tally_dirty WHERE kind = 'area'
UNION SELECT o.area_id FROM tally_dirty d JOIN party_org o ON o.id = d.id WHERE d.kind = 'org' AND o.area_id IS NOT NULL
UNION SELECT l.area_id FROM tally_dirty d JOIN party_org o ON o.id = d.id JOIN unit_location l ON l.unit_id = o.unit_id WHERE d.kind = 'org'
UNION SELECT l.area_id FROM tally_dirty d JOIN unit_location l ON l.unit_id = d.id WHERE d.kind = 'unit'`)
	if err != nil {
		return nil, fmt.Errorf("tally: dirty areas: %w", err)
	}
	ids, err := db.Collect(rows, func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil {
		return nil, fmt.Errorf("tally: dirty areas: %w", err)
	}
	slices.Sort(ids)
	return ids, nil
}

// tallyColumns and yearColumns are the tables' columns in insert order
// (read when the domains have registered theirs).
func tallyColumns() []string { return append([]string{"area_id", "on_date"}, columnNames...) }
func yearColumns() []string  { return append([]string{"area_id", "year", "on_date"}, columnNames...) }

// recount replaces the rows of a batch of areas in tally (by difference,
// days.go), tally_year and tally_jan1, and their sets in tally_set, and brings the roll-ups of their
// ancestors up to date (rollup.go).
func recount(ctx context.Context, q db.Q, areas []int64) error {
	byArea, err := count(ctx, q, areas)
	if err != nil {
		return err
	}
	in, args := inList(areas)
	old, err := readYearCounts(ctx, q, in, args)
	if err != nil {
		return err
	}
	for _, table := range []string{"tally_year", "tally_jan1"} {
		if _, err := q.ExecContext(ctx, "DELETE FROM "+table+" WHERE area_id IN "+in, args...); err != nil {
			return fmt.Errorf("tally: %w", err)
		}
	}
	if err := recountSets(ctx, q, areas, in, args); err != nil {
		return err
	}
	var days, years, jan1 []areaRow
	for _, a := range areas {
		rows := byArea[a].rows()
		for _, r := range rows {
			days = append(days, areaRow{a, r})
			if r.On.Month() == time.January && r.On.Day() == 1 {
				jan1 = append(jan1, areaRow{a, r})
			}
		}
		for _, r := range yearEnds(rows, YearsKept) {
			years = append(years, areaRow{a, r})
		}
	}
	if _, err := writeDays(ctx, q, areas, in, args, days); err != nil {
		return err
	}
	if err := insertRows(ctx, q, "tally_jan1", yearColumns(), jan1, true); err != nil {
		return err
	}
	if err := insertRows(ctx, q, "tally_year", yearColumns(), years, true); err != nil {
		return err
	}
	return rollUp(ctx, q, areas, in, args, old, newYearCountsOf(years, jan1))
}

// areaRow is one row of an area.
type areaRow struct {
	area int64
	row  Row
}

// yearEnds keeps the last row of each year, the counts in force on its
// 31 December, for every year from the first row's to the last row's or
// until, whichever is later: a year without a change repeats the year
// before, so that the counts on any 31 December up to until are one exact
// lookup (internal/figures falls back to the latest earlier year after).
func yearEnds(rows []Row, until int) []Row {
	var out []Row
	for i, r := range rows {
		if i+1 < len(rows) && rows[i+1].On.Year() == r.On.Year() {
			continue
		}
		next := until + 1
		if i+1 < len(rows) {
			next = rows[i+1].On.Year()
		}
		out = append(out, r)
		for y := r.On.Year() + 1; y < next; y++ {
			later := r
			later.Year = y
			out = append(out, later)
		}
	}
	return out
}

// insertRows writes rows into table: the area, the row's year when
// withYear, its day and its counts.
func insertRows(ctx context.Context, q db.Q, table string, cols []string, rows []areaRow, withYear bool) error {
	if q.Dialect() == db.Postgres {
		return insertColumns(ctx, q, table, cols, rows, withYear)
	}
	err := db.BulkInsert(ctx, q, table, cols, len(rows), func(i int, dst []any) []any {
		dst = append(dst, rows[i].area)
		if withYear {
			dst = append(dst, rows[i].row.year())
		}
		dst = append(dst, rows[i].row.On)
		for _, c := range rows[i].row.Counts {
			dst = append(dst, c)
		}
		return dst
	})
	if err != nil {
		return fmt.Errorf("tally: %w", err)
	}
	return nil
}

// insertColumns is insertRows for PostgreSQL: each column goes as one array
// and unnest turns them into rows, a few parameters per statement instead
// of one per value (a city's full recount writes some 2.2 million rows).
func insertColumns(ctx context.Context, q db.Q, table string, cols []string, rows []areaRow, withYear bool) error {
	const per = 50_000
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		areas := make([]int64, len(part))
		years := make([]int64, len(part))
		days := make([]string, len(part))
		counts := make([][]int64, numColumns())
		for c := range counts {
			counts[c] = make([]int64, len(part))
		}
		for i, r := range part {
			areas[i], years[i], days[i] = r.area, int64(r.row.year()), r.row.On.String()
			for c, n := range r.row.Counts {
				counts[c][i] = n
			}
		}
		args := []any{areas}
		arrays := []string{"?::bigint[]"}
		if withYear {
			args, arrays = append(args, years), append(arrays, "?::bigint[]")
		}
		args, arrays = append(args, days), append(arrays, "?::date[]")
		for c := range counts {
			args, arrays = append(args, counts[c]), append(arrays, "?::bigint[]")
		}
		query := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") SELECT * FROM unnest(" + strings.Join(arrays, ", ") + ")"
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("tally: %w", err)
		}
	}
	return nil
}
