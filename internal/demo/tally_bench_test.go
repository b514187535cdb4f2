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
// write at the city tier: a flush that recounts the one community whose
// branch the write touched (about 500 memberships over ten years), against
// the same transaction with nothing to recount, in the same run.
//
//	go test ./internal/demo -run '^$' -bench TallyFlushCity -benchtime 200x -count 3
func BenchmarkTallyFlushCity(b *testing.B) {
	d := cachedTier(b, "city")
	ctx := context.Background()
	var org int64
	err := d.Reader().QueryRowContext(ctx, `SELECT o.id FROM party_org o JOIN area a ON a.id = o.area_id AND a.level = 'community'
WHERE o.ended_on IS NULL ORDER BY (SELECT COUNT(*) FROM membership m WHERE m.org_id = o.id) DESC LIMIT 1`).Scan(&org)
	if err != nil {
		b.Fatal(err)
	}
	run := func(flush bool) time.Duration {
		start := time.Now()
		err := d.Tx(ctx, func(q db.Q) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO tally_dirty (kind, id) VALUES ('org', ?)", org); err != nil {
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
