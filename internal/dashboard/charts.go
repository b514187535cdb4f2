package dashboard

import (
	"slices"
	"strconv"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// coverageChart is the one-branch-per-community coverage of each sub-area.
func coverageChart(lang i18n.Lang, subs []figures.Scope, vals []float64) Chart {
	f := figures.Get(coverageKey)
	c := Chart{Key: "coverage", Type: "bar", Title: i18n.T(lang, "ui.dashboard.chart_coverage"), Axes: []string{f.Unit(lang)}}
	sr := Series{Key: f.Key, Name: f.Label(lang), Unit: f.Unit(lang), Data: []Point{}}
	for i, s := range subs {
		c.Categories = append(c.Categories, s.AreaName)
		sr.Data = append(sr.Data, Point{Name: s.AreaName, Value: vals[i], Text: f.Format(vals[i]), Link: figures.RecordsLink(f.Key, s)})
	}
	c.Series = []Series{sr}
	if len(subs) == 0 {
		c.Empty = i18n.T(lang, "ui.dashboard.no_subareas")
	}
	return c
}

// partTitles are the titles of the charts by year, part by part.
var partTitles = [4]string{"ui.dashboard.chart_part1", "ui.dashboard.chart_part2", "ui.dashboard.chart_part3", "ui.dashboard.chart_part4"}

// yearChart is part's figures by year, a line each.
func yearChart(lang i18n.Lang, part int, years []figures.Scope, keys []string, b *batches) Chart {
	c := Chart{Key: "part" + strconv.Itoa(part), Type: "line", Title: i18n.T(lang, partTitles[part-1])}
	for _, y := range years {
		c.Categories = append(c.Categories, strconv.Itoa(y.From.Year()))
	}
	var units []string // the axes by the figures' units in Chinese, which English leaves blank for counts
	for _, f := range figs(keys) {
		i := axis(&units, f.UnitZH)
		if i == len(c.Axes) {
			c.Axes = append(c.Axes, f.Unit(lang))
		}
		sr := Series{Key: f.Key, Name: f.Label(lang), Unit: f.Unit(lang), Axis: i}
		for _, y := range years {
			v := b.value(y, f.Key)
			sr.Data = append(sr.Data, Point{Name: strconv.Itoa(y.From.Year()), Value: v, Text: f.Format(v), Link: figures.RecordsLink(f.Key, y)})
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// axis is the index of unit among the axes' units, added as the second
// when new; a third unit shares the second.
func axis(units *[]string, unit string) int {
	if i := slices.Index(*units, unit); i >= 0 {
		return i
	}
	if len(*units) == 2 {
		return 1
	}
	*units = append(*units, unit)
	return len(*units) - 1
}

// barChart is keys over s, a bar each, one series.
func barChart(lang i18n.Lang, key, title string, s figures.Scope, keys []string, b *batches) Chart {
	fs := figs(keys)
	unit := fs[0].Unit(lang)
	c := Chart{Key: key, Type: "bar", Title: i18n.T(lang, title), Axes: []string{unit}}
	sr := Series{Key: key, Name: i18n.T(lang, title), Unit: unit}
	for _, f := range fs {
		v := b.value(s, f.Key)
		c.Categories = append(c.Categories, f.Label(lang))
		sr.Data = append(sr.Data, Point{Name: f.Label(lang), Value: v, Text: f.Format(v), Link: figures.RecordsLink(f.Key, s)})
	}
	c.Series = []Series{sr}
	return c
}

// pieChart is keys over s as the slices of one pie; said empty when all
// are zero.
func pieChart(lang i18n.Lang, key, title string, s figures.Scope, keys []string, b *batches) Chart {
	fs := figs(keys)
	c := Chart{Key: key, Type: "pie", Title: i18n.T(lang, title)}
	sr := Series{Key: key, Name: i18n.T(lang, title), Unit: fs[0].Unit(lang)}
	total := 0.0
	for _, f := range fs {
		v := b.value(s, f.Key)
		total += v
		sr.Data = append(sr.Data, Point{Name: f.Label(lang), Value: v, Text: f.Format(v), Link: figures.RecordsLink(f.Key, s)})
	}
	c.Series = []Series{sr}
	if total == 0 {
		c.Empty = i18n.T(lang, "ui.dashboard.no_data")
	}
	return c
}
