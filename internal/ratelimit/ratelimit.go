// Package ratelimit is a token bucket per key, in memory: each application
// server limits on its own, which is enough to slow guessing (sign-in by
// IP, ID-number lookups by account).
package ratelimit

import (
	"sync"
	"time"
)

// Limiter is a token bucket per key.
type Limiter struct {
	mu      sync.Mutex
	rate    float64 // tokens per second
	burst   float64
	buckets map[string]*bucket
	// Now is the clock (time.Now); tests set it.
	Now func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// New returns a limiter that refills perMinute tokens a minute per key, up
// to burst.
func New(perMinute, burst int) *Limiter {
	return &Limiter{rate: float64(perMinute) / 60, burst: float64(burst), buckets: map[string]*bucket{}, Now: time.Now}
}

// Allow takes a token for key, reporting false when none is left.
func (l *Limiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.Now()
	if len(l.buckets) > 10000 {
		l.sweep(now)
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// sweep drops buckets that have refilled, bounding the map's size.
func (l *Limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}
