package people

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The unit and post rows of an import run inside the import's transaction
// q through the same checks as CreateUnit, CreateUnitOrg and Appoint. These
// files are small (a district's units, a term's posts), so each row is
// written as it is checked and the caller rolls the transaction back for a
// dry run or when any row is bad.

// UnitImport is one row of a unit import: the unit by name within its
// community, and optionally the name of its own party organisation.
type UnitImport struct {
	Unit    UnitInput
	OrgName string
}

// ImportUnit finds the unit by name in its community and changes its kind
// or rank, or records it (with its organisation) when it is new.
func (s *Store) ImportUnit(ctx context.Context, q db.Q, in UnitImport) (MemberOutcome, error) {
	u := in.Unit
	name, err := cleanText("name", u.Name, 100, true)
	if err != nil {
		return 0, err
	}
	if !oneOf(u.Kind, UnitKinds...) {
		return 0, i18n.Errf("kind", "err.unit_kind_invalid")
	}
	if !oneOf(u.Rank, Division, Section, NoRank) {
		return 0, i18n.Errf("rank", "err.unit_rank_invalid")
	}
	orgName, err := cleanText("org_name", in.OrgName, 100, false)
	if err != nil {
		return 0, err
	}
	if err := s.allowArea(ctx, q, "area_id", u.AreaID); err != nil {
		return 0, err
	}
	var id int64
	err = q.QueryRowContext(ctx, `SELECT u.id FROM unit u JOIN unit_location l ON l.unit_id = u.id AND l.to_on IS NULL
WHERE l.area_id = ? AND u.name = ? AND u.ended_on IS NULL ORDER BY u.id LIMIT 1`, u.AreaID, name).Scan(&id)
	if err != nil && !db.IsNotFound(err) {
		return 0, err
	}
	if id != 0 {
		cur, err := s.loadUnit(ctx, q, "area_id", id)
		if err != nil {
			return 0, err
		}
		outcome := MemberUnchanged
		if cur.Kind != u.Kind || cur.Rank != u.Rank {
			if _, err := q.ExecContext(ctx, "UPDATE unit SET kind = ?, rank = ? WHERE id = ?", u.Kind, u.Rank, id); err != nil {
				return 0, err
			}
			outcome = MemberUpdated
		}
		if orgName != "" && cur.OrgID == 0 {
			if err := s.insertUnitOrg(ctx, q, id, orgName, laterDate(cur.StartedOn, s.Today())); err != nil {
				return 0, err
			}
			outcome = MemberUpdated
		}
		return outcome, nil
	}
	if err := s.checkDate("on", u.On); err != nil {
		return 0, err
	}
	if _, err := s.checkCommunity(ctx, q, "area_id", u.AreaID, u.On); err != nil {
		return 0, err
	}
	if err := q.QueryRowContext(ctx, "INSERT INTO unit (name, kind, rank, started_on, note) VALUES (?, ?, ?, ?, '') RETURNING id",
		name, u.Kind, u.Rank, u.On).Scan(&id); err != nil {
		return 0, err
	}
	if _, err := q.ExecContext(ctx, "INSERT INTO unit_location (unit_id, area_id, from_on) VALUES (?, ?, ?)", id, u.AreaID, u.On); err != nil {
		return 0, err
	}
	if orgName != "" {
		if err := s.insertUnitOrg(ctx, q, id, orgName, u.On); err != nil {
			return 0, err
		}
	}
	return MemberCreated, nil
}

// laterDate returns the later of two dates.
func laterDate(a, b date.Date) date.Date {
	if b.After(a) {
		return b
	}
	return a
}

func (s *Store) insertUnitOrg(ctx context.Context, q db.Q, unitID int64, name string, on date.Date) error {
	_, err := area.InsertUnitOrg(ctx, q, unitID, name, area.Branch, on, "import")
	return err
}

// PostImport is one row of a post import. Person needs at least the name
// and ID number; a person not yet known is recorded. TermNumber, when set,
// names the organisation's term that elected the post holder.
type PostImport struct {
	Person     PersonInput
	Post       PostInput // PersonID and TermID are set here
	TermNumber int
	To         date.Date
	// PersonNo finds the person by their id in this system (an export
	// writes it) when the row's ID number is empty or masked; with an ID
	// number as well, both must name the same person.
	PersonNo int64
}

// ImportPost finds the post by person, place, role and start date: an
// unchanged row changes nothing, a new end date ends it; otherwise it is
// appointed as Appoint would.
func (s *Store) ImportPost(ctx context.Context, q db.Q, in PostImport) (MemberOutcome, error) {
	var r personRow
	var err error
	switch {
	case strings.TrimSpace(in.Person.IDNumber) != "":
		if r, err = s.validatePerson(in.Person); err != nil {
			return 0, err
		}
	case in.PersonNo == 0:
		return 0, i18n.Errf("id_number", "err.import_id_number_required")
	}
	p := in.Post
	if err := s.checkPostPlace(ctx, q, p); err != nil {
		return 0, err
	}
	if err := s.checkDate("from", p.From); err != nil {
		return 0, err
	}
	if !in.To.IsZero() {
		if err := s.checkDate("to", in.To); err != nil {
			return 0, err
		}
		if !in.To.After(p.From) {
			return 0, i18n.Errf("to", "err.date_not_after_start", p.From.String())
		}
	}
	if in.TermNumber != 0 && p.Role != Director {
		if err := q.QueryRowContext(ctx, "SELECT id FROM term WHERE org_id = ? AND number = ?", p.OrgID, in.TermNumber).Scan(&p.TermID); err != nil {
			if db.IsNotFound(err) {
				return 0, i18n.Errf("term", "err.import_term_unknown", in.TermNumber)
			}
			return 0, err
		}
	}
	pid, err := s.postPerson(ctx, q, r, in.PersonNo)
	if err != nil {
		return 0, err
	}
	outcome := MemberCreated
	visible := true
	if pid == 0 {
		if pid, err = s.insertPerson(ctx, q, r); err != nil {
			return 0, err
		}
	} else {
		if sc := s.scope(ctx); sc != 0 {
			if visible, err = personVisible(ctx, q, sc, pid, false); err != nil {
				return 0, err
			}
		}
		if !visible {
			if r.idNumber == "" {
				// Found by number alone: unknown outside the scope.
				return 0, i18n.Errf("person_no", "err.import_person_no_unknown", in.PersonNo)
			}
			// Found by ID number outside the scope: the post brings them
			// in, as it would a new person (personFor).
		}
		place, placeID := "org_id", p.OrgID
		if p.Role == Director {
			place, placeID = "area_id", p.AreaID
		}
		var postID int64
		var to date.Date
		err := q.QueryRowContext(ctx, "SELECT id, to_on FROM post WHERE person_id = ? AND "+place+" = ? AND role = ? AND from_on = ?",
			pid, placeID, p.Role, p.From).Scan(&postID, &to)
		if err != nil && !db.IsNotFound(err) {
			return 0, err
		}
		if postID != 0 && visible {
			if to == in.To || in.To.IsZero() {
				return MemberUnchanged, nil
			}
			if _, err := q.ExecContext(ctx, "UPDATE post SET to_on = ?, end_note = 'import' WHERE id = ?", in.To, postID); err != nil {
				return 0, err
			}
			return MemberUpdated, nil
		}
		if visible {
			outcome = MemberUpdated
		}
	}
	p.PersonID = pid
	p.broughtIn = !visible
	id, err := s.appointIn(ctx, q, p)
	if err != nil {
		return 0, err
	}
	if !in.To.IsZero() {
		if _, err := q.ExecContext(ctx, "UPDATE post SET to_on = ?, end_note = 'import' WHERE id = ?", in.To, id); err != nil {
			return 0, fmt.Errorf("people: import post: %w", err)
		}
	}
	return outcome, nil
}

// postPerson finds the person of a post row by the member import's rules
// (matchPerson): by ID number, else by person number; 0 for a new person.
func (s *Store) postPerson(ctx context.Context, q db.Q, r personRow, no int64) (int64, error) {
	c := MemberCheck{personNo: no}
	if r.idNumber != "" {
		c.idHash = s.Keys.Hash(ColIDNumber, r.idNumber)
	}
	byHash, byNo, err := s.lookupMembers(ctx, q, []MemberCheck{c})
	if err != nil {
		return 0, err
	}
	e, err := matchPerson(&c, byHash, byNo)
	if e == nil || err != nil {
		return 0, err
	}
	return e.person.ID, nil
}
