package people

import (
	"context"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Term is one term (届) of a party organisation's leadership team, with the
// figures of the election that began it.
type Term struct {
	ID             int64     `json:"id"`
	OrgID          int64     `json:"org_id"`
	Number         int       `json:"number"`
	ElectedOn      date.Date `json:"elected_on"`
	ExpectedVoters int       `json:"expected_voters"`
	PresentVoters  int       `json:"present_voters"`
	VotesCast      int       `json:"votes_cast"`
	StartedOn      date.Date `json:"started_on"`
	EndedOn        date.Date `json:"ended_on,omitzero"`
	Note           string    `json:"note,omitempty"`
}

// ElectionInput records a general election (换届选举) of OrgID: the new term
// (Number 0 means the next one) and the posts it elected. The previous term
// and the posts it elected end when the new term starts (StartedOn, by
// default ElectedOn). Each post's OrgID and TermID are set from the
// election; its From defaults to StartedOn.
type ElectionInput struct {
	OrgID          int64       `json:"org_id"`
	Number         int         `json:"number"`
	ElectedOn      date.Date   `json:"elected_on"`
	ExpectedVoters int         `json:"expected_voters"`
	PresentVoters  int         `json:"present_voters"`
	VotesCast      int         `json:"votes_cast"`
	StartedOn      date.Date   `json:"started_on"`
	Note           string      `json:"note"`
	Posts          []PostInput `json:"posts"`
}

// auditView is in as the audit trail keeps it: the numbers of persons the
// election brings in masked.
func (in ElectionInput) auditView() ElectionInput {
	posts := make([]PostInput, len(in.Posts))
	for i, p := range in.Posts {
		posts[i] = p.auditView()
	}
	in.Posts = posts
	return in
}

// validateElection checks the counts and dates that need no database.
func (s *Store) validateElection(in *ElectionInput) error {
	if in.Number < 0 {
		return i18n.Errf("number", "err.term_number_invalid")
	}
	if in.ExpectedVoters <= 0 {
		return i18n.Errf("expected_voters", "err.voters_expected")
	}
	if in.PresentVoters < 0 || in.PresentVoters > in.ExpectedVoters {
		return i18n.Errf("present_voters", "err.voters_present", in.ExpectedVoters)
	}
	if in.VotesCast < 0 || in.VotesCast > in.PresentVoters {
		return i18n.Errf("votes_cast", "err.votes_cast", in.PresentVoters)
	}
	if err := s.checkDate("elected_on", in.ElectedOn); err != nil {
		return err
	}
	if in.StartedOn.IsZero() {
		in.StartedOn = in.ElectedOn
	}
	if in.StartedOn.Before(in.ElectedOn) {
		return i18n.Errf("started_on", "err.term_starts_before_election", in.ElectedOn.String())
	}
	if err := s.checkDate("started_on", in.StartedOn); err != nil {
		return err
	}
	var err error
	in.Note, err = cleanText("note", in.Note, 500, false)
	return err
}

// Elect records an election and the term it began, ends the previous term
// and its posts, and appoints the elected posts, all in one transaction.
func (s *Store) Elect(ctx context.Context, in ElectionInput) (int64, error) {
	if err := s.validateElection(&in); err != nil {
		return 0, err
	}
	var id int64
	err := s.tx(ctx, func(q db.Q) error {
		o, err := s.loadOrg(ctx, q, "org_id", in.OrgID)
		if err != nil {
			return err
		}
		if err := o.requireActive("elected_on", in.ElectedOn); err != nil {
			return err
		}
		var last struct {
			id, number int64
			started    date.Date
		}
		err = q.QueryRowContext(ctx, "SELECT id, number, started_on FROM term WHERE org_id = ? ORDER BY number DESC LIMIT 1", o.ID).Scan(&last.id, &last.number, &last.started)
		if err != nil && !db.IsNotFound(err) {
			return err
		}
		if in.Number == 0 {
			in.Number = int(last.number) + 1
		}
		if int64(in.Number) <= last.number {
			return i18n.Errf("number", "err.term_number_taken", in.Number, last.number)
		}
		if last.id != 0 {
			if !in.StartedOn.After(last.started) {
				return i18n.Errf("started_on", "err.date_not_after_start", last.started.String())
			}
			if _, err := q.ExecContext(ctx, "UPDATE term SET ended_on = ? WHERE id = ? AND ended_on IS NULL", in.StartedOn, last.id); err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, "UPDATE post SET to_on = ?, end_note = 'term ended' WHERE term_id = ? AND to_on IS NULL AND from_on < ?", in.StartedOn, last.id, in.StartedOn); err != nil {
				return err
			}
		}
		if err := q.QueryRowContext(ctx, `INSERT INTO term (org_id, number, elected_on, expected_voters, present_voters, votes_cast, started_on, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			o.ID, in.Number, in.ElectedOn, in.ExpectedVoters, in.PresentVoters, in.VotesCast, in.StartedOn, in.Note).Scan(&id); err != nil {
			return err
		}
		if err := record(ctx, q, "term.elect", "term", id, nil, in.auditView()); err != nil {
			return err
		}
		for i, p := range in.Posts {
			p.OrgID, p.TermID, p.AreaID = o.ID, id, 0
			if p.From.IsZero() {
				p.From = in.StartedOn
			}
			if p.PersonID == 0 && p.New != nil {
				if p.PersonID, p.broughtIn, err = s.newPostHolder(ctx, q, *p.New); err != nil {
					if e, ok := err.(*i18n.Error); ok {
						e.Field = postField(i, e.Field)
					}
					return err
				}
			}
			if _, err := s.appointIn(ctx, q, p); err != nil {
				if e, ok := err.(*i18n.Error); ok {
					e.Field = postField(i, e.Field)
				}
				return err
			}
		}
		return nil
	})
	return id, wrap("elect", err)
}

// newPostHolder records a person an election brings into the system (or,
// for a scoped caller, into the scope: personFor).
func (s *Store) newPostHolder(ctx context.Context, q db.Q, in PersonInput) (id int64, outside bool, err error) {
	r, err := s.validatePerson(in)
	if err != nil {
		return 0, false, err
	}
	return s.personFor(ctx, q, r)
}

// postField names field of the i-th elected post, e.g. "posts[2].unit_id".
func postField(i int, field string) string {
	return "posts[" + strconv.Itoa(i) + "]." + field
}

// Terms lists the terms of an organisation, latest first.
func (s *Store) Terms(ctx context.Context, orgID int64) ([]Term, error) {
	q := s.DB.Reader()
	if _, err := s.loadOrg(ctx, q, "org_id", orgID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, org_id, number, elected_on, expected_voters, present_voters, votes_cast, started_on, ended_on, note
FROM term WHERE org_id = ? ORDER BY number DESC`, orgID)
	if err != nil {
		return nil, wrap("terms", err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		var t Term
		if err := rows.Scan(&t.ID, &t.OrgID, &t.Number, &t.ElectedOn, &t.ExpectedVoters, &t.PresentVoters, &t.VotesCast, &t.StartedOn, &t.EndedOn, &t.Note); err != nil {
			return nil, wrap("terms", err)
		}
		out = append(out, t)
	}
	return out, wrap("terms", rows.Err())
}
