package figures

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

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
// Each reads, per area, the row of tally_year for the latest year up to
// the date's; only where that row starts after the date does it look in
// tally, a hundred times larger.
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

// talliedAt reads the counts in force on day on, summed over the areas
// under the scope that day. An area's year row answers unless it starts
// after the day; then the area's last row up to the day, joined once for
// all the columns.
func talliedAt(p *params, s Scope, on date.Date, fs []*Figure) string {
	scope, day, end := p.add(s.AreaID), p.add(on), ""
	var exprs []string
	for _, f := range fs {
		for _, col := range f.columns() {
			c := col.Name()
			v := "CASE WHEN y.on_date <= " + day + " THEN y." + c + " ELSE COALESCE(t." + c + ", 0) END"
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
		"JOIN tally_year y ON y.area_id = a.id AND y.year = (SELECT MAX(x.year) FROM tally_year x WHERE x.area_id = a.id AND x.year <= "+p.add(on.Year())+")",
		"LEFT JOIN tally t ON y.on_date > "+day+" AND t.area_id = a.id AND t.on_date = "+lastDay("<=", day),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+day+" AND (sc.to_on IS NULL OR "+day+" < sc.to_on)",
	)
}

// lastDay is the day of area a's last tally row whose day is cmp on.
func lastDay(cmp, on string) string {
	return "(SELECT MAX(t2.on_date) FROM tally t2 WHERE t2.area_id = a.id AND t2.on_date " + cmp + " " + on + ")"
}

// talliedStarted reads running totals over the period. An area under the
// scope over [sc.from_on, sc.to_on) adds the records it started in the
// overlap of that span with the period: the running total on the overlap's
// last day less the total the day before its first. For Distinct figures
// the areas whose total grew are counted instead.
func talliedStarted(p *params, s Scope, fs []*Figure) string {
	scope, from, end := p.add(s.AreaID), p.add(s.From), p.add(s.To)
	var exprs []string
	for _, f := range fs {
		for _, col := range f.columns() {
			c := col.Name()
			// The total on the period's last day (yh, th) and the day
			// before its first (yl, tl), each joined once per area; only
			// an area that moved within the period seeks per column.
			hiAt := "CASE WHEN yh.on_date <= " + end + " THEN yh." + c + " ELSE COALESCE(th." + c + ", 0) END"
			loAt := "CASE WHEN yl.on_date < " + from + " THEN yl." + c + " ELSE COALESCE(tl." + c + ", 0) END"
			hi := "CASE WHEN sc.to_on IS NULL OR " + end + " < sc.to_on THEN " + hiAt + " ELSE " + seek(c, "t.on_date < sc.to_on") + " END"
			lo := "CASE WHEN sc.from_on <= " + from + " THEN " + loAt + " ELSE " + seek(c, "t.on_date < sc.from_on") + " END"
			exprs = append(exprs, "COALESCE(SUM(("+hi+") - ("+lo+")), 0)")
		}
	}
	query := SQLJoin(
		"SELECT "+strings.Join(exprs, ", "),
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id",
		"LEFT JOIN tally_year yh ON yh.area_id = a.id AND yh.year = (SELECT MAX(x.year) FROM tally_year x WHERE x.area_id = a.id AND x.year <= "+p.add(s.To.Year())+")",
		"LEFT JOIN tally th ON yh.on_date > "+end+" AND th.area_id = a.id AND th.on_date = "+strings.ReplaceAll(lastDay("<=", end), "t2", "th2"),
		"LEFT JOIN tally_year yl ON yl.area_id = a.id AND yl.year = (SELECT MAX(x.year) FROM tally_year x WHERE x.area_id = a.id AND x.year <= "+p.add(s.From.AddDays(-1).Year())+")",
		"LEFT JOIN tally tl ON yl.on_date >= "+from+" AND tl.area_id = a.id AND tl.on_date = "+strings.ReplaceAll(lastDay("<", from), "t2", "tl2"),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+end+" AND (sc.to_on IS NULL OR "+from+" < sc.to_on)",
	)
	if fs[0].Tally.kind() != distinct {
		return query
	}
	// One row per area with each figure's records in the period, then the
	// areas that had any.
	named := make([]string, len(exprs))
	counts := make([]string, len(exprs))
	for i, e := range exprs {
		named[i] = e + " AS n" + strconv.Itoa(i)
		counts[i] = "COALESCE(SUM(CASE WHEN g.n" + strconv.Itoa(i) + " > 0 THEN 1 ELSE 0 END), 0)"
	}
	query = strings.Replace(query, "SELECT "+strings.Join(exprs, ", "), "SELECT a.id, "+strings.Join(named, ", "), 1)
	return "SELECT " + strings.Join(counts, ", ") + " FROM (" + query + "\nGROUP BY a.id) g"
}

// params numbers a query's arguments as they are added.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "?" + strconv.Itoa(len(*p))
}

// seek is column c of area a's last tally row that meets cond (0 if none).
func seek(c, cond string) string {
	return "COALESCE((SELECT t." + c + " FROM tally t WHERE t.area_id = a.id AND " + cond + " ORDER BY t.on_date DESC LIMIT 1), 0)"
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
