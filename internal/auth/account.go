package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Account is a user of the system.
type Account struct {
	ID                 int64     `json:"id"`
	Username           string    `json:"username"`
	DisplayName        string    `json:"display_name"`
	Role               Role      `json:"role"`
	AreaID             int64     `json:"area_id,omitempty"`
	UnitID             int64     `json:"unit_id,omitempty"`
	CanReveal          bool      `json:"can_reveal"`
	MustChangePassword bool      `json:"must_change_password"`
	Disabled           bool      `json:"disabled"`
	CreatedAt          time.Time `json:"created_at"`
}

// Store keeps accounts, sessions and tokens.
type Store struct {
	DB     *db.DB
	Params Params
	Now    func() time.Time
}

// NewStore returns a Store with the default argon2id cost and the real clock.
func NewStore(d *db.DB) *Store { return &Store{DB: d, Params: DefaultParams, Now: time.Now} }

// ErrNotFound is returned for an unknown account or token.
var ErrNotFound = db.ErrNotFound

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

// NewAccount is what an administrator enters to create an account.
type NewAccount struct {
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Role        Role   `json:"role"`
	AreaID      int64  `json:"area_id"`
	UnitID      int64  `json:"unit_id"`
	CanReveal   bool   `json:"can_reveal"`
}

const accountCols = "id, username, display_name, role, COALESCE(area_id, 0), COALESCE(unit_id, 0), can_reveal, must_change_password, disabled, created_at"

func scanAccount(row interface{ Scan(...any) error }) (Account, error) {
	var a Account
	var created int64
	err := row.Scan(&a.ID, &a.Username, &a.DisplayName, &a.Role, &a.AreaID, &a.UnitID, &a.CanReveal, &a.MustChangePassword, &a.Disabled, &created)
	a.CreatedAt = time.Unix(created, 0).UTC()
	return a, err
}

// NormalizeUsername lowercases and trims a username as typed.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Create adds an account with a random one-time password, which it returns
// once; the user must change it at first sign-in.
func (s *Store) Create(ctx context.Context, in NewAccount) (Account, string, error) {
	in.Username = NormalizeUsername(in.Username)
	if !usernamePattern.MatchString(in.Username) {
		return Account{}, "", i18n.Errf("username", "err.username_format")
	}
	if !in.Role.Valid() {
		return Account{}, "", i18n.Errf("role", "err.role_invalid")
	}
	if in.Role.NeedsArea() && in.AreaID == 0 {
		return Account{}, "", i18n.Errf("area_id", "err.role_needs_area")
	}
	if !in.Role.NeedsArea() {
		in.AreaID = 0
	}
	if in.Role.NeedsUnit() && in.UnitID == 0 {
		return Account{}, "", i18n.Errf("unit_id", "err.role_needs_unit")
	}
	if !in.Role.NeedsUnit() && in.UnitID != 0 {
		return Account{}, "", i18n.Errf("unit_id", "err.role_no_unit")
	}
	if in.CanReveal && !in.Role.Allows(RevealPII) {
		return Account{}, "", i18n.Errf("can_reveal", "err.role_cannot_reveal")
	}
	password, err := GeneratePassword()
	if err != nil {
		return Account{}, "", err
	}
	hash, err := HashPassword(s.Params, password)
	if err != nil {
		return Account{}, "", err
	}
	var area, unit any
	if in.AreaID != 0 {
		area = in.AreaID
	}
	if in.UnitID != 0 {
		unit = in.UnitID
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if in.AreaID != 0 {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM area WHERE id = ? AND ended_on IS NULL", in.AreaID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return i18n.Errf("area_id", "err.area_not_found", in.AreaID)
			}
		}
		if in.UnitID != 0 {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM unit WHERE id = ? AND ended_on IS NULL", in.UnitID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return i18n.Errf("unit_id", "err.unit_account_not_found", in.UnitID)
			}
		}
		err := q.QueryRowContext(ctx, `INSERT INTO account (username, display_name, role, area_id, unit_id, can_reveal, password_hash, must_change_password, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			in.Username, strings.TrimSpace(in.DisplayName), in.Role, area, unit, in.CanReveal, hash, true, s.Now().Unix()).Scan(&id)
		if errors.Is(err, db.ErrConflict) || db.IsUniqueViolation(err) {
			return i18n.Errf("username", "err.username_taken", in.Username)
		}
		if err != nil {
			return err
		}
		return record(ctx, q, "account.create", "account", in.Username, "", map[string]any{
			"username": in.Username, "role": in.Role, "area_id": in.AreaID, "unit_id": in.UnitID, "can_reveal": in.CanReveal})
	})
	if err != nil {
		return Account{}, "", err
	}
	a, err := s.Get(ctx, id)
	return a, password, err
}

// Get returns one account.
func (s *Store) Get(ctx context.Context, id int64) (Account, error) {
	a, err := scanAccount(s.DB.Reader().QueryRowContext(ctx, "SELECT "+accountCols+" FROM account WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &i18n.Error{Field: "username", Key: "err.account_not_found", Args: []any{fmt.Sprint(id)}, Err: ErrNotFound}
	}
	return a, err
}

// ByUsername returns the account with that username.
func (s *Store) ByUsername(ctx context.Context, username string) (Account, error) {
	u := NormalizeUsername(username)
	a, err := scanAccount(s.DB.Reader().QueryRowContext(ctx, "SELECT "+accountCols+" FROM account WHERE username = ?", u))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &i18n.Error{Field: "username", Key: "err.account_not_found", Args: []any{u}, Err: ErrNotFound}
	}
	return a, err
}

// List returns every account by username.
func (s *Store) List(ctx context.Context) ([]Account, error) {
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+accountCols+" FROM account ORDER BY username")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Count returns the number of accounts.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.DB.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM account").Scan(&n)
	return n, err
}

// EnsureAdmin creates the account "admin" when there are no accounts at all
// and returns its one-time password; otherwise it returns "".
func (s *Store) EnsureAdmin(ctx context.Context) (string, error) {
	n, err := s.Count(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	_, pw, err := s.Create(ctx, NewAccount{Username: "admin", DisplayName: "系统管理员", Role: Admin})
	return pw, err
}

// ChangePassword sets a new password after checking the old one and the
// policy, clears the must-change flag and ends the account's other sessions.
//
// A wrong current password counts against the sign-in lockout of the
// account, so a stolen session cannot be used to guess the password.
func (s *Store) ChangePassword(ctx context.Context, id int64, old, new, keepSession string) error {
	var hash, username string
	if err := s.DB.Reader().QueryRowContext(ctx, "SELECT password_hash, username FROM account WHERE id = ?", id).Scan(&hash, &username); err != nil {
		return fmt.Errorf("auth: change password: %w", err)
	}
	addr, err := s.sessionAddress(ctx, keepSession)
	if err != nil {
		return err
	}
	if until, err := s.lockedUntil(ctx, username, addr); err != nil {
		return err
	} else if until.After(s.Now()) {
		return &LockedError{Until: until}
	}
	ok, err := CheckPassword(hash, old)
	if err != nil {
		return err
	}
	if !ok {
		until, err := s.recordFailure(ctx, username, addr, "auth.password_change_failed")
		if err != nil {
			return err
		}
		if !until.IsZero() {
			return &LockedError{Until: until}
		}
		return i18n.Errf("old_password", "err.password_wrong")
	}
	if old == new {
		return i18n.Errf("password", "err.password_unchanged")
	}
	return s.setPassword(ctx, id, username, new, false, keepSession, "auth.password_changed")
}

// ResetPassword gives an account a new one-time password (returned once)
// that must be changed at the next sign-in, and ends its sessions.
func (s *Store) ResetPassword(ctx context.Context, username string) (string, error) {
	a, err := s.ByUsername(ctx, username)
	if err != nil {
		return "", err
	}
	pw, err := GeneratePassword()
	if err != nil {
		return "", err
	}
	return pw, s.setPassword(ctx, a.ID, a.Username, pw, true, "", "account.reset")
}

// SetPassword sets an account's own password from the command line (an
// operator at the server, for an account whose first password change is
// pending and that only uses the API): the policy applies, nothing is left
// to change at the next sign-in, other sessions end.
func (s *Store) SetPassword(ctx context.Context, username, password string) error {
	a, err := s.ByUsername(ctx, username)
	if err != nil {
		return err
	}
	return s.setPassword(ctx, a.ID, a.Username, password, false, "", "account.password_set")
}

func (s *Store) setPassword(ctx context.Context, id int64, username, password string, mustChange bool, keepSession, action string) error {
	if err := CheckPolicy(username, password); err != nil {
		return err
	}
	hash, err := HashPassword(s.Params, password)
	if err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := q.ExecContext(ctx, "UPDATE account SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?",
			hash, mustChange, s.Now().Unix(), id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "DELETE FROM session WHERE account_id = ? AND token_hash <> ?", id, hashToken(keepSession)); err != nil {
			return err
		}
		return record(ctx, q, action, "account", username, "", nil)
	})
}

// SetDisabled disables or re-enables an account; disabling ends its sessions.
func (s *Store) SetDisabled(ctx context.Context, username string, disabled bool) error {
	a, err := s.ByUsername(ctx, username)
	if err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := q.ExecContext(ctx, "UPDATE account SET disabled = ? WHERE id = ?", disabled, a.ID); err != nil {
			return err
		}
		action := "account.enable"
		if disabled {
			action = "account.disable"
			if _, err := q.ExecContext(ctx, "DELETE FROM session WHERE account_id = ?", a.ID); err != nil {
				return err
			}
		}
		return record(ctx, q, action, "account", a.Username, "", nil)
	})
}
