package tally

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// The roll-up (migration 0022) keeps, for each area and year, the sum of
// the year-end counts of every area under it on that 31 December. A figure
// over whole years then reads one row of its scope instead of one row per
// area under it, however wide the rows have grown (internal/figures).
//
// The recount keeps it exact by difference: it takes out of the roll-ups an
// area's counts as they were added (its old tally_year rows, over the
// ancestors tally_rollup_link recorded), and adds its new counts over its
// ancestors in area_closure now. A move of the tree marks the areas moved
// (migration 0015's triggers), so their counts leave the old ancestors.

// deriveKind is how a derived sum is computed from an area's counts.
type deriveKind int

const (
	deriveWhere    deriveKind = iota // c, when w is above 0
	deriveGrew                       // 1 when the running total c grew in the year
	deriveNextJan1                   // c in force on the next 1 January
)

// Derived is a sum kept only in the roll-up, for a figure that does not
// read a plain sum of its column (figures.Tallied's Where, Distinct and
// AtStart). Its column must exist in tally_rollup.
type Derived struct {
	name string
	kind deriveKind
	c, w Column
}

// Name is the derived sum's column in tally_rollup.
func (d Derived) Name() string { return d.name }

var derivedSums []Derived

// derive returns the derived sum, registering it on first use (from the
// figures' init functions; afterwards only looked up).
func derive(d Derived) Derived {
	for _, x := range derivedSums {
		if x.name == d.name {
			return x
		}
	}
	derivedSums = append(derivedSums, d)
	return d
}

// DeriveWhere is the sum of c over the areas whose w is above 0 on 31
// December (the cross-appointed directors of communities in existence).
func DeriveWhere(c, w Column) Derived {
	return derive(Derived{name: c.Name() + "_where_" + w.Name(), kind: deriveWhere, c: c, w: w})
}

// DeriveGrew is the number of areas whose running total c grew within the
// year (the communities given premises in a year, each once).
func DeriveGrew(c Column) Derived {
	return derive(Derived{name: c.Name() + "_grew", kind: deriveGrew, c: c})
}

// DeriveNextJan1 is the sum of c in force on the next 1 January over the
// areas under the area on 31 December (a count at a period's start).
func DeriveNextJan1(c Column) Derived {
	return derive(Derived{name: c.Name() + "_next_jan1", kind: deriveNextJan1, c: c})
}

// rollupColumns are tally_rollup's value columns in vector order: the
// counts, then the derived sums.
func rollupColumns() []string {
	out := Columns()
	for _, d := range derivedSums {
		out = append(out, d.name)
	}
	return out
}

// yearCounts are one area's counts on each 31 December (tally_year) and on
// the 1 January days something changed (tally_jan1), by year.
type yearCounts struct {
	ends, jan1 map[int][]int64
	first      int // the first year of ends
}

func newYearCounts() *yearCounts {
	return &yearCounts{ends: map[int][]int64{}, jan1: map[int][]int64{}, first: YearsKept + 1}
}

func (y *yearCounts) addEnd(year int, counts []int64) {
	y.ends[year] = counts
	y.first = min(y.first, year)
}

// vector is what the area adds to an ancestor's roll-up of year: its
// counts on 31 December and its derived sums; nil when all are zero.
func (y *yearCounts) vector(year int, zero []int64) []int64 {
	end, ok := y.ends[year]
	if !ok {
		end = zero
	}
	prev, ok := y.ends[year-1]
	if !ok {
		prev = zero
	}
	v := make([]int64, numColumns()+len(derivedSums))
	copy(v, end)
	for i, d := range derivedSums {
		var n int64
		switch d.kind {
		case deriveWhere:
			if end[d.w] > 0 {
				n = end[d.c]
			}
		case deriveGrew:
			if end[d.c] > prev[d.c] {
				n = 1
			}
		case deriveNextJan1:
			n = end[d.c]
			if j, ok := y.jan1[year+1]; ok {
				n = j[d.c]
			}
		}
		v[numColumns()+i] = n
	}
	for _, n := range v {
		if n != 0 {
			return v
		}
	}
	return nil
}

// link is one span of years over which an area's counts go to an ancestor.
type link struct {
	ancestor    int64
	first, last int
}

type rollKey struct {
	area int64
	year int
}

// rollDeltas collects the changes of the roll-ups a recount makes.
type rollDeltas map[rollKey][]int64

// add adds sign × an area's counts to each ancestor it links to.
func (r rollDeltas) add(y *yearCounts, links []link, sign int64) {
	if y == nil {
		return
	}
	zero := make([]int64, numColumns())
	vecs := map[int][]int64{}
	for _, l := range links {
		// From the year before the first (its next 1 January may hold
		// counts) to the last kept.
		for year := max(l.first, y.first-1); year <= min(l.last, YearsKept); year++ {
			v, ok := vecs[year]
			if !ok {
				v = y.vector(year, zero)
				vecs[year] = v
			}
			if v == nil {
				continue
			}
			k := rollKey{l.ancestor, year}
			acc := r[k]
			if acc == nil {
				acc = make([]int64, len(v))
				r[k] = acc
			}
			for i, n := range v {
				acc[i] += sign * n
			}
		}
	}
}

// readYearCounts reads the tally_year and tally_jan1 rows of a batch of
// areas as they are before the recount replaces them.
func readYearCounts(ctx context.Context, q db.Q, in string, args []any) (byArea, error) {
	out := byArea{}
	cols := strings.Join(Columns(), ", ")
	for _, table := range []string{"tally_year", "tally_jan1"} {
		rows, err := q.QueryContext(ctx, "SELECT area_id, year, "+cols+" FROM "+table+" WHERE area_id IN "+in, args...)
		if err != nil {
			return nil, fmt.Errorf("tally: roll-up: %w", err)
		}
		for rows.Next() {
			var a int64
			var year int
			counts := make([]int64, numColumns())
			dst := []any{&a, &year}
			for i := range counts {
				dst = append(dst, &counts[i])
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("tally: roll-up: %w", err)
			}
			if table == "tally_year" {
				out.of(a).addEnd(year, counts)
			} else {
				out.of(a).jan1[year] = counts
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("tally: roll-up: %w", err)
		}
	}
	return out, nil
}

// newYearCountsOf turns the rows a recount writes into yearCounts.
func newYearCountsOf(years, jan1 []areaRow) byArea {
	out := byArea{}
	for _, r := range years {
		out.of(r.area).addEnd(r.row.year(), r.row.Counts)
	}
	for _, r := range jan1 {
		out.of(r.area).jan1[r.row.year()] = r.row.Counts
	}
	return out
}

// byArea are the year counts of a batch of areas.
type byArea map[int64]*yearCounts

// of is area a's counts, made empty on first use.
func (b byArea) of(a int64) *yearCounts {
	y := b[a]
	if y == nil {
		y = newYearCounts()
		b[a] = y
	}
	return y
}

// readLinks reads the links a batch of areas was last added over
// (recorded), or the ones it has now in area_closure (current).
func readLinks(ctx context.Context, q db.Q, in string, args []any, current bool) (map[int64][]link, error) {
	query := "SELECT area_id, ancestor_id, from_year, to_year FROM tally_rollup_link WHERE area_id IN " + in
	if current {
		query = "SELECT descendant_id, ancestor_id, from_on, to_on FROM area_closure WHERE descendant_id IN " + in
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("tally: roll-up links: %w", err)
	}
	defer rows.Close()
	out := map[int64][]link{}
	for rows.Next() {
		var a int64
		var l link
		if current {
			var from, to date.Date
			if err := rows.Scan(&a, &l.ancestor, &from, &to); err != nil {
				return nil, err
			}
			// Under the ancestor on 31 December of the years from the
			// first day's to the one before the last day's.
			l.first, l.last = from.Year(), YearsKept
			if !to.IsZero() {
				l.last = to.Year() - 1
			}
			if l.first > l.last {
				continue
			}
		} else if err := rows.Scan(&a, &l.ancestor, &l.first, &l.last); err != nil {
			return nil, err
		}
		out[a] = append(out[a], l)
	}
	return out, rows.Err()
}

// rollUp applies a recount of a batch of areas to the roll-ups: old are
// their counts before it, fresh after.
func rollUp(ctx context.Context, q db.Q, areas []int64, in string, args []any, old, fresh byArea) error {
	oldLinks, err := readLinks(ctx, q, in, args, false)
	if err != nil {
		return err
	}
	newLinks, err := readLinks(ctx, q, in, args, true)
	if err != nil {
		return err
	}
	deltas := rollDeltas{}
	for _, a := range areas {
		deltas.add(old[a], oldLinks[a], -1)
		deltas.add(fresh[a], newLinks[a], +1)
	}
	if err := upsertRollups(ctx, q, deltas); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, "DELETE FROM tally_rollup_link WHERE area_id IN "+in, args...); err != nil {
		return fmt.Errorf("tally: roll-up links: %w", err)
	}
	var links [][]any
	for _, a := range areas {
		for _, l := range newLinks[a] {
			links = append(links, []any{a, l.ancestor, l.first, l.last})
		}
	}
	err = db.BulkInsert(ctx, q, "tally_rollup_link", []string{"area_id", "ancestor_id", "from_year", "to_year"}, len(links),
		func(i int, dst []any) []any { return append(dst, links[i]...) })
	if err != nil {
		return fmt.Errorf("tally: roll-up links: %w", err)
	}
	return nil
}

// upsertRollups adds the non-zero deltas to their roll-up rows, creating
// the rows that do not exist yet.
func upsertRollups(ctx context.Context, q db.Q, deltas rollDeltas) error {
	cols := rollupColumns()
	var set []string
	for _, c := range cols {
		set = append(set, c+" = tally_rollup."+c+" + excluded."+c)
	}
	head := "INSERT INTO tally_rollup (area_id, year, " + strings.Join(cols, ", ") + ") VALUES "
	tail := " ON CONFLICT (area_id, year) DO UPDATE SET " + strings.Join(set, ", ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)+2), ", ") + ")"
	per := 20_000 / (len(cols) + 2) // well under both engines' limits on parameters
	var args []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		query := head + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") + tail
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("tally: roll-up: %w", err)
		}
		args, n = args[:0], 0
		return nil
	}
	// In a fixed order: the same recount writes the same statements.
	keys := make([]rollKey, 0, len(deltas))
	for k, v := range deltas {
		if nonZero(v) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b rollKey) int {
		return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.year, b.year))
	})
	for _, k := range keys {
		v := deltas[k]
		args = append(args, k.area, k.year)
		for _, x := range v {
			args = append(args, x)
		}
		if n++; n == per {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func nonZero(v []int64) bool {
	for _, x := range v {
		if x != 0 {
			return true
		}
	}
	return false
}
