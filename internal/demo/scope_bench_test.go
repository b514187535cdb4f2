package demo

import (
	"testing"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// BenchmarkCommunityFiguresCityVsDistrict measures all figures of one
// community, uncached, current year, on the city tier (4,800 areas) and on
// the district tier (241 areas) in turns in the same iterations (issue 15,
// item 9: a small scope's figures cost what its own rows cost, not the
// whole tree's; goal: city within 1.2× the district). Each tier's first
// community active today.
func BenchmarkCommunityFiguresCityVsDistrict(b *testing.B) {
	city, district := cachedTier(b, "city"), cachedTier(b, "district")
	ctx := benchContext()
	from, to := date.YearBounds(date.Today().Year())
	scope := func(d *db.DB) figures.Scope {
		var id int64
		err := d.Reader().QueryRowContext(ctx, "SELECT id FROM area WHERE level = 'community' AND ended_on IS NULL ORDER BY id LIMIT 1").Scan(&id)
		if err != nil {
			b.Fatal(err)
		}
		return figures.Scope{AreaID: id, From: from, To: to}
	}
	sc, sd := scope(city), scope(district)
	run := func(d *db.DB, s figures.Scope) time.Duration {
		start := time.Now()
		if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, figures.All()); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	run(city, sc) // warm the caches of statements and pages
	run(district, sd)
	b.ResetTimer()
	var tc, td time.Duration
	for range b.N {
		tc += run(city, sc)
		td += run(district, sd)
	}
	b.ReportMetric(float64(tc.Microseconds())/float64(b.N)/1000, "ms/city")
	b.ReportMetric(float64(td.Microseconds())/float64(b.N)/1000, "ms/district")
	b.ReportMetric(float64(tc)/float64(td), "x-district")
}
