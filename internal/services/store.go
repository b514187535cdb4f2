// Package services is part four (b) of the work: what the subdistricts and
// communities built and did for their residents. Service outlets by kind
// (服务站点) and designations of estates (安全文明小区), the services given
// (person-times and volunteer hours by kind, entered month by month in a
// grid), re-employment (再就业) with the person's ID number encrypted, and
// good deeds (办好事实事). Model and figures: shared/docs/domain.md, "Part
// four". Petitions are added beside these files.
package services

import (
	"context"
	"fmt"
	"strconv"

	"dangjian/internal/access"
	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
	"dangjian/internal/pii"
)

// Store keeps part four (b)'s records. Every read and write is restricted
// to the caller's subtree (access.ScopeFrom, through area.Store) by the
// area the record hangs on.
type Store struct {
	DB    *db.DB
	Areas *area.Store
	// Keys encrypt a placed person's ID number.
	Keys *pii.Keyring
	// Today is the clock: no fact is dated after it.
	Today func() date.Date
}

// NewStore returns the store over d.
func NewStore(d *db.DB, areas *area.Store, keys *pii.Keyring) *Store {
	return &Store{DB: d, Areas: areas, Keys: keys, Today: date.Today}
}

// scope is the subtree the caller is restricted to (0: the whole tree).
func (s *Store) scope(ctx context.Context) int64 {
	if s.Areas.Scope != 0 {
		return s.Areas.Scope
	}
	return access.ScopeFrom(ctx)
}

// inScope reads area id through the scoped area store, naming field in
// its refusal.
func (s *Store) inScope(ctx context.Context, field string, id int64) (area.Area, error) {
	if id == 0 {
		return area.Area{}, i18n.Errf(field, "err.svc_required")
	}
	a, err := s.Areas.Get(ctx, id)
	if e, ok := err.(*i18n.Error); ok {
		e.Field = field
	}
	return a, err
}

// placeOn loads the area id named by field in the scope and refuses an area
// that is not one of levels, or one not active on on.
func (s *Store) placeOn(ctx context.Context, field string, id int64, on date.Date, levels ...area.Level) (area.Area, error) {
	a, err := s.inScope(ctx, field, id)
	if err != nil {
		return a, err
	}
	if !oneOf(a.Level, levels) {
		key := "err.svc_not_community"
		if len(levels) > 1 {
			key = "err.svc_not_subdistrict_or_community"
		}
		return a, &i18n.Error{Field: field, Key: key, Args: []any{a.Name}, Err: fault.BadReference}
	}
	if !on.IsZero() && !a.ActiveOn(on) {
		return a, i18n.Errf(field, "err.svc_area_inactive", a.Name, on.String())
	}
	return a, nil
}

// checkDate refuses a missing date or one after today.
func (s *Store) checkDate(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// checkEnd refuses an end that is not after the start, or after today.
func (s *Store) checkEnd(field string, from, to date.Date) error {
	if to.IsZero() {
		return nil
	}
	if !to.After(from) {
		return i18n.Errf(field, "err.svc_end_before_start", from.String())
	}
	if to.After(s.Today()) {
		return i18n.Errf(field, "err.date_future", to.String())
	}
	return nil
}

// text trims a free-text field and refuses one longer than max runes;
// required refuses an empty one.
func text(field, v string, max int, required bool) (string, error) {
	if required {
		return input.Text(field, v, max, "err.svc_required")
	}
	return input.Text(field, v, max, "")
}

// notNegative refuses a count below 0.
func notNegative(field string, v int64) error {
	if v < 0 {
		return i18n.Errf(field, "err.svc_negative")
	}
	return nil
}

// record appends the audit entry of a change inside its transaction.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), After: after}); err != nil {
		return fmt.Errorf("services: audit %s: %w", action, err)
	}
	return nil
}

// notFound is the refusal of an id that names nothing in the scope.
func notFound(field, key string, id int64) error {
	return &i18n.Error{Field: field, Key: key, Args: []any{id}, Err: fault.NotFound}
}

// within is "area expression a lies under the area bound to ? as the tree
// stands now" (the access rule of area.Store).
func within(a string) string {
	return "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = " + a + " AND c.to_on IS NULL)"
}

// subtree is the area a list covers: areaID, which must lie in the scope,
// or the caller's scope when areaID is 0 (0 again for an unscoped caller:
// everything).
func (s *Store) subtree(ctx context.Context, areaID int64) (int64, error) {
	if areaID == 0 {
		return s.scope(ctx), nil
	}
	_, err := s.inScope(ctx, "area_id", areaID)
	return areaID, err
}

// visible refuses a record on area id outside the caller's scope, naming
// field (class fault.OutOfScope).
func (s *Store) visible(ctx context.Context, field string, id int64) error {
	_, err := s.Areas.Get(ctx, id)
	if e, ok := err.(*i18n.Error); ok {
		c := *e
		c.Field = field
		return &c
	}
	return err
}

// page bounds a list's length.
func page(limit int) int {
	if limit <= 0 || limit > 200 {
		return 50
	}
	return limit
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// scanner is a row or rows.
type scanner interface{ Scan(...any) error }

// list runs a query and scans each row with scan.
func list[T any](ctx context.Context, q db.Q, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
