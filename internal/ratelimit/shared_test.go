package ratelimit_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/ratelimit"
)

// TestSharedLimitHoldsAcrossServers: two limiters on one database (two
// application servers) share the count, so a client cannot double its
// allowance by alternating servers; the window slides.
func TestSharedLimitHoldsAcrossServers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Unix(1_800_000_000, 0).Truncate(time.Minute)
		clock := func() time.Time { return now }
		// A second *db.DB on the same database, as another server has.
		d2, err := db.Open(ctx, d.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer d2.Close()
		a := ratelimit.NewShared(d, "signin", 10, time.Minute, 100)
		b := ratelimit.NewShared(d2, "signin", 10, time.Minute, 100)
		a.Now, b.Now = clock, clock
		allowed := 0
		for i := range 30 {
			l := a
			if i%2 == 1 {
				l = b
			}
			ok, err := l.Allow(ctx, "203.0.113.9")
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				allowed++
			}
		}
		if allowed != 10 {
			t.Fatalf("two servers allowed %d calls in a minute, want 10 in all", allowed)
		}
		if ok, _ := b.Allow(ctx, "198.51.100.7"); !ok {
			t.Error("another key was refused")
		}
		// Half a minute into the next window, half of the previous window's
		// 30 hits still count: refused.
		now = now.Add(90 * time.Second)
		if ok, _ := a.Allow(ctx, "203.0.113.9"); ok {
			t.Error("allowed while the sliding window still holds 15 earlier hits")
		}
		// Two windows later the key is free again.
		now = now.Add(2 * time.Minute)
		for i := range 10 {
			if ok, err := b.Allow(ctx, "203.0.113.9"); !ok || err != nil {
				t.Fatalf("call %d after the window passed: %v %v", i+1, ok, err)
			}
		}
	})
}

// TestSharedWithoutDatabaseIsLocal: a nil database keeps the limit in
// memory (the token bucket's burst).
func TestSharedWithoutDatabaseIsLocal(t *testing.T) {
	l := ratelimit.NewShared(nil, "signin", 20, time.Minute, 10)
	now := time.Unix(1_000_000, 0)
	l.Now = func() time.Time { return now }
	n := 0
	for range 50 {
		if ok, _ := l.Allow(context.Background(), "x"); ok {
			n++
		}
	}
	if n != 10 {
		t.Errorf("allowed %d at once, want the burst of 10", n)
	}
}

// TestSharedInsideTransaction: AllowQ counts through the caller's
// transaction without waiting on SQLite's single writer.
func TestSharedInsideTransaction(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		l := ratelimit.NewShared(d, "idlookup", 2, time.Minute, 100)
		got := []bool{}
		for range 3 {
			err := d.Tx(ctx, func(q db.Q) error {
				ok, err := l.AllowQ(ctx, q, "alice")
				got = append(got, ok)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if !got[0] || !got[1] || got[2] {
			t.Errorf("allowed %v, want two then a refusal", got)
		}
	})
}
