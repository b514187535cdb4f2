package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

func BenchmarkZZSplit(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := context.Background()
	root, _ := area.NewStore(d).Root(ctx)
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, From: from, To: to}
	var tal, rows, all []*figures.Figure
	for _, f := range figures.All() {
		if f.Part > 3 {
			continue
		}
		all = append(all, f)
		if f.Tally != nil {
			tal = append(tal, f)
		} else {
			rows = append(rows, f)
		}
	}
	for _, c := range []struct {
		name string
		fs   []*figures.Figure
	}{{"tallied", tal}, {"rows", rows}, {"all", all}} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, c.fs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
