package figures

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// Tallied says how a figure's value is read from the maintained counts
// (internal/tally) instead of counting its rows. The figure's SQL stays the
// definition: it lists the records, and the tests hold the two to the same
// value (CompareTallied).
type Tallied struct {
	Column tally.Column
	// Flagged, for a Percent figure, is the count of its records that
	// carry the flag; Column counts them all.
	Flagged tally.Column
	// Started: the column is a running total of an area's records by
	// their day; the value is those of the period, each counted where the
	// tree stood on its day.
	Started bool
	// Distinct (with Started): the figure counts areas, each once however
	// many of its records fall in the period (a community given premises
	// twice in a year is one community given premises).
	Distinct bool
	// AtStart: the counts in force on the period's first day, the tree as
	// it stood then (otherwise on its last day).
	AtStart bool
	// ActiveCommunity: only communities in existence at the period's end count.
	ActiveCommunity bool
}

// The queries the tallied figures are read with; figures of one kind are
// read together.
const (
	atEnd = iota
	atStart
	started
	distinct
	numKinds
)

func (t *Tallied) kind() int {
	switch {
	case t.Started && t.Distinct:
		return distinct
	case t.Started:
		return started
	case t.AtStart:
		return atStart
	}
	return atEnd
}

// talliedKinds sorts the tallied figures of fs by the query that reads
// them; the others are left out.
func talliedKinds(fs []*Figure) [][]*Figure {
	out := make([][]*Figure, numKinds)
	for _, f := range fs {
		if f.Tally != nil {
			k := f.Tally.kind()
			out[k] = append(out[k], f)
		}
	}
	return out
}

// columns are the counts a figure reads: its column, and the flagged one
// for a percentage.
func (f *Figure) columns() []tally.Column {
	if f.Agg == Percent {
		return []tally.Column{f.Tally.Column, f.Tally.Flagged}
	}
	return []tally.Column{f.Tally.Column}
}

// communityActiveAt is "area a is a community in existence on dateExpr".
func communityActiveAt(dateExpr string) string {
	return "a.level = 'community' AND " + Active("a", "established_on", dateExpr)
}

// computeTallied computes figures of one kind (talliedKinds) in one query.
func computeTallied(ctx context.Context, q db.Q, s Scope, fs []*Figure) (map[string]float64, error) {
	if len(fs) == 0 {
		return map[string]float64{}, nil
	}
	var query string
	var p params
	switch fs[0].Tally.kind() {
	case atEnd:
		query = talliedAt(&p, s, s.To, fs)
	case atStart:
		query = talliedAt(&p, s, s.From, fs)
	default:
		query = talliedStarted(&p, s, fs)
	}
	var cols []*Figure
	for _, f := range fs {
		for range f.columns() {
			cols = append(cols, f)
		}
	}
	vals := make([]int64, len(cols))
	dst := make([]any, len(cols))
	for i := range vals {
		dst[i] = &vals[i]
	}
	if err := q.QueryRowContext(ctx, query, p...).Scan(dst...); err != nil {
		return nil, fmt.Errorf("figures: tallied %s: %w", fs[0].Key, err)
	}
	out := make(map[string]float64, len(fs))
	i := 0
	for _, f := range fs {
		n, flagged := vals[i], int64(0)
		switch f.Agg {
		case Percent:
			flagged = vals[i+1]
		case Sum:
			flagged = vals[i] // a tallied sum's column holds the amounts
		}
		i += len(f.columns())
		out[f.Key] = f.finish(n, flagged)
	}
	return out, nil
}

// finish turns a figure's record count and its flagged count (a Sum's:
// the amounts summed) into its value.
func (f *Figure) finish(n, flagged int64) float64 {
	switch f.Agg {
	case Percent:
		if n == 0 {
			return 0
		}
		return math.Round(1000*float64(flagged)/float64(n)) / 10
	case Sum:
		return math.Round(100*float64(flagged)/f.Scale) / 100
	}
	return float64(n)
}

// countsOn reads area a's counts in force on one day, through joins named
// after an alias, from the smallest table that holds them: on 31 December
// the area's tally_year row of the latest year up to that one; on 1
// January its tally_jan1 row if a count changed that day, else the
// tally_year row of an earlier year; on any other day its last tally row
// up to the day (a seek in a table a hundred times larger, but one per area
// for all the columns). A seek per column and area, as a first version did
// for days that are neither, took several times as long.
type countsOn struct {
	joins []string
	value func(col string) string
}

func readCountsOn(p *params, alias string, on date.Date) countsOn {
	yearRow := func(year int) string {
		return "LEFT JOIN tally_year " + alias + "y ON " + alias + "y.area_id = a.id AND " + alias +
			"y.year = (SELECT MAX(x.year) FROM tally_year x WHERE x.area_id = a.id AND x.year <= " + p.add(year) + ")"
	}
	switch {
	case on.Month() == time.December && on.Day() == 31:
		return countsOn{[]string{yearRow(on.Year())}, func(c string) string { return "COALESCE(" + alias + "y." + c + ", 0)" }}
	case on.Month() == time.January && on.Day() == 1:
		return countsOn{[]string{
			yearRow(on.Year() - 1),
			"LEFT JOIN tally_jan1 " + alias + "j ON " + alias + "j.area_id = a.id AND " + alias + "j.year = " + p.add(on.Year()),
		}, func(c string) string { return "COALESCE(" + alias + "j." + c + ", " + alias + "y." + c + ", 0)" }}
	}
	return countsOn{[]string{"LEFT JOIN tally " + alias + "t ON " + alias + "t.area_id = a.id AND " + alias +
		"t.on_date = (SELECT MAX(x.on_date) FROM tally x WHERE x.area_id = a.id AND x.on_date <= " + p.add(on) + ")"},
		func(c string) string { return "COALESCE(" + alias + "t." + c + ", 0)" }}
}

// talliedAt reads the counts in force on day on, summed over the areas
// under the scope that day.
func talliedAt(p *params, s Scope, on date.Date, fs []*Figure) string {
	scope, day := p.add(s.AreaID), p.add(on)
	counts := readCountsOn(p, "v", on)
	end := ""
	var exprs []string
	for _, f := range fs {
		for _, col := range f.columns() {
			v := counts.value(col.Name())
			if f.Tally.ActiveCommunity {
				if end == "" {
					end = p.add(s.To)
				}
				v = "CASE WHEN " + communityActiveAt(end) + " THEN " + v + " ELSE 0 END"
			}
			exprs = append(exprs, "COALESCE(SUM("+v+"), 0)")
		}
	}
	return SQLJoin(
		"SELECT "+strings.Join(exprs, ", "),
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id",
		strings.Join(counts.joins, "\n"),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+day+" AND (sc.to_on IS NULL OR "+day+" < sc.to_on)",
	)
}

// talliedStarted reads running totals over the period. An area under the
// scope over [sc.from_on, sc.to_on) adds the records it started in the
// overlap of that span with the period: the running total on the overlap's
// last day less the total the day before its first. Most areas were under
// the scope the whole period and read both totals as countsOn does; the
// few that entered or left it within the period seek their rows in tally.
// For Distinct figures the areas whose total grew are counted instead.
func talliedStarted(p *params, s Scope, fs []*Figure) string {
	scope, from, end := p.add(s.AreaID), p.add(s.From), p.add(s.To)
	hi, lo := readCountsOn(p, "h", s.To), readCountsOn(p, "l", s.From.AddDays(-1))
	var whole, split, names []string
	for _, f := range fs {
		for _, col := range f.columns() {
			c := col.Name()
			n := "n" + strconv.Itoa(len(names))
			names = append(names, n)
			whole = append(whole, "("+hi.value(c)+") - ("+lo.value(c)+") AS "+n)
			split = append(split, "COALESCE(th."+c+", 0) - COALESCE(tl."+c+", 0) AS "+n)
		}
	}
	rows := SQLJoin(
		"SELECT a.id AS area, "+strings.Join(whole, ", "),
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id",
		strings.Join(append(hi.joins, lo.joins...), "\n"),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+from+" AND (sc.to_on IS NULL OR "+end+" < sc.to_on)",
		"UNION ALL",
		"SELECT a.id AS area, "+strings.Join(split, ", "),
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id",
		"LEFT JOIN tally th ON th.area_id = a.id AND th.on_date = (SELECT MAX(x.on_date) FROM tally x WHERE x.area_id = a.id AND x.on_date <= "+end+" AND (sc.to_on IS NULL OR x.on_date < sc.to_on))",
		"LEFT JOIN tally tl ON tl.area_id = a.id AND tl.on_date = (SELECT MAX(x.on_date) FROM tally x WHERE x.area_id = a.id AND x.on_date < CASE WHEN sc.from_on > "+from+" THEN sc.from_on ELSE "+from+" END)",
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+end+" AND (sc.to_on IS NULL OR "+from+" < sc.to_on)",
		"AND (sc.from_on > "+from+" OR (sc.to_on IS NOT NULL AND sc.to_on <= "+end+"))",
	)
	sums := make([]string, len(names))
	if fs[0].Tally.kind() != distinct {
		for i, n := range names {
			sums[i] = "COALESCE(SUM(r." + n + "), 0)"
		}
		return "SELECT " + strings.Join(sums, ", ") + " FROM (" + rows + ") r"
	}
	// One row per area with each figure's records in the period, then the
	// areas that had any.
	perArea := make([]string, len(names))
	for i, n := range names {
		perArea[i] = "SUM(r." + n + ") AS " + n
		sums[i] = "COALESCE(SUM(CASE WHEN g." + n + " > 0 THEN 1 ELSE 0 END), 0)"
	}
	return "SELECT " + strings.Join(sums, ", ") + " FROM (SELECT " + strings.Join(perArea, ", ") + " FROM (" + rows + ") r GROUP BY r.area) g"
}

// params numbers a query's arguments as they are added.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "?" + strconv.Itoa(len(*p))
}

// CompareTallied computes every tallied figure of fs for s from the counts
// and from the rows and describes each difference; the counts must be up to
// date (tally.Clean). It is the tests' and the invariant's check.
func CompareTallied(ctx context.Context, q db.Q, s Scope, fs []*Figure) ([]string, error) {
	var out []string
	for _, group := range talliedKinds(fs) {
		got, err := computeTallied(ctx, q, s, group)
		if err != nil {
			return nil, err
		}
		for _, f := range group {
			want, err := f.CountRows(ctx, q, s)
			if err != nil {
				return nil, err
			}
			if got[f.Key] != want {
				out = append(out, fmt.Sprintf("%s for area %d %s…%s: counts say %v, rows %v", f.Key, s.AreaID, s.From, s.To, got[f.Key], want))
			}
		}
	}
	return out, nil
}
