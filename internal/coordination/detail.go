package coordination

import (
	"context"
	"time"

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

// WhistleDetail is a whistle, resolved or not, with its parties (time
// left at now) and the actions it became.
type WhistleDetail struct {
	WhistleRow
	ResolvedOn date.Date `json:"resolved_on,omitzero"`
	Actions    []Action  `json:"actions"`
}

// Whistle reads a whistle of the scope.
func (s *Store) Whistle(ctx context.Context, id int64, now time.Time) (WhistleDetail, error) {
	q := s.DB.Reader()
	var v WhistleDetail
	var raised string
	err := q.QueryRowContext(ctx, "SELECT w.id, w.area_id, a.name, w.subject, w.raised_at, w.raised_on, w.resolved_on FROM whistle w JOIN area a ON a.id = w.area_id WHERE w.id = ?", id).
		Scan(&v.ID, &v.AreaID, &v.AreaName, &v.Subject, &raised, &v.RaisedOn, &v.ResolvedOn)
	if db.IsNotFound(err) {
		return v, notFound("whistle_id", "err.whistle_unknown", id)
	}
	if err != nil {
		return v, err
	}
	if err := s.inScope(ctx, "whistle_id", v.AreaID); err != nil {
		return v, err
	}
	v.RaisedAt, _ = time.Parse(stamp, raised)
	if v.Parties, err = parties(ctx, q, id, now); err != nil {
		return v, err
	}
	v.Actions, err = s.scanActions(ctx, q, "x.whistle_id = ? AND x.parent_id IS NULL", id)
	return v, err
}

// parties reads a whistle's summoned parties with their time left at now.
func parties(ctx context.Context, q db.Q, whistleID int64, now time.Time) ([]PartyRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, COALESCE(u.name, p.department), p.deadline_at, COALESCE(p.reported_at, ''), COALESCE(p.score, 0)
FROM whistle_party p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.whistle_id = ? ORDER BY p.id`, whistleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []PartyRow{}
	for rows.Next() {
		var p PartyRow
		var deadline, reported string
		if err := rows.Scan(&p.ID, &p.Name, &deadline, &reported, &p.Score); err != nil {
			return nil, err
		}
		p.Deadline, _ = time.Parse(stamp, deadline)
		switch {
		case reported != "":
			p.ReportedAt, _ = time.Parse(stamp, reported)
			p.Late = p.ReportedAt.After(p.Deadline)
		case now.After(p.Deadline):
			p.Late = true
		default:
			p.Left = p.Deadline.Sub(now)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CampaignListRow is a campaign of the list with its area's name.
type CampaignListRow struct {
	CampaignRow
	AreaID       int64  `json:"area_id"`
	AreaName     string `json:"area_name"`
	ConferenceID int64  `json:"conference_id,omitempty"`
}

// Campaigns lists the campaigns covering an area under areaID (in the
// caller's scope; 0: the scope), latest first.
func (s *Store) Campaigns(ctx context.Context, areaID int64) ([]CampaignListRow, error) {
	if areaID == 0 {
		areaID = s.Areas.ScopeOf(ctx)
	} else if err := s.inScope(ctx, "area", areaID); err != nil {
		return nil, err
	}
	query := `SELECT k.id, k.name, k.kind, k.started_on, k.ended_on, k.area_id, a.name, COALESCE(k.conference_id, 0)
FROM campaign k JOIN area a ON a.id = k.area_id`
	var args []any
	if areaID != 0 {
		query += " WHERE EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = k.area_id AND c.to_on IS NULL)"
		args = append(args, areaID)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY k.started_on DESC, k.id DESC", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []CampaignListRow{}
	for rows.Next() {
		var k CampaignListRow
		if err := rows.Scan(&k.ID, &k.Name, &k.Kind, &k.StartedOn, &k.EndedOn, &k.AreaID, &k.AreaName, &k.ConferenceID); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// UnitRef is a unit named.
type UnitRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// CampaignDetail is a campaign with its participating units and results.
type CampaignDetail struct {
	CampaignListRow
	Units    []UnitRef `json:"units"`
	Measures []Measure `json:"measures"`
}

// Campaign reads a campaign of the scope.
func (s *Store) Campaign(ctx context.Context, id int64) (CampaignDetail, error) {
	q := s.DB.Reader()
	var v CampaignDetail
	err := q.QueryRowContext(ctx, `SELECT k.id, k.name, k.kind, k.started_on, k.ended_on, k.area_id, a.name, COALESCE(k.conference_id, 0)
FROM campaign k JOIN area a ON a.id = k.area_id WHERE k.id = ?`, id).
		Scan(&v.ID, &v.Name, &v.Kind, &v.StartedOn, &v.EndedOn, &v.AreaID, &v.AreaName, &v.ConferenceID)
	if db.IsNotFound(err) {
		return v, notFound("campaign_id", "err.campaign_unknown", id)
	}
	if err != nil {
		return v, err
	}
	if err := s.inScope(ctx, "campaign_id", v.AreaID); err != nil {
		return v, err
	}
	rows, err := q.QueryContext(ctx, "SELECT u.id, u.name FROM campaign_unit c JOIN unit u ON u.id = c.unit_id WHERE c.campaign_id = ? ORDER BY u.name, u.id", id)
	if err != nil {
		return v, err
	}
	v.Units = []UnitRef{}
	for rows.Next() {
		var u UnitRef
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			rows.Close()
			return v, err
		}
		v.Units = append(v.Units, u)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, "SELECT name, quantity, unit FROM campaign_measure WHERE campaign_id = ? ORDER BY id", id)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	v.Measures = []Measure{}
	for rows.Next() {
		var m Measure
		if err := rows.Scan(&m.Name, &m.Quantity, &m.Unit); err != nil {
			return v, err
		}
		v.Measures = append(v.Measures, m)
	}
	return v, rows.Err()
}

// ActionPlace, WhistlePlace, PartyPlace and CampaignPlace place the ids of
// their records in the caller's scope.
func (s *Store) ActionPlace() *access.Place {
	return &access.Place{Name: "agreed_action", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadAction(ctx, s.DB.Reader(), id)
		return err
	}}
}

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

func (s *Store) PartyPlace() *access.Place {
	return &access.Place{Name: "whistle_party", Locate: func(ctx context.Context, id int64) error {
		_, _, _, err := s.whistleOf(ctx, s.DB.Reader(), id)
		return err
	}}
}

func (s *Store) CampaignPlace() *access.Place {
	return &access.Place{Name: "campaign", Locate: func(ctx context.Context, id int64) error {
		var areaID int64
		err := s.DB.Reader().QueryRowContext(ctx, "SELECT area_id FROM campaign WHERE id = ?", id).Scan(&areaID)
		if db.IsNotFound(err) {
			return notFound("campaign_id", "err.campaign_unknown", id)
		}
		if err != nil {
			return err
		}
		return s.inScope(ctx, "campaign_id", areaID)
	}}
}
