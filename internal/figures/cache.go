package figures

import (
	"context"
	"fmt"
	"sync"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// The figures' values are kept per database, figure, scope and period for
// as long as no write has changed the records: data_stamp is one number
// that triggers on every table the figures read bump in the writing
// transaction, whichever server or script writes (migration 0030). A
// request reads the number first, then takes the values kept under it and
// computes and keeps the others; a value computed while a write commits is
// kept under the number read before it, which that write has already
// replaced, so it is never served after the write. Fifty clients asking
// for the whole city's figures compute them once, each server once after
// each write.

// valueCache holds the values computed under one stamp on one day (a
// period's figures do not depend on the day, but the kept values are
// dropped at midnight all the same: nothing served comes from yesterday).
type valueCache struct {
	mu    sync.Mutex
	stamp int64
	day   date.Date
	vals  map[string]float64
}

// cacheMaxValues bounds a cache's memory (about 100 bytes a value): past it
// the values are dropped and kept afresh.
const cacheMaxValues = 1 << 18

type cacheSlot struct{}

type uncachedKey struct{}

// Uncached returns a context whose computations neither use nor keep
// cached values: the benchmarks that measure the computation itself.
func Uncached(ctx context.Context) context.Context {
	return context.WithValue(ctx, uncachedKey{}, true)
}

// cacheFor returns q's cache and the stamp it is valid for now, or nil
// where no cache applies: in a transaction (it may see writes not
// committed) and under Uncached.
func cacheFor(ctx context.Context, q db.Q) (*valueCache, int64, error) {
	local := q.Local()
	if local == nil || ctx.Value(uncachedKey{}) != nil {
		return nil, 0, nil
	}
	var stamp int64
	if err := q.QueryRowContext(ctx, "SELECT n FROM data_stamp WHERE id = 1").Scan(&stamp); err != nil {
		return nil, 0, fmt.Errorf("figures: data stamp: %w", err)
	}
	c, _ := local.LoadOrStore(cacheSlot{}, &valueCache{})
	return c.(*valueCache), stamp, nil
}

// get returns the value kept under key at stamp.
func (c *valueCache) get(stamp int64, key string) (float64, bool) {
	if c == nil {
		return 0, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp != stamp || c.day != date.Today() {
		return 0, false
	}
	v, ok := c.vals[key]
	return v, ok
}

// put keeps v under key at stamp, dropping the values of another stamp or
// day.
func (c *valueCache) put(stamp int64, key string, v float64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	today := date.Today()
	if c.stamp != stamp || c.day != today || len(c.vals) >= cacheMaxValues {
		c.stamp, c.day, c.vals = stamp, today, map[string]float64{}
	}
	c.vals[key] = v
}
