package demo

import (
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
	"dangjian/internal/figures"
)

// figuresToFourA are the figures of parts one to three and part four's
// co-building figures (part four (a)).
func figuresToFourA() []*figures.Figure {
	out := figuresOfParts(1, 2, 3)
	for _, f := range figuresOfParts(4) {
		if strings.HasPrefix(f.Key, "projects.") || strings.HasPrefix(f.Key, "feedback.") {
			out = append(out, f)
		}
	}
	return out
}

// BenchmarkFiguresPartsOneToFourACity measures every figure of parts one
// to four (a) together for the whole tree of the city tier, current year
// (issue 12's target: under 50 ms on SQLite), against part one's figures
// alone and the COUNT(*) of the active communities (baselineSQL), measured
// in the same run as BenchmarkFiguresPartsOneTwoCity does.
//
//	go test ./internal/demo -run '^$' -bench FiguresPartsOneToFourACity -benchtime 30x -count 5
func BenchmarkFiguresPartsOneToFourACity(b *testing.B) {
	benchPartsOf(b, cachedTier(b, "city"), figuresToFourA(), "parts-1-4a")
}

// BenchmarkSuggestCity measures the resources suggested for a demand
// (cobuilding.Store.Suggest, first 20) at the city tier today (issue 12's
// target: under 20 ms), for an open demand of the subdistrict offering the
// most resources, against a baseline measured in the same run: the plain
// indexed COUNT(*) of the resources placed in the demand's own community.
//
//	go test ./internal/demo -run '^$' -bench SuggestCity -benchtime 200x -count 5
func BenchmarkSuggestCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	q := d.Reader()
	today := date.Today()
	var demand, community int64
	var sub string
	if err := q.QueryRowContext(ctx, `SELECT x.id, x.area_id, s.name FROM demand x
JOIN area_closure c ON c.descendant_id = x.area_id AND c.to_on IS NULL JOIN area s ON s.id = c.ancestor_id AND s.level = 'subdistrict'
WHERE x.status = 'open' AND s.id = (SELECT c2.ancestor_id FROM resource r JOIN area_closure c2 ON c2.descendant_id = r.area_id AND c2.to_on IS NULL
  JOIN area s2 ON s2.id = c2.ancestor_id AND s2.level = 'subdistrict' WHERE r.to_on IS NULL GROUP BY c2.ancestor_id ORDER BY COUNT(*) DESC, c2.ancestor_id LIMIT 1)
ORDER BY x.id LIMIT 1`).Scan(&demand, &community, &sub); err != nil {
		b.Fatal(err)
	}
	s := cobuilding.NewStore(d, area.NewStore(d))
	got, err := s.Suggest(ctx, demand, today, 20)
	if err != nil {
		b.Fatal(err)
	}
	if len(got) == 0 {
		b.Fatalf("no resource suggested for demand %d in %s", demand, sub)
	}
	b.Logf("demand %d in %s: %d suggested, the first %s (fits %v, nearness %d)", demand, sub, len(got), got[0].Resource.Description, got[0].Fits, got[0].Near)
	var tSuggest, tBase time.Duration
	var n int
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := s.Suggest(ctx, demand, today, 20); err != nil {
			b.Fatal(err)
		}
		tSuggest += time.Since(start)
		start = time.Now()
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM resource WHERE area_id = ?", community).Scan(&n); err != nil {
			b.Fatal(err)
		}
		tBase += time.Since(start)
	}
	b.StopTimer()
	per := float64(tSuggest.Nanoseconds()) / float64(b.N)
	base := float64(tBase.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per/1e6, "ms/suggest")
	b.ReportMetric(base/1e3, "baseline-µs/op")
	b.ReportMetric(per/base, "x-baseline")
}
