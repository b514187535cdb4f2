package auth

import (
	"context"
	"database/sql"
	"errors"
	"net/netip"
	"time"

	"dangjian/internal/db"
)

// The account-wide protection against guessing spread over many addresses.
// A hard lock there would let anyone keep any account locked; instead, past
// AccountSlowAfter failures (across all addresses, forgotten after
// FailureMemory without one) each further failure makes the next try from
// an address the account has not used wait AccountDelay, doubled at every
// failure up to LockDuration. Addresses the account signed in from within
// KnownAddressFor are not slowed: its owner still gets in. Everything is in
// the database, so it holds on every application server.
const (
	AccountSlowAfter = 20
	AccountDelay     = 30 * time.Second
	FailureMemory    = 24 * time.Hour
	KnownAddressFor  = 30 * 24 * time.Hour
)

// AddressKey is the address that failures are counted and known addresses
// remembered by: an IPv4 address as it is, an IPv6 address as its /64 (a
// single client usually holds a whole /64, and would otherwise get a fresh
// count per address), anything else (or "") as given.
func AddressKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap().WithZone("")
	if a.Is4() {
		return a.String()
	}
	p, err := a.Prefix(64)
	if err != nil {
		return a.String()
	}
	return p.String()
}

// lockedUntil returns when username u may next try from addr: the end of
// the pair's lock, or of the account-wide delay for an address that is not
// one of the account's known addresses; the zero time when neither holds.
func (s *Store) lockedUntil(ctx context.Context, u, addr string) (time.Time, error) {
	q := s.DB.Reader()
	var pair, account sql.NullInt64
	err := q.QueryRowContext(ctx, "SELECT locked_until FROM login_failure WHERE username = ? AND address = ?", u, addr).Scan(&pair)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, err
	}
	err = q.QueryRowContext(ctx, "SELECT locked_until FROM login_attempt WHERE username = ?", u).Scan(&account)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, err
	}
	now := s.Now().Unix()
	until := int64(0)
	if pair.Valid && pair.Int64 > now {
		until = pair.Int64
	}
	if account.Valid && account.Int64 > now && account.Int64 > until {
		known, err := s.knownAddress(ctx, q, u, addr)
		if err != nil {
			return time.Time{}, err
		}
		if !known {
			until = account.Int64
		}
	}
	if until == 0 {
		return time.Time{}, nil
	}
	return time.Unix(until, 0), nil
}

// knownAddress reports whether u signed in successfully from addr within
// KnownAddressFor.
func (s *Store) knownAddress(ctx context.Context, q db.Q, u, addr string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM login_address WHERE username = ? AND address = ? AND last_ok_at > ?",
		u, addr, s.Now().Add(-KnownAddressFor).Unix()).Scan(&n)
	return n > 0, err
}

// forUpdate locks the selected row until the transaction ends on
// PostgreSQL, so two servers counting a failure at once do not lose one.
// SQLite's write transactions (BEGIN IMMEDIATE) are serialised already.
func forUpdate(q db.Q) string {
	if q.Dialect() == db.Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// recordFailure counts a failed sign-in (or password check, named by
// action) of username u from addr and returns when u may next try from
// addr, or the zero time when it may try again at once.
//
// Per pair: a lock still running is left as it is — a guess that was
// already past the lock check when the lock was set must not lift it — and
// a lock that has run out starts the count anew. Per account: the count
// grows until FailureMemory passes without a failure; past
// AccountSlowAfter it sets the delay. The failure, a new lock and the start
// of the slowing are audited in the same transaction.
func (s *Store) recordFailure(ctx context.Context, u, addr, action string) (time.Time, error) {
	now := s.Now()
	var until time.Time
	err := s.DB.Tx(ctx, func(q db.Q) error {
		until = time.Time{}
		// The pair.
		if _, err := q.ExecContext(ctx, "INSERT INTO login_failure (username, address, failures, last_at) VALUES (?, ?, 0, ?) ON CONFLICT (username, address) DO NOTHING",
			u, addr, now.Unix()); err != nil {
			return err
		}
		var failures int
		var locked sql.NullInt64
		if err := q.QueryRowContext(ctx, "SELECT failures, locked_until FROM login_failure WHERE username = ? AND address = ?"+forUpdate(q), u, addr).Scan(&failures, &locked); err != nil {
			return err
		}
		newLock := false
		switch {
		case locked.Valid && locked.Int64 > now.Unix():
			until = time.Unix(locked.Int64, 0)
		default:
			if locked.Valid {
				failures = 0 // the last lock ran out
			}
			failures++
			var lockArg any
			if failures >= MaxFailures {
				until = now.Add(LockDuration)
				lockArg = until.Unix()
				failures = 0
				newLock = true
			}
			if _, err := q.ExecContext(ctx, "UPDATE login_failure SET failures = ?, locked_until = ?, last_at = ? WHERE username = ? AND address = ?",
				failures, lockArg, now.Unix(), u, addr); err != nil {
				return err
			}
		}
		// The account, across addresses.
		if _, err := q.ExecContext(ctx, "INSERT INTO login_attempt (username, failures, last_at) VALUES (?, 0, ?) ON CONFLICT (username) DO NOTHING",
			u, now.Unix()); err != nil {
			return err
		}
		var total int
		var slowed sql.NullInt64
		var last int64
		if err := q.QueryRowContext(ctx, "SELECT failures, locked_until, last_at FROM login_attempt WHERE username = ?"+forUpdate(q), u).Scan(&total, &slowed, &last); err != nil {
			return err
		}
		if now.Unix()-last > int64(FailureMemory/time.Second) {
			total, slowed = 0, sql.NullInt64{}
		}
		total++
		slowedNow := false
		if total > AccountSlowAfter {
			d := AccountDelay << min(total-AccountSlowAfter-1, 20)
			d = min(d, LockDuration)
			if end := now.Add(d).Unix(); !slowed.Valid || end > slowed.Int64 {
				slowed = sql.NullInt64{Int64: end, Valid: true}
			}
			slowedNow = total == AccountSlowAfter+1
		}
		if _, err := q.ExecContext(ctx, "UPDATE login_attempt SET failures = ?, locked_until = ?, last_at = ? WHERE username = ?",
			total, slowed, now.Unix(), u); err != nil {
			return err
		}
		if slowed.Valid && slowed.Int64 > now.Unix() && slowed.Int64 > until.Unix() {
			known, err := s.knownAddress(ctx, q, u, addr)
			if err != nil {
				return err
			}
			if !known {
				until = time.Unix(slowed.Int64, 0)
			}
		}
		var detail map[string]any
		if !until.IsZero() && !newLock {
			detail = map[string]any{"locked_until": until.Unix()}
		}
		if err := record(ctx, q, action, "account", u, "failed", detail); err != nil {
			return err
		}
		if newLock {
			if err := record(ctx, q, "auth.locked", "account", u, "denied", map[string]any{"locked_until": until.Unix(), "scope": "address"}); err != nil {
				return err
			}
		}
		if slowedNow {
			return record(ctx, q, "auth.slowed", "account", u, "denied", map[string]any{"failures": total, "slowed_until": slowed.Int64})
		}
		return nil
	})
	return until, err
}

// purgeSignInState deletes failure counts that no longer count and known
// addresses older than KnownAddressFor.
func (s *Store) purgeSignInState(ctx context.Context) error {
	now := s.Now()
	old := now.Add(-FailureMemory).Unix()
	w := s.DB.Writer()
	if _, err := w.ExecContext(ctx, "DELETE FROM login_failure WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)", old, now.Unix()); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, "DELETE FROM login_attempt WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)", old, now.Unix()); err != nil {
		return err
	}
	_, err := w.ExecContext(ctx, "DELETE FROM login_address WHERE last_ok_at < ?", now.Add(-KnownAddressFor).Unix())
	return err
}

// sessionAddress is the address of the session whose token is given ("" if
// none): a wrong current password in the change form counts against the
// lock of the address the session signed in from.
func (s *Store) sessionAddress(ctx context.Context, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	var ip string
	err := s.DB.Reader().QueryRowContext(ctx, "SELECT ip FROM session WHERE token_hash = ?", hashToken(token)).Scan(&ip)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return AddressKey(ip), err
}
