package coordination

import (
	"context"

	"dangjian/internal/access"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// The reads of one record each (an action with its timeline, a whistle, a
// campaign), the conference list of an area, and the Places of their ids.

// ConferencesUnder lists the conferences placed under areaID (which must
// lie in the caller's scope), as Conferences does; 0 is the caller's scope.
func (s *Store) ConferencesUnder(ctx context.Context, areaID int64) ([]ConferenceRow, error) {
	if areaID == 0 {
		return s.Conferences(ctx)
	}
	if err := s.inScope(ctx, "area", areaID); err != nil {
		return nil, err
	}
	all, err := s.Conferences(ctx)
	if err != nil {
		return nil, err
	}
	under, err := s.descendants(ctx, areaID)
	if err != nil {
		return nil, err
	}
	out := []ConferenceRow{}
	for _, c := range all {
		if under[c.AreaID] {
			out = append(out, c)
		}
	}
	return out, nil
}

// descendants is the set of areas under areaID now, itself included.
func (s *Store) descendants(ctx context.Context, areaID int64) (map[int64]bool, error) {
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT descendant_id FROM area_closure WHERE ancestor_id = ? AND to_on IS NULL", areaID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// Update is an entry of an action's timeline.
type Update struct {
	ID       int64        `json:"id"`
	On       date.Date    `json:"on"`
	Progress int          `json:"progress"`
	Status   ActionStatus `json:"status"`
	Note     string       `json:"note"`
}

// ActionDetail is an action with where it comes from, its parts and its
// timeline (oldest first).
type ActionDetail struct {
	Action
	ConferenceID int64    `json:"conference_id,omitempty"`
	SessionID    int64    `json:"session_id,omitempty"`
	WhistleID    int64    `json:"whistle_id,omitempty"`
	Parts        []Action `json:"parts"`
	Timeline     []Update `json:"timeline"`
}

// ActionDetail reads an action of the scope with its parts and timeline.
func (s *Store) ActionDetail(ctx context.Context, id int64) (ActionDetail, error) {
	q := s.DB.Reader()
	var v ActionDetail
	a, err := s.loadAction(ctx, q, id)
	if err != nil {
		return v, err
	}
	v.Action = a
	if a.OwnerUnitID != 0 {
		if err := q.QueryRowContext(ctx, "SELECT name FROM unit WHERE id = ?", a.OwnerUnitID).Scan(&v.OwnerName); err != nil {
			return v, err
		}
	}
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(x.session_id, 0), COALESCE(x.whistle_id, 0), COALESCE(s.conference_id, 0)
FROM agreed_action x LEFT JOIN conference_session s ON s.id = x.session_id WHERE x.id = ?`, id).Scan(&v.SessionID, &v.WhistleID, &v.ConferenceID); err != nil {
		return v, err
	}
	if v.Parts, err = s.scanActions(ctx, q, "x.parent_id = ?", id); err != nil {
		return v, err
	}
	if v.Timeline, err = timeline(ctx, q, id); err != nil {
		return v, err
	}
	return v, nil
}

// timeline is an action's updates, oldest first.
func timeline(ctx context.Context, q db.Q, id int64) ([]Update, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, on_date, progress, status, note FROM action_update WHERE action_id = ? ORDER BY on_date, id", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Update{}
	for rows.Next() {
		var u Update
		if err := rows.Scan(&u.ID, &u.On, &u.Progress, &u.Status, &u.Note); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// scanActions reads the actions matching where (on alias x), in due order,
// with their owners' names.
func (s *Store) scanActions(ctx context.Context, q db.Q, where string, args ...any) ([]Action, error) {
	rows, err := q.QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id WHERE `+where+" ORDER BY x.due_on, x.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Action{}
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

// PartyPlace places a summoned party's id in the caller's scope (by its
// whistle's area).
func (s *Store) PartyPlace() *access.Place {
	return &access.Place{Name: "whistle_party", Locate: func(ctx context.Context, id int64) error {
		_, _, _, err := s.whistleOf(ctx, s.DB.Reader(), id)
		return err
	}}
}
