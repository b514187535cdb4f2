package dashboard

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/memo"
)

// Source is what the dashboard reads: the figures over the database, the
// tree for the sub-areas and the stores whose open records it lists.
type Source struct {
	DB           *db.DB
	Areas        *area.Store
	Coordination *coordination.Store
	Cobuilding   *cobuilding.Store
}

// Build computes the dashboard of scope s in lang. The figures are
// computed in batches, one per period (each figure once per period, the
// year-earlier period shared with the ten years' last but one), the
// batches, the sub-areas' coverage and the lists side by side. ctx carries
// the caller's scope: s must lie in it (ResolveScope refuses otherwise),
// and the lists are read through the scoped stores.
func (src *Source) Build(ctx context.Context, s figures.Scope, lang i18n.Lang) (*Data, error) {
	ctx = memo.With(ctx)
	q := src.DB.Reader()
	earlier := figures.YearBefore(s)
	d := &Data{
		Scope: s, From: s.From.String(), To: s.To.String(),
		EarlierFrom: earlier.From.String(), EarlierTo: earlier.To.String(),
		Labels: labels(lang),
	}

	b := newBatches()
	b.add(s, figs(headlineKeys)...)
	b.add(s, figs(fundingKeys)...)
	b.add(s, figs(outletKeys)...)
	b.add(s, figs(petitionKeys)...)
	b.add(earlier, figs(headlineKeys)...)
	years := make([]figures.Scope, Years)
	last := s.To.Year()
	for i := range years {
		y := s
		y.From, y.To = date.YearBounds(last - Years + 1 + i)
		years[i] = y
		for _, keys := range yearKeys {
			b.add(y, figs(keys)...)
		}
	}

	subs, err := src.subAreas(ctx, s)
	if err != nil {
		return nil, err
	}
	var coverage []float64
	var lists []List
	err = runAll(q, 3, []func() error{
		func() error { return b.run(ctx, q, lang) },
		func() (err error) {
			coverage, err = bySubArea(ctx, q, s, subs, figures.Get(coverageKey), lang)
			return err
		},
		func() (err error) {
			lists, err = src.lists(ctx, s, lang)
			return err
		},
	})
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}

	for _, f := range figs(headlineKeys) {
		v, e := b.value(s, f.Key), b.value(earlier, f.Key)
		d.Headline = append(d.Headline, Headline{
			Key: f.Key, Label: f.Label(lang), Unit: f.Unit(lang),
			Value: v, Text: f.Format(v), Earlier: e, Change: round(f, v-e), ChangeText: signed(f, v-e),
			Link: figures.RecordsLink(f.Key, s), EarlierLink: figures.RecordsLink(f.Key, earlier),
		})
	}
	d.Charts = append(d.Charts, coverageChart(lang, subs, coverage))
	for i, keys := range yearKeys {
		d.Charts = append(d.Charts, yearChart(lang, i+1, years, keys, b))
	}
	d.Charts = append(d.Charts,
		pieChart(lang, "funding", "ui.dashboard.chart_funding", s, fundingKeys, b),
		barChart(lang, "outlets", "ui.dashboard.chart_outlets", s, outletKeys, b),
		barChart(lang, "petitions", "ui.dashboard.chart_petitions", s, petitionKeys, b),
	)
	d.Lists = lists
	return d, nil
}

// subAreas lists the areas directly under the scope's area that are
// active at the period's end, each as a scope of the same period.
func (src *Source) subAreas(ctx context.Context, s figures.Scope) ([]figures.Scope, error) {
	children, err := src.Areas.Children(ctx, s.AreaID)
	if err != nil {
		return nil, err
	}
	var out []figures.Scope
	for _, c := range children {
		if c.ActiveOn(s.To) {
			out = append(out, figures.Scope{AreaID: c.ID, AreaName: c.Name, Level: string(c.Level), From: s.From, To: s.To})
		}
	}
	return out, nil
}

// round rounds a change as the figure shows its values.
func round(f *figures.Figure, v float64) float64 {
	n, _ := strconv.ParseFloat(f.Format(math.Abs(v)), 64)
	return math.Copysign(n, v)
}

// signed is a change as text with its sign: +3, −1.5, 0.
func signed(f *figures.Figure, v float64) string {
	t := f.Format(math.Abs(v))
	if n, _ := strconv.ParseFloat(t, 64); n == 0 {
		return t
	}
	if v < 0 {
		return "-" + t
	}
	return "+" + t
}
