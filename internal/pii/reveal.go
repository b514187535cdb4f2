package pii

import (
	"context"
	"errors"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// ErrRevealDenied is returned when a user without the reveal permission
// asks for a value in full.
var ErrRevealDenied = errors.New("pii: not allowed to reveal personal data")

// Field names an encrypted value of one record: the column it is bound to,
// the record it belongs to (for the audit trail) and how to mask it.
type Field struct {
	Column     string // e.g. "person.id_number"
	TargetType string // e.g. "person"
	TargetID   string
	Mask       func(string) string // MaskIDNumber, MaskPhone or Mask
}

// Masked decrypts a stored value and returns it masked, for lists and pages.
func (k *Keyring) Masked(f Field, stored string) (string, error) {
	plain, err := k.DecryptFor(f.Column, stored)
	if err != nil {
		return "", err
	}
	mask := f.Mask
	if mask == nil {
		mask = Mask
	}
	return mask(plain), nil
}

// Reveal decrypts a stored value in full for a user allowed to see it, and
// records who saw what (never the value) in the audit trail. A user without
// the permission is refused, and the refusal is recorded too.
func (k *Keyring) Reveal(ctx context.Context, d *db.DB, allowed bool, f Field, stored string) (string, error) {
	e := audit.Entry{Action: "pii.reveal", TargetType: f.TargetType, TargetID: f.TargetID, Detail: f.Column}
	if !allowed {
		e.Outcome = audit.OutcomeDenied
		if err := audit.Write(ctx, d, e); err != nil {
			return "", err
		}
		return "", ErrRevealDenied
	}
	plain, err := k.DecryptFor(f.Column, stored)
	if err != nil {
		return "", err
	}
	// Record before returning: a reveal that cannot be audited does not happen.
	if err := audit.Write(ctx, d, e); err != nil {
		return "", err
	}
	return plain, nil
}
