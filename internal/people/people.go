// Package people keeps the people of the network: persons and their party
// membership history, stationed units (驻区单位) and their own party
// organisations, leadership terms (届) with their elections and posts, and
// dual registration (双报到).
//
// Every read and write takes the area scope of the context (access.WithScope):
// a party organisation's place is its area, or for a unit's own organisation
// the community its unit is located in; a person's place is wherever they
// hold a membership, a registration or a post. Every write appends its audit
// entry in its own transaction; ID and phone numbers never reach the audit
// trail in full.
package people

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
	"dangjian/internal/pii"
	"dangjian/internal/ratelimit"
)

// Encrypted columns (the additional data of their ciphertexts).
const (
	ColIDNumber = "person.id_number"
	ColPhone    = "person.phone"
)

// Store reads and changes people, units, terms, posts and registrations.
type Store struct {
	DB    *db.DB
	Areas *area.Store
	Keys  *pii.Keyring
	// Today is the clock used to refuse dates in the future.
	Today func() date.Date
	// lookups limits each account's ID-number lookups (FindByIDNumber).
	lookups *ratelimit.Shared
}

// NewStore returns a Store with the real clock.
func NewStore(d *db.DB, areas *area.Store, keys *pii.Keyring) *Store {
	return &Store{DB: d, Areas: areas, Keys: keys, Today: date.Today, lookups: ratelimit.NewShared(d, "idlookup", lookupsPerMinute, time.Minute, lookupsPerMinute)}
}

// ErrNotFound is returned for a record that does not exist (or, for a
// scoped user, lies outside the scope: the two are refused alike).
var ErrNotFound = db.ErrNotFound

// ErrOutOfScope marks a record outside the caller's subtree.
var ErrOutOfScope = area.ErrOutOfScope

// scope is the subtree the call is restricted to (0: none).
func (s *Store) scope(ctx context.Context) int64 { return s.Areas.ScopeOf(ctx) }

func outOfScope(field string) error {
	return &i18n.Error{Field: field, Key: "err.out_of_scope", Err: ErrOutOfScope}
}

// tx runs fn in one write transaction; the maintained counts
// (internal/tally) are brought up to date before it commits, as in every
// write transaction (db.BeforeCommit), unless ctx defers them (tally.Defer).
func (s *Store) tx(ctx context.Context, fn func(q db.Q) error) error {
	return s.DB.Tx(ctx, fn)
}

// record appends the audit entry of a change inside its transaction.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, before, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{
		Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), Before: before, After: after,
	}); err != nil {
		return fmt.Errorf("people: audit %s: %w", action, err)
	}
	return nil
}

// checkDate refuses a missing date or one after today.
func (s *Store) checkDate(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// cleanText trims a free-text field and refuses one longer than max runes;
// required refuses an empty one.
func cleanText(field, v string, max int, required bool) (string, error) {
	if required {
		return input.Text(field, v, max, "err.name_required")
	}
	return input.Text(field, v, max, "")
}

// nullID is NULL for 0.
func nullID(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// wrap prefixes a non-validation error with the package and operation.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*i18n.Error); ok {
		return err
	}
	return fmt.Errorf("people: %s: %w", op, err)
}
