// Package coordination is part two of the work (leadership and
// coordination): joint conferences of a subdistrict's or community's party
// organisation with the stationed units' organisations, their sessions and
// the actions they agree, followed to the end; whistles (吹哨报到) answered by
// summoned parties; campaigns and their results. Model and figures:
// shared/docs/domain.md, "Part two".
package coordination

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
)

// Store keeps part two's records. Every read and write is restricted to the
// caller's subtree (area.Store.ScopeOf) through the areas they hang on.
type Store struct {
	DB    *db.DB
	Areas *area.Store
	// Today is the clock: no fact is dated after it.
	Today func() date.Date
	// Now is the moment the whistle list counts the time left from.
	Now func() time.Time
}

// NewStore returns the store over d.
func NewStore(d *db.DB, areas *area.Store) *Store {
	return &Store{DB: d, Areas: areas, Today: date.Today, Now: time.Now}
}

// ErrNotFound marks a record that does not exist (or lies outside the scope).
var ErrNotFound = db.ErrNotFound

// inScope refuses an area outside the caller's subtree.
func (s *Store) inScope(ctx context.Context, field string, areaID int64) error {
	if _, err := s.Areas.Get(ctx, areaID); err != nil {
		if e, ok := err.(*i18n.Error); ok {
			e.Field = field
		}
		return err
	}
	return nil
}

// checkDate refuses a missing date or one after today.
func (s *Store) checkDate(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// text trims a free-text field and refuses one longer than max runes;
// required refuses an empty one.
func text(field, v string, max int, required bool) (string, error) {
	if required {
		return input.Text(field, v, max, "err.coord_required")
	}
	return input.Text(field, v, max, "")
}

// record appends the audit entry of a change inside its transaction.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), After: after}); err != nil {
		return fmt.Errorf("coordination: audit %s: %w", action, err)
	}
	return nil
}

// notFound is the refusal of an id that names nothing in the scope.
func notFound(field, key string, id int64) error {
	return &i18n.Error{Field: field, Key: key, Args: []any{id}, Err: fault.NotFound}
}

// nullID is NULL for 0.
func nullID(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// unitStationedUnder reports whether unit was located under areaID on on.
func unitStationedUnder(ctx context.Context, q db.Q, unitID, areaID int64, on date.Date) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_location l
JOIN area_closure c ON c.descendant_id = l.area_id AND c.ancestor_id = ?1 AND c.from_on <= ?2 AND (c.to_on IS NULL OR ?2 < c.to_on)
WHERE l.unit_id = ?3 AND l.from_on <= ?2 AND (l.to_on IS NULL OR ?2 < l.to_on)`, areaID, on, unitID).Scan(&n)
	return n > 0, err
}
