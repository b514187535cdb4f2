package area

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// OrgKind is the kind of a party organisation.
type OrgKind string

// Party organisation kinds (党委 / 党工委 / 党总支 / 党支部).
const (
	Committee        OrgKind = "committee"
	WorkingCommittee OrgKind = "working_committee"
	GeneralBranch    OrgKind = "general_branch"
	Branch           OrgKind = "branch"
)

// OrgKinds lists every kind.
var OrgKinds = []OrgKind{Committee, WorkingCommittee, GeneralBranch, Branch}

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool {
	for _, x := range OrgKinds {
		if x == k {
			return true
		}
	}
	return false
}

// PartyOrg is a party organisation attached to an area.
type PartyOrg struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Kind          OrgKind   `json:"kind"`
	AreaID        int64     `json:"area_id"`
	StartedOn     date.Date `json:"started_on"`
	EndedOn       date.Date `json:"ended_on,omitzero"`
	PredecessorID int64     `json:"predecessor_id,omitempty"`
	SuccessorID   int64     `json:"successor_id,omitempty"`
}

// OrgInput establishes a party organisation on an area.
type OrgInput struct {
	AreaID int64     `json:"area_id"`
	Kind   OrgKind   `json:"kind"`
	Name   string    `json:"name"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
}

// ReformInput ends OrgID and starts its successor (of Kind, named Name) the same day.
type ReformInput struct {
	OrgID int64     `json:"org_id"`
	Kind  OrgKind   `json:"kind"`
	Name  string    `json:"name"`
	On    date.Date `json:"on"`
	Note  string    `json:"note"`
}

const orgCols = `o.id, o.name, o.kind, COALESCE(o.area_id, 0), o.started_on, o.ended_on, COALESCE(o.predecessor_id, 0),
COALESCE((SELECT MIN(s.id) FROM party_org s WHERE s.predecessor_id = o.id), 0)`

func scanOrg(row interface{ Scan(...any) error }) (PartyOrg, error) {
	var o PartyOrg
	err := row.Scan(&o.ID, &o.Name, &o.Kind, &o.AreaID, &o.StartedOn, &o.EndedOn, &o.PredecessorID, &o.SuccessorID)
	return o, err
}

// Org returns one party organisation.
func (s *Store) Org(ctx context.Context, id int64) (PartyOrg, error) {
	return s.getOrg(ctx, s.DB.Reader(), id)
}

// getOrg loads an organisation and refuses one outside the store's scope.
//
// An organisation that does not exist and one outside the scope are refused
// alike for a scoped user, so ids outside the scope reveal nothing.
func (s *Store) getOrg(ctx context.Context, q db.Q, id int64) (PartyOrg, error) {
	o, err := getOrg(ctx, q, id)
	if err != nil {
		if s.scope(ctx) != 0 {
			return PartyOrg{}, &i18n.Error{Field: "org_id", Key: "err.out_of_scope", Err: ErrOutOfScope}
		}
		return o, err
	}
	return o, s.allow(ctx, q, "org_id", o.AreaID)
}

func getOrg(ctx context.Context, q db.Q, id int64) (PartyOrg, error) {
	o, err := scanOrg(q.QueryRowContext(ctx, "SELECT "+orgCols+" FROM party_org o WHERE o.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, &i18n.Error{Field: "org_id", Key: "err.org_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	return o, err
}

// Orgs lists every party organisation ever attached to an area, oldest first.
func (s *Store) Orgs(ctx context.Context, areaID int64) ([]PartyOrg, error) {
	if err := s.allow(ctx, s.DB.Reader(), "area_id", areaID); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+orgCols+" FROM party_org o WHERE o.area_id = ? ORDER BY o.started_on, o.id", areaID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PartyOrg
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateOrg establishes a party organisation on an active area.
func (s *Store) CreateOrg(ctx context.Context, in OrgInput) (int64, error) {
	name, err := cleanName("name", in.Name)
	if err != nil {
		return 0, err
	}
	if !in.Kind.Valid() {
		return 0, i18n.Errf("kind", "err.org_kind_invalid")
	}
	if err := s.checkDate(in.On); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := s.allow(ctx, q, "area_id", in.AreaID); err != nil {
			return err
		}
		a, err := getArea(ctx, q, in.AreaID)
		if err != nil {
			return err
		}
		if !a.ActiveOn(in.On) {
			return i18n.Errf("on", "err.org_area_inactive", a.Name, in.On.String())
		}
		if err := checkKindFits(in.Kind, a); err != nil {
			return err
		}
		id, err = insertOrg(ctx, q, name, in.Kind, a.ID, in.On, 0)
		if err != nil {
			return err
		}
		if err := insertOrgEvent(ctx, q, "create", in.On, id, 0, in.Note); err != nil {
			return err
		}
		return record(ctx, q, "party_org.create", "party_org", id, nil, in)
	})
	return id, err
}

// checkKindFits refuses a working committee below a subdistrict: 党工委 is
// the organ of a subdistrict (or higher), never of a community.
func checkKindFits(k OrgKind, a Area) error {
	if k == WorkingCommittee && a.Level == Community {
		return i18n.Errf("kind", "err.org_kind_level", a.Name)
	}
	return nil
}

// Reform ends an organisation and starts its successor the same day,
// keeping the link (街道党委 → 街道党工委, 居民区党支部 → 社区党支部).
func (s *Store) Reform(ctx context.Context, in ReformInput) (int64, error) {
	name, err := cleanName("name", in.Name)
	if err != nil {
		return 0, err
	}
	if !in.Kind.Valid() {
		return 0, i18n.Errf("kind", "err.org_kind_invalid")
	}
	if err := s.checkDate(in.On); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		o, err := s.getOrg(ctx, q, in.OrgID)
		if err != nil {
			return err
		}
		if !o.EndedOn.IsZero() {
			return i18n.Errf("org_id", "err.org_ended", o.Name, o.EndedOn.String())
		}
		if in.On.Before(o.StartedOn) {
			return i18n.Errf("on", "err.date_before_established", o.Name, o.StartedOn.String())
		}
		if o.Kind == in.Kind && o.Name == name {
			return i18n.Errf("kind", "err.reform_same")
		}
		a, err := getArea(ctx, q, o.AreaID)
		if err != nil {
			return err
		}
		if err := checkKindFits(in.Kind, a); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE party_org SET ended_on = ? WHERE id = ?", in.On, o.ID); err != nil {
			return err
		}
		if id, err = insertOrg(ctx, q, name, in.Kind, o.AreaID, in.On, o.ID); err != nil {
			return err
		}
		if err := insertOrgEvent(ctx, q, "reform", in.On, o.ID, id, in.Note); err != nil {
			return err
		}
		return record(ctx, q, "party_org.reform", "party_org", o.ID, o, map[string]any{"input": in, "successor_id": id})
	})
	return id, err
}

// DissolveOrg ends an organisation without successor.
func (s *Store) DissolveOrg(ctx context.Context, orgID int64, on date.Date, note string) error {
	if err := s.checkDate(on); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		o, err := s.getOrg(ctx, q, orgID)
		if err != nil {
			return err
		}
		if !o.EndedOn.IsZero() {
			return i18n.Errf("org_id", "err.org_ended", o.Name, o.EndedOn.String())
		}
		if on.Before(o.StartedOn) {
			return i18n.Errf("on", "err.date_before_established", o.Name, o.StartedOn.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE party_org SET ended_on = ? WHERE id = ?", on, o.ID); err != nil {
			return err
		}
		if err := insertOrgEvent(ctx, q, "dissolve", on, o.ID, 0, note); err != nil {
			return err
		}
		return record(ctx, q, "party_org.dissolve", "party_org", o.ID, o, map[string]any{"on": on, "note": note})
	})
}

func insertOrg(ctx context.Context, q db.Q, name string, kind OrgKind, areaID int64, on date.Date, pred int64) (int64, error) {
	var predArg any
	if pred != 0 {
		predArg = pred
	}
	var id int64
	err := q.QueryRowContext(ctx, "INSERT INTO party_org (name, kind, area_id, started_on, predecessor_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
		name, kind, areaID, on, predArg).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("area: insert party org: %w", err)
	}
	return id, nil
}

func insertOrgEvent(ctx context.Context, q db.Q, kind string, on date.Date, org, succ int64, note string) error {
	var succArg any
	if succ != 0 {
		succArg = succ
	}
	_, err := q.ExecContext(ctx, "INSERT INTO party_org_event (kind, on_date, org_id, successor_id, note) VALUES (?, ?, ?, ?, ?)", kind, on, org, succArg, note)
	return err
}

// endOrgsOfArea ends every organisation still active on an area that ends.
func endOrgsOfArea(ctx context.Context, q db.Q, areaID int64, on date.Date) error {
	rows, err := q.QueryContext(ctx, "SELECT id FROM party_org WHERE area_id = ? AND ended_on IS NULL ORDER BY id", areaID)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		if _, err := q.ExecContext(ctx, "UPDATE party_org SET ended_on = ? WHERE id = ?", on, id); err != nil {
			return err
		}
		if err := insertOrgEvent(ctx, q, "dissolve", on, id, 0, "area ended"); err != nil {
			return err
		}
	}
	return rows.Err()
}

// InsertUnitOrg writes a stationed unit's own party organisation (no area:
// it stands wherever its unit is located) and its creation event, in the
// caller's transaction q. The people domain decides whether the unit may
// have one; area writes every party_org row.
func InsertUnitOrg(ctx context.Context, q db.Q, unitID int64, name string, kind OrgKind, on date.Date, note string) (int64, error) {
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO party_org (name, kind, unit_id, started_on) VALUES (?, ?, ?, ?) RETURNING id",
		name, kind, unitID, on).Scan(&id); err != nil {
		return 0, fmt.Errorf("area: insert unit org: %w", err)
	}
	if err := insertOrgEvent(ctx, q, "create", on, id, 0, note); err != nil {
		return 0, fmt.Errorf("area: unit org event: %w", err)
	}
	return id, nil
}

// EndUnitOrg ends a stationed unit's party organisation on on with its
// dissolution event, in the caller's transaction q.
func EndUnitOrg(ctx context.Context, q db.Q, id int64, on date.Date, note string) error {
	if _, err := q.ExecContext(ctx, "UPDATE party_org SET ended_on = ? WHERE id = ? AND unit_id IS NOT NULL", on, id); err != nil {
		return fmt.Errorf("area: end unit org: %w", err)
	}
	if err := insertOrgEvent(ctx, q, "dissolve", on, id, 0, note); err != nil {
		return fmt.Errorf("area: unit org event: %w", err)
	}
	return nil
}
