package demo

import (
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/coordination"
	"dangjian/internal/dashboard"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// BenchmarkDashboardCity measures the dashboard's data (dashboard.Source.Build:
// the headline figures and the same period a year earlier, each part's
// figures for ten years, funding, outlets, the petition rates, the
// coverage of every district and the four lists) for the whole tree of
// the city tier, current year (issue 14's target: under 100 ms on
// SQLite), against part one's figures alone measured in the same
// iteration.
//
//	go test ./internal/demo -run '^$' -bench DashboardCity -benchtime 20x -count 5
func BenchmarkDashboardCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	areas := area.NewStore(d)
	root, err := areas.Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	src := &dashboard.Source{DB: d, Areas: areas, Coordination: coordination.NewStore(d, areas), Cobuilding: cobuilding.NewStore(d, areas)}
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, AreaName: root.Name, From: from, To: to, Level: string(root.Level)}
	start := time.Now()
	got, err := src.Build(ctx, s, i18n.ZH) // warm the caches and check
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first build: %s", time.Since(start).Round(time.Millisecond))
	for _, h := range got.Headline {
		b.Logf("%s = %v (a year earlier %v)", h.Key, h.Value, h.Earlier)
	}
	if got.Headline[0].Value <= 0 || len(got.Charts[0].Categories) == 0 {
		b.Fatalf("the city's dashboard is empty: %+v", got.Headline[0])
	}
	for _, l := range got.Lists {
		b.Logf("list %s: %d, more %v", l.Key, len(l.Items), l.More != "")
	}
	one := figuresOfParts(1)
	var tDash, tOne time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := src.Build(ctx, s, i18n.ZH); err != nil {
			b.Fatal(err)
		}
		tDash += time.Since(start)
		start = time.Now()
		if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, one); err != nil {
			b.Fatal(err)
		}
		tOne += time.Since(start)
	}
	b.StopTimer()
	per := float64(tDash.Nanoseconds()) / float64(b.N)
	perOne := float64(tOne.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per/1e6, "ms/dashboard")
	b.ReportMetric(perOne/1e6, "ms/part-1")
	b.ReportMetric(per/perOne, "x-part-1")
}
