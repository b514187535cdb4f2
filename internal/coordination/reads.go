package coordination

import (
	"context"
	"strings"

	"dangjian/internal/access"
	"dangjian/internal/date"
)

// ConferenceRow is a conference of the list, with its convener's and
// area's names and its counts.
type ConferenceRow struct {
	Conference
	OrgName  string `json:"org_name"`
	AreaName string `json:"area_name"`
	Members  int    `json:"members"`
	Sessions int    `json:"sessions"`
}

// Conferences lists the conferences placed in the caller's scope, active
// ones first, by name.
func (s *Store) Conferences(ctx context.Context) ([]ConferenceRow, error) {
	query := `SELECT c.id, c.name, c.kind, c.org_id, c.area_id, c.established_on, c.ended_on, c.note, o.name, a.name,
(SELECT COUNT(*) FROM conference_member m WHERE m.conference_id = c.id AND m.to_on IS NULL),
(SELECT COUNT(*) FROM conference_session x WHERE x.conference_id = c.id)
FROM joint_conference c JOIN party_org o ON o.id = c.org_id JOIN area a ON a.id = c.area_id`
	var args []any
	if sc := s.Areas.ScopeOf(ctx); sc != 0 {
		query += " WHERE EXISTS (SELECT 1 FROM area_closure k WHERE k.ancestor_id = ? AND k.descendant_id = c.area_id AND k.to_on IS NULL)"
		args = append(args, sc)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY CASE WHEN c.ended_on IS NULL THEN 0 ELSE 1 END, c.name, c.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ConferenceRow
	for rows.Next() {
		var r ConferenceRow
		c := &r.Conference
		if err := rows.Scan(&c.ID, &c.Name, &c.Kind, &c.OrgID, &c.AreaID, &c.EstablishedOn, &c.EndedOn, &c.Note, &r.OrgName, &r.AreaName,
			&r.Members, &r.Sessions); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MemberRow is a unit that sits or sat in a conference.
type MemberRow struct {
	UnitID   int64      `json:"unit_id"`
	UnitName string     `json:"unit_name"`
	Role     MemberRole `json:"role"`
	From     date.Date  `json:"from"`
	To       date.Date  `json:"to,omitzero"`
}

// SessionRow is a session with how many units came and actions it agreed.
type SessionRow struct {
	ID            int64     `json:"id"`
	HeldOn        date.Date `json:"held_on"`
	Topic         string    `json:"topic"`
	Tags          []string  `json:"tags"`
	UnitsPresent  int       `json:"units_present"`
	PeoplePresent int       `json:"people_present"`
	Actions       int       `json:"actions"`
}

// CampaignRow is a campaign a conference led.
type CampaignRow struct {
	ID        int64        `json:"id"`
	Name      string       `json:"name"`
	Kind      CampaignKind `json:"kind"`
	StartedOn date.Date    `json:"started_on"`
	EndedOn   date.Date    `json:"ended_on,omitzero"`
}

// ConferenceView is what a conference's page shows.
type ConferenceView struct {
	ConferenceRow
	Members   []MemberRow   `json:"members"`
	Sessions  []SessionRow  `json:"sessions"`
	Open      []Action      `json:"open_actions"`
	Campaigns []CampaignRow `json:"campaigns"`
}

// View reads a conference of the scope with its members, sessions (latest
// first), open actions (in due order) and campaigns.
func (s *Store) View(ctx context.Context, id int64) (ConferenceView, error) {
	var v ConferenceView
	c, err := s.Conference(ctx, id)
	if err != nil {
		return v, err
	}
	q := s.DB.Reader()
	v.Conference = c
	if err := q.QueryRowContext(ctx, "SELECT o.name, a.name FROM party_org o, area a WHERE o.id = ? AND a.id = ?", c.OrgID, c.AreaID).Scan(&v.OrgName, &v.AreaName); err != nil {
		return v, err
	}
	rows, err := q.QueryContext(ctx, `SELECT m.unit_id, u.name, m.role, m.from_on, m.to_on FROM conference_member m JOIN unit u ON u.id = m.unit_id
WHERE m.conference_id = ? ORDER BY CASE WHEN m.to_on IS NULL THEN 0 ELSE 1 END, m.role DESC, u.name`, id)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var m MemberRow
		if err := rows.Scan(&m.UnitID, &m.UnitName, &m.Role, &m.From, &m.To); err != nil {
			rows.Close()
			return v, err
		}
		v.Members = append(v.Members, m)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT s.id, s.held_on, s.topic, s.tags, s.people_present,
(SELECT COUNT(*) FROM session_unit u WHERE u.session_id = s.id), (SELECT COUNT(*) FROM agreed_action x WHERE x.session_id = s.id AND x.parent_id IS NULL)
FROM conference_session s WHERE s.conference_id = ? ORDER BY s.held_on DESC, s.id DESC`, id)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var x SessionRow
		var tags string
		if err := rows.Scan(&x.ID, &x.HeldOn, &x.Topic, &tags, &x.PeoplePresent, &x.UnitsPresent, &x.Actions); err != nil {
			rows.Close()
			return v, err
		}
		if tags != "" {
			x.Tags = strings.Split(tags, ",")
		}
		v.Sessions = append(v.Sessions, x)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, "SELECT id, name, kind, started_on, ended_on FROM campaign WHERE conference_id = ? ORDER BY started_on DESC, id", id)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var k CampaignRow
		if err := rows.Scan(&k.ID, &k.Name, &k.Kind, &k.StartedOn, &k.EndedOn); err != nil {
			rows.Close()
			return v, err
		}
		v.Campaigns = append(v.Campaigns, k)
	}
	rows.Close()
	v.Open, err = s.ListActions(ctx, ActionFilter{ConferenceID: id, Limit: 500})
	return v, err
}

// ConferencePlace places a conference's id in the caller's scope.
func (s *Store) ConferencePlace() *access.Place {
	return &access.Place{Name: "joint_conference", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Conference(ctx, id)
		return err
	}}
}
