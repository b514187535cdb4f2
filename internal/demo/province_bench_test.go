package demo

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/figures"
)

// EnvBenchProvince opts in to the province benchmarks (issue 15, item 8):
// generating the province tier takes a quarter of an hour and more on
// SQLite, so they are skipped unless it is set. Its value says which
// province to measure:
//
//   - "1": the province tier generated with the default seed up to today,
//     kept between runs as the city's is (CachedTier; generated on the
//     first run);
//   - "sqlite:PATH" or a plain file path: a SQLite file `dangjian gen
//     --tier province` wrote (the same default seed and day; the key does
//     not matter, figures read no personal data);
//   - "postgres://…": a PostgreSQL database (or schema, with
//     search_path=…) `dangjian gen --tier province` wrote.
const EnvBenchProvince = "DANGJIAN_BENCH_PROVINCE"

// provinceTier opens the province EnvBenchProvince names, or skips.
func provinceTier(b *testing.B) *db.DB {
	b.Helper()
	v := os.Getenv(EnvBenchProvince)
	switch {
	case v == "":
		b.Skip(EnvBenchProvince + " is not set (the province tier takes 15 minutes and more to generate)")
	case v == "1":
		return cachedTier(b, "province")
	}
	u := v
	if !strings.HasPrefix(v, "sqlite:") && !strings.HasPrefix(v, "postgres://") && !strings.HasPrefix(v, "postgresql://") {
		u = "sqlite:" + v
	}
	if p, ok := strings.CutPrefix(u, "sqlite:"); ok {
		if _, err := os.Stat(p); err != nil {
			b.Fatalf("%s: %v", EnvBenchProvince, err)
		}
	}
	d, err := db.Open(context.Background(), u)
	if err != nil {
		b.Fatalf("%s=%s: %v", EnvBenchProvince, redact(v), err)
	}
	b.Cleanup(func() { d.Close() })
	return d
}

// redact drops a URL's password, for the benchmark's messages.
func redact(v string) string {
	if pu, err := url.Parse(v); err == nil && pu.User != nil {
		return pu.Redacted()
	}
	return v
}

// BenchmarkFiguresAllPartsProvince measures every registered figure of the
// four parts together for the whole tree of the province tier (8,000
// communities, 6,000,000 members, ten years), current year (issue 15's
// target: under 100 ms), against part one's figures alone and the COUNT(*)
// of the active communities (baselineSQL), in the same run: what
// BenchmarkFiguresAllPartsCity measures, one tier up.
//
//	DANGJIAN_BENCH_PROVINCE=/tmp/province.db go test ./internal/demo -run '^$' -bench FiguresAllPartsProvince -benchtime 10x -count 5
func BenchmarkFiguresAllPartsProvince(b *testing.B) {
	benchPartsOf(b, provinceTier(b), figures.All(), "all-parts")
}

// BenchmarkSpeechProvince measures the whole speech for the whole tree of
// the province tier, current year, in Chinese (issue 15's target: under
// 1 s), against part one's figures alone measured in the same iteration:
// BenchmarkSpeechCity one tier up.
//
//	DANGJIAN_BENCH_PROVINCE=/tmp/province.db go test ./internal/demo -run '^$' -bench SpeechProvince -benchtime 10x -count 5
func BenchmarkSpeechProvince(b *testing.B) { benchSpeech(b, provinceTier(b)) }
