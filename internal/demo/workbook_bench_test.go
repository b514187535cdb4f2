package demo

import (
	"bytes"
	"testing"
	"time"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/workbook"
)

// BenchmarkWorkbookCityCommunity measures the statistics workbook of the
// whole city tier at community level, current year (issue 14's target:
// under 10 s on SQLite): every figure for each of the city's communities
// and for the city, this year and the same days a year earlier
// (workbook.Build), written as XLSX (workbook.Write); against part one's
// figures for the city alone, measured in the same iteration.
//
//	go test ./internal/demo -run '^$' -bench WorkbookCityCommunity -benchtime 1x -count 5
func BenchmarkWorkbookCityCommunity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := benchContext()
	s := rootThisYear(b, d)
	q := d.Reader()
	one := figuresOfParts(1)
	if _, err := figures.ComputeList(ctx, q, s, i18n.ZH, one); err != nil { // warm the caches
		b.Fatal(err)
	}
	var tBuild, tWrite, tOne time.Duration
	var size, rows int
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		data, err := workbook.Build(ctx, q, s, workbook.Community, i18n.ZH, figures.All())
		if err != nil {
			b.Fatal(err)
		}
		tBuild += time.Since(start)
		start = time.Now()
		var buf bytes.Buffer
		if err := workbook.Write(&buf, data, i18n.ZH); err != nil {
			b.Fatal(err)
		}
		tWrite += time.Since(start)
		size, rows = buf.Len(), len(data.Now.Areas)
		start = time.Now()
		if _, err := figures.ComputeList(ctx, q, s, i18n.ZH, one); err != nil {
			b.Fatal(err)
		}
		tOne += time.Since(start)
	}
	b.StopTimer()
	if rows < 3000 {
		b.Fatalf("%d communities in the city's workbook", rows)
	}
	n := float64(b.N)
	per := float64((tBuild + tWrite).Nanoseconds()) / n
	perOne := float64(tOne.Nanoseconds()) / n
	b.ReportMetric(per/1e6, "ms/workbook")
	b.ReportMetric(float64(tBuild.Nanoseconds())/n/1e6, "ms/figures")
	b.ReportMetric(float64(tWrite.Nanoseconds())/n/1e6, "ms/xlsx")
	b.ReportMetric(perOne/1e6, "ms/part-1")
	b.ReportMetric(per/perOne, "x-part-1")
	b.ReportMetric(float64(rows), "communities")
	b.ReportMetric(float64(size)/1e6, "MB")
}
