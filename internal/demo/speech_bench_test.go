package demo

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/memo"
	"dangjian/internal/report"
	"dangjian/internal/speech"
)

// BenchmarkFiguresAllPartsCity measures every registered figure of the
// four parts together for the whole tree of the city tier, current year
// (issue 13's target: under 50 ms on SQLite), against part one's figures
// alone and the COUNT(*) of the active communities, measured in the same
// run as BenchmarkFiguresPartsOneTwoCity does.
//
//	go test ./internal/demo -run '^$' -bench FiguresAllPartsCity -benchtime 20x -count 5
func BenchmarkFiguresAllPartsCity(b *testing.B) {
	benchPartsOf(b, cachedTier(b, "city"), figures.All(), "all-parts")
}

// BenchmarkSpeechCity measures the whole speech (report.Template.Fill: every
// figure it names, its names and its example slots) for the whole tree of
// the city tier, current year, in Chinese (issue 13's target: under
// 150 ms), against part one's figures alone measured in the same
// iteration.
//
//	go test ./internal/demo -run '^$' -bench SpeechCity -benchtime 20x -count 5
func BenchmarkSpeechCity(b *testing.B) { benchSpeech(b, cachedTier(b, "city")) }

// BenchmarkAllPartsCityPostgres runs BenchmarkFiguresAllPartsCity and
// BenchmarkSpeechCity on PostgreSQL when DANGJIAN_TEST_POSTGRES is set, on
// the city tier generated into a fresh schema for the run (issue 13's
// target for the figures: under 100 ms on PostgreSQL):
//
//	DANGJIAN_TEST_POSTGRES=postgres://… go test ./internal/demo -run '^$' -bench AllPartsCityPostgres -benchtime 20x -timeout 90m
func BenchmarkAllPartsCityPostgres(b *testing.B) {
	d := generatedPostgres(b, "city")
	b.Run("figures", func(b *testing.B) { benchPartsOf(b, d, figures.All(), "all-parts") })
	b.Run("speech", func(b *testing.B) { benchSpeech(b, d) })
}

// benchSpeech times the whole speech of the tier in d against part one's
// figures, in the same iterations.
func benchSpeech(b *testing.B, d *db.DB) {
	ctx := benchContext()
	s := rootThisYear(b, d)
	t, err := report.LoadTemplate(i18n.ZH)
	if err != nil {
		b.Fatal(err)
	}
	f, err := t.Fill(ctx, d.Reader(), s, date.Today())
	if err != nil {
		b.Fatal(err)
	}
	if md := f.Markdown(); strings.Contains(md, "××") || strings.Contains(md, "{{") {
		b.Fatalf("the speech is not filled:\n%s", md)
	}
	one := figuresOfParts(1)
	var tSpeech, tOne time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := t.Fill(ctx, d.Reader(), s, date.Today()); err != nil {
			b.Fatal(err)
		}
		tSpeech += time.Since(start)
		start = time.Now()
		if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, one); err != nil {
			b.Fatal(err)
		}
		tOne += time.Since(start)
	}
	b.StopTimer()
	per := float64(tSpeech.Nanoseconds()) / float64(b.N)
	perOne := float64(tOne.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per/1e6, "ms/speech")
	b.ReportMetric(perOne/1e6, "ms/part-1")
	b.ReportMetric(per/perOne, "x-part-1")
}

// BenchmarkSpeechRulesCity logs the time of each example rule and each
// list of names the speech reads, for the whole tree of the city tier,
// current year, as a speech computes them (one memo: a slot's picks of the
// slots before it are made once): where BenchmarkSpeechCity's time goes.
//
//	go test ./internal/demo -run '^$' -bench SpeechRulesCity -benchtime 1x -v
func BenchmarkSpeechRulesCity(b *testing.B) {
	d := cachedTier(b, "city")
	s := rootThisYear(b, d)
	for range b.N {
		ctx := memo.With(benchContext())
		for _, r := range speech.Rules() {
			start := time.Now()
			if _, err := r.Find(ctx, d.Reader(), s, i18n.ZH); err != nil {
				b.Fatal(err)
			}
			b.Logf("rule %s: %s", r.Name, time.Since(start).Round(10*time.Microsecond))
		}
		for _, k := range []string{"branches.community.total", "conferences.total"} {
			start := time.Now()
			if _, _, err := figures.Get(k).RecordsUpTo(ctx, d.Reader(), s, 50); err != nil {
				b.Fatal(err)
			}
			b.Logf("names of %s: %s", k, time.Since(start).Round(10*time.Microsecond))
		}
	}
}

// BenchmarkFigureEachCity logs the time of each registered figure alone
// for the whole tree of the city tier, current year (the best of three,
// slowest first) and how it is read: where BenchmarkFiguresAllPartsCity's
// time goes.
//
//	go test ./internal/demo -run '^$' -bench FigureEachCity -benchtime 1x -v
func BenchmarkFigureEachCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	s := rootThisYear(b, d)
	type timed struct {
		key, how string
		took     time.Duration
	}
	for range b.N {
		var all []timed
		for _, f := range figures.All() {
			how := "rows"
			switch {
			case f.Tally != nil:
				how = "counts"
			case f.Set != nil:
				how = "sets"
			}
			best := time.Duration(1 << 62)
			for range 3 {
				start := time.Now()
				if _, err := figures.ComputeList(ctx, d.Reader(), s, i18n.ZH, []*figures.Figure{f}); err != nil {
					b.Fatal(err)
				}
				best = min(best, time.Since(start))
			}
			all = append(all, timed{f.Key, how, best})
		}
		slices.SortFunc(all, func(x, y timed) int { return cmp.Compare(y.took, x.took) })
		for _, t := range all {
			b.Logf("%-42s %-6s %s", t.key, t.how, t.took.Round(10*time.Microsecond))
		}
	}
}

// BenchmarkSpeechDocxCity measures the city's speech as a Word document
// (report.Template.Fill, then report.DOCX: issue 14's target, under 1 s)
// against the same speech as Markdown, in the same iteration.
//
//	go test ./internal/demo -run '^$' -bench SpeechDocxCity -benchtime 10x -count 5
func BenchmarkSpeechDocxCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	s := rootThisYear(b, d)
	t, err := report.LoadTemplate(i18n.ZH)
	if err != nil {
		b.Fatal(err)
	}
	var tDocx, tMD time.Duration
	var size int
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		f, err := t.Fill(ctx, d.Reader(), s, date.Today())
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := report.DOCX(&buf, f); err != nil {
			b.Fatal(err)
		}
		tDocx += time.Since(start)
		size = buf.Len()
		start = time.Now()
		f, err = t.Fill(ctx, d.Reader(), s, date.Today())
		if err != nil {
			b.Fatal(err)
		}
		_ = f.Markdown()
		tMD += time.Since(start)
	}
	b.StopTimer()
	per, perMD := float64(tDocx.Nanoseconds())/float64(b.N), float64(tMD.Nanoseconds())/float64(b.N)
	b.ReportMetric(per/1e6, "ms/docx")
	b.ReportMetric(perMD/1e6, "ms/markdown")
	b.ReportMetric(per/perMD, "x-markdown")
	b.ReportMetric(float64(size), "bytes/docx")
}

// rootThisYear is the scope of a benchmark: the whole tree of the tier in
// d, the current year.
func rootThisYear(tb testing.TB, d *db.DB) figures.Scope {
	tb.Helper()
	root, err := area.NewStore(d).Root(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	from, to := date.YearBounds(date.Today().Year())
	return figures.Scope{AreaID: root.ID, AreaName: root.Name, From: from, To: to, Level: string(root.Level)}
}
