package coordination

import (
	"context"

	"dangjian/internal/access"
	"dangjian/internal/date"
)

// UpdateRow is a dated entry of an action's timeline.
type UpdateRow struct {
	On       date.Date    `json:"on"`
	Progress int          `json:"progress"`
	Status   ActionStatus `json:"status"`
	Note     string       `json:"note,omitempty"`
}

// ActionView is what an action's page shows: the action with its owner's
// name, where it was agreed, its timeline (oldest first), its sub-actions
// and its parent.
type ActionView struct {
	Action
	OwnerLabel     string      `json:"owner_label"`
	ConferenceID   int64       `json:"conference_id,omitempty"`
	ConferenceName string      `json:"conference_name,omitempty"`
	SessionTopic   string      `json:"session_topic,omitempty"`
	WhistleID      int64       `json:"whistle_id,omitempty"`
	WhistleSubject string      `json:"whistle_subject,omitempty"`
	Parent         *Action     `json:"parent,omitempty"`
	Timeline       []UpdateRow `json:"timeline"`
	Children       []Action    `json:"sub_actions"`
}

// Closed reports whether the action is done or dropped.
func (a Action) Closed() bool { return a.Status == Done || a.Status == Dropped }

// Overdue reports whether the action is still open after its due date.
func (a Action) Overdue(today date.Date) bool { return !a.Closed() && a.DueOn.Before(today) }

// ActionView reads an action of the scope with its timeline, sub-actions
// and parent.
func (s *Store) ActionView(ctx context.Context, id int64) (ActionView, error) {
	q := s.DB.Reader()
	var v ActionView
	a, err := s.loadAction(ctx, q, id)
	if err != nil {
		return v, err
	}
	v.Action = a
	var sessionID, whistleID int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(u.name, x.owner_name), COALESCE(x.session_id, 0), COALESCE(x.whistle_id, 0)
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id WHERE x.id = ?`, id).Scan(&v.OwnerLabel, &sessionID, &whistleID); err != nil {
		return v, err
	}
	// A sub-action tells where its top action came from.
	for top := a.ParentID; sessionID == 0 && whistleID == 0 && top != 0; {
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(session_id, 0), COALESCE(whistle_id, 0), COALESCE(parent_id, 0) FROM agreed_action WHERE id = ?", top).
			Scan(&sessionID, &whistleID, &top); err != nil {
			return v, err
		}
	}
	if sessionID != 0 {
		if err := q.QueryRowContext(ctx, "SELECT c.id, c.name, s.topic FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = ?", sessionID).
			Scan(&v.ConferenceID, &v.ConferenceName, &v.SessionTopic); err != nil {
			return v, err
		}
	}
	if whistleID != 0 {
		v.WhistleID = whistleID
		if err := q.QueryRowContext(ctx, "SELECT subject FROM whistle WHERE id = ?", whistleID).Scan(&v.WhistleSubject); err != nil {
			return v, err
		}
	}
	if a.ParentID != 0 {
		p, err := s.loadAction(ctx, q, a.ParentID)
		if err != nil {
			return v, err
		}
		v.Parent = &p
	}
	rows, err := q.QueryContext(ctx, "SELECT on_date, progress, status, note FROM action_update WHERE action_id = ? ORDER BY on_date, id", id)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var u UpdateRow
		if err := rows.Scan(&u.On, &u.Progress, &u.Status, &u.Note); err != nil {
			rows.Close()
			return v, err
		}
		v.Timeline = append(v.Timeline, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return v, err
	}
	rows, err = q.QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id WHERE x.parent_id = ? ORDER BY x.due_on, x.id`, id)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var c Action
		if err := rows.Scan(&c.ID, &c.ParentID, &c.AreaID, &c.Title, &c.OwnerUnitID, &c.OwnerName, &c.AgreedOn, &c.DueOn, &c.Status,
			&c.Progress, &c.ClosedOn, &c.Result); err != nil {
			return v, err
		}
		v.Children = append(v.Children, c)
	}
	return v, rows.Err()
}

// ActionPlace places an action's id in the caller's scope (by its
// conference's or whistle's area).
func (s *Store) ActionPlace() *access.Place {
	return &access.Place{Name: "agreed_action", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadAction(ctx, s.DB.Reader(), id)
		return err
	}}
}
