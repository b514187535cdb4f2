package demo

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

func TestZZProbe(t *testing.T) {
	d := cachedTier(t, "city")
	ctx := context.Background()
	root, _ := area.NewStore(d).Root(ctx)
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, From: from, To: to}
	st := time.Now()
	areas, err := figures.SubAreas(ctx, d.Reader(), s, "community")
	t.Logf("subareas %d %v %v", len(areas), time.Since(st), err)
	var tl, rw []*figures.Figure
	for _, f := range figures.All() {
		if f.Tally != nil {
			tl = append(tl, f)
		} else {
			rw = append(rw, f)
			st := time.Now()
			_, err := figures.ComputeForAreas(ctx, d.Reader(), s, "community", areas, i18n.ZH, []*figures.Figure{f})
			t.Logf("%s %v %v", f.Key, time.Since(st), err)
		}
	}
	{
		f := figures.Get("conferences.subdistricts_holding")
		st := time.Now()
		_, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, []*figures.Figure{f})
		t.Logf("total only %v %v", time.Since(st), err)
	}
	for _, fs := range [][]*figures.Figure{tl, rw} {
		st = time.Now()
		b, err := figures.ComputeForAreas(ctx, d.Reader(), s, "community", areas, i18n.ZH, fs)
		t.Logf("%d figures: %v %v %v", len(fs), time.Since(st), err, b.Total[:3])
	}
}
