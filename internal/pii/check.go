package pii

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"dangjian/internal/db"
)

// SettingKeyCheck names the setting row holding the key check value.
const SettingKeyCheck = "pii.key_check"

// Init makes sure the database and k belong together: it stores the key
// check value when the database has none (the first start), then runs Check.
// Two servers starting at once with different keys cannot both win: the
// insert does nothing when a value exists, and the loser gets ErrKeyMismatch.
// q must be able to write (Writer or a transaction).
func (k *Keyring) Init(ctx context.Context, q db.Q) error {
	_, err := q.ExecContext(ctx,
		"INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
		SettingKeyCheck, k.check)
	if err != nil {
		return fmt.Errorf("pii: store the key check value: %w", err)
	}
	return k.Check(ctx, q)
}

// Check compares the key check value stored in the database with k's. It
// returns ErrKeyMismatch for another key and ErrNoKeyCheck when nothing is
// stored yet (call Init on a writable connection to store it).
func (k *Keyring) Check(ctx context.Context, q db.Q) error {
	var stored string
	err := q.QueryRowContext(ctx, "SELECT value FROM setting WHERE name = ?", SettingKeyCheck).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoKeyCheck
	}
	if err != nil {
		return fmt.Errorf("pii: read the key check value: %w", err)
	}
	if !strings.HasPrefix(stored, prefixV1) {
		return fmt.Errorf("%w (the stored key check value has an unknown format: written by a newer dangjian?)", ErrKeyMismatch)
	}
	if subtle.ConstantTimeCompare([]byte(stored), []byte(k.check)) != 1 {
		return ErrKeyMismatch
	}
	return nil
}
