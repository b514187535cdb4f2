package figures

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// A period of whole years reads the scope's roll-up (internal/tally,
// migration 0022): the sums of the year-end counts of the areas under it,
// one row per year, instead of one row per area under it. The roll-up of a
// year counts the areas under the scope on its 31 December; the figures
// need the areas under it during the period, so the areas whose span under
// the scope begins or ends within the period (a community moved, created or
// ended) are read from tally itself and set right (rollupCorrections):
//
//   - a count in force at the end reads the roll-up of the last year;
//   - a running total (Started) the last year's less the year before the
//     first's, each area's total counted only over its time under the scope;
//   - at the start (AtStart) the year before's sums on the next 1 January;
//   - areas counted once (Distinct) the areas whose total grew in the year:
//     single years only (a span of years does not add up by year);
//   - a Where figure the derived sum over the areas where it holds.

// derivedOf registers the derived sums a tallied figure reads from the
// roll-up, one per column (its count and, for a percentage, the flagged).
func derivedOf(f *Figure) []tally.Derived {
	t := f.Tally
	var out []tally.Derived
	for _, c := range f.columns() {
		switch {
		case t.Where != nil:
			out = append(out, tally.DeriveWhere(c, *t.Where))
		case t.Distinct:
			out = append(out, tally.DeriveGrew(c))
		case t.AtStart:
			out = append(out, tally.DeriveNextJan1(c))
		}
	}
	return out
}

// wholeYears returns the first and last year of s when it is whole years
// the roll-up is kept for.
func (s Scope) wholeYears() (first, last int, ok bool) {
	if s.From.Month() != time.January || s.From.Day() != 1 || s.To.Month() != time.December || s.To.Day() != 31 {
		return 0, 0, false
	}
	first, last = s.From.Year(), s.To.Year()
	return first, last, first <= last && last <= tally.YearsKept
}

// rolls reports whether f is read from the roll-up over first…last.
func (f *Figure) rolls(first, last int) bool {
	t := f.Tally
	switch {
	case t.Where != nil:
		return !t.Started && !t.AtStart
	case t.Distinct:
		return t.Started && first == last
	}
	return !(t.Started && t.AtStart)
}

// rolledColumn is one value a rolled figure reads: its roll-up column and
// year, and how its areas that moved are set right.
type rolledColumn struct {
	name string
	year int
	kind correction
	c    tally.Column
}

type correction int

const (
	noCorrection correction = iota
	startedCorrection
	distinctCorrection
	atStartCorrection
)

// rolledColumns lists what f reads, one per column of f.columns(); a
// Started figure's second entry per column is subtracted.
func (f *Figure) rolledColumns(first, last int) (plus, minus []rolledColumn) {
	t := f.Tally
	derived := derivedOf(f)
	for i, c := range f.columns() {
		switch {
		case t.Where != nil:
			plus = append(plus, rolledColumn{name: derived[i].Name(), year: last})
		case t.Distinct:
			plus = append(plus, rolledColumn{name: derived[i].Name(), year: last, kind: distinctCorrection, c: c})
		case t.AtStart:
			plus = append(plus, rolledColumn{name: derived[i].Name(), year: first - 1, kind: atStartCorrection, c: c})
		case t.Started:
			plus = append(plus, rolledColumn{name: c.Name(), year: last, kind: startedCorrection, c: c})
			minus = append(minus, rolledColumn{name: c.Name(), year: first - 1})
		default:
			plus = append(plus, rolledColumn{name: c.Name(), year: last})
		}
	}
	return plus, minus
}

// computeRolled computes figures that all roll (Figure.rolls) over whole
// years first…last: one lookup of the scope's roll-up rows and one query
// over the areas whose span under the scope has an end within the period.
func computeRolled(ctx context.Context, q db.Q, s Scope, first, last int, fs []*Figure) (map[string]float64, error) {
	many, err := computeRolledMany(ctx, q, s, []int64{s.AreaID}, first, last, fs)
	return many[s.AreaID], err
}

// computeRolledMany is computeRolled for the scopes of s's period at each
// of areas, in the same two queries (a workbook's communities, a
// dashboard's subdistricts).
func computeRolledMany(ctx context.Context, q db.Q, s Scope, areas []int64, first, last int, fs []*Figure) (map[int64]map[string]float64, error) {
	sums, err := rollupSums(ctx, q, areas, first, last, fs)
	if err != nil {
		return nil, err
	}
	corr, err := rollupCorrections(ctx, q, s, areas, fs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]map[string]float64, len(areas))
	for _, a := range areas {
		vals := make(map[string]float64, len(fs))
		for _, f := range fs {
			plus, minus := f.rolledColumns(first, last)
			v := make([]int64, len(plus))
			for i, p := range plus {
				v[i] = sums[rollCell{a, p.name, p.year}] + corr[a][f.Key][i]
				if p.kind == startedCorrection {
					m := minus[0]
					minus = minus[1:]
					v[i] -= sums[rollCell{a, m.name, m.year}]
				}
			}
			count, flagged := v[0], int64(0)
			switch f.Agg {
			case Percent:
				flagged = v[1]
			case Sum:
				flagged = v[0]
			}
			vals[f.Key] = f.finish(count, flagged)
		}
		out[a] = vals
	}
	return out, nil
}

type rollCell struct {
	area int64
	name string
	year int
}

// rollupSums reads the roll-up columns the figures need from the areas'
// rows of the years they read; a year without a row sums to nothing.
func rollupSums(ctx context.Context, q db.Q, areas []int64, first, last int, fs []*Figure) (map[rollCell]int64, error) {
	names := map[string]bool{}
	var cols []string
	for _, f := range fs {
		plus, minus := f.rolledColumns(first, last)
		for _, c := range append(plus, minus...) {
			if !names[c.name] {
				names[c.name] = true
				cols = append(cols, c.name)
			}
		}
	}
	var p params
	in := make([]string, len(areas))
	for i, a := range areas {
		in[i] = p.add(a)
	}
	query := "SELECT area_id, year, " + strings.Join(cols, ", ") + " FROM tally_rollup WHERE area_id IN (" + strings.Join(in, ", ") +
		") AND year IN (" + p.add(first-1) + ", " + p.add(last) + ")"
	rows, err := q.QueryContext(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("figures: roll-up: %w", err)
	}
	defer rows.Close()
	out := make(map[rollCell]int64, len(areas)*len(cols)*2)
	for rows.Next() {
		var area int64
		var year int
		vals := make([]int64, len(cols))
		dst := []any{&area, &year}
		for i := range vals {
			dst = append(dst, &vals[i])
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("figures: roll-up: %w", err)
		}
		for i, c := range cols {
			out[rollCell{area, c, year}] = vals[i]
		}
	}
	return out, rows.Err()
}

// rollupCorrections sets right, for each figure and column it reads, what
// the roll-up counts wrongly for the areas whose span under the scope
// begins or ends within the period (or on its first day): the roll-up
// counted each area by where it stood on the years' 31 Decembers, the
// figure counts it over its time under the scope. Areas that stayed under
// the scope, or never were, need nothing; the others are few (a community
// moved, created or ended), each read from tally by a seek per day
// within the period and from tally_year and tally_jan1 at its ends.
func rollupCorrections(ctx context.Context, q db.Q, s Scope, areas []int64, fs []*Figure) (map[int64]map[string][]int64, error) {
	var p params
	from, end := p.add(s.From), p.add(s.To)
	in := make([]string, len(areas))
	for i, a := range areas {
		in[i] = p.add(a)
	}
	ov := "(sc.to_on IS NULL OR sc.to_on > " + from + ")"               // with from_on <= end, from the WHERE
	vEnd := "(sc.to_on IS NULL OR sc.to_on > " + end + ")"              // under on the last day
	vPrev := "(sc.from_on < " + from + " AND sc.to_on >= " + from + ")" // on the day before the first
	vFrom := "(sc.from_on <= " + from + " AND " + ov + ")"              // on the first day
	// The joins are made for the aliases used (PostgreSQL refuses an
	// argument its query does not use).
	join := func(alias string) string {
		switch alias {
		case "th":
			return lastRow("th", "x.on_date <= "+end+" AND (sc.to_on IS NULL OR x.on_date < sc.to_on)")
		case "tb":
			return lastRow("tb", "x.on_date < CASE WHEN sc.from_on > "+from+" THEN sc.from_on ELSE "+from+" END")
		// The counts on the period's last day, on the day before its
		// first (31 Decembers: one row of tally_year each) and on its
		// first day (1 January: tally_jan1's row if a count changed then).
		case "te":
			return "LEFT JOIN tally_year te ON te.area_id = sc.descendant_id AND te.year = " + p.add(s.To.Year())
		case "tp":
			return "LEFT JOIN tally_year tp ON tp.area_id = sc.descendant_id AND tp.year = " + p.add(s.From.Year()-1)
		}
		return "LEFT JOIN tally_jan1 ts ON ts.area_id = sc.descendant_id AND ts.year = " + p.add(s.From.Year())
	}
	used := map[string]bool{}
	val := func(alias string, c tally.Column) string {
		used[alias] = true
		if alias == "ts" { // no change on 1 January: the day before's
			used["tp"] = true
			return "COALESCE(ts." + c.Name() + ", tp." + c.Name() + ", 0)"
		}
		return "COALESCE(" + alias + "." + c.Name() + ", 0)"
	}
	var inner, outer []string
	type slot struct {
		key string
		i   int
	}
	var slots []slot
	for _, f := range fs {
		plus, _ := f.rolledColumns(0, 0)
		for i, c := range plus {
			n := fmt.Sprintf("n%d", len(outer))
			grew := "CASE WHEN " + ov + " THEN " + val("th", c.c) + " - " + val("tb", c.c) + " ELSE 0 END"
			switch c.kind {
			case noCorrection:
				continue
			case startedCorrection:
				inner = append(inner, "SUM("+grew+" - CASE WHEN "+vEnd+" THEN "+val("te", c.c)+" ELSE 0 END + CASE WHEN "+vPrev+" THEN "+val("tp", c.c)+" ELSE 0 END) AS "+n)
				outer = append(outer, "COALESCE(SUM(g."+n+"), 0)")
			case distinctCorrection:
				inner = append(inner, "SUM("+grew+") AS "+n,
					"SUM(CASE WHEN "+vEnd+" AND "+val("te", c.c)+" > "+val("tp", c.c)+" THEN 1 ELSE 0 END) AS m"+n)
				outer = append(outer, "COALESCE(SUM(CASE WHEN g."+n+" > 0 THEN 1 ELSE 0 END - g.m"+n+"), 0)")
			case atStartCorrection:
				inner = append(inner, "SUM((CASE WHEN "+vFrom+" THEN 1 ELSE 0 END - CASE WHEN "+vPrev+" THEN 1 ELSE 0 END) * "+val("ts", c.c)+") AS "+n)
				outer = append(outer, "COALESCE(SUM(g."+n+"), 0)")
			}
			slots = append(slots, slot{f.Key, i})
		}
	}
	out := make(map[int64]map[string][]int64, len(areas))
	for _, a := range areas {
		out[a] = make(map[string][]int64, len(fs))
		for _, f := range fs {
			plus, _ := f.rolledColumns(0, 0)
			out[a][f.Key] = make([]int64, len(plus))
		}
	}
	if len(outer) == 0 {
		return out, nil
	}
	var js []string
	for _, a := range []string{"th", "tb", "te", "tp", "ts"} {
		if used[a] {
			js = append(js, join(a))
		}
	}
	query := SQLJoin(
		"SELECT g.scope, "+strings.Join(outer, ", ")+" FROM (",
		"SELECT sc.ancestor_id AS scope, sc.descendant_id AS area, "+strings.Join(inner, ", "),
		"FROM area_closure sc",
		strings.Join(js, "\n"),
		"WHERE sc.ancestor_id IN ("+strings.Join(in, ", ")+") AND sc.from_on <= "+end,
		"AND (sc.from_on >= "+from+" OR (sc.to_on >= "+from+" AND sc.to_on <= "+end+"))",
		"GROUP BY sc.ancestor_id, sc.descendant_id) g GROUP BY g.scope",
	)
	rows, err := q.QueryContext(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("figures: roll-up corrections: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var scope int64
		vals := make([]int64, len(outer))
		dst := []any{&scope}
		for i := range vals {
			dst = append(dst, &vals[i])
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("figures: roll-up corrections: %w", err)
		}
		for i, sl := range slots {
			out[scope][sl.key][sl.i] = vals[i]
		}
	}
	return out, rows.Err()
}
