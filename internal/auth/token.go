package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// tokenPrefix marks dangjian API tokens, so a leaked one is recognisable.
const tokenPrefix = "dj_"

// MaxTokenTTL bounds how long an API token may live.
const MaxTokenTTL = 365 * 24 * time.Hour

// ErrBadToken is returned for a token that is malformed, unknown, expired or revoked.
var ErrBadToken = errors.New("auth: invalid API token")

// Token describes an API token; the secret itself is never stored.
type Token struct {
	ID         int64      `json:"id"`
	AccountID  int64      `json:"account_id"`
	Username   string     `json:"username"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// CreateToken issues an API token for an account and returns the secret,
// which is shown once.
func (s *Store) CreateToken(ctx context.Context, accountID int64, name string, ttl time.Duration) (Token, string, error) {
	if ttl <= 0 || ttl > MaxTokenTTL {
		return Token{}, "", i18n.Errf("expires", "err.token_ttl", int(MaxTokenTTL/(24*time.Hour)))
	}
	a, err := s.Get(ctx, accountID)
	if err != nil {
		return Token{}, "", err
	}
	if a.Disabled {
		return Token{}, "", i18n.Errf("username", "err.account_disabled", a.Username)
	}
	raw, err := newToken()
	if err != nil {
		return Token{}, "", err
	}
	secret := tokenPrefix + raw
	now := s.Now()
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, `INSERT INTO api_token (account_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
			a.ID, strings.TrimSpace(name), hashToken(secret), now.Unix(), now.Add(ttl).Unix()).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "token.create", "token", strconv.FormatInt(id, 10), "", map[string]any{
			"account": a.Username, "name": strings.TrimSpace(name), "expires_at": now.Add(ttl).Unix()})
	})
	if err != nil {
		return Token{}, "", fmt.Errorf("auth: create token: %w", err)
	}
	return Token{ID: id, AccountID: a.ID, Username: a.Username, Name: strings.TrimSpace(name), CreatedAt: now.UTC(), ExpiresAt: now.Add(ttl).UTC()}, secret, nil
}

// RevokeToken ends a token now. Revoking twice is refused.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	return s.DB.Tx(ctx, func(q db.Q) error {
		r, err := q.ExecContext(ctx, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", s.Now().Unix(), id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return &i18n.Error{Field: "id", Key: "err.token_not_found", Args: []any{id}, Err: ErrNotFound}
		}
		return record(ctx, q, "token.revoke", "token", strconv.FormatInt(id, 10), "", nil)
	})
}

// TokenPrincipal authenticates a bearer token with one indexed lookup of its
// SHA-256 (no argon2 on the per-request path).
func (s *Store) TokenPrincipal(ctx context.Context, secret string) (Principal, error) {
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) != len(tokenPrefix)+43 {
		return Principal{}, ErrBadToken
	}
	var p Principal
	var created, expires int64
	var revoked, used sql.NullInt64
	err := s.DB.Reader().QueryRowContext(ctx, `SELECT a.id, a.username, a.display_name, a.role, COALESCE(a.area_id, 0), COALESCE(a.unit_id, 0), a.can_reveal, a.must_change_password, a.disabled, a.created_at,
       t.id, t.expires_at, t.revoked_at, t.last_used_at
FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = ?`, hashToken(secret)).Scan(
		&p.ID, &p.Username, &p.DisplayName, &p.Role, &p.AreaID, &p.UnitID, &p.CanReveal, &p.MustChangePassword, &p.Disabled, &created,
		&p.TokenID, &expires, &revoked, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return Principal{}, ErrBadToken
	}
	if err != nil {
		return Principal{}, fmt.Errorf("auth: token: %w", err)
	}
	now := s.Now().Unix()
	if revoked.Valid || now >= expires || p.Disabled {
		return Principal{}, ErrBadToken
	}
	p.CreatedAt = time.Unix(created, 0).UTC()
	if !used.Valid || now-used.Int64 >= int64(touchEvery/time.Second) {
		if _, err := s.DB.Writer().ExecContext(ctx, "UPDATE api_token SET last_used_at = ? WHERE id = ?", now, p.TokenID); err != nil {
			return Principal{}, fmt.Errorf("auth: touch token: %w", err)
		}
	}
	return p, nil
}

// Tokens lists the tokens of an account (all accounts when accountID is 0).
func (s *Store) Tokens(ctx context.Context, accountID int64) ([]Token, error) {
	q := `SELECT t.id, t.account_id, a.username, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
FROM api_token t JOIN account a ON a.id = t.account_id`
	var args []any
	if accountID != 0 {
		q += " WHERE t.account_id = ?"
		args = append(args, accountID)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, q+" ORDER BY t.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		var created, expires int64
		var revoked, used sql.NullInt64
		if err := rows.Scan(&t.ID, &t.AccountID, &t.Username, &t.Name, &created, &expires, &revoked, &used); err != nil {
			return nil, err
		}
		t.CreatedAt, t.ExpiresAt = time.Unix(created, 0).UTC(), time.Unix(expires, 0).UTC()
		t.RevokedAt, t.LastUsedAt = optTime(revoked), optTime(used)
		out = append(out, t)
	}
	return out, rows.Err()
}

func optTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.Unix(v.Int64, 0).UTC()
	return &t
}
