package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"dangjian/internal/db"
)

// Session limits (等保三级: sessions end after inactivity and after a maximum age).
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
	// MaxFailures failed sign-ins from one address lock the username for
	// that address (only) for LockDuration.
	MaxFailures  = 5
	LockDuration = 15 * time.Minute
	// touchEvery limits last_seen writes to one a minute per session.
	touchEvery = time.Minute
)

// Sign-in outcomes. None says whether the username exists.
var (
	ErrBadCredentials = errors.New("auth: wrong username or password")
	ErrLocked         = errors.New("auth: too many failed sign-ins; locked")
	ErrNoSession      = errors.New("auth: no valid session")
)

// LockedError carries when a lock ends.
type LockedError struct{ Until time.Time }

func (e *LockedError) Error() string {
	return ErrLocked.Error() + " until " + e.Until.Format(time.RFC3339)
}

// Unwrap makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Unwrap() error { return ErrLocked }

// Principal is who a request acts as.
type Principal struct {
	Account
	SessionHash string // set for browser sessions
	TokenID     int64  // set for API tokens
}

// Can reports whether the principal has permission p.
func (p Principal) Can(perm Permission) bool {
	if p.Disabled || p.ID == 0 {
		return false
	}
	if perm == RevealPII {
		return p.CanReveal && p.Role.Allows(perm)
	}
	return p.Role.Allows(perm)
}

// newToken returns a random URL-safe token of 32 bytes.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashToken is what the database keeps of a session or API token: its
// SHA-256, so a stolen table holds no usable credential.
func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// SignIn checks a username and password and opens a session. It returns the
// session token for the cookie. ip is the client's address ("" when there
// is none, as from the command line).
//
// Failures are counted per username (existing or not) AND address: after
// MaxFailures from one address that pair is locked for LockDuration, while
// the account's other addresses are not, so a stranger cannot lock an
// account out by failing its password. Across all addresses, past
// AccountSlowAfter failures the account is slowed (see recordFailure) for
// addresses it has not signed in from within KnownAddressFor.
func (s *Store) SignIn(ctx context.Context, username, password, ip, userAgent string) (string, Account, error) {
	u := NormalizeUsername(username)
	addr := AddressKey(ip)
	now := s.Now()
	if until, err := s.lockedUntil(ctx, u, addr); err != nil {
		return "", Account{}, err
	} else if until.After(now) {
		return "", Account{}, &LockedError{Until: until}
	}
	var hash string
	a, err := scanAccountHash(s.DB.Reader().QueryRowContext(ctx, "SELECT "+accountCols+", password_hash FROM account WHERE username = ?", u), &hash)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", Account{}, err
	}
	ok := false
	if found {
		if ok, err = CheckPassword(hash, password); err != nil {
			return "", Account{}, err
		}
	} else if _, err := HashPassword(s.Params, password); err != nil {
		// An unknown username costs one argon2id run like a known one,
		// so the time taken does not tell which usernames exist.
		return "", Account{}, err
	}
	if !found || !ok || a.Disabled {
		until, err := s.recordFailure(ctx, u, addr, "auth.signin_failed")
		if err != nil {
			return "", a, err
		}
		if !until.IsZero() {
			return "", a, &LockedError{Until: until}
		}
		return "", a, ErrBadCredentials
	}
	token, err := newToken()
	if err != nil {
		return "", a, err
	}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		// Success clears this address's failures and makes it a known
		// address of the account. The count across addresses is left to
		// run out (FailureMemory): signing in from one's own machine must
		// not give a guesser elsewhere a fresh allowance.
		if _, err := q.ExecContext(ctx, "DELETE FROM login_failure WHERE username = ? AND address = ?", u, addr); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO login_address (username, address, last_ok_at) VALUES (?, ?, ?)
ON CONFLICT (username, address) DO UPDATE SET last_ok_at = excluded.last_ok_at`, u, addr, now.Unix()); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO session (token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent)
VALUES (?, ?, ?, ?, ?, ?, ?)`, hashToken(token), a.ID, now.Unix(), now.Unix(), now.Add(AbsoluteTimeout).Unix(), ip, truncate(userAgent, 200)); err != nil {
			return err
		}
		return record(asActor(ctx, a), q, "auth.signin", "account", a.Username, "", nil)
	})
	if err != nil {
		return "", a, fmt.Errorf("auth: open session: %w", err)
	}
	return token, a, nil
}

func scanAccountHash(row *sql.Row, hash *string) (Account, error) {
	var a Account
	var created int64
	err := row.Scan(&a.ID, &a.Username, &a.DisplayName, &a.Role, &a.AreaID, &a.UnitID, &a.CanReveal, &a.MustChangePassword, &a.Disabled, &created, hash)
	a.CreatedAt = time.Unix(created, 0).UTC()
	return a, err
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Session returns the principal of a session token, ending the session when
// it has been idle for IdleTimeout or open for AbsoluteTimeout.
func (s *Store) Session(ctx context.Context, token string) (Principal, error) {
	if token == "" {
		return Principal{}, ErrNoSession
	}
	h := hashToken(token)
	var lastSeen, expires int64
	var p Principal
	var created int64
	err := s.DB.Reader().QueryRowContext(ctx, `SELECT a.id, a.username, a.display_name, a.role, COALESCE(a.area_id, 0), COALESCE(a.unit_id, 0), a.can_reveal, a.must_change_password, a.disabled, a.created_at,
       s.last_seen_at, s.expires_at
FROM session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?`, h).Scan(
		&p.ID, &p.Username, &p.DisplayName, &p.Role, &p.AreaID, &p.UnitID, &p.CanReveal, &p.MustChangePassword, &p.Disabled, &created, &lastSeen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return Principal{}, ErrNoSession
	}
	if err != nil {
		return Principal{}, fmt.Errorf("auth: session: %w", err)
	}
	p.CreatedAt = time.Unix(created, 0).UTC()
	now := s.Now().Unix()
	if p.Disabled || now >= expires || now-lastSeen >= int64(IdleTimeout/time.Second) {
		_, _ = s.DB.Writer().ExecContext(ctx, "DELETE FROM session WHERE token_hash = ?", h)
		return Principal{}, ErrNoSession
	}
	if now-lastSeen >= int64(touchEvery/time.Second) {
		if _, err := s.DB.Writer().ExecContext(ctx, "UPDATE session SET last_seen_at = ? WHERE token_hash = ?", now, h); err != nil {
			return Principal{}, fmt.Errorf("auth: touch session: %w", err)
		}
	}
	p.SessionHash = h
	return p, nil
}

// SignOut ends the session of token, audited with its account as the actor.
func (s *Store) SignOut(ctx context.Context, token string) error {
	return s.DB.Tx(ctx, func(q db.Q) error {
		var a Account
		err := q.QueryRowContext(ctx, `SELECT a.id, a.username, a.role FROM session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?`,
			hashToken(token)).Scan(&a.ID, &a.Username, &a.Role)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // already ended
		}
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "DELETE FROM session WHERE token_hash = ?", hashToken(token)); err != nil {
			return err
		}
		return record(asActor(ctx, a), q, "auth.signout", "account", a.Username, "", nil)
	})
}

// PurgeExpired deletes sessions past either timeout, and sign-in failure
// counts and known addresses that no longer count; run it now and then. It
// returns the number of sessions deleted.
func (s *Store) PurgeExpired(ctx context.Context) (int64, error) {
	now := s.Now().Unix()
	r, err := s.DB.Writer().ExecContext(ctx, "DELETE FROM session WHERE expires_at <= ? OR last_seen_at <= ?", now, now-int64(IdleTimeout/time.Second))
	if err != nil {
		return 0, err
	}
	if err := s.purgeSignInState(ctx); err != nil {
		return 0, err
	}
	return r.RowsAffected()
}
