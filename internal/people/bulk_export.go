package people

import (
	"context"
	"fmt"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// MemberExport is one member of an export: the person with ID and phone
// numbers in full or masked, and their open membership.
type MemberExport struct {
	Person     Person
	Membership Membership
}

// ExportMembers streams the members with an open membership in an
// organisation placed under areaID (0: the caller's scope), in person
// order, to fn. With reveal the ID and phone numbers are in full, else
// masked; the caller decides who may reveal and audits the export once.
func (s *Store) ExportMembers(ctx context.Context, areaID int64, reveal bool, fn func(*MemberExport) error) error {
	q := s.DB.Reader()
	query, args, err := s.exportMembersQuery(ctx, q, areaID)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY m.person_id", args...)
	if err != nil {
		return wrap("export members", err)
	}
	defer rows.Close()
	var r MemberExport
	for rows.Next() {
		r = MemberExport{}
		m, p := &r.Membership, &r.Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Gender, &p.Ethnicity, &p.BirthDate, &p.idEnc, &p.phoneEnc, &p.Education, &p.Address,
			&m.ID, &m.PersonID, &m.PersonName, &m.OrgID, &m.OrgName, &m.Status, &m.Category, &m.JoinedPartyOn, &m.FullOn,
			&m.From, &m.To, &m.StartReason, &m.EndReason, &m.FromOrgName, &m.ToOrgName, &m.PreviousID, &m.Note); err != nil {
			return wrap("export members", err)
		}
		if reveal {
			if p.IDNumber, err = s.Keys.DecryptFor(ColIDNumber, p.idEnc); err != nil {
				return err
			}
			if p.Phone, err = s.Keys.DecryptFor(ColPhone, p.phoneEnc); err != nil {
				return err
			}
		} else if err := s.mask(p); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return wrap("export members", rows.Err())
}

func (s *Store) exportMembersQuery(ctx context.Context, q db.Q, areaID int64) (string, []any, error) {
	scope, err := s.subtree(ctx, q, areaID)
	if err != nil {
		return "", nil, err
	}
	query := "SELECT " + personCols + ", " + membershipCols + membershipFrom + " WHERE m.to_on IS NULL"
	var args []any
	if scope != 0 {
		query += " AND " + withinNow(orgPlaceNow("o"))
		args = append(args, scope)
	}
	return query, args, nil
}

// UnitExport is one unit of an export with its community's and its
// organisation's names.
type UnitExport struct {
	Unit      Unit
	Community string
	OrgName   string
}

// ExportUnits streams the active units located under areaID (0: the scope).
func (s *Store) ExportUnits(ctx context.Context, areaID int64, fn func(*UnitExport) error) error {
	q := s.DB.Reader()
	query, args, err := s.exportUnitsQuery(ctx, q, areaID)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY u.id", args...)
	if err != nil {
		return wrap("export units", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e UnitExport
		u := &e.Unit
		if err := rows.Scan(&u.ID, &u.Name, &u.Kind, &u.Rank, &u.AreaID, &u.StartedOn, &u.EndedOn, &u.OrgID, &u.Note, &e.Community, &e.OrgName); err != nil {
			return wrap("export units", err)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return wrap("export units", rows.Err())
}

func (s *Store) exportUnitsQuery(ctx context.Context, q db.Q, areaID int64) (string, []any, error) {
	scope, err := s.subtree(ctx, q, areaID)
	if err != nil {
		return "", nil, err
	}
	query := "SELECT " + unitCols + `, a.name, COALESCE((SELECT o.name FROM party_org o WHERE o.unit_id = u.id AND o.ended_on IS NULL ORDER BY o.id DESC LIMIT 1), '')
FROM unit u JOIN unit_location l ON l.unit_id = u.id AND l.to_on IS NULL JOIN area a ON a.id = l.area_id WHERE u.ended_on IS NULL`
	var args []any
	if scope != 0 {
		query += " AND " + withinNow("l.area_id")
		args = append(args, scope)
	}
	return query, args, nil
}

// PostExport is one post of an export.
type PostExport struct {
	Post       Post
	IDNumber   string // full or masked
	Place      string // the organisation's or (director) community's name
	TermNumber int
	UnitName   string
}

// ExportPosts streams the posts placed under areaID (0: the scope) that
// are open or ended after since (zero: all), in id order.
func (s *Store) ExportPosts(ctx context.Context, areaID int64, reveal bool, since date.Date, fn func(*PostExport) error) error {
	q := s.DB.Reader()
	query, args, err := s.exportPostsQuery(ctx, q, areaID, since)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY p.id", args...)
	if err != nil {
		return wrap("export posts", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e PostExport
		p := &e.Post
		var idEnc string
		if err := rows.Scan(&p.ID, &p.PersonID, &p.PersonName, &p.Role, &p.OrgID, &p.AreaID, &p.TermID, &p.UnitID, &p.From, &p.To,
			&idEnc, &e.Place, &e.TermNumber, &e.UnitName); err != nil {
			return wrap("export posts", err)
		}
		if reveal {
			e.IDNumber, err = s.Keys.DecryptFor(ColIDNumber, idEnc)
		} else {
			e.IDNumber, err = s.Keys.Masked(s.idField(p.PersonID), idEnc)
		}
		if err != nil {
			return fmt.Errorf("people: export posts: %w", err)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return wrap("export posts", rows.Err())
}

func (s *Store) exportPostsQuery(ctx context.Context, q db.Q, areaID int64, since date.Date) (string, []any, error) {
	scope, err := s.subtree(ctx, q, areaID)
	if err != nil {
		return "", nil, err
	}
	query := "SELECT " + postCols + `, COALESCE(pe.id_number_enc, ''), COALESCE(o.name, a.name, ''), COALESCE(t.number, 0), COALESCE(un.name, '')
FROM post p JOIN person pe ON pe.id = p.person_id LEFT JOIN party_org o ON o.id = p.org_id LEFT JOIN area a ON a.id = p.area_id
LEFT JOIN term t ON t.id = p.term_id LEFT JOIN unit un ON un.id = p.unit_id WHERE 1 = 1`
	var args []any
	if !since.IsZero() {
		query += " AND (p.to_on IS NULL OR p.to_on > ?)"
		args = append(args, since)
	}
	if scope != 0 {
		query += " AND " + withinNow("COALESCE(p.area_id, "+orgPlaceNow("o")+")")
		args = append(args, scope)
	}
	return query, args, nil
}

// ExportCount counts the rows an export of kind (members, units, posts)
// would write, so that a file too large for its format is refused before
// any work.
func (s *Store) ExportCount(ctx context.Context, kind string, areaID int64) (int, error) {
	q := s.DB.Reader()
	var query string
	var args []any
	var err error
	switch kind {
	case "members":
		query, args, err = s.exportMembersQuery(ctx, q, areaID)
	case "units":
		query, args, err = s.exportUnitsQuery(ctx, q, areaID)
	default:
		query, args, err = s.exportPostsQuery(ctx, q, areaID, date.Date{})
	}
	if err != nil {
		return 0, err
	}
	var n int
	err = q.QueryRowContext(ctx, "SELECT COUNT(*) FROM ("+query+") x", args...).Scan(&n)
	return n, wrap("export count", err)
}
