package demo

import (
	"context"
	"sort"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

func TestZZPerFigure(t *testing.T) {
	d := cachedTier(t, "city")
	ctx := context.Background()
	root, _ := area.NewStore(d).Root(ctx)
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, From: from, To: to}
	type r struct {
		k    string
		kind string
		d    time.Duration
	}
	var rs []r
	for _, f := range figures.All() {
		kind := "rows"
		if f.Tally != nil {
			kind = "tally"
		} else if f.Set != nil {
			kind = "set"
		}
		best := time.Hour
		for range 3 {
			st := time.Now()
			if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, []*figures.Figure{f}); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(st))
		}
		rs = append(rs, r{f.Key, kind, best})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	var tot time.Duration
	for _, x := range rs {
		tot += x.d
		t.Logf("%-45s %-6s %v", x.k, x.kind, x.d)
	}
	t.Logf("total %v", tot)
}
