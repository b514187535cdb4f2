package demo

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// BenchmarkFiguresCity measures what `dangjian figures` computes for the
// whole tree of the city tier (4,000 communities, 2,000,000 members, ten
// years of history) for the current year, against a baseline measured in
// the same run: a plain COUNT(*) of the active communities, without the
// closure join. The sub-benchmarks "2019" and "to-today" time a past year
// and a period that does not end on 31 December (read from the day-by-day
// counts rather than the year-end ones).
//
//	go test ./internal/demo -run '^$' -bench FiguresCity -benchtime 100x -count 3
func BenchmarkFiguresCity(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchFigures(b, cachedTier(b, "city"))
	})
	today := date.Today()
	for _, p := range []struct {
		name     string
		from, to date.Date
	}{
		{"2019", date.New(2019, 1, 1), date.New(2019, 12, 31)},
		{"to-today", date.New(today.Year(), 1, 1), today},
	} {
		b.Run("sqlite-"+p.name, func(b *testing.B) {
			benchFiguresFor(b, cachedTier(b, "city"), p.from, p.to)
		})
	}
	if os.Getenv(dbtest.EnvPostgres) != "" {
		b.Run("postgres", func(b *testing.B) {
			d := dbtest.Open(b, db.Postgres)
			if _, err := GenerateWith(context.Background(), d, GenOptions{Tier: tierNamed(b, "city"), Seed: DefaultSeed, Today: date.Today(), Keys: testKeys(b)}, nil); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Writer().ExecContext(context.Background(), "ANALYZE"); err != nil {
				b.Fatal(err)
			}
			benchFigures(b, d)
		})
	}
}

// BenchmarkFigureCity times each figure computed alone for the whole tree
// of the city tier, current year: the per-figure numbers in
// docs/benchmarks.md ("Figures with people: maintained counts").
//
//	go test ./internal/demo -run '^$' -bench FigureCity -benchtime 20x
func BenchmarkFigureCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	root, err := area.NewStore(d).Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, From: from, To: to}
	for _, f := range figures.All() {
		b.Run(f.Key, func(b *testing.B) {
			for range b.N {
				if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, []*figures.Figure{f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// baselineSQL is the raw aggregate the figures are compared with.
const baselineSQL = "SELECT COUNT(*) FROM area WHERE level = 'community' AND established_on <= ? AND (ended_on IS NULL OR ? < ended_on)"

func benchFigures(b *testing.B, d *db.DB) {
	from, to := date.YearBounds(date.Today().Year())
	benchFiguresFor(b, d, from, to)
}

func benchFiguresFor(b *testing.B, d *db.DB, from, to date.Date) {
	ctx := benchContext()
	root, err := area.NewStore(d).Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	s := figures.Scope{AreaID: root.ID, AreaName: root.Name, From: from, To: to}
	q := d.Reader()
	vals, err := figures.ComputeAll(ctx, q, s, i18n.ZH) // warm the cache and check
	if err != nil {
		b.Fatal(err)
	}
	for _, v := range vals {
		b.Logf("%s = %v", v.Key, v.Value)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := figures.ComputeAll(ctx, q, s, i18n.ZH); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)

	n := max(b.N, 100)
	var count int
	startBase := time.Now()
	for range n {
		if err := q.QueryRowContext(ctx, baselineSQL, to, to).Scan(&count); err != nil {
			b.Fatal(err)
		}
	}
	base := float64(time.Since(startBase).Nanoseconds()) / float64(n)
	b.ReportMetric(per/1e6, "ms/figures")
	b.ReportMetric(base, "baseline-ns/op")
	b.ReportMetric(per/base, "x-baseline")
}

// BenchmarkGenerate times Generate per tier into a fresh SQLite file (and a
// fresh PostgreSQL schema when DANGJIAN_TEST_POSTGRES is set). Run it once
// per tier (the province only when DANGJIAN_BENCH_PROVINCE is set: a
// quarter of an hour and more on SQLite):
//
//	go test ./internal/demo -run '^$' -bench Generate -benchtime 1x
func BenchmarkGenerate(b *testing.B) {
	for _, t := range Tiers {
		for _, e := range dbtest.Engines() {
			b.Run(t.Name+"/"+string(e), func(b *testing.B) {
				if t.Name == "province" && os.Getenv(EnvBenchProvince) == "" {
					b.Skip(EnvBenchProvince + " is not set")
				}
				for range b.N {
					b.StopTimer()
					d := dbtest.Open(b, e)
					b.StartTimer()
					st, err := GenerateWith(context.Background(), d, GenOptions{Tier: t, Seed: DefaultSeed, Today: date.Today(), Keys: testKeys(b)}, io.Discard)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(st.Areas), "areas")
					b.ReportMetric(float64(st.ClosureRows), "closure-rows")
					b.ReportMetric(float64(st.Persons), "members")
					b.ReportMetric(float64(st.Memberships), "memberships")
				}
			})
		}
	}
}

func tierNamed(tb testing.TB, name string) Tier {
	tb.Helper()
	t, err := ParseTier(name)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// cachedTier opens the tier generated with the default seed up to today
// (CachedTier), closed at the end of the test.
func cachedTier(tb testing.TB, name string) *db.DB {
	tb.Helper()
	path, err := CachedTier(context.Background(), name, testKeys(tb), tb.Logf)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := db.Open(context.Background(), "sqlite:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

// benchContext is the context of the benchmarks that measure computing
// figures: uncached, or every iteration after the first would measure the
// cache (figures.Uncached).
func benchContext() context.Context { return figures.Uncached(context.Background()) }
