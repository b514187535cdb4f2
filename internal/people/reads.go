package people

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// OrgRef is a party organisation as a page lists it: where it stands now
// (its area, or its unit's community) and that place's name.
type OrgRef struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	UnitID    int64     `json:"unit_id,omitempty"`
	PlaceID   int64     `json:"place_id"`
	PlaceName string    `json:"place_name"`
	Level     string    `json:"level"`
	StartedOn date.Date `json:"started_on"`
	EndedOn   date.Date `json:"ended_on,omitzero"`
}

// Org returns one party organisation (an area's or a unit's own) in the
// scope.
func (s *Store) Org(ctx context.Context, id int64) (OrgRef, error) {
	q := s.DB.Reader()
	o, err := s.loadOrg(ctx, q, "org_id", id)
	if err != nil {
		return OrgRef{}, wrap("org", err)
	}
	r := OrgRef{ID: o.ID, Name: o.Name, Kind: o.Kind, UnitID: o.UnitID, PlaceID: o.PlaceID, Level: o.Level, StartedOn: o.StartedOn, EndedOn: o.EndedOn}
	if o.PlaceID != 0 {
		if err := q.QueryRowContext(ctx, "SELECT name FROM area WHERE id = ?", o.PlaceID).Scan(&r.PlaceName); err != nil {
			return OrgRef{}, wrap("org", err)
		}
	}
	return r, nil
}

// OrgsUnder lists the party organisations active on on that stand under
// areaID (0: the caller's scope, or everything for an unscoped caller):
// attached to an area under it, or belonging to a unit located under it;
// by place name, then name.
func (s *Store) OrgsUnder(ctx context.Context, areaID int64, on date.Date) ([]OrgRef, error) {
	q := s.DB.Reader()
	if areaID == 0 {
		areaID = s.scope(ctx)
	} else if err := s.allowArea(ctx, q, "area_id", areaID); err != nil {
		return nil, err
	}
	const cols = `o.id, o.name, o.kind, COALESCE(o.unit_id, 0), a.id, a.name, a.level, o.started_on, o.ended_on`
	const active = `o.started_on <= ?1 AND (o.ended_on IS NULL OR ?1 < o.ended_on)`
	var query string
	var args []any
	if areaID == 0 {
		query = `SELECT ` + cols + ` FROM party_org o
LEFT JOIN unit_location ul ON ul.unit_id = o.unit_id AND ul.from_on <= ?1 AND (ul.to_on IS NULL OR ?1 < ul.to_on)
JOIN area a ON a.id = COALESCE(o.area_id, ul.area_id)
WHERE ` + active + ` ORDER BY a.name, o.name, o.id`
		args = []any{on}
	} else {
		query = `SELECT ` + cols + ` FROM party_org o
LEFT JOIN unit_location ul ON ul.unit_id = o.unit_id AND ul.from_on <= ?1 AND (ul.to_on IS NULL OR ?1 < ul.to_on)
JOIN area a ON a.id = COALESCE(o.area_id, ul.area_id)
JOIN area_closure c ON c.descendant_id = a.id AND c.ancestor_id = ?2 AND c.from_on <= ?1 AND (c.to_on IS NULL OR ?1 < c.to_on)
WHERE ` + active + ` ORDER BY a.name, o.name, o.id`
		args = []any{on, areaID}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, wrap("orgs under", err)
	}
	defer rows.Close()
	var out []OrgRef
	for rows.Next() {
		var r OrgRef
		if err := rows.Scan(&r.ID, &r.Name, &r.Kind, &r.UnitID, &r.PlaceID, &r.PlaceName, &r.Level, &r.StartedOn, &r.EndedOn); err != nil {
			return nil, wrap("orgs under", err)
		}
		out = append(out, r)
	}
	return out, wrap("orgs under", rows.Err())
}

// PlacedPost is a post with the names a page shows: the organisation or
// community it is held in, the unit a concurrent member comes from and the
// number of the term that elected it.
type PlacedPost struct {
	Post
	PlaceName  string `json:"place_name"`
	UnitName   string `json:"unit_name,omitempty"`
	TermNumber int    `json:"term_number,omitempty"`
}

const placedPostCols = postCols + `, COALESCE(o.name, a.name, ''), COALESCE(u.name, ''), COALESCE(t.number, 0)`

const placedPostFrom = ` FROM post p JOIN person pe ON pe.id = p.person_id
LEFT JOIN party_org o ON o.id = p.org_id LEFT JOIN area a ON a.id = p.area_id
LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN term t ON t.id = p.term_id`

func (s *Store) placedPosts(ctx context.Context, q db.Q, op, where string, args ...any) ([]PlacedPost, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+placedPostCols+placedPostFrom+" WHERE "+where+" ORDER BY p.from_on, p.id", args...)
	if err != nil {
		return nil, wrap(op, err)
	}
	defer rows.Close()
	var out []PlacedPost
	for rows.Next() {
		var p PlacedPost
		if err := rows.Scan(&p.ID, &p.PersonID, &p.PersonName, &p.Role, &p.OrgID, &p.AreaID, &p.TermID, &p.UnitID, &p.From, &p.To,
			&p.PlaceName, &p.UnitName, &p.TermNumber); err != nil {
			return nil, wrap(op, err)
		}
		out = append(out, p)
	}
	return out, wrap(op, rows.Err())
}

// PersonPosts lists every post a person held or holds, oldest first.
func (s *Store) PersonPosts(ctx context.Context, personID int64) ([]PlacedPost, error) {
	q := s.DB.Reader()
	if err := s.allowPerson(ctx, q, "person_id", personID, false); err != nil {
		return nil, err
	}
	return s.placedPosts(ctx, q, "person posts", "p.person_id = ?", personID)
}

// UnitConcurrentPosts lists the concurrent-member posts held on on by
// people coming from a unit, oldest first.
func (s *Store) UnitConcurrentPosts(ctx context.Context, unitID int64, on date.Date) ([]PlacedPost, error) {
	q := s.DB.Reader()
	if _, err := s.loadUnit(ctx, q, "unit_id", unitID); err != nil {
		return nil, err
	}
	return s.placedPosts(ctx, q, "unit posts", "p.unit_id = ? AND p.role = 'concurrent_member' AND p.from_on <= ? AND (p.to_on IS NULL OR ? < p.to_on)", unitID, on, on)
}

// PlacedRegistration is a registration with its community's name.
type PlacedRegistration struct {
	Registration
	AreaName string `json:"area_name"`
}

func (s *Store) placedRegistrations(ctx context.Context, q db.Q, op, where string, args ...any) ([]PlacedRegistration, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+registrationCols+", ar.name"+registrationFrom+" JOIN area ar ON ar.id = r.area_id WHERE "+where+" ORDER BY r.from_on, r.id", args...)
	if err != nil {
		return nil, wrap(op, err)
	}
	defer rows.Close()
	var out []PlacedRegistration
	for rows.Next() {
		var r PlacedRegistration
		if err := rows.Scan(&r.ID, &r.Kind, &r.PersonID, &r.OrgID, &r.Name, &r.AreaID, &r.From, &r.To, &r.Note, &r.AreaName); err != nil {
			return nil, wrap(op, err)
		}
		out = append(out, r)
	}
	return out, wrap(op, rows.Err())
}

// PersonRegistrations lists a person's dual registrations, oldest first.
func (s *Store) PersonRegistrations(ctx context.Context, personID int64) ([]PlacedRegistration, error) {
	q := s.DB.Reader()
	if err := s.allowPerson(ctx, q, "person_id", personID, false); err != nil {
		return nil, err
	}
	return s.placedRegistrations(ctx, q, "person registrations", "r.person_id = ?", personID)
}

// UnitRegistrations lists the registrations of a unit's party
// organisations with communities, oldest first.
func (s *Store) UnitRegistrations(ctx context.Context, unitID int64) ([]PlacedRegistration, error) {
	q := s.DB.Reader()
	if _, err := s.loadUnit(ctx, q, "unit_id", unitID); err != nil {
		return nil, err
	}
	return s.placedRegistrations(ctx, q, "unit registrations", "r.org_id IN (SELECT id FROM party_org WHERE unit_id = ?)", unitID)
}

// UnitLocation is one period of a unit in a community.
type UnitLocation struct {
	AreaID   int64     `json:"area_id"`
	AreaName string    `json:"area_name"`
	From     date.Date `json:"from"`
	To       date.Date `json:"to,omitzero"`
}

// UnitLocations lists where a unit was located, oldest first.
func (s *Store) UnitLocations(ctx context.Context, unitID int64) ([]UnitLocation, error) {
	q := s.DB.Reader()
	if _, err := s.loadUnit(ctx, q, "unit_id", unitID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT l.area_id, a.name, l.from_on, l.to_on FROM unit_location l JOIN area a ON a.id = l.area_id
WHERE l.unit_id = ? ORDER BY l.from_on`, unitID)
	if err != nil {
		return nil, wrap("unit locations", err)
	}
	defer rows.Close()
	var out []UnitLocation
	for rows.Next() {
		var l UnitLocation
		if err := rows.Scan(&l.AreaID, &l.AreaName, &l.From, &l.To); err != nil {
			return nil, wrap("unit locations", err)
		}
		out = append(out, l)
	}
	return out, wrap("unit locations", rows.Err())
}
