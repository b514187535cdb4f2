package auth_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

const (
	stranger = "203.0.113.9"
	owner    = "198.51.100.7"
)

// TestLockIsPerAddress: a stranger's failures lock the account for the
// stranger's address only; the owner signs in from another address, and
// a second application server (another Store on the same database) sees
// the same lock.
func TestLockIsPerAddress(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		account(t, s, "wu", auth.Viewer, root)
		other := &auth.Store{DB: d, Params: auth.TestParams, Now: c.now} // a second server
		var err error
		for i := range auth.MaxFailures {
			srv := s
			if i%2 == 1 {
				srv = other
			}
			_, _, err = srv.SignIn(ctx, "wu", "Wrong-password-1", stranger, "")
		}
		if !errors.Is(err, auth.ErrLocked) {
			t.Fatalf("after %d failures across two servers: %v", auth.MaxFailures, err)
		}
		for _, srv := range []*auth.Store{s, other} {
			if _, _, err := srv.SignIn(ctx, "wu", goodPassword, stranger, ""); !errors.Is(err, auth.ErrLocked) {
				t.Errorf("right password from the locked address: %v", err)
			}
		}
		if _, _, err := other.SignIn(ctx, "wu", goodPassword, owner, ""); err != nil {
			t.Errorf("the owner, from another address, was refused: %v", err)
		}
		// The owner's sign-in does not lift the stranger's lock.
		if _, _, err := s.SignIn(ctx, "wu", goodPassword, stranger, ""); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("stranger's lock lifted by the owner's sign-in: %v", err)
		}
		// An IPv6 client cannot get a fresh count per address in its /64.
		for i := range auth.MaxFailures {
			_, _, err = s.SignIn(ctx, "wu", "Wrong-password-1", fmt.Sprintf("2001:db8:5:6::%x", i+1), "")
		}
		if !errors.Is(err, auth.ErrLocked) {
			t.Errorf("failures from one IPv6 /64 did not lock it: %v", err)
		}
	})
}

// TestDistributedGuessingIsSlowedNotLocked: failures spread over many
// addresses slow the account (a growing delay) for addresses it has not
// signed in from, while an address it signed in from before is let in at
// once; after the delay a new address may try again.
func TestDistributedGuessingIsSlowedNotLocked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		account(t, s, "chu", auth.Viewer, root)
		if _, _, err := s.SignIn(ctx, "chu", goodPassword, owner, ""); err != nil {
			t.Fatal(err)
		}
		c.advance(24 * time.Hour)
		// One guess per address, never reaching a pair lock.
		var err error
		for i := range auth.AccountSlowAfter {
			if _, _, err = s.SignIn(ctx, "chu", "Wrong-password-1", fmt.Sprintf("192.0.2.%d", i+1), ""); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("guess %d: %v", i+1, err)
			}
		}
		_, _, err = s.SignIn(ctx, "chu", "Wrong-password-1", "192.0.2.200", "")
		var le *auth.LockedError
		if !errors.As(err, &le) || !le.Until.Equal(c.now().Add(auth.AccountDelay)) {
			t.Fatalf("guess %d: %v, want a delay of %v", auth.AccountSlowAfter+1, err, auth.AccountDelay)
		}
		// A new address, even with the right password, waits.
		if _, _, err := s.SignIn(ctx, "chu", goodPassword, "192.0.2.201", ""); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("unknown address during the delay: %v", err)
		}
		// The owner's known address is let in.
		if _, _, err := s.SignIn(ctx, "chu", goodPassword, owner, ""); err != nil {
			t.Errorf("known address refused during the delay: %v", err)
		}
		// The delay doubles with each further failure, up to LockDuration.
		c.advance(auth.AccountDelay)
		_, _, err = s.SignIn(ctx, "chu", "Wrong-password-1", "192.0.2.202", "")
		if !errors.As(err, &le) || !le.Until.Equal(c.now().Add(2*auth.AccountDelay)) {
			t.Errorf("next failure: %v, want a delay of %v", err, 2*auth.AccountDelay)
		}
		for range 10 {
			c.advance(auth.LockDuration)
			_, _, err = s.SignIn(ctx, "chu", "Wrong-password-1", "192.0.2.203", "")
		}
		if !errors.As(err, &le) || le.Until.After(c.now().Add(auth.LockDuration)) {
			t.Errorf("delay past the cap: %v", err)
		}
		// Once the delay has passed, a new address signs in.
		c.advance(auth.LockDuration)
		if _, _, err := s.SignIn(ctx, "chu", goodPassword, "192.0.2.204", ""); err != nil {
			t.Errorf("new address after the delay: %v", err)
		}
		// A day without failures forgets the count.
		c.advance(auth.FailureMemory + time.Minute)
		if _, _, err := s.SignIn(ctx, "chu", "Wrong-password-1", "192.0.2.205", ""); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("first failure after a quiet day: %v", err)
		}
	})
}

// TestKnownAddressExpires: an address counts as the account's own for
// KnownAddressFor after its last successful sign-in, then is slowed like
// any other.
func TestKnownAddressExpires(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, c, root := newStore(t, d)
		account(t, s, "wei", auth.Viewer, root)
		if _, _, err := s.SignIn(ctx, "wei", goodPassword, owner, ""); err != nil {
			t.Fatal(err)
		}
		c.advance(auth.KnownAddressFor + time.Hour)
		for i := range auth.AccountSlowAfter + 1 {
			_, _, _ = s.SignIn(ctx, "wei", "Wrong-password-1", fmt.Sprintf("192.0.2.%d", i+1), "")
		}
		if _, _, err := s.SignIn(ctx, "wei", goodPassword, owner, ""); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("address last used %v ago was not slowed: %v", auth.KnownAddressFor+time.Hour, err)
		}
		// Purging forgets it too.
		if _, err := s.PurgeExpired(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
