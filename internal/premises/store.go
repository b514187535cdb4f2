// Package premises is part three of the work: a community's office and
// service premises and their rooms, its office funding by year, its land
// for economic development, the building projects that gave it premises
// (steps, fee waivers, the four shares of funding), the premises standard
// an area sets and the households it is measured against; and the
// three-lacks state (三无居委) over time. Model and figures:
// shared/docs/domain.md, "Part three".
package premises

import (
	"context"
	"fmt"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
)

// Store keeps part three's records. Every read and write is restricted to
// the caller's subtree through the community it belongs to.
type Store struct {
	DB    *db.DB
	Areas *area.Store
	// Today is the clock: no fact is dated after it.
	Today func() date.Date
}

// NewStore returns the store over d.
func NewStore(d *db.DB, areas *area.Store) *Store {
	return &Store{DB: d, Areas: areas, Today: date.Today}
}

// community loads the community id named by field through the scoped area
// store and refuses an area that is not a community, or one not active on
// on (premises of an ended community).
func (s *Store) community(ctx context.Context, field string, id int64, on date.Date) (area.Area, error) {
	a, err := s.Areas.Get(ctx, id)
	if err != nil {
		if e, ok := err.(*i18n.Error); ok {
			e.Field = field
		}
		return a, err
	}
	if a.Level != area.Community {
		return a, notCommunity(field, a)
	}
	if !a.ActiveOn(on) {
		return a, i18n.Errf(field, "err.premises_community_inactive", a.Name, on.String())
	}
	return a, nil
}

// notCommunity refuses an area that is not a community.
func notCommunity(field string, a area.Area) error {
	return &i18n.Error{Field: field, Key: "err.premises_not_community", Args: []any{a.Name}, Err: fault.BadReference}
}

// checkDate refuses a missing date or one after today.
func (s *Store) checkDate(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// checkEnd refuses an end that is not after the start (an open end is
// zero).
func checkEnd(field string, from, to date.Date) error {
	if !to.IsZero() && !to.After(from) {
		return i18n.Errf(field, "err.premises_end_before_start", from.String())
	}
	return nil
}

// positive refuses an area or amount that is not above 0.
func positive(field string, v int64) error {
	if v <= 0 {
		return i18n.Errf(field, "err.premises_not_positive")
	}
	return nil
}

// record appends the audit entry of a change inside its transaction.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), After: after}); err != nil {
		return fmt.Errorf("premises: audit %s: %w", action, err)
	}
	return nil
}

// notFound is the refusal of an id that names nothing in the scope.
func notFound(field, key string, id int64) error {
	return &i18n.Error{Field: field, Key: key, Args: []any{id}, Err: fault.NotFound}
}
