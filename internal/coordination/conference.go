package coordination

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// ConferenceKind is what a joint conference is for.
type ConferenceKind string

const (
	PartyBuilding ConferenceKind = "party_building" // 社区党建工作联席会议
	PublicOrder   ConferenceKind = "public_order"   // 社会治安综合治理
	OtherKind     ConferenceKind = "other"
)

// ConferenceKinds are the kinds in the order the speech names them.
var ConferenceKinds = []ConferenceKind{PartyBuilding, PublicOrder, OtherKind}

// Conference is a joint conference (联席会议).
type Conference struct {
	ID            int64          `json:"id"`
	Name          string         `json:"name"`
	Kind          ConferenceKind `json:"kind"`
	OrgID         int64          `json:"org_id"`
	AreaID        int64          `json:"area_id"`
	EstablishedOn date.Date      `json:"established_on"`
	EndedOn       date.Date      `json:"ended_on,omitzero"`
	Note          string         `json:"note,omitempty"`
}

// ConferenceInput establishes a conference convened by OrgID, a party
// organisation of an area (a subdistrict's working committee or committee,
// a community's branch), active on On.
type ConferenceInput struct {
	Name  string         `json:"name"`
	Kind  ConferenceKind `json:"kind"`
	OrgID int64          `json:"org_id"`
	On    date.Date      `json:"on"`
	Note  string         `json:"note"`
}

// CreateConference records a conference at its convener's area.
func (s *Store) CreateConference(ctx context.Context, in ConferenceInput) (int64, error) {
	name, err := text("name", in.Name, 100, true)
	if err != nil {
		return 0, err
	}
	switch in.Kind {
	case PartyBuilding, PublicOrder, OtherKind:
	default:
		return 0, i18n.Errf("kind", "err.conference_kind_invalid")
	}
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	note, err := text("note", in.Note, 500, false)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		var areaID int64
		var started, ended date.Date
		err := q.QueryRowContext(ctx, "SELECT COALESCE(area_id, 0), started_on, ended_on FROM party_org WHERE id = ?", in.OrgID).Scan(&areaID, &started, &ended)
		if db.IsNotFound(err) || (err == nil && areaID == 0) {
			return notFound("org_id", "err.conference_convener_unknown", in.OrgID)
		}
		if err != nil {
			return err
		}
		if err := s.inScope(ctx, "org_id", areaID); err != nil {
			return err
		}
		if !date.InSpan(started, ended, in.On) {
			return i18n.Errf("on", "err.conference_convener_inactive", in.On.String())
		}
		if err := q.QueryRowContext(ctx, `INSERT INTO joint_conference (name, kind, org_id, area_id, established_on, note)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, name, in.Kind, in.OrgID, areaID, in.On, note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "conference.create", "joint_conference", id, in)
	})
	return id, err
}

// Conference reads a conference in the caller's scope.
func (s *Store) Conference(ctx context.Context, id int64) (Conference, error) {
	return s.loadConference(ctx, s.DB.Reader(), id)
}

func (s *Store) loadConference(ctx context.Context, q db.Q, id int64) (Conference, error) {
	var c Conference
	err := q.QueryRowContext(ctx, "SELECT id, name, kind, org_id, area_id, established_on, ended_on, note FROM joint_conference WHERE id = ?", id).
		Scan(&c.ID, &c.Name, &c.Kind, &c.OrgID, &c.AreaID, &c.EstablishedOn, &c.EndedOn, &c.Note)
	if db.IsNotFound(err) {
		return c, notFound("conference_id", "err.conference_unknown", id)
	}
	if err != nil {
		return c, err
	}
	return c, s.inScope(ctx, "conference_id", c.AreaID)
}

// MemberRole is a member unit's role in a conference.
type MemberRole string

const (
	Member         MemberRole = "member"
	DeputyConvener MemberRole = "deputy_convener"
)

// MemberInput seats a stationed unit in a conference from On.
type MemberInput struct {
	ConferenceID int64      `json:"conference_id"`
	UnitID       int64      `json:"unit_id"`
	Role         MemberRole `json:"role"`
	On           date.Date  `json:"on"`
}

// AddMember seats a unit stationed under the conference's area on that
// date; a unit sits once at a time.
func (s *Store) AddMember(ctx context.Context, in MemberInput) (int64, error) {
	if in.Role != Member && in.Role != DeputyConvener {
		return 0, i18n.Errf("role", "err.conference_role_invalid")
	}
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		c, err := s.loadConference(ctx, q, in.ConferenceID)
		if err != nil {
			return err
		}
		if !date.InSpan(c.EstablishedOn, c.EndedOn, in.On) {
			return i18n.Errf("on", "err.conference_inactive", c.Name, in.On.String())
		}
		ok, err := unitStationedUnder(ctx, q, in.UnitID, c.AreaID, in.On)
		if err != nil {
			return err
		}
		if !ok {
			return &i18n.Error{Field: "unit_id", Key: "err.conference_unit_not_stationed", Args: []any{in.On.String()}, Err: fault.BadReference}
		}
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM conference_member WHERE conference_id = ? AND unit_id = ? AND (to_on IS NULL OR to_on > ?)",
			c.ID, in.UnitID, in.On).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &i18n.Error{Field: "unit_id", Key: "err.conference_member_twice", Err: fault.Conflict}
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO conference_member (conference_id, unit_id, role, from_on) VALUES (?, ?, ?, ?) RETURNING id",
			c.ID, in.UnitID, in.Role, in.On).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "conference.member_add", "joint_conference", c.ID, in)
	})
	return id, err
}

// EndConference ends a conference on a date after its last session.
func (s *Store) EndConference(ctx context.Context, id int64, on date.Date) error {
	if err := s.checkDate("on", on); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		c, err := s.loadConference(ctx, q, id)
		if err != nil {
			return err
		}
		if !c.EndedOn.IsZero() {
			return &i18n.Error{Field: "on", Key: "err.conference_ended", Args: []any{c.Name, c.EndedOn.String()}, Err: fault.Conflict}
		}
		var last date.Date
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(held_on), ?) FROM conference_session WHERE conference_id = ?", c.EstablishedOn, id).Scan(&last); err != nil {
			return err
		}
		if !on.After(last) {
			return i18n.Errf("on", "err.conference_end_before_session", last.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE joint_conference SET ended_on = ? WHERE id = ?", on, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE conference_member SET to_on = ? WHERE conference_id = ? AND to_on IS NULL", on, id); err != nil {
			return err
		}
		return record(ctx, q, "conference.end", "joint_conference", id, map[string]any{"on": on})
	})
}
