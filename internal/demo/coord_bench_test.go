package demo

import (
	"context"
	"os"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// figuresOfParts are the registered figures of the given parts of the
// speech.
func figuresOfParts(parts ...int) []*figures.Figure {
	var out []*figures.Figure
	for _, f := range figures.All() {
		for _, p := range parts {
			if f.Part == p {
				out = append(out, f)
			}
		}
	}
	return out
}

// BenchmarkFiguresPartsOneTwoCity measures every figure of parts one and
// two together for the whole tree of the city tier, current year (issue
// 10's target: under 50 ms on SQLite), against two baselines measured in
// the same run: part one's figures alone, and the plain COUNT(*) of the
// active communities (baselineSQL). BenchmarkPartTwoCityPostgres runs it
// on PostgreSQL.
//
//	go test ./internal/demo -run '^$' -bench FiguresPartsOneTwoCity -benchtime 100x -count 5
func BenchmarkFiguresPartsOneTwoCity(b *testing.B) {
	benchParts(b, cachedTier(b, "city"))
}

// BenchmarkPartTwoCityPostgres runs the two benchmarks of issue 10 on
// PostgreSQL when DANGJIAN_TEST_POSTGRES is set, on one city tier
// generated into a fresh schema for the run (ten minutes and more):
//
//	DANGJIAN_TEST_POSTGRES=postgres://… go test ./internal/demo -run '^$' -bench PartTwoCityPostgres -benchtime 50x -timeout 60m
func BenchmarkPartTwoCityPostgres(b *testing.B) {
	d := generatedPostgres(b, "city")
	b.Run("figures", func(b *testing.B) { benchParts(b, d) })
	b.Run("overdue", func(b *testing.B) { benchOverdue(b, d) })
}

// generatedPostgres generates a tier into a fresh PostgreSQL schema for
// the run (ten minutes and more for the city), or skips the benchmark
// when DANGJIAN_TEST_POSTGRES is not set.
func generatedPostgres(b *testing.B, tier string) *db.DB {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		b.Skip("DANGJIAN_TEST_POSTGRES is not set")
	}
	d := dbtest.Open(b, db.Postgres)
	start := time.Now()
	if _, err := GenerateWith(context.Background(), d, GenOptions{Tier: tierNamed(b, tier), Seed: DefaultSeed, Today: date.Today(), Keys: testKeys(b)}, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated the %s tier in %s", tier, time.Since(start).Round(time.Second))
	return d
}

func benchParts(b *testing.B, d *db.DB) {
	benchPartsOf(b, d, figuresOfParts(1, 2), "parts-1+2")
}

// benchPartsOf times the figures both (all > 0 this year but part one's)
// against part one's alone and baselineSQL, in the same run; label names
// the metric of both.
func benchPartsOf(b *testing.B, d *db.DB, both []*figures.Figure, label string) {
	ctx := benchContext()
	root, err := area.NewStore(d).Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	from, to := date.YearBounds(date.Today().Year())
	s := figures.Scope{AreaID: root.ID, AreaName: root.Name, From: from, To: to}
	q := d.Reader()
	one := figuresOfParts(1)
	vals, err := figures.ComputeList(ctx, q, s, i18n.ZH, both) // warm the caches and check
	if err != nil {
		b.Fatal(err)
	}
	for _, v := range vals {
		if f := figures.Get(v.Key); f.Part > 1 && v.Value <= 0 && !sparseThisYear[v.Key] {
			b.Errorf("%s = %v for the whole tree this year, want > 0 (is part %d generated?)", v.Key, v.Value, f.Part)
		}
		b.Logf("%s = %v", v.Key, v.Value)
	}
	if _, err := figures.ComputeList(ctx, q, s, i18n.ZH, one); err != nil {
		b.Fatal(err)
	}
	// Both measured in turns, so that the machine's drift hits them alike.
	var tBoth, tOne time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := figures.ComputeList(ctx, q, s, i18n.ZH, both); err != nil {
			b.Fatal(err)
		}
		tBoth += time.Since(start)
		start = time.Now()
		if _, err := figures.ComputeList(ctx, q, s, i18n.ZH, one); err != nil {
			b.Fatal(err)
		}
		tOne += time.Since(start)
	}
	b.StopTimer()
	n := max(b.N, 100)
	var count int
	start := time.Now()
	for range n {
		if err := q.QueryRowContext(ctx, baselineSQL, to, to).Scan(&count); err != nil {
			b.Fatal(err)
		}
	}
	base := float64(time.Since(start).Nanoseconds()) / float64(n)
	perBoth := float64(tBoth.Nanoseconds()) / float64(b.N)
	perOne := float64(tOne.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perBoth/1e6, "ms/"+label)
	b.ReportMetric(perOne/1e6, "ms/part-1")
	b.ReportMetric(base, "baseline-ns/op")
	b.ReportMetric(perBoth/perOne, "x-part-1")
	b.ReportMetric(perBoth/base, "x-baseline")
}

// BenchmarkOverdueActionsCity measures a page (50) of the overdue-actions
// list of one subdistrict at the city tier, today (issue 10's target:
// under 20 ms a page), first and second page, against a baseline measured
// in the same run: the plain indexed COUNT(*) of the actions due before
// today placed at the subdistrict itself (agreed_action_area_due), without
// the subtree, the status or the order. The subdistrict is the one with
// the most overdue actions.
//
//	go test ./internal/demo -run '^$' -bench OverdueActionsCity -benchtime 200x -count 5
func BenchmarkOverdueActionsCity(b *testing.B) {
	benchOverdue(b, cachedTier(b, "city"))
}

const overdueBaselineSQL = "SELECT COUNT(*) FROM agreed_action WHERE area_id = ? AND due_on < ?"

func benchOverdue(b *testing.B, d *db.DB) {
	ctx := benchContext()
	today := date.Today()
	var sub int64
	var want int
	err := d.Reader().QueryRowContext(ctx, `SELECT c.ancestor_id, COUNT(*) FROM agreed_action x
JOIN area_closure c ON c.descendant_id = x.area_id AND c.to_on IS NULL JOIN area a ON a.id = c.ancestor_id AND a.level = 'subdistrict'
WHERE x.parent_id IS NULL AND x.status IN ('open', 'in_progress') AND x.due_on < ? GROUP BY c.ancestor_id ORDER BY 2 DESC, 1 LIMIT 1`, today).Scan(&sub, &want)
	if err != nil {
		b.Fatal(err)
	}
	areas := area.NewStore(d)
	areas.Today = func() date.Date { return today }
	s := coordination.NewStore(d, areas)
	s.Today = areas.Today
	f := coordination.ActionFilter{AreaID: sub, Due: "overdue", On: today, Limit: 50}
	first, err := s.ListActions(ctx, f)
	if err != nil {
		b.Fatal(err)
	}
	if len(first) != min(50, want) {
		b.Fatalf("subdistrict %d: first page of %d overdue actions, want %d", sub, len(first), min(50, want))
	}
	next := f
	next.After = first[len(first)-1].ID
	b.Logf("subdistrict %d: %d overdue actions", sub, want)
	var tFirst, tNext time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := s.ListActions(ctx, f); err != nil {
			b.Fatal(err)
		}
		tFirst += time.Since(start)
		start = time.Now()
		if _, err := s.ListActions(ctx, next); err != nil {
			b.Fatal(err)
		}
		tNext += time.Since(start)
	}
	b.StopTimer()
	n := max(b.N, 100)
	var count int
	start := time.Now()
	for range n {
		if err := d.Reader().QueryRowContext(ctx, overdueBaselineSQL, sub, today).Scan(&count); err != nil {
			b.Fatal(err)
		}
	}
	base := float64(time.Since(start).Nanoseconds()) / float64(n)
	perFirst := float64(tFirst.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perFirst/1e6, "ms/page-1")
	b.ReportMetric(float64(tNext.Nanoseconds())/float64(b.N)/1e6, "ms/page-2")
	b.ReportMetric(base, "baseline-ns/op")
	b.ReportMetric(perFirst/base, "x-baseline")
}
