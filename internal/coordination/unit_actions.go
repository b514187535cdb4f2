package coordination

import (
	"context"
	"strings"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// A stationed unit's liaison sees and updates the actions their unit owns
// (ReadUnitActions, WriteUnitActions). The routes name the unit in the path
// and carry UnitPlace, so that the access policy checks the unit; the store
// checks that the action belongs to it.

// UnitPlace places a stationed unit's id in the caller's scope: the
// community it is located in (its last one if it has left). A unit liaison
// reaches their own unit through it (Unit: true).
func (s *Store) UnitPlace() *access.Place {
	return &access.Place{Name: "unit", Unit: true, Locate: func(ctx context.Context, id int64) error {
		return s.unitInScope(ctx, s.DB.Reader(), id)
	}}
}

// unitInScope refuses a unit that does not exist or is located outside the
// caller's subtree.
func (s *Store) unitInScope(ctx context.Context, q db.Q, unitID int64) error {
	var areaID int64
	err := q.QueryRowContext(ctx, `SELECT l.area_id FROM unit_location l WHERE l.unit_id = ?
ORDER BY CASE WHEN l.to_on IS NULL THEN 0 ELSE 1 END, l.from_on DESC LIMIT 1`, unitID).Scan(&areaID)
	if db.IsNotFound(err) {
		return notFound("unit_id", "err.action_owner_unknown", unitID)
	}
	if err != nil {
		return err
	}
	return s.inScope(ctx, "unit_id", areaID)
}

// UnitActions is every action (sub-actions too) that unit unitID owns:
// the open ones first in due order, then the closed ones, latest first.
// A caller scoped to an area sees those agreed inside it.
func (s *Store) UnitActions(ctx context.Context, unitID int64) ([]Action, error) {
	q := s.DB.Reader()
	if err := s.unitInScope(ctx, q, unitID); err != nil {
		return nil, err
	}
	where := []string{"x.owner_unit_id = ?"}
	args := []any{unitID}
	if sc := s.Areas.ScopeOf(ctx); sc != 0 {
		where = append(where, "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = x.area_id AND c.to_on IS NULL)")
		args = append(args, sc)
	}
	rows, err := q.QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id
WHERE `+strings.Join(where, " AND ")+`
ORDER BY CASE WHEN x.closed_on IS NULL THEN 0 ELSE 1 END, CASE WHEN x.closed_on IS NULL THEN x.due_on ELSE x.closed_on END, x.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Action
	for rows.Next() {
		var a Action
		if err := rows.Scan(&a.ID, &a.ParentID, &a.AreaID, &a.Title, &a.OwnerUnitID, &a.OwnerName, &a.AgreedOn, &a.DueOn, &a.Status,
			&a.Progress, &a.ClosedOn, &a.Result); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UpdateUnitAction is UpdateAction for the liaison of unit unitID: it
// refuses, in the same transaction as the update, an action the unit does
// not own (one owned by another unit or by a named department).
func (s *Store) UpdateUnitAction(ctx context.Context, unitID int64, in UpdateInput) error {
	if unitID <= 0 {
		return notFound("unit_id", "err.action_owner_unknown", unitID)
	}
	return s.updateAction(ctx, in, unitID)
}

// checkOwner refuses action a unless unit unitID owns it (0: any owner).
func checkOwner(a Action, unitID int64) error {
	if unitID == 0 || a.OwnerUnitID == unitID {
		return nil
	}
	return &i18n.Error{Field: "action_id", Key: "err.action_not_unit_owned", Args: []any{a.ID}, Err: fault.NotFound}
}
