package demo

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/premises"
)

// sparseThisYear are the figures that may be 0 in a single year at the
// city tier: the few projects funded by a unit or another source (one in
// four and one in six of about 500 projects over ten years).
var sparseThisYear = map[string]bool{"funding.unit": true, "funding.other": true}

// BenchmarkFiguresPartsOneToThreeCity measures every figure of parts one
// to three together for the whole tree of the city tier, current year
// (issue 11's target: under 50 ms on SQLite), against part one's figures
// alone and the COUNT(*) of the active communities (baselineSQL), measured
// in the same run as BenchmarkFiguresPartsOneTwoCity does.
//
//	go test ./internal/demo -run '^$' -bench FiguresPartsOneToThreeCity -benchtime 30x -count 5
func BenchmarkFiguresPartsOneToThreeCity(b *testing.B) {
	benchPartsOf(b, cachedTier(b, "city"), figuresOfParts(1, 2, 3), "parts-1-3")
}

// BenchmarkThreeLacksCity measures the three-lacks list of the whole city
// (premises.Store.Lacks for the root, three-lacks only) on three dates —
// the first day of the ten years (the most three-lacks committees), a day
// in the middle and today — and the three-lacks report of the current year
// (premises.Store.ThreeLacks: the lists at its start and end and the
// committees solved in it), each against the COUNT(*) baseline
// (baselineSQL) measured in the same run (issue 11's target: under 50 ms).
//
//	go test ./internal/demo -run '^$' -bench ThreeLacksCity -benchtime 30x -count 5
func BenchmarkThreeLacksCity(b *testing.B) {
	benchThreeLacks(b, cachedTier(b, "city"))
}

func benchThreeLacks(b *testing.B, d *db.DB) {
	ctx := benchContext()
	today := date.Today()
	areas := area.NewStore(d)
	areas.Today = func() date.Date { return today }
	s := premises.NewStore(d, areas)
	s.Today = areas.Today
	root, err := areas.Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	start := date.Of(today.Time().AddDate(-10, 0, 0))
	from, _ := date.YearBounds(today.Year())
	for _, c := range []struct {
		name string
		on   date.Date
	}{{"start", start}, {"middle", start.AddDays(5 * 365)}, {"today", today}} {
		b.Run(c.name, func(b *testing.B) {
			list, err := s.Lacks(ctx, root.ID, c.on, true)
			if err != nil {
				b.Fatal(err)
			}
			if c.name == "start" && len(list) == 0 {
				b.Fatalf("no three-lacks committee on %s (is part three generated?)", c.on)
			}
			b.Logf("%d three-lacks committees on %s", len(list), c.on)
			timeAgainstBaseline(b, d, today, "list", func() error {
				_, err := s.Lacks(ctx, root.ID, c.on, true)
				return err
			})
		})
	}
	b.Run("report-this-year", func(b *testing.B) {
		r, err := s.ThreeLacks(ctx, root.ID, from, today)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s–%s: %d three-lacks at the start, %d at the end, %d solved", from, today, len(r.AtStart), len(r.AtEnd), len(r.Solved))
		timeAgainstBaseline(b, d, today, "report", func() error {
			_, err := s.ThreeLacks(ctx, root.ID, from, today)
			return err
		})
	})
}

// timeAgainstBaseline times f b.N times, then baselineSQL on day on, and
// reports both and their ratio.
func timeAgainstBaseline(b *testing.B, d *db.DB, on date.Date, label string, f func() error) {
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	n := max(b.N, 100)
	var count int
	startBase := time.Now()
	for range n {
		if err := d.Reader().QueryRowContext(ctx, baselineSQL, on, on).Scan(&count); err != nil {
			b.Fatal(err)
		}
	}
	base := float64(time.Since(startBase).Nanoseconds()) / float64(n)
	b.ReportMetric(per/1e6, "ms/"+label)
	b.ReportMetric(base, "baseline-ns/op")
	b.ReportMetric(per/base, "x-baseline")
}
