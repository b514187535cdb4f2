// Package cobuilding is part four (a) of the work: co-building (共驻共建)
// between a community and the units stationed in it. Three lists: the
// demands residents raise (需求清单), the resources stationed units and
// named departments offer (资源清单), and the projects (项目清单) that meet
// demands with resources: who took part and what each gave, the results as
// measures and the thanks received. Money is kept in fen and shown in 万元;
// the money a project saved is computed, never typed. Model and figures:
// shared/docs/domain.md, "Part four".
package cobuilding

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
)

// Store keeps part four (a)'s records. Every read and write is restricted
// to the caller's subtree (access.ScopeFrom, through area.Store) by the
// area the record hangs on: a demand's and a project's community, the area
// a resource is offered in.
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
	a, err := s.Areas.Get(ctx, id)
	if e, ok := err.(*i18n.Error); ok {
		e.Field = field
	}
	return a, err
}

// community loads the community id named by field in the scope and
// refuses an area that is not a community or one not active on on.
func (s *Store) community(ctx context.Context, field string, id int64, on date.Date) (area.Area, error) {
	a, err := s.inScope(ctx, field, id)
	if err != nil {
		return a, err
	}
	if a.Level != area.Community {
		return a, &i18n.Error{Field: field, Key: "err.cob_not_community", Args: []any{a.Name}, Err: fault.BadReference}
	}
	if !a.ActiveOn(on) {
		return a, i18n.Errf(field, "err.cob_community_inactive", a.Name, on.String())
	}
	return a, nil
}

// checkDate refuses a missing date or one after today.
func (s *Store) checkDate(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// text trims a free-text field and refuses one longer than max runes;
// required refuses an empty one.
func text(field, v string, max int, required bool) (string, error) {
	if required {
		return input.Text(field, v, max, "err.cob_required")
	}
	return input.Text(field, v, max, "")
}

// notNegative refuses a value (money, a count, a quantity) below 0.
func notNegative(field string, v int64) error {
	if v < 0 {
		return i18n.Errf(field, "err.cob_negative")
	}
	return nil
}

// record appends the audit entry of a change inside its transaction.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), After: after}); err != nil {
		return fmt.Errorf("cobuilding: audit %s: %w", action, err)
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

func itoa(n int) string { return strconv.Itoa(n) }
