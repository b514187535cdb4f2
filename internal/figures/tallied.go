package figures

import (
	"context"
	"fmt"
	"maps"
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
	// SingleYear: the counts give the value over one whole calendar year
	// only (petitions received in the year and resolved by its end: a case
	// counts if resolved in the year it was received); any other period
	// counts rows.
	SingleYear bool
	// Where, if set, keeps only the areas whose count Where is above zero
	// at the period's end (area.TallyCommunities: communities in existence).
	Where *tally.Column
}

// talliedFor reports whether f reads maintained counts for s.
func (f *Figure) talliedFor(s Scope) bool {
	if f.Tally == nil {
		return false
	}
	if !f.Tally.SingleYear {
		return true
	}
	first, last, ok := s.wholeYears()
	return ok && first == last
}

// columns are the counts a figure reads: its column, and the flagged one
// for a percentage.
func (f *Figure) columns() []tally.Column {
	if f.Agg == Percent {
		return []tally.Column{f.Tally.Column, f.Tally.Flagged}
	}
	return []tally.Column{f.Tally.Column}
}

// computeTallied computes figures that all have Tally set: over whole
// years from the scope's roll-up (rollup.go), the others, and any period
// that is not whole years, from the counts of each area under the scope
// (computeTalliedAreas).
func computeTallied(ctx context.Context, q db.Q, s Scope, fs []*Figure) (map[string]float64, error) {
	first, last, ok := s.wholeYears()
	if !ok {
		return computeTalliedAreas(ctx, q, s, fs)
	}
	var rolled, rest []*Figure
	for _, f := range fs {
		if f.rolls(first, last) {
			rolled = append(rolled, f)
		} else {
			rest = append(rest, f)
		}
	}
	out := map[string]float64{}
	if len(rolled) > 0 {
		var err error
		if out, err = computeRolled(ctx, q, s, first, last, rolled); err != nil {
			return nil, err
		}
	}
	if len(rest) > 0 {
		more, err := computeTalliedAreas(ctx, q, s, rest)
		if err != nil {
			return nil, err
		}
		maps.Copy(out, more)
	}
	return out, nil
}

// computeTalliedAreas computes figures that all have Tally set, in one
// query: one pass over the scope's closure rows reads each area's counts
// from the smallest tables that hold them (reader) for every figure at once.
func computeTalliedAreas(ctx context.Context, q db.Q, s Scope, fs []*Figure) (map[string]float64, error) {
	if len(fs) == 0 {
		return map[string]float64{}, nil
	}
	var p params
	query, n := talliedQuery(&p, s, fs, tally.YearsKept)
	vals := make([]int64, 2*n) // the whole-period areas', then the others'
	dst := make([]any, len(vals))
	for i := range vals {
		dst[i] = &vals[i]
	}
	if err := q.QueryRowContext(ctx, query, p...).Scan(dst...); err != nil {
		return nil, fmt.Errorf("figures: tallied %s: %w", fs[0].Key, err)
	}
	out := make(map[string]float64, len(fs))
	i := 0
	for _, f := range fs {
		v := func(k int) int64 { return vals[i+k] + vals[n+i+k] }
		count, flagged := v(0), int64(0)
		switch f.Agg {
		case Percent:
			flagged = v(1)
		case Sum:
			flagged = v(0) // a tallied sum's column holds the amounts
		}
		i += len(f.columns())
		out[f.Key] = f.finish(count, flagged)
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

// reader reads each area's counts in force on some days, through joins
// from the smallest table that holds them: on 31 December the area's
// tally_year row of that year (kept for every year up to tally.YearsKept;
// after it, the latest earlier year's, a lookup per column); on 1 January
// its tally_jan1 row if a count changed that day, else the year before's
// 31 December; on any other day its last tally row up to the day (a seek
// in a table a hundred times larger, but one per area for all the columns;
// a seek per column and area took several times as long). Days read twice
// share their joins.
type reader struct {
	p     *params
	kept  int // tally.YearsKept
	joins []string
	years map[int]string
	days  map[date.Date]string
}

const scArea = "sc.descendant_id"

// year joins the tally_year row of an area for year and returns its alias.
func (r *reader) year(year int) string {
	if a, ok := r.years[year]; ok {
		return a
	}
	a := "y" + strconv.Itoa(len(r.years)+len(r.days))
	r.years[year] = a
	r.joins = append(r.joins, "LEFT JOIN tally_year "+a+" ON "+a+".area_id = "+scArea+" AND "+a+".year = "+r.p.add(year))
	return a
}

// yearValue is column c on 31 December of year.
func (r *reader) yearValue(year int, c string) string {
	a := r.year(year)
	if year <= r.kept {
		return "COALESCE(" + a + "." + c + ", 0)" // no row: none up to that year
	}
	return "CASE WHEN " + a + ".area_id IS NOT NULL THEN " + a + "." + c + " ELSE COALESCE((SELECT x." + c +
		" FROM tally_year x WHERE x.area_id = " + scArea + " AND x.year < " + r.p.add(year) + " ORDER BY x.year DESC LIMIT 1), 0) END"
}

// value is column c in force on day on.
func (r *reader) value(on date.Date, c string) string {
	switch {
	case on.Month() == time.December && on.Day() == 31:
		return r.yearValue(on.Year(), c)
	case on.Month() == time.January && on.Day() == 1:
		a, ok := r.days[on]
		if !ok {
			a = "j" + strconv.Itoa(len(r.years)+len(r.days))
			r.days[on] = a
			r.joins = append(r.joins, "LEFT JOIN tally_jan1 "+a+" ON "+a+".area_id = "+scArea+" AND "+a+".year = "+r.p.add(on.Year()))
		}
		return "COALESCE(" + a + "." + c + ", " + r.yearValue(on.Year()-1, c) + ")"
	}
	a, ok := r.days[on]
	if !ok {
		a = "t" + strconv.Itoa(len(r.years)+len(r.days))
		r.days[on] = a
		r.joins = append(r.joins, lastRow(a, "x.on_date <= "+r.p.add(on)))
	}
	return "COALESCE(" + a + "." + c + ", 0)"
}

// lastRow joins alias, an area's last tally row whose day meets cond (x.on_date …).
func lastRow(alias, cond string) string {
	return "LEFT JOIN tally " + alias + " ON " + alias + ".area_id = sc.descendant_id AND " + alias +
		".on_date = (SELECT MAX(x.on_date) FROM tally x WHERE x.area_id = sc.descendant_id AND " + cond + ")"
}

// talliedQuery is the query of computeTallied and the number of values
// each of its two parts yields, one per column of each figure.
//
// A closure row puts an area under the scope over [sc.from_on, sc.to_on).
// Most areas were under it the whole period: the first part reads their
// counts on the last day, the first day and the day before it (reader).
// A figure in force at the end (or start) takes the count then; a running
// total takes the records started in the period, the total on its last
// day less the total the day before its first. The few areas that entered
// or left the scope within the period are read by the second part from
// tally itself: a running total counts over the overlap of their span with
// the period, a count in force only if they were under the scope on that
// day. For a Distinct figure each area whose total grew counts once (the
// second part adds an area's spans first: it may have left and come back).
func talliedQuery(p *params, s Scope, fs []*Figure, kept int) (string, int) {
	scope, from, end := p.add(s.AreaID), p.add(s.From), p.add(s.To)
	r := &reader{p: p, kept: kept, years: map[int]string{}, days: map[date.Date]string{}}
	before := s.From.AddDays(-1)
	underAtEnd := "(sc.to_on IS NULL OR " + end + " < sc.to_on)"
	var whole, split, sums []string
	for _, f := range fs {
		t := f.Tally
		for _, col := range f.columns() {
			c := col.Name()
			n := "n" + strconv.Itoa(len(whole))
			var w, o string
			switch {
			case t.Started:
				w = r.value(s.To, c) + " - " + r.value(before, c)
				o = "COALESCE(th." + c + ", 0) - COALESCE(tb." + c + ", 0)"
			case t.AtStart:
				w = r.value(s.From, c)
				o = "CASE WHEN sc.from_on <= " + from + " THEN COALESCE(ts." + c + ", 0) ELSE 0 END"
			default:
				w = r.value(s.To, c)
				o = "CASE WHEN " + underAtEnd + " THEN COALESCE(th." + c + ", 0) ELSE 0 END"
			}
			if t.Where != nil {
				w = "CASE WHEN " + r.value(s.To, t.Where.Name()) + " > 0 THEN " + w + " ELSE 0 END"
				o = "CASE WHEN " + underAtEnd + " AND COALESCE(th." + t.Where.Name() + ", 0) > 0 THEN " + o + " ELSE 0 END"
			}
			if t.Distinct {
				w = "CASE WHEN " + w + " > 0 THEN 1 ELSE 0 END"
				sums = append(sums, "COALESCE(SUM(CASE WHEN g."+n+" > 0 THEN 1 ELSE 0 END), 0)")
			} else {
				sums = append(sums, "COALESCE(SUM(g."+n+"), 0)")
			}
			whole = append(whole, "COALESCE(SUM("+w+"), 0)")
			split = append(split, "SUM("+o+") AS "+n)
		}
	}
	wholePart := SQLJoin(
		"SELECT "+strings.Join(whole, ", "),
		"FROM area_closure sc",
		strings.Join(r.joins, "\n"),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+from+" AND "+underAtEnd,
	)
	splitPart := SQLJoin(
		"SELECT "+strings.Join(sums, ", ")+" FROM (",
		"SELECT sc.descendant_id AS area, "+strings.Join(split, ", "),
		"FROM area_closure sc",
		lastRow("th", "x.on_date <= "+end+" AND (sc.to_on IS NULL OR x.on_date < sc.to_on)"),
		lastRow("tb", "x.on_date < CASE WHEN sc.from_on > "+from+" THEN sc.from_on ELSE "+from+" END"),
		lastRow("ts", "x.on_date <= "+from),
		"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+end+" AND (sc.to_on IS NULL OR "+from+" < sc.to_on)",
		"AND (sc.from_on > "+from+" OR NOT "+underAtEnd+")",
		"GROUP BY sc.descendant_id) g",
	)
	return "SELECT * FROM (" + wholePart + ") w CROSS JOIN (" + splitPart + ") o", len(whole)
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
	var tallied []*Figure
	for _, f := range fs {
		if f.talliedFor(s) {
			tallied = append(tallied, f)
		}
	}
	got, err := computeTallied(ctx, q, s, tallied)
	if err != nil {
		return nil, err
	}
	for _, f := range fs {
		if f.Set != nil {
			if got[f.Key], err = computeSet(ctx, q, s, f); err != nil {
				return nil, err
			}
			tallied = append(tallied, f)
		}
	}
	var out []string
	for _, f := range tallied {
		want, err := f.CountRows(ctx, q, s)
		if err != nil {
			return nil, err
		}
		if got[f.Key] != want {
			out = append(out, fmt.Sprintf("%s for area %d %s…%s: counts say %v, rows %v", f.Key, s.AreaID, s.From, s.To, got[f.Key], want))
		}
	}
	return out, nil
}
