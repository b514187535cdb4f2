package people

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Status of a membership (正式党员 / 预备党员).
type Status string

// Statuses.
const (
	Full         Status = "full"
	Probationary Status = "probationary"
)

// Category of a member (党员类别).
type Category string

// Categories.
const (
	Resident  Category = "resident"
	Retired   Category = "retired"
	InService Category = "in_service"
	Floating  Category = "floating"
)

// StartReason says how a membership began.
type StartReason string

// Start reasons: enrolment into a community branch (应接收的党员纳入管理), a
// transfer in (from another branch in the system, or from outside), joining
// the party, or other.
const (
	Enrolment  StartReason = "enrolment"
	TransferIn StartReason = "transfer_in"
	Joined     StartReason = "joined"
	OtherStart StartReason = "other"
)

// EndReason says how a membership ended.
type EndReason string

// End reasons.
const (
	TransferOut EndReason = "transfer_out"
	Died        EndReason = "died"
	Left        EndReason = "left"
	OtherEnd    EndReason = "other"
)

func oneOf[T ~string](v T, all ...T) bool {
	for _, x := range all {
		if v == x {
			return true
		}
	}
	return false
}

// Membership is one period of a person in a party organisation.
type Membership struct {
	ID            int64       `json:"id"`
	PersonID      int64       `json:"person_id"`
	PersonName    string      `json:"person_name"`
	OrgID         int64       `json:"org_id"`
	OrgName       string      `json:"org_name"`
	Status        Status      `json:"status"`
	Category      Category    `json:"category"`
	JoinedPartyOn date.Date   `json:"joined_party_on"`
	FullOn        date.Date   `json:"full_on,omitzero"`
	From          date.Date   `json:"from"`
	To            date.Date   `json:"to,omitzero"`
	StartReason   StartReason `json:"start_reason"`
	EndReason     EndReason   `json:"end_reason,omitempty"`
	FromOrgName   string      `json:"from_org_name,omitempty"`
	ToOrgName     string      `json:"to_org_name,omitempty"`
	PreviousID    int64       `json:"previous_id,omitempty"`
	Note          string      `json:"note,omitempty"`
}

// MembershipInput starts a membership of PersonID in OrgID on From.
// FromOrgName names the organisation outside the system a transfer in came
// from (required for transfer_in). FullOn is the date a full member became
// full, when known; a probationary member has none.
type MembershipInput struct {
	PersonID      int64       `json:"person_id"`
	OrgID         int64       `json:"org_id"`
	Status        Status      `json:"status"`
	Category      Category    `json:"category"`
	JoinedPartyOn date.Date   `json:"joined_party_on"`
	FullOn        date.Date   `json:"full_on"`
	From          date.Date   `json:"from"`
	Reason        StartReason `json:"reason"`
	FromOrgName   string      `json:"from_org_name"`
	Note          string      `json:"note"`
}

// EnrolInput records a new person together with their first membership.
type EnrolInput struct {
	Person     PersonInput     `json:"person"`
	Membership MembershipInput `json:"membership"`
}

// EndInput ends a membership on On. A transfer out to an organisation
// outside the system names it in ToOrgName.
type EndInput struct {
	MembershipID int64     `json:"membership_id"`
	On           date.Date `json:"on"`
	Reason       EndReason `json:"reason"`
	ToOrgName    string    `json:"to_org_name"`
	Note         string    `json:"note"`
}

// TransferInput moves a member from their open membership to another
// organisation in the system on On; Category, when set, changes with it.
type TransferInput struct {
	MembershipID int64     `json:"membership_id"`
	ToOrgID      int64     `json:"to_org_id"`
	On           date.Date `json:"on"`
	Category     Category  `json:"category"`
	Note         string    `json:"note"`
}

// ConvertInput makes a probationary member full on On (转正).
type ConvertInput struct {
	MembershipID int64     `json:"membership_id"`
	On           date.Date `json:"on"`
}

// validateMembership checks the fields that do not need the database.
func (s *Store) validateMembership(in *MembershipInput) error {
	return firstProblem(s.membershipProblems(in))
}

// membershipProblems checks every field of in and returns every refusal,
// one per field at most.
func (s *Store) membershipProblems(in *MembershipInput) []error {
	var p problems
	if !oneOf(in.Status, Full, Probationary) {
		p.add(i18n.Errf("status", "err.status_invalid"))
	}
	if !oneOf(in.Category, Resident, Retired, InService, Floating) {
		p.add(i18n.Errf("category", "err.category_invalid"))
	}
	if !oneOf(in.Reason, Enrolment, TransferIn, Joined, OtherStart) {
		p.add(i18n.Errf("reason", "err.start_reason_invalid"))
	}
	joinedOK := p.add(s.checkDate("joined_party_on", in.JoinedPartyOn))
	if p.add(s.checkDate("from", in.From)) && joinedOK && in.From.Before(in.JoinedPartyOn) {
		p.add(i18n.Errf("from", "err.from_before_joined", in.JoinedPartyOn.String()))
	}
	switch {
	case in.Status == Probationary && !in.FullOn.IsZero():
		p.add(i18n.Errf("full_on", "err.full_on_probationary"))
	case joinedOK && !in.FullOn.IsZero() && !in.FullOn.After(in.JoinedPartyOn):
		p.add(i18n.Errf("full_on", "err.full_on_before_joined", in.JoinedPartyOn.String()))
	case !in.FullOn.IsZero() && in.FullOn.After(s.Today()):
		p.add(i18n.Errf("full_on", "err.date_future", in.FullOn.String()))
	}
	var err error
	in.FromOrgName, err = cleanText("from_org_name", in.FromOrgName, 100, in.Reason == TransferIn)
	p.add(err)
	in.Note, err = cleanText("note", in.Note, 500, false)
	p.add(err)
	return p.errs
}

// Start begins a membership of an existing person. The organisation must be
// in the scope and active on From, the person visible in the scope, and the
// person must hold no other membership overlapping From onwards.
func (s *Store) Start(ctx context.Context, in MembershipInput) (int64, error) {
	if err := s.validateMembership(&in); err != nil {
		return 0, err
	}
	var id int64
	err := s.tx(ctx, func(q db.Q) error {
		if err := s.allowAttach(ctx, q, in.PersonID); err != nil {
			return err
		}
		var err error
		id, err = s.startIn(ctx, q, in, 0)
		return err
	})
	return id, wrap("start membership", err)
}

// Enrol records a new person and their first membership in one transaction:
// the way a scoped user adds a member.
func (s *Store) Enrol(ctx context.Context, in EnrolInput) (personID, membershipID int64, err error) {
	r, err := s.validatePerson(in.Person)
	if err != nil {
		return 0, 0, err
	}
	if err := s.validateMembership(&in.Membership); err != nil {
		return 0, 0, err
	}
	err = s.tx(ctx, func(q db.Q) error {
		// Check the organisation's scope before anything is written or
		// looked up by ID number.
		if _, err := s.loadOrg(ctx, q, "org_id", in.Membership.OrgID); err != nil {
			return err
		}
		id, outside, err := s.personFor(ctx, q, r)
		if err != nil {
			return err
		}
		if outside {
			if err := enrollable(ctx, q, id, in.Membership.From); err != nil {
				return err
			}
		}
		personID, in.Membership.PersonID = id, id
		membershipID, err = s.startIn(ctx, q, in.Membership, 0)
		return err
	})
	if err != nil {
		return 0, 0, wrap("enrol", err)
	}
	return personID, membershipID, nil
}

// startIn inserts a validated membership after the checks that need the
// database; previous links an in-system transfer.
func (s *Store) startIn(ctx context.Context, q db.Q, in MembershipInput, previous int64) (int64, error) {
	o, err := s.loadOrg(ctx, q, "org_id", in.OrgID)
	if err != nil {
		return 0, err
	}
	if err := o.requireActive("from", in.From); err != nil {
		return 0, err
	}
	var born date.Date
	if err := q.QueryRowContext(ctx, "SELECT birth_date FROM person WHERE id = ?", in.PersonID).Scan(&born); err != nil {
		return 0, &i18n.Error{Field: "person_id", Key: "err.person_not_found", Args: []any{in.PersonID}, Err: ErrNotFound}
	}
	if !born.IsZero() && ageOn(born, in.JoinedPartyOn) < 18 {
		return 0, i18n.Errf("joined_party_on", "err.joined_too_young", born.String())
	}
	if err := checkMembershipOverlap(ctx, q, in.PersonID, in.From, 0); err != nil {
		return 0, err
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO membership (person_id, org_id, status, category, joined_party_on, full_on, from_on, start_reason, from_org_name, previous_id, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		in.PersonID, in.OrgID, in.Status, in.Category, in.JoinedPartyOn, in.FullOn, in.From, in.Reason, in.FromOrgName, nullID(previous), in.Note).Scan(&id)
	if err != nil {
		return 0, err
	}
	action := "membership.start"
	if previous != 0 {
		action = "membership.transfer_in"
	}
	return id, record(ctx, q, action, "membership", id, nil, in)
}

// checkMembershipOverlap refuses a membership from on onwards when the
// person holds another that is open or ends after on.
func checkMembershipOverlap(ctx context.Context, q db.Q, personID int64, on date.Date, except int64) error {
	var m struct {
		org      string
		from, to date.Date
	}
	err := q.QueryRowContext(ctx, `SELECT o.name, m.from_on, m.to_on FROM membership m JOIN party_org o ON o.id = m.org_id
WHERE m.person_id = ? AND m.id <> ? AND (m.to_on IS NULL OR m.to_on > ?) ORDER BY m.from_on LIMIT 1`, personID, except, on).Scan(&m.org, &m.from, &m.to)
	if db.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if m.to.IsZero() {
		return i18n.Errf("from", "err.membership_overlap_open", m.org, m.from.String())
	}
	return i18n.Errf("from", "err.membership_overlap", m.org, m.from.String(), m.to.String())
}

const membershipCols = `m.id, m.person_id, p.name, m.org_id, o.name, m.status, m.category, m.joined_party_on, m.full_on, m.from_on, m.to_on,
m.start_reason, COALESCE(m.end_reason, ''), m.from_org_name, m.to_org_name, COALESCE(m.previous_id, 0), m.note`

const membershipFrom = " FROM membership m JOIN person p ON p.id = m.person_id JOIN party_org o ON o.id = m.org_id"

func scanMembership(row interface{ Scan(...any) error }) (Membership, error) {
	var m Membership
	err := row.Scan(&m.ID, &m.PersonID, &m.PersonName, &m.OrgID, &m.OrgName, &m.Status, &m.Category, &m.JoinedPartyOn, &m.FullOn,
		&m.From, &m.To, &m.StartReason, &m.EndReason, &m.FromOrgName, &m.ToOrgName, &m.PreviousID, &m.Note)
	return m, err
}

// loadMembership reads a membership whose organisation is in the scope.
func (s *Store) loadMembership(ctx context.Context, q db.Q, id int64) (Membership, org, error) {
	m, err := scanMembership(q.QueryRowContext(ctx, "SELECT "+membershipCols+membershipFrom+" WHERE m.id = ?", id))
	if db.IsNotFound(err) {
		if s.scope(ctx) != 0 {
			return m, org{}, outOfScope("membership_id")
		}
		return m, org{}, &i18n.Error{Field: "membership_id", Key: "err.membership_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return m, org{}, err
	}
	o, err := s.loadOrg(ctx, q, "membership_id", m.OrgID)
	return m, o, err
}

// openMembership loads a membership that has not ended and checks that on
// falls after its start.
func (s *Store) openMembership(ctx context.Context, q db.Q, id int64, on date.Date) (Membership, org, error) {
	m, o, err := s.loadMembership(ctx, q, id)
	if err != nil {
		return m, o, err
	}
	if !m.To.IsZero() {
		return m, o, i18n.Errf("membership_id", "err.membership_ended", m.OrgName, m.To.String())
	}
	if !on.After(m.From) {
		return m, o, i18n.Errf("on", "err.date_not_after_start", m.From.String())
	}
	return m, o, nil
}

// End ends a membership (transfer out of the system, death, leaving).
func (s *Store) End(ctx context.Context, in EndInput) error {
	if !oneOf(in.Reason, TransferOut, Died, Left, OtherEnd) {
		return i18n.Errf("reason", "err.end_reason_invalid")
	}
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	to, err := cleanText("to_org_name", in.ToOrgName, 100, in.Reason == TransferOut)
	if err != nil {
		return err
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(q db.Q) error {
		m, _, err := s.openMembership(ctx, q, in.MembershipID, in.On)
		if err != nil {
			return err
		}
		if err := endMembership(ctx, q, m.ID, in.On, in.Reason, to, note); err != nil {
			return err
		}
		return record(ctx, q, "membership.end", "membership", m.ID, m, in)
	})
	return wrap("end membership", err)
}

func endMembership(ctx context.Context, q db.Q, id int64, on date.Date, reason EndReason, toOrg, note string) error {
	_, err := q.ExecContext(ctx, "UPDATE membership SET to_on = ?, end_reason = ?, to_org_name = ?, note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?",
		on, reason, toOrg, note, note, id)
	return err
}

// Transfer moves a member between two organisations in the system: the
// open membership ends on On (transfer_out) and a new one starts the same
// day (transfer_in) in ToOrgID, carrying status, joining date and category.
// Both organisations must be in the scope; the new one active on On.
func (s *Store) Transfer(ctx context.Context, in TransferInput) (int64, error) {
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	if in.Category != "" && !oneOf(in.Category, Resident, Retired, InService, Floating) {
		return 0, i18n.Errf("category", "err.category_invalid")
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(q db.Q) error {
		m, _, err := s.openMembership(ctx, q, in.MembershipID, in.On)
		if err != nil {
			return err
		}
		if m.OrgID == in.ToOrgID {
			return i18n.Errf("to_org_id", "err.transfer_same_org")
		}
		dest, err := s.loadOrg(ctx, q, "to_org_id", in.ToOrgID)
		if err != nil {
			return err
		}
		if err := dest.requireActive("to_org_id", in.On); err != nil {
			return err
		}
		if err := endMembership(ctx, q, m.ID, in.On, TransferOut, dest.Name, note); err != nil {
			return err
		}
		if err := record(ctx, q, "membership.transfer", "membership", m.ID, m, in); err != nil {
			return err
		}
		cat := m.Category
		if in.Category != "" {
			cat = in.Category
		}
		id, err = s.startIn(ctx, q, MembershipInput{
			PersonID: m.PersonID, OrgID: in.ToOrgID, Status: m.Status, Category: cat, JoinedPartyOn: m.JoinedPartyOn,
			FullOn: m.FullOn, From: in.On, Reason: TransferIn, FromOrgName: m.OrgName, Note: note,
		}, m.ID)
		return err
	})
	return id, wrap("transfer", err)
}

// Convert makes a probationary member full on On (转正): the membership
// must be open and probationary, and On after joining and not before the
// membership began.
func (s *Store) Convert(ctx context.Context, in ConvertInput) error {
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	err := s.tx(ctx, func(q db.Q) error {
		m, _, err := s.loadMembership(ctx, q, in.MembershipID)
		if err != nil {
			return err
		}
		if !m.To.IsZero() {
			return i18n.Errf("membership_id", "err.membership_ended", m.OrgName, m.To.String())
		}
		if m.Status != Probationary {
			return i18n.Errf("membership_id", "err.not_probationary")
		}
		if !in.On.After(m.JoinedPartyOn) {
			return i18n.Errf("on", "err.full_on_before_joined", m.JoinedPartyOn.String())
		}
		if in.On.Before(m.From) {
			return i18n.Errf("on", "err.date_before_start", m.From.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE membership SET status = ?, full_on = ? WHERE id = ?", Full, in.On, m.ID); err != nil {
			return err
		}
		return record(ctx, q, "membership.convert", "membership", m.ID, m, in)
	})
	return wrap("convert", err)
}

// History lists a person's memberships, oldest first.
func (s *Store) History(ctx context.Context, personID int64) ([]Membership, error) {
	q := s.DB.Reader()
	if err := s.allowPerson(ctx, q, "person_id", personID, false); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, "SELECT "+membershipCols+membershipFrom+" WHERE m.person_id = ? ORDER BY m.from_on, m.id", personID)
	if err != nil {
		return nil, wrap("history", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		m, err := scanMembership(rows)
		if err != nil {
			return nil, wrap("history", err)
		}
		out = append(out, m)
	}
	return out, wrap("history", rows.Err())
}

// openMembership is the person's membership still open, if any.
func openMembership(ms []Membership) (Membership, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].To.IsZero() {
			return ms[i], true
		}
	}
	return Membership{}, false
}

// OpenMembership is the person's membership still open; a person without
// one is refused with err.no_open_membership.
func (s *Store) OpenMembership(ctx context.Context, personID int64) (Membership, error) {
	ms, err := s.History(ctx, personID)
	if err != nil {
		return Membership{}, err
	}
	m, ok := openMembership(ms)
	if !ok {
		return m, i18n.Errf("person_id", "err.no_open_membership")
	}
	return m, nil
}
