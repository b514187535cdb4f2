package coordination

import (
	"context"

	"dangjian/internal/date"
)

// ActionView is what an action's page shows: the action with its parts
// and timeline (ActionDetail), the names of where its top action was
// agreed (a conference's session or a whistle) and its parent.
type ActionView struct {
	ActionDetail
	ConferenceName string  `json:"conference_name,omitempty"`
	SessionTopic   string  `json:"session_topic,omitempty"`
	WhistleSubject string  `json:"whistle_subject,omitempty"`
	Parent         *Action `json:"parent,omitempty"`
}

// Closed reports whether the action is done or dropped.
func (a Action) Closed() bool { return a.Status == Done || a.Status == Dropped }

// Overdue reports whether the action is still open after its due date.
func (a Action) Overdue(today date.Date) bool { return !a.Closed() && a.DueOn.Before(today) }

// ActionView reads an action of the scope for its page.
func (s *Store) ActionView(ctx context.Context, id int64) (ActionView, error) {
	var v ActionView
	d, err := s.ActionDetail(ctx, id)
	if err != nil {
		return v, err
	}
	v.ActionDetail = d
	q := s.DB.Reader()
	if d.ParentID != 0 {
		p, err := s.loadAction(ctx, q, d.ParentID)
		if err != nil {
			return v, err
		}
		v.Parent = &p
	}
	// A part tells where its top action came from.
	session, whistle := d.SessionID, d.WhistleID
	for up := d.ParentID; session == 0 && whistle == 0 && up != 0; {
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(session_id, 0), COALESCE(whistle_id, 0), COALESCE(parent_id, 0) FROM agreed_action WHERE id = ?", up).
			Scan(&session, &whistle, &up); err != nil {
			return v, err
		}
	}
	if session != 0 {
		if err := q.QueryRowContext(ctx, "SELECT c.id, c.name, s.topic FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = ?", session).
			Scan(&v.ConferenceID, &v.ConferenceName, &v.SessionTopic); err != nil {
			return v, err
		}
	}
	if whistle != 0 {
		v.WhistleID = whistle
		if err := q.QueryRowContext(ctx, "SELECT subject FROM whistle WHERE id = ?", whistle).Scan(&v.WhistleSubject); err != nil {
			return v, err
		}
	}
	return v, nil
}
