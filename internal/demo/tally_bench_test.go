package demo

import (
	"context"
	"errors"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// errRollback ends a benchmark's transaction without keeping its changes,
// so the cached database stays as generated.
var errRollback = errors.New("rollback")

// BenchmarkTallyFlushCity measures what the maintained counts add to a
// write at the city tier: a flush that recounts the one area a write
// touched (the largest community branch's community: about 500
// memberships over ten years; the subdistrict with the most agreed
// actions), against the same transaction with nothing to recount, in the
// same run.
//
//	go test ./internal/demo -run '^$' -bench TallyFlushCity -benchtime 200x -count 3
func BenchmarkTallyFlushCity(b *testing.B) { benchTallyFlush(b, cachedTier(b, "city")) }

// BenchmarkTallyFlushProvince is BenchmarkTallyFlushCity at the province
// tier (DANGJIAN_BENCH_PROVINCE, see provinceTier): on PostgreSQL every
// writing transaction holds the writers' lock while it flushes, so this
// bounds the writes a second of one database (docs/scale.md).
//
//	DANGJIAN_BENCH_PROVINCE=/tmp/province.db go test ./internal/demo -run '^$' -bench TallyFlushProvince -benchtime 20x -count 5
func BenchmarkTallyFlushProvince(b *testing.B) { benchTallyFlush(b, provinceTier(b)) }

// benchTallyFlush runs benchFlush on the largest community branch and the
// subdistrict with the most agreed actions of the tier in d.
func benchTallyFlush(b *testing.B, d *db.DB) {
	ctx := context.Background()
	// What a write touches: the community branch with the most
	// memberships (a member's change), and the subdistrict with the most
	// agreed actions (part two's writes, which recount its area).
	targets := []struct{ name, kind, query string }{
		{"community-branch", "org", `SELECT o.id FROM party_org o JOIN area a ON a.id = o.area_id AND a.level = 'community'
WHERE o.ended_on IS NULL ORDER BY (SELECT COUNT(*) FROM membership m WHERE m.org_id = o.id) DESC LIMIT 1`},
		{"subdistrict-actions", "area", `SELECT x.area_id FROM agreed_action x JOIN area a ON a.id = x.area_id AND a.level = 'subdistrict'
GROUP BY x.area_id ORDER BY COUNT(*) DESC LIMIT 1`},
	}
	for _, target := range targets {
		var id int64
		if err := d.Reader().QueryRowContext(ctx, target.query).Scan(&id); err != nil {
			b.Fatal(err)
		}
		b.Run(target.name, func(b *testing.B) { benchFlush(b, d, target.kind, id) })
	}
}

// benchFlush times a transaction that notes one record (kind, id) for a
// recount and flushes, against the same transaction without the flush.
func benchFlush(b *testing.B, d *db.DB, kind string, id int64) {
	ctx := context.Background()
	run := func(flush bool) time.Duration {
		start := time.Now()
		err := d.Tx(ctx, func(q db.Q) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO tally_dirty (kind, id) VALUES (?, ?)", kind, id); err != nil {
				return err
			}
			if flush {
				if n, err := tally.Flush(ctx, q); err != nil || n != 1 {
					return errors.Join(err, errors.New("expected one area recounted"))
				}
			}
			return errRollback
		})
		if !errors.Is(err, errRollback) {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	run(true)
	b.ResetTimer()
	var with, without time.Duration
	for range b.N {
		with += run(true)
		without += run(false)
	}
	b.ReportMetric(float64(with.Microseconds())/float64(b.N)/1000, "ms/flush-tx")
	b.ReportMetric(float64(without.Microseconds())/float64(b.N)/1000, "ms/baseline-tx")
}
