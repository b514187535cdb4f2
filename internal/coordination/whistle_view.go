package coordination

import (
	"context"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// WhistleView is what a whistle's page shows: the whistle with its
// parties (time left at now, late ones marked), when it was resolved and
// the actions it became.
type WhistleView struct {
	WhistleRow
	ResolvedOn date.Date `json:"resolved_on,omitzero"`
	Actions    []Action  `json:"actions"`
}

// Party is the party of the whistle with that id (nil when none).
func (v *WhistleView) Party(id int64) *PartyRow {
	for i := range v.Parties {
		if v.Parties[i].ID == id {
			return &v.Parties[i]
		}
	}
	return nil
}

// Whistle reads a whistle of the scope with its parties at now and its
// actions.
func (s *Store) Whistle(ctx context.Context, id int64, now time.Time) (WhistleView, error) {
	q := s.DB.Reader()
	var v WhistleView
	var raised string
	err := q.QueryRowContext(ctx, `SELECT w.id, w.area_id, a.name, w.subject, w.raised_at, w.raised_on, w.resolved_on
FROM whistle w JOIN area a ON a.id = w.area_id WHERE w.id = ?`, id).Scan(&v.ID, &v.AreaID, &v.AreaName, &v.Subject, &raised, &v.RaisedOn, &v.ResolvedOn)
	if db.IsNotFound(err) {
		return v, notFound("whistle_id", "err.whistle_unknown", id)
	}
	if err != nil {
		return v, err
	}
	if err := s.inScope(ctx, "whistle_id", v.AreaID); err != nil {
		return v, err
	}
	if v.RaisedAt, err = time.Parse(stamp, raised); err != nil {
		return v, err
	}
	if v.Parties, err = parties(ctx, q, id, now); err != nil {
		return v, err
	}
	rows, err := q.QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id WHERE x.whistle_id = ? ORDER BY x.due_on, x.id`, id)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var a Action
		if err := rows.Scan(&a.ID, &a.ParentID, &a.AreaID, &a.Title, &a.OwnerUnitID, &a.OwnerName, &a.AgreedOn, &a.DueOn, &a.Status,
			&a.Progress, &a.ClosedOn, &a.Result); err != nil {
			return v, err
		}
		v.Actions = append(v.Actions, a)
	}
	return v, rows.Err()
}

// WhistlePlace places a whistle's id in the caller's scope (by the area
// that raised it).
func (s *Store) WhistlePlace() *access.Place {
	return &access.Place{Name: "whistle", Locate: func(ctx context.Context, id int64) error {
		var areaID int64
		err := s.DB.Reader().QueryRowContext(ctx, "SELECT area_id FROM whistle WHERE id = ?", id).Scan(&areaID)
		if db.IsNotFound(err) {
			return notFound("whistle_id", "err.whistle_unknown", id)
		}
		if err != nil {
			return err
		}
		return s.inScope(ctx, "whistle_id", areaID)
	}}
}
