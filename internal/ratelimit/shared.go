package ratelimit

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"dangjian/internal/db"
)

// Shared is a limit that every application server on one database keeps
// together: hits are counted in the rate_limit table, one row per key, as
// a sliding window (the current fixed window plus the previous one,
// weighted by how much of it the sliding window still covers — the
// estimate Cloudflare and nginx use). One upsert a call, on both engines.
//
// A per-process token bucket runs first as a fast pre-check: a key that
// this process alone has already sent past its burst is refused without a
// database round trip. Refused calls are counted too, so a client that
// keeps hammering stays refused until it slows down.
type Shared struct {
	db     *db.DB
	name   string
	limit  int
	window time.Duration
	local  *Limiter
	// Now is the clock (time.Now); tests set it.
	Now       func() time.Time
	lastSweep atomic.Int64
}

// NewShared returns a limit of limit hits per window for each key, kept in
// d under name (a prefix of the keys), with an in-process pre-check of the
// same rate and the given burst. A nil d keeps the limit in this process
// only (tests, tools without a database).
func NewShared(d *db.DB, name string, limit int, window time.Duration, burst int) *Shared {
	perMinute := max(1, int(float64(limit)*float64(time.Minute)/float64(window)))
	return &Shared{db: d, name: name, limit: limit, window: window, local: New(perMinute, burst), Now: time.Now}
}

// Allow counts a hit for key and reports whether it is within the limit.
// An error (the database unreachable) comes with false: callers refuse.
// A nil *Shared allows everything.
func (s *Shared) Allow(ctx context.Context, key string) (bool, error) {
	if s == nil {
		return true, nil
	}
	if s.db == nil {
		return s.allowLocal(key), nil
	}
	return s.AllowQ(ctx, s.db.Writer(), key)
}

// AllowQ is Allow through q, for a caller inside a transaction (with
// SQLite's single writer connection, Allow there would wait on itself).
// The hit is then counted only if the transaction commits.
func (s *Shared) AllowQ(ctx context.Context, q db.Q, key string) (bool, error) {
	if s == nil {
		return true, nil
	}
	if !s.allowLocal(key) {
		return false, nil
	}
	if s.db == nil {
		return true, nil
	}
	now := s.Now()
	w := int64(s.window / time.Second)
	if w < 1 {
		w = 1
	}
	start := now.Unix() / w * w
	var hits, prev int64
	err := q.QueryRowContext(ctx, `INSERT INTO rate_limit (key, window_start, hits, prev_hits) VALUES (?, ?, 1, 0)
ON CONFLICT (key) DO UPDATE SET
  prev_hits = CASE WHEN rate_limit.window_start = excluded.window_start THEN rate_limit.prev_hits
                   WHEN rate_limit.window_start = excluded.window_start - ? THEN rate_limit.hits
                   ELSE 0 END,
  hits = CASE WHEN rate_limit.window_start = excluded.window_start THEN rate_limit.hits + 1 ELSE 1 END,
  window_start = excluded.window_start
RETURNING hits, prev_hits`, s.name+":"+key, start, w).Scan(&hits, &prev)
	if err != nil {
		return false, fmt.Errorf("ratelimit: %s: %w", s.name, err)
	}
	s.sweep(ctx, q, now.Unix(), w)
	elapsed := float64(now.UnixNano()-start*int64(time.Second)) / float64(w*int64(time.Second))
	estimate := float64(prev)*(1-elapsed) + float64(hits)
	return estimate <= float64(s.limit), nil
}

func (s *Shared) allowLocal(key string) bool {
	if s.local == nil {
		return true
	}
	s.local.mu.Lock()
	s.local.Now = s.Now
	s.local.mu.Unlock()
	return s.local.Allow(key)
}

// sweep deletes, at most once a minute per process, the rows of this
// limit that no longer count (older than two windows).
func (s *Shared) sweep(ctx context.Context, q db.Q, now, w int64) {
	last := s.lastSweep.Load()
	if now-last < 60 || !s.lastSweep.CompareAndSwap(last, now) {
		return
	}
	// Best effort: a failed sweep is retried a minute later. Through q, so
	// that inside a transaction SQLite's one writer is not waited on.
	_, _ = q.ExecContext(ctx, "DELETE FROM rate_limit WHERE window_start < ? AND key LIKE ?", now-2*w, s.name+":%")
}
