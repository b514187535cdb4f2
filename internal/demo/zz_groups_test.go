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

func TestZZGroups(t *testing.T) {
	d := cachedTier(t, "city")
	ctx := context.Background()
	root, _ := area.NewStore(d).Root(ctx)
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, From: from, To: to}
	var org, end, started []*figures.Figure
	for _, f := range figures.All() {
		switch {
		case f.Tally == nil:
			org = append(org, f)
		case f.Tally.Started:
			started = append(started, f)
		default:
			end = append(end, f)
		}
	}
	for name, fs := range map[string][]*figures.Figure{"org": org, "end": end, "started": started} {
		figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, fs)
		st := time.Now()
		for range 20 {
			figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, fs)
		}
		t.Logf("%-8s %d figures %v", name, len(fs), time.Since(st)/20)
	}
	for _, f := range org {
		st := time.Now()
		for range 20 {
			f.CountRows(ctx, d.Reader(), s)
		}
		t.Logf("%-40s %v", f.Key, time.Since(st)/20)
	}
}
