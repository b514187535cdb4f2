package ratelimit

import (
	"testing"
	"time"
)

func TestBurstThenRefill(t *testing.T) {
	l := New(60, 3) // one a second, three at once
	now := time.Unix(1_000_000, 0)
	l.Now = func() time.Time { return now }
	for i := range 3 {
		if !l.Allow("a") {
			t.Fatalf("call %d of the burst refused", i+1)
		}
	}
	if l.Allow("a") {
		t.Fatal("a fourth call at once allowed")
	}
	if !l.Allow("b") {
		t.Fatal("another key shares the bucket")
	}
	now = now.Add(time.Second)
	if !l.Allow("a") || l.Allow("a") {
		t.Fatal("one second did not give exactly one more call")
	}
}
