package people

import (
	"context"
	"database/sql"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Role is a post in a leadership team.
type Role string

// Roles: secretary, deputy secretary, committee member, concurrent member
// from a stationed unit (兼职委员), and the director of a community's
// residents' committee (居委会主任), which is held in the community rather
// than in a party organisation.
const (
	Secretary        Role = "secretary"
	DeputySecretary  Role = "deputy_secretary"
	Member           Role = "member"
	ConcurrentMember Role = "concurrent_member"
	Director         Role = "director"
)

// Post is a post held by a person from a date to a date.
type Post struct {
	ID         int64     `json:"id"`
	PersonID   int64     `json:"person_id"`
	PersonName string    `json:"person_name"`
	Role       Role      `json:"role"`
	OrgID      int64     `json:"org_id,omitempty"`
	AreaID     int64     `json:"area_id,omitempty"`
	TermID     int64     `json:"term_id,omitempty"`
	UnitID     int64     `json:"unit_id,omitempty"`
	From       date.Date `json:"from"`
	To         date.Date `json:"to,omitzero"`
}

// PostInput appoints PersonID to Role from From: in the party organisation
// OrgID, or for a director in the community AreaID. TermID is the term that
// elected them (optional); UnitID the stationed unit a concurrent member
// comes from (required for that role, refused for the others).
type PostInput struct {
	PersonID int64     `json:"person_id"`
	Role     Role      `json:"role"`
	OrgID    int64     `json:"org_id"`
	AreaID   int64     `json:"area_id"`
	TermID   int64     `json:"term_id"`
	UnitID   int64     `json:"unit_id"`
	From     date.Date `json:"from"`
	// New, with PersonID 0, is a person not yet in the system whom an
	// election brings in (a concurrent member from a unit, say): Elect
	// records them with the post.
	New *PersonInput `json:"new_person,omitempty"`
	// broughtIn: the person was just found by a typed ID number outside
	// the scope (personFor); the post is what brings them in.
	broughtIn bool
}

// EndPostInput ends a post on On.
type EndPostInput struct {
	PostID int64     `json:"post_id"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
}

// Appoint records a post.
func (s *Store) Appoint(ctx context.Context, in PostInput) (int64, error) {
	var id int64
	err := s.tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.appointIn(ctx, q, in)
		return err
	})
	return id, wrap("appoint", err)
}

// AppointNew records a new person together with their first post, the way a
// scoped user adds a post holder who is not yet anywhere in the system.
func (s *Store) AppointNew(ctx context.Context, p PersonInput, in PostInput) (personID, postID int64, err error) {
	r, err := s.validatePerson(p)
	if err != nil {
		return 0, 0, err
	}
	err = s.tx(ctx, func(q db.Q) error {
		if err := s.checkPostPlace(ctx, q, in); err != nil {
			return err
		}
		var err error
		if personID, in.broughtIn, err = s.personFor(ctx, q, r); err != nil {
			return err
		}
		in.PersonID = personID
		postID, err = s.appointIn(ctx, q, in)
		return err
	})
	if err != nil {
		return 0, 0, wrap("appoint", err)
	}
	return personID, postID, nil
}

// checkPostPlace checks the role and that the post's place (organisation or
// community) is in the scope.
func (s *Store) checkPostPlace(ctx context.Context, q db.Q, in PostInput) error {
	if !oneOf(in.Role, Secretary, DeputySecretary, Member, ConcurrentMember, Director) {
		return i18n.Errf("role", "err.post_role_invalid")
	}
	if in.Role == Director {
		return s.allowArea(ctx, q, "area_id", in.AreaID)
	}
	_, err := s.loadOrg(ctx, q, "org_id", in.OrgID)
	return err
}

// appointIn checks and inserts a post inside a transaction.
func (s *Store) appointIn(ctx context.Context, q db.Q, in PostInput) (int64, error) {
	if err := s.checkPostPlace(ctx, q, in); err != nil {
		return 0, err
	}
	if err := s.checkDate("from", in.From); err != nil {
		return 0, err
	}
	if !in.broughtIn {
		if err := s.allowAttach(ctx, q, in.PersonID); err != nil {
			return 0, err
		}
	}
	var placeName string
	if in.Role == Director {
		if in.OrgID != 0 || in.TermID != 0 {
			return 0, i18n.Errf("org_id", "err.director_in_community")
		}
		name, err := s.checkCommunity(ctx, q, "area_id", in.AreaID, in.From)
		if err != nil {
			return 0, err
		}
		placeName = name
	} else {
		if in.AreaID != 0 {
			return 0, i18n.Errf("area_id", "err.post_area_only_director")
		}
		o, err := s.loadOrg(ctx, q, "org_id", in.OrgID)
		if err != nil {
			return 0, err
		}
		if err := o.requireActive("from", in.From); err != nil {
			return 0, err
		}
		placeName = o.Name
		if in.TermID != 0 {
			var t Term
			err := q.QueryRowContext(ctx, "SELECT org_id, elected_on, started_on, ended_on FROM term WHERE id = ?", in.TermID).Scan(&t.OrgID, &t.ElectedOn, &t.StartedOn, &t.EndedOn)
			if db.IsNotFound(err) || (err == nil && t.OrgID != in.OrgID) {
				return 0, i18n.Errf("term_id", "err.term_not_of_org", o.Name)
			}
			if err != nil {
				return 0, err
			}
			if in.From.Before(t.ElectedOn) {
				return 0, i18n.Errf("from", "err.post_before_election", t.ElectedOn.String())
			}
			if !t.EndedOn.IsZero() && !in.From.Before(t.EndedOn) {
				return 0, i18n.Errf("term_id", "err.term_ended", t.EndedOn.String())
			}
		}
	}
	if in.Role == ConcurrentMember {
		if in.UnitID == 0 {
			return 0, i18n.Errf("unit_id", "err.concurrent_needs_unit")
		}
		u, err := s.loadUnit(ctx, q, "unit_id", in.UnitID)
		if err != nil {
			return 0, err
		}
		if err := u.requireActive("from", in.From); err != nil {
			return 0, err
		}
	} else if in.UnitID != 0 {
		return 0, i18n.Errf("unit_id", "err.unit_only_concurrent")
	}
	if err := checkPostOverlap(ctx, q, in, placeName); err != nil {
		return 0, err
	}
	var id int64
	err := q.QueryRowContext(ctx, "INSERT INTO post (person_id, role, org_id, area_id, term_id, unit_id, from_on) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		in.PersonID, in.Role, nullID(in.OrgID), nullID(in.AreaID), nullID(in.TermID), nullID(in.UnitID), in.From).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, record(ctx, q, "post.appoint", "post", id, nil, in.auditView())
}

// auditView is in as the audit trail keeps it: a person brought in with the
// post has their numbers masked.
func (in PostInput) auditView() PostInput {
	if in.New != nil {
		m := in.New.masked()
		in.New = &m
	}
	return in
}

// checkPostOverlap refuses a second secretary of an organisation or director
// of a community at the same time, and a person holding two posts in the
// same place at once. A new post runs from in.From without end, so any post
// still open or ending after it overlaps.
func checkPostOverlap(ctx context.Context, q db.Q, in PostInput, placeName string) error {
	place, placeID := "org_id", in.OrgID
	if in.Role == Director {
		place, placeID = "area_id", in.AreaID
	}
	overlap := " AND (to_on IS NULL OR to_on > ?)"
	var n int
	if in.Role == Secretary || in.Role == Director {
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM post WHERE "+place+" = ? AND role = ?"+overlap, placeID, in.Role, in.From).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return i18n.Errf("role", "err.post_taken", placeName, in.From.String())
		}
	}
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM post WHERE "+place+" = ? AND person_id = ?"+overlap, placeID, in.PersonID, in.From).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return i18n.Errf("person_id", "err.post_person_overlap", placeName, in.From.String())
	}
	return nil
}

// EndPost ends a post.
func (s *Store) EndPost(ctx context.Context, in EndPostInput) error {
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(q db.Q) error {
		p, err := s.loadPost(ctx, q, in.PostID)
		if err != nil {
			return err
		}
		if !p.To.IsZero() {
			return i18n.Errf("post_id", "err.post_ended", p.To.String())
		}
		if !in.On.After(p.From) {
			return i18n.Errf("on", "err.date_not_after_start", p.From.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE post SET to_on = ?, end_note = ? WHERE id = ?", in.On, note, p.ID); err != nil {
			return err
		}
		return record(ctx, q, "post.end", "post", p.ID, p, in)
	})
	return wrap("end post", err)
}

const postCols = `p.id, p.person_id, pe.name, p.role, COALESCE(p.org_id, 0), COALESCE(p.area_id, 0), COALESCE(p.term_id, 0), COALESCE(p.unit_id, 0), p.from_on, p.to_on`

func scanPost(row interface{ Scan(...any) error }) (Post, error) {
	var p Post
	err := row.Scan(&p.ID, &p.PersonID, &p.PersonName, &p.Role, &p.OrgID, &p.AreaID, &p.TermID, &p.UnitID, &p.From, &p.To)
	return p, err
}

// loadPost reads a post whose place is in the scope.
func (s *Store) loadPost(ctx context.Context, q db.Q, id int64) (Post, error) {
	p, err := scanPost(q.QueryRowContext(ctx, "SELECT "+postCols+" FROM post p JOIN person pe ON pe.id = p.person_id WHERE p.id = ?", id))
	if db.IsNotFound(err) {
		if s.scope(ctx) != 0 {
			return p, outOfScope("post_id")
		}
		return p, &i18n.Error{Field: "post_id", Key: "err.post_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return p, err
	}
	if p.Role == Director {
		return p, s.allowArea(ctx, q, "post_id", p.AreaID)
	}
	_, err = s.loadOrg(ctx, q, "post_id", p.OrgID)
	return p, err
}

// Leadership lists the posts of an organisation active on on, by role.
func (s *Store) Leadership(ctx context.Context, orgID int64, on date.Date) ([]Post, error) {
	q := s.DB.Reader()
	if _, err := s.loadOrg(ctx, q, "org_id", orgID); err != nil {
		return nil, err
	}
	return s.posts(ctx, q, "p.org_id = ?", orgID, on)
}

// Director returns the director of a community's residents' committee on on
// (ok false when there is none).
func (s *Store) Director(ctx context.Context, areaID int64, on date.Date) (Post, bool, error) {
	q := s.DB.Reader()
	if err := s.allowArea(ctx, q, "area_id", areaID); err != nil {
		return Post{}, false, err
	}
	ps, err := s.posts(ctx, q, "p.area_id = ?", areaID, on)
	if err != nil || len(ps) == 0 {
		return Post{}, false, err
	}
	return ps[0], true, nil
}

func (s *Store) posts(ctx context.Context, q db.Q, cond string, id int64, on date.Date) ([]Post, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+postCols+" FROM post p JOIN person pe ON pe.id = p.person_id WHERE "+cond+
		` AND p.from_on <= ? AND (p.to_on IS NULL OR ? < p.to_on)
ORDER BY CASE p.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'member' THEN 2 WHEN 'concurrent_member' THEN 3 ELSE 4 END, p.from_on, p.id`, id, on, on)
	if err != nil {
		return nil, wrap("posts", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows) (Post, error) { return scanPost(r) })
	return out, wrap("posts", err)
}

// CrossAppointed reports whether, on on, one person is both the secretary
// of a party organisation attached to the community and the director of its
// residents' committee (交叉任职), and who. It is derived, never stored; the
// figure posts.cross_appointed counts the same condition.
func (s *Store) CrossAppointed(ctx context.Context, areaID int64, on date.Date) (personID int64, ok bool, err error) {
	q := s.DB.Reader()
	if err := s.allowArea(ctx, q, "area_id", areaID); err != nil {
		return 0, false, err
	}
	err = q.QueryRowContext(ctx, `SELECT d.person_id FROM post d
JOIN party_org o ON o.area_id = d.area_id
JOIN post sp ON sp.org_id = o.id AND sp.role = 'secretary' AND sp.person_id = d.person_id AND sp.from_on <= ?1 AND (sp.to_on IS NULL OR ?1 < sp.to_on)
WHERE d.area_id = ?2 AND d.role = 'director' AND d.from_on <= ?1 AND (d.to_on IS NULL OR ?1 < d.to_on)
LIMIT 1`, on, areaID).Scan(&personID)
	if db.IsNotFound(err) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, wrap("cross-appointed", err)
	}
	return personID, true, nil
}
