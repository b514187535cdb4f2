package figures

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// Tallied says how a figure's value is read from the maintained counts
// (internal/tally) instead of counting its rows. The figure's SQL stays the
// definition: it lists the records, and the tests hold the two to the same
// value.
type Tallied struct {
	Column tally.Column
	// Started: the column is a running total of a community's records by
	// their first day; the value is those started in the period, each
	// counted where the tree stood on its day.
	Started bool
	// ActiveCommunity: only communities in existence at the period's end count.
	ActiveCommunity bool
}

// communityActiveAt is "area a is a community in existence on dateExpr".
func communityActiveAt(dateExpr string) string {
	return "a.level = 'community' AND " + Active("a", "established_on", dateExpr)
}

// computeTallied computes figures that all have Tallied set, in two
// queries at most: one reading the counts in force at the period's end, one
// the running totals over the period. Each reads, per area, the row of
// tally_year for the latest year up to the date's; only where that row
// starts after the date does it look in tally, a hundred times larger.
func computeTallied(ctx context.Context, q db.Q, s Scope, fs []*Figure) (map[string]float64, error) {
	out := make(map[string]float64, len(fs))
	var atEnd, started []*Figure
	for _, f := range fs {
		if f.Tally.Started {
			started = append(started, f)
		} else {
			atEnd = append(atEnd, f)
		}
	}
	if len(atEnd) > 0 {
		var p params
		scope, end := p.add(s.AreaID), p.add(s.To)
		exprs := make([]string, len(atEnd))
		for i, f := range atEnd {
			c := f.Tally.Column.Name()
			v := "CASE WHEN y.on_date <= " + end + " THEN y." + c + " ELSE " + seek(c, "t.on_date <= "+end) + " END"
			if f.Tally.ActiveCommunity {
				v = "CASE WHEN " + communityActiveAt(end) + " THEN " + v + " ELSE 0 END"
			}
			exprs[i] = "COALESCE(SUM(" + v + "), 0)"
		}
		query := SQLJoin(
			"SELECT "+strings.Join(exprs, ", "),
			"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id",
			"JOIN tally_year y ON y.area_id = a.id AND y.year = (SELECT MAX(x.year) FROM tally_year x WHERE x.area_id = a.id AND x.year <= "+p.add(s.To.Year())+")",
			"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+end+" AND (sc.to_on IS NULL OR "+end+" < sc.to_on)",
		)
		if err := scanInto(ctx, q, query, atEnd, out, p...); err != nil {
			return nil, err
		}
	}
	if len(started) > 0 {
		// A community under the scope over [sc.from_on, sc.to_on) adds the
		// records it started in the overlap of that span with the period:
		// the running total on the overlap's last day less the total the
		// day before its first.
		var p params
		scope, from, end := p.add(s.AreaID), p.add(s.From), p.add(s.To)
		exprs := make([]string, len(started))
		for i, f := range started {
			c := f.Tally.Column.Name()
			hi := "CASE WHEN sc.to_on IS NULL OR " + end + " < sc.to_on THEN " + valueAt(&p, c, "<=", end, s.To.Year()) + " ELSE " + seek(c, "t.on_date < sc.to_on") + " END"
			lo := "CASE WHEN sc.from_on <= " + from + " THEN " + valueAt(&p, c, "<", from, s.From.AddDays(-1).Year()) + " ELSE " + seek(c, "t.on_date < sc.from_on") + " END"
			exprs[i] = "COALESCE(SUM((" + hi + ") - (" + lo + ")), 0)"
		}
		query := SQLJoin(
			"SELECT "+strings.Join(exprs, ", "),
			"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id AND a.level = 'community'",
			"WHERE sc.ancestor_id = "+scope+" AND sc.from_on <= "+end+" AND (sc.to_on IS NULL OR "+from+" < sc.to_on)",
		)
		if err := scanInto(ctx, q, query, started, out, p...); err != nil {
			return nil, err
		}
	}
	return out, nil
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

// valueAt is column c of area a's last row whose day is cmp ("<=" or "<")
// the date placeholder on; year is the year of the last day that can
// qualify. The year's row answers unless it starts after that day.
func valueAt(p *params, c, cmp, on string, year int) string {
	return "COALESCE((SELECT CASE WHEN y.on_date " + cmp + " " + on + " THEN y." + c + " END FROM tally_year y WHERE y.area_id = a.id AND y.year <= " +
		p.add(year) + " ORDER BY y.year DESC LIMIT 1), " + seek(c, "t.on_date "+cmp+" "+on) + ")"
}

// scanInto runs a query of one row holding one value per figure of fs.
func scanInto(ctx context.Context, q db.Q, query string, fs []*Figure, out map[string]float64, args ...any) error {
	vals := make([]int64, len(fs))
	dst := make([]any, len(fs))
	for i := range vals {
		dst[i] = &vals[i]
	}
	if err := q.QueryRowContext(ctx, query, args...).Scan(dst...); err != nil {
		return fmt.Errorf("figures: tallied %s: %w", fs[0].Key, err)
	}
	for i, f := range fs {
		out[f.Key] = float64(vals[i])
	}
	return nil
}
