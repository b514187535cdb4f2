package demo

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// BenchmarkSpeechChangeCity measures the whole speech for the whole tree of
// the city tier, current year, in Chinese, with the default template (which
// says four figures with their change from a year earlier, {{change key}}:
// one more batch of figures for the year before) against the same template
// with those changes left out, measured in the same iteration.
//
//	go test ./internal/demo -run '^$' -bench SpeechChangeCity -benchtime 20x -count 5
func BenchmarkSpeechChangeCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	s := rootThisYear(b, d)
	parts, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		b.Fatal(err)
	}
	with, err := report.ParseTemplate(i18n.ZH, parts...)
	if err != nil {
		b.Fatal(err)
	}
	change := regexp.MustCompile(`[，（]?\{\{change [a-z_.]+\}\}）?`)
	var without []string
	for _, p := range parts {
		without = append(without, change.ReplaceAllString(p, ""))
	}
	base, err := report.ParseTemplate(i18n.ZH, without...)
	if err != nil {
		b.Fatal(err)
	}
	f, err := with.Fill(ctx, d.Reader(), s, date.Today())
	if err != nil {
		b.Fatal(err)
	}
	if md := f.Markdown(); !strings.Contains(md, "上年") {
		b.Fatalf("the speech says no change from a year earlier:\n%s", md)
	}
	var tWith, tBase time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := with.Fill(ctx, d.Reader(), s, date.Today()); err != nil {
			b.Fatal(err)
		}
		tWith += time.Since(start)
		start = time.Now()
		if _, err := base.Fill(ctx, d.Reader(), s, date.Today()); err != nil {
			b.Fatal(err)
		}
		tBase += time.Since(start)
	}
	b.StopTimer()
	per, perBase := float64(tWith.Nanoseconds())/float64(b.N), float64(tBase.Nanoseconds())/float64(b.N)
	b.ReportMetric(per/1e6, "ms/speech")
	b.ReportMetric(perBase/1e6, "ms/without-change")
	b.ReportMetric(per/perBase, "x-without")
}
