package cobuilding

import (
	"context"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Kind is what a resource offers.
type Kind string

// Kinds in the order a form offers them.
var Kinds = []Kind{"land", "money", "venue", "free_service", "skill", "volunteers", "equipment"}

// ResourceInput is what a stationed unit, or a named department, offers
// from a date. A unit's resource is offered in the community the unit is
// located in on FromOn; a department's in the area AreaID it serves.
type ResourceInput struct {
	UnitID      int64     `json:"unit_id,omitempty"`
	Department  string    `json:"department,omitempty"`
	AreaID      int64     `json:"area_id,omitempty"`
	Kind        Kind      `json:"kind"`
	Description string    `json:"description"`
	FromOn      date.Date `json:"from_on"`
	ToOn        date.Date `json:"to_on,omitzero"`
}

// Resource is a stored resource; UnitName is its unit's name (empty for a
// department's).
type Resource struct {
	ID          int64     `json:"id"`
	UnitID      int64     `json:"unit_id,omitempty"`
	UnitName    string    `json:"unit_name,omitempty"`
	Department  string    `json:"department,omitempty"`
	AreaID      int64     `json:"area_id"`
	Kind        Kind      `json:"kind"`
	Description string    `json:"description"`
	FromOn      date.Date `json:"from_on"`
	ToOn        date.Date `json:"to_on,omitzero"`
}

// Giver is who offers the resource: the unit's name or the department.
func (r Resource) Giver() string {
	if r.UnitID != 0 {
		return r.UnitName
	}
	return r.Department
}

// ValidOn reports whether the resource is offered on day.
func (r Resource) ValidOn(day date.Date) bool { return date.InSpan(r.FromOn, r.ToOn, day) }

// CreateResource records a resource: a unit's (active on FromOn, located
// in the scope) or a named department's (serving an area in the scope).
func (s *Store) CreateResource(ctx context.Context, in ResourceInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.createResource(ctx, q, in)
		return err
	})
	return id, err
}

// createResource is CreateResource on q, inside the caller's transaction.
func (s *Store) createResource(ctx context.Context, q db.Q, in ResourceInput) (int64, error) {
	var err error
	if in.Department, err = text("department", in.Department, 100, false); err != nil {
		return 0, err
	}
	if in.UnitID == 0 && in.Department == "" {
		return 0, i18n.Errf("unit_id", "err.cob_giver_required")
	}
	if in.UnitID != 0 && in.Department != "" {
		return 0, i18n.Errf("department", "err.cob_giver_both")
	}
	if in.UnitID == 0 && in.AreaID == 0 {
		return 0, i18n.Errf("area_id", "err.cob_required")
	}
	if !oneOf(in.Kind, Kinds) {
		return 0, i18n.Errf("kind", "err.resource_kind_invalid")
	}
	if in.Description, err = text("description", in.Description, 500, true); err != nil {
		return 0, err
	}
	// The giver's place first: a unit or an area outside the caller's
	// subtree is refused as such, whatever else is wrong.
	if in.UnitID != 0 {
		if _, err := s.unitInScope(ctx, q, in.UnitID); err != nil {
			return 0, err
		}
	} else if _, err := s.inScope(ctx, "area_id", in.AreaID); err != nil {
		return 0, err
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if !in.ToOn.IsZero() && !in.ToOn.After(in.FromOn) {
		return 0, i18n.Errf("to_on", "err.cob_end_before_start", in.FromOn.String())
	}
	if in.UnitID != 0 {
		u, err := unitOn(ctx, q, "unit_id", in.UnitID, in.FromOn)
		if err != nil {
			return 0, err
		}
		if err := u.activeOn("unit_id", in.FromOn); err != nil {
			return 0, err
		}
		in.AreaID = u.AreaID
		if _, err := s.inScope(ctx, "unit_id", u.AreaID); err != nil {
			return 0, err
		}
	} else {
		a, err := s.inScope(ctx, "area_id", in.AreaID)
		if err != nil {
			return 0, err
		}
		if !a.ActiveOn(in.FromOn) {
			return 0, i18n.Errf("area_id", "err.cob_community_inactive", a.Name, in.FromOn.String())
		}
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO resource (unit_id, department, area_id, kind, description, from_on, to_on) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		db.NullID(in.UnitID), in.Department, in.AreaID, in.Kind, in.Description, in.FromOn, db.Null(in.ToOn)).Scan(&id); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "resource.create", "resource", id, in)
}

// ResourceChange corrects what a resource offers and until when (a zero
// ToOn: open).
type ResourceChange struct {
	Kind        Kind      `json:"kind"`
	Description string    `json:"description"`
	ToOn        date.Date `json:"to_on,omitzero"`
}

// UpdateResource corrects a resource in the scope.
func (s *Store) UpdateResource(ctx context.Context, id int64, ch ResourceChange) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.updateResource(ctx, q, id, ch) })
}

// updateResource is UpdateResource on q, inside the caller's transaction.
func (s *Store) updateResource(ctx context.Context, q db.Q, id int64, ch ResourceChange) error {
	if !oneOf(ch.Kind, Kinds) {
		return i18n.Errf("kind", "err.resource_kind_invalid")
	}
	desc, err := text("description", ch.Description, 500, true)
	if err != nil {
		return err
	}
	ch.Description = desc
	r, err := s.loadResource(ctx, q, "resource_id", id)
	if err != nil {
		return err
	}
	if !ch.ToOn.IsZero() && !ch.ToOn.After(r.FromOn) {
		return i18n.Errf("to_on", "err.cob_end_before_start", r.FromOn.String())
	}
	if _, err := q.ExecContext(ctx, "UPDATE resource SET kind = ?, description = ?, to_on = ? WHERE id = ?", ch.Kind, ch.Description, db.Null(ch.ToOn), id); err != nil {
		return err
	}
	return record(ctx, q, "resource.update", "resource", id, ch)
}

const resourceCols = "r.id, COALESCE(r.unit_id, 0), COALESCE(u.name, ''), r.department, r.area_id, r.kind, r.description, r.from_on, r.to_on"

const resourceFrom = " FROM resource r LEFT JOIN unit u ON u.id = r.unit_id"

func scanResource(row interface{ Scan(...any) error }) (Resource, error) {
	var r Resource
	err := row.Scan(&r.ID, &r.UnitID, &r.UnitName, &r.Department, &r.AreaID, &r.Kind, &r.Description, &r.FromOn, &r.ToOn)
	return r, err
}

// loadResource reads resource id, refusing one outside the scope.
func (s *Store) loadResource(ctx context.Context, q db.Q, field string, id int64) (Resource, error) {
	r, err := scanResource(q.QueryRowContext(ctx, "SELECT "+resourceCols+resourceFrom+" WHERE r.id = ?", id))
	if db.IsNotFound(err) {
		return r, notFound(field, "err.resource_unknown", id)
	}
	if err != nil {
		return r, err
	}
	if _, err := s.Areas.Get(ctx, r.AreaID); err != nil {
		return r, notFound(field, "err.resource_unknown", id)
	}
	return r, nil
}

// Resource returns one resource in the scope.
func (s *Store) Resource(ctx context.Context, id int64) (Resource, error) {
	return s.loadResource(ctx, s.DB.Reader(), "resource_id", id)
}

// ResourceFilter chooses resources: offered under an area (the scope when
// 0), by a unit (0 for any), of a kind ("" for any), offered on a day (zero
// for any); After is the last id of the previous page.
type ResourceFilter struct {
	AreaID int64
	UnitID int64
	Kind   Kind
	On     date.Date
	After  int64
	Limit  int
}

// ListResources lists resources in the scope by id.
func (s *Store) ListResources(ctx context.Context, f ResourceFilter) ([]Resource, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, err
	}
	where, args := []string{"r.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("r.area_id")), append(args, root)
	}
	if f.UnitID != 0 {
		where, args = append(where, "r.unit_id = ?"), append(args, f.UnitID)
	}
	if f.Kind != "" {
		where, args = append(where, "r.kind = ?"), append(args, f.Kind)
	}
	if !f.On.IsZero() {
		where, args = append(where, "r.from_on <= ? AND (r.to_on IS NULL OR ? < r.to_on)"), append(args, f.On, f.On)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+resourceCols+resourceFrom+" WHERE "+strings.Join(where, " AND ")+" ORDER BY r.id LIMIT "+itoa(page(f.Limit)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Resource{}
	for rows.Next() {
		r, err := scanResource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
