package people

import (
	"context"
	"database/sql"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// UnitKind is the kind of a stationed unit.
type UnitKind string

// Unit kinds: party or government organ, public institution, state
// enterprise, private enterprise, social organisation.
const (
	PartyGovernmentOrgan UnitKind = "party_government_organ"
	PublicInstitution    UnitKind = "public_institution"
	StateEnterprise      UnitKind = "state_enterprise"
	PrivateEnterprise    UnitKind = "private_enterprise"
	SocialOrganisation   UnitKind = "social_organisation"
)

// UnitKinds lists every kind.
var UnitKinds = []UnitKind{PartyGovernmentOrgan, PublicInstitution, StateEnterprise, PrivateEnterprise, SocialOrganisation}

// Rank is a unit's administrative rank (处级 / 科级).
type Rank string

// Ranks.
const (
	Division Rank = "division"
	Section  Rank = "section"
	NoRank   Rank = "none"
)

// Unit is a stationed unit with where it is located now and its own party
// organisation, if any is active.
type Unit struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Kind      UnitKind  `json:"kind"`
	Rank      Rank      `json:"rank"`
	AreaID    int64     `json:"area_id"`
	StartedOn date.Date `json:"started_on"`
	EndedOn   date.Date `json:"ended_on,omitzero"`
	OrgID     int64     `json:"org_id,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// UnitInput records a unit stationed in the community AreaID from On.
type UnitInput struct {
	Name   string    `json:"name"`
	Kind   UnitKind  `json:"kind"`
	Rank   Rank      `json:"rank"`
	AreaID int64     `json:"area_id"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
}

// MoveUnitInput relocates a unit to the community AreaID from On.
type MoveUnitInput struct {
	UnitID int64     `json:"unit_id"`
	AreaID int64     `json:"area_id"`
	On     date.Date `json:"on"`
}

// EndUnitInput ends a unit on On; its active party organisation ends too.
type EndUnitInput struct {
	UnitID int64     `json:"unit_id"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
}

// UnitOrgInput establishes a unit's own party organisation.
type UnitOrgInput struct {
	UnitID int64     `json:"unit_id"`
	Kind   string    `json:"kind"`
	Name   string    `json:"name"`
	On     date.Date `json:"on"`
}

// checkCommunity refuses an area outside the scope, not a community, or not
// active on on.
func (s *Store) checkCommunity(ctx context.Context, q db.Q, field string, id int64, on date.Date) (string, error) {
	if err := s.allowArea(ctx, q, field, id); err != nil {
		return "", err
	}
	var name, level string
	var est, ended date.Date
	err := q.QueryRowContext(ctx, "SELECT name, level, established_on, ended_on FROM area WHERE id = ?", id).Scan(&name, &level, &est, &ended)
	if db.IsNotFound(err) {
		return "", &i18n.Error{Field: field, Key: "err.area_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return "", err
	}
	if level != "community" {
		return "", i18n.Errf(field, "err.not_a_community", name)
	}
	if on.Before(est) {
		return "", i18n.Errf("on", "err.date_before_established", name, est.String())
	}
	if !date.InSpan(est, ended, on) {
		return "", i18n.Errf(field, "err.area_ended", name, ended.String())
	}
	return name, nil
}

// CreateUnit records a stationed unit located in a community of the scope.
func (s *Store) CreateUnit(ctx context.Context, in UnitInput) (int64, error) {
	name, err := cleanText("name", in.Name, 100, true)
	if err != nil {
		return 0, err
	}
	if !oneOf(in.Kind, UnitKinds...) {
		return 0, i18n.Errf("kind", "err.unit_kind_invalid")
	}
	if !oneOf(in.Rank, Division, Section, NoRank) {
		return 0, i18n.Errf("rank", "err.unit_rank_invalid")
	}
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(q db.Q) error {
		if _, err := s.checkCommunity(ctx, q, "area_id", in.AreaID, in.On); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO unit (name, kind, rank, started_on, note) VALUES (?, ?, ?, ?, ?) RETURNING id",
			name, in.Kind, in.Rank, in.On, note).Scan(&id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO unit_location (unit_id, area_id, from_on) VALUES (?, ?, ?)", id, in.AreaID, in.On); err != nil {
			return err
		}
		return record(ctx, q, "unit.create", "unit", id, nil, in)
	})
	return id, wrap("create unit", err)
}

const unitCols = `u.id, u.name, u.kind, u.rank, COALESCE((SELECT l.area_id FROM unit_location l WHERE l.unit_id = u.id AND l.to_on IS NULL), 0),
u.started_on, u.ended_on, COALESCE((SELECT MAX(o.id) FROM party_org o WHERE o.unit_id = u.id AND o.ended_on IS NULL), 0), u.note`

func scanUnit(row interface{ Scan(...any) error }) (Unit, error) {
	var u Unit
	err := row.Scan(&u.ID, &u.Name, &u.Kind, &u.Rank, &u.AreaID, &u.StartedOn, &u.EndedOn, &u.OrgID, &u.Note)
	return u, err
}

// loadUnit reads a unit whose community is in the scope.
func (s *Store) loadUnit(ctx context.Context, q db.Q, field string, id int64) (Unit, error) {
	u, err := scanUnit(q.QueryRowContext(ctx, "SELECT "+unitCols+" FROM unit u WHERE u.id = ?", id))
	if db.IsNotFound(err) {
		if s.scope(ctx) != 0 {
			return u, outOfScope(field)
		}
		return u, &i18n.Error{Field: field, Key: "err.unit_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return u, err
	}
	return u, s.allowArea(ctx, q, field, u.AreaID)
}

// Unit returns one unit.
func (s *Store) Unit(ctx context.Context, id int64) (Unit, error) {
	u, err := s.loadUnit(ctx, s.DB.Reader(), "unit_id", id)
	return u, wrap("unit", err)
}

// requireActive refuses a date on which the unit did not exist.
func (u Unit) requireActive(field string, on date.Date) error {
	if on.Before(u.StartedOn) {
		return i18n.Errf(field, "err.date_before_established", u.Name, u.StartedOn.String())
	}
	if !u.EndedOn.IsZero() && !on.Before(u.EndedOn) {
		return i18n.Errf(field, "err.unit_ended", u.Name, u.EndedOn.String())
	}
	return nil
}

// MoveUnit relocates a unit to another community from On. Both communities
// must be in the scope.
func (s *Store) MoveUnit(ctx context.Context, in MoveUnitInput) error {
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	err := s.tx(ctx, func(q db.Q) error {
		u, err := s.loadUnit(ctx, q, "unit_id", in.UnitID)
		if err != nil {
			return err
		}
		if err := u.requireActive("on", in.On); err != nil {
			return err
		}
		if u.AreaID == in.AreaID {
			return i18n.Errf("area_id", "err.unit_move_same")
		}
		var since date.Date
		if err := q.QueryRowContext(ctx, "SELECT from_on FROM unit_location WHERE unit_id = ? AND to_on IS NULL", u.ID).Scan(&since); err != nil {
			return err
		}
		if !in.On.After(since) {
			return i18n.Errf("on", "err.date_not_after_start", since.String())
		}
		if _, err := s.checkCommunity(ctx, q, "area_id", in.AreaID, in.On); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE unit_location SET to_on = ? WHERE unit_id = ? AND to_on IS NULL", in.On, u.ID); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO unit_location (unit_id, area_id, from_on) VALUES (?, ?, ?)", u.ID, in.AreaID, in.On); err != nil {
			return err
		}
		return record(ctx, q, "unit.move", "unit", u.ID, u, in)
	})
	return wrap("move unit", err)
}

// EndUnit ends a unit; its active party organisation ends the same day.
func (s *Store) EndUnit(ctx context.Context, in EndUnitInput) error {
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(q db.Q) error {
		u, err := s.loadUnit(ctx, q, "unit_id", in.UnitID)
		if err != nil {
			return err
		}
		if err := u.requireActive("on", in.On); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE unit SET ended_on = ? WHERE id = ?", in.On, u.ID); err != nil {
			return err
		}
		if u.OrgID != 0 {
			if err := area.EndUnitOrg(ctx, q, u.OrgID, in.On, "unit ended"); err != nil {
				return err
			}
		}
		return record(ctx, q, "unit.end", "unit", u.ID, u, map[string]any{"on": in.On, "note": note})
	})
	return wrap("end unit", err)
}

// CreateUnitOrg establishes a unit's own party organisation (area_id NULL,
// unit_id set: it stands wherever its unit is located). A unit has at most
// one active organisation.
func (s *Store) CreateUnitOrg(ctx context.Context, in UnitOrgInput) (int64, error) {
	name, err := cleanText("name", in.Name, 100, true)
	if err != nil {
		return 0, err
	}
	if !oneOf(in.Kind, "committee", "general_branch", "branch") {
		return 0, i18n.Errf("kind", "err.org_kind_invalid")
	}
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(q db.Q) error {
		u, err := s.loadUnit(ctx, q, "unit_id", in.UnitID)
		if err != nil {
			return err
		}
		if err := u.requireActive("on", in.On); err != nil {
			return err
		}
		if u.OrgID != 0 {
			return i18n.Errf("unit_id", "err.unit_has_org", u.Name)
		}
		if id, err = area.InsertUnitOrg(ctx, q, u.ID, name, area.OrgKind(in.Kind), in.On, ""); err != nil {
			return err
		}
		return record(ctx, q, "party_org.create", "party_org", id, nil, in)
	})
	return id, wrap("create unit org", err)
}

// Units lists the units located in the community (or any community under
// the area) on on, by name.
func (s *Store) Units(ctx context.Context, areaID int64, on date.Date) ([]Unit, error) {
	q := s.DB.Reader()
	if err := s.allowArea(ctx, q, "area_id", areaID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+unitCols+` FROM unit u
JOIN unit_location l ON l.unit_id = u.id AND l.from_on <= ?1 AND (l.to_on IS NULL OR ?1 < l.to_on)
JOIN area_closure c ON c.descendant_id = l.area_id AND c.ancestor_id = ?2 AND c.from_on <= ?1 AND (c.to_on IS NULL OR ?1 < c.to_on)
WHERE u.started_on <= ?1 AND (u.ended_on IS NULL OR ?1 < u.ended_on)
ORDER BY u.name, u.id`, on, areaID)
	if err != nil {
		return nil, wrap("units", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows) (Unit, error) { return scanUnit(r) })
	return out, wrap("units", err)
}
