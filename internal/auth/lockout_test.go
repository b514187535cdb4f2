package auth

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/dbtest"
)

// TestFailureRecordedDuringTheLockKeepsIt: SignIn reads the lock before the
// (slow) argon2id check and records the failure after it, so a guess that
// passed the check just before the fifth failure locked the username (for
// that address) is
// recorded while the lock stands. Recording it keeps locked_until as it
// is: an attacker who keeps six guesses in flight is locked out like one
// who sends them in turn.
func TestFailureRecordedDuringTheLockKeepsIt(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			d := dbtest.Open(t, e)
			now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
			s := &Store{DB: d, Params: TestParams, Now: func() time.Time { return now }}
			ctx := context.Background()
			var until time.Time
			for range MaxFailures {
				u, err := s.recordFailure(ctx, "victim", "203.0.113.9", "auth.signin_failed")
				if err != nil {
					t.Fatal(err)
				}
				until = u
			}
			if until.IsZero() {
				t.Fatal("five failures did not lock")
			}
			// The sixth guess was already past lockedUntil when the lock was written.
			if _, err := s.recordFailure(ctx, "victim", "203.0.113.9", "auth.signin_failed"); err != nil {
				t.Fatal(err)
			}
			got, err := s.lockedUntil(ctx, "victim", "203.0.113.9")
			if err != nil {
				t.Fatal(err)
			}
			if !got.After(now) {
				t.Errorf("after a failure recorded during the lock, locked_until = %v: the lock was lifted", got)
			}
		})
	}
}

func TestAddressKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"203.0.113.9", "203.0.113.9"},
		{"::ffff:203.0.113.9", "203.0.113.9"},
		{"2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:bbbb::7", "2001:db8:1:2::/64"},
		{"fe80::1%eth0", "fe80::/64"},
		{"", ""},
		{"not-an-ip", "not-an-ip"},
	} {
		if got := AddressKey(c.in); got != c.want {
			t.Errorf("AddressKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
