package people

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// The bulk path of the member import (internal/importer): the same checks
// as Enrol, Start, Transfer and Update, run over a batch of rows with one
// query per batch instead of several per row, and written with multi-row
// inserts inside the caller's one transaction. It appends no audit entry of
// its own: the import is one audited action with counts.

// MemberInput is one row of a member import: a person found again by ID
// number, or by PersonNo, and the membership they should hold now.
type MemberInput struct {
	Person     PersonInput
	Membership MembershipInput // PersonID is ignored
	// PersonNo (人员编号) is the person's id in this system, as an export
	// writes it. It finds a person without an ID number, or one whose number
	// the export masked (Person.IDNumber is then empty: the number on record
	// stays). With an ID number as well, both must name the same person.
	PersonNo int64
	// KeepPhone: the export masked the phone number; the one on record stays.
	KeepPhone bool
}

// MemberCheck is a row that passed the checks needing no database.
type MemberCheck struct {
	p              personRow
	m              MembershipInput
	idHash         string
	idEnc, phoneEn string
	personNo       int64
	keepPhone      bool
	// partial: the row has problems of its own; it is checked against the
	// database for the rest (CheckMemberAll) but never written.
	partial bool
}

// Plannable reports whether a row with problems of its own can still be
// checked against the database: it names a person (an ID number that
// reads, or a person number) and its membership's start is known.
func (c *MemberCheck) Plannable() bool {
	return c.partial && (c.idHash != "" || c.personNo != 0) && !c.m.From.IsZero()
}

// Keys are what identify the row's person within a file: the keyed hash
// of its ID number and its person number, whichever it has.
func (c *MemberCheck) Keys() []string {
	var out []string
	if c.idHash != "" {
		out = append(out, c.idHash)
	}
	if c.personNo != 0 {
		out = append(out, "no:"+strconv.FormatInt(c.personNo, 10))
	}
	return out
}

// CheckMember validates a row without the database, as Enrol does, and
// seals its ID and phone numbers. An import row must carry an ID number or
// a person number.
func (s *Store) CheckMember(in MemberInput) (MemberCheck, error) {
	c, errs := s.CheckMemberAll(in)
	return c, firstProblem(errs)
}

// Label names the row's person for a list of problems: the name and the
// ID number masked.
func (c MemberCheck) Label() string {
	return strings.TrimSpace(c.p.name + " " + pii.MaskIDNumber(c.p.idNumber))
}

// CheckMemberAll is CheckMember returning every refusal of the row, at
// most one per field, for an import's dry run to show them all at once.
func (s *Store) CheckMemberAll(in MemberInput) (MemberCheck, []error) {
	var c MemberCheck
	var p problems
	if strings.TrimSpace(in.Person.IDNumber) == "" && in.PersonNo == 0 {
		p.add(i18n.Errf("id_number", "err.import_id_number_required"))
	}
	if in.KeepPhone {
		in.Person.Phone = ""
	}
	r, errs := s.personProblems(in.Person)
	for _, err := range errs {
		p.add(err)
	}
	for _, err := range s.membershipProblems(&in.Membership) {
		p.add(err)
	}
	if !r.birth.IsZero() && !in.Membership.JoinedPartyOn.IsZero() && ageOn(r.birth, in.Membership.JoinedPartyOn) < 18 {
		p.add(i18n.Errf("joined_party_on", "err.joined_too_young", r.birth.String()))
	}
	c.p, c.m, c.personNo, c.keepPhone = r, in.Membership, in.PersonNo, in.KeepPhone
	if len(p.errs) > 0 {
		// What the database can still say of the row (an open membership
		// elsewhere, an ended organisation) is found with the others.
		c.partial = true
		if r.idNumber != "" {
			c.idHash = s.Keys.Hash(ColIDNumber, r.idNumber)
		}
		return c, p.errs
	}
	var err error
	if c.idEnc, c.idHash, c.phoneEn, err = s.sealed(r); err != nil {
		return c, []error{err}
	}
	return c, nil
}

// ImportOrg is a party organisation a row may name, as the import sees it.
type ImportOrg struct {
	ID        int64
	Name      string
	StartedOn date.Date
	EndedOn   date.Date
}

// ImportOrgs lists the party organisations placed in the caller's scope now
// (attached to an area of the subtree, or belonging to a unit located in
// it), ended ones included so that a row naming one gets a precise error.
func (s *Store) ImportOrgs(ctx context.Context) ([]ImportOrg, error) {
	q := s.DB.Reader()
	query := "SELECT o.id, o.name, o.started_on, o.ended_on FROM party_org o"
	var args []any
	if sc := s.scope(ctx); sc != 0 {
		query += " WHERE " + withinNow(orgPlaceNow("o"))
		args = append(args, sc)
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY o.id", args...)
	if err != nil {
		return nil, wrap("import orgs", err)
	}
	defer rows.Close()
	var out []ImportOrg
	for rows.Next() {
		var o ImportOrg
		if err := rows.Scan(&o.ID, &o.Name, &o.StartedOn, &o.EndedOn); err != nil {
			return nil, wrap("import orgs", err)
		}
		out = append(out, o)
	}
	return out, wrap("import orgs", rows.Err())
}

// MemberOutcome is what the import did, or would do, with one row.
type MemberOutcome int

// Outcomes of a member row.
const (
	MemberUnchanged MemberOutcome = iota
	MemberCreated                 // a new person and their membership
	MemberUpdated                 // details, membership fields, a transfer or a new membership
)

// MemberPlan is a checked row with what the database holds for its person.
type MemberPlan struct {
	Line                                          int
	c                                             MemberCheck
	org                                           ImportOrg
	exists                                        bool
	person                                        Person // stored, with the plain phone in Phone
	open                                          Membership
	Outcome                                       MemberOutcome
	personChanged, memberChanged, transfer, start bool
	// setID: the row gives an ID number to a person found by number who
	// had none.
	setID bool
}

// existing is what a batch lookup finds for one person.
type existing struct {
	person Person
	phone  string
	hasID  bool       // an ID number is on record
	open   Membership // ID 0 when the person holds no open membership
}

// PlanMembers checks a batch of rows against the database on q (the reader
// for a dry run, the import's transaction for the real one): organisation
// active on the membership's start, a person outside the scope, a transfer
// that does not follow the open membership, an overlap with an ended one.
// orgs maps each row to the organisation it names (resolved by the caller).
// It returns the plans of the good rows and the error of each bad one, by
// index in checks.
func (s *Store) PlanMembers(ctx context.Context, q db.Q, lines []int, checks []MemberCheck, orgs []ImportOrg, inScope map[int64]bool) ([]MemberPlan, map[int]error, error) {
	byHash, byNo, err := s.lookupMembers(ctx, q, checks)
	if err != nil {
		return nil, nil, err
	}
	bad := map[int]error{}
	plans := make([]MemberPlan, 0, len(checks))
	today := s.Today()
	for i := range checks {
		c := &checks[i]
		pl := MemberPlan{Line: lines[i], c: *c, org: orgs[i]}
		e, err := matchPerson(c, byHash, byNo)
		if err != nil {
			bad[i] = err
			continue
		}
		if e != nil {
			pl.exists, pl.person, pl.open = true, e.person, e.open
			pl.person.Phone = e.phone
			pl.setID = c.idHash != "" && !e.hasID
		}
		if err := s.planOne(ctx, q, &pl, inScope, today); err != nil {
			if _, ok := err.(*i18n.Error); !ok {
				return nil, nil, err
			}
			bad[i] = err
			continue
		}
		plans = append(plans, pl)
	}
	return plans, bad, nil
}

// matchPerson finds the stored person of a row: by ID number, else by
// person number (nil, nil: a new person). A person number that names
// nobody, or another person than the ID number, is refused.
func matchPerson(c *MemberCheck, byHash map[string]existing, byNo map[int64]existing) (*existing, error) {
	if e, ok := byHash[c.idHash]; ok && c.idHash != "" {
		if c.personNo != 0 && c.personNo != e.person.ID {
			return nil, i18n.Errf("person_no", "err.import_person_no_mismatch", c.personNo)
		}
		return &e, nil
	}
	if c.personNo == 0 {
		return nil, nil
	}
	e, ok := byNo[c.personNo]
	if !ok {
		return nil, i18n.Errf("person_no", "err.import_person_no_unknown", c.personNo)
	}
	if c.idHash != "" && e.hasID {
		// The number on record is not the row's (else the hash had matched).
		return nil, i18n.Errf("person_no", "err.import_person_no_mismatch", c.personNo)
	}
	return &e, nil
}

func (s *Store) planOne(ctx context.Context, q db.Q, pl *MemberPlan, inScope map[int64]bool, today date.Date) error {
	m := &pl.c.m
	o := pl.org
	if !pl.exists && pl.c.keepPhone {
		return i18n.Errf("phone", "err.import_phone_masked")
	}
	if !pl.exists {
		if err := (org{Name: o.Name, StartedOn: o.StartedOn, EndedOn: o.EndedOn}).requireActive("from", m.From); err != nil {
			return err
		}
		pl.Outcome = MemberCreated
		return nil
	}
	// A person already known outside the scope: found by person number
	// alone they are "unknown" (numbers are easy to guess); found by ID
	// number they are brought in as a new member would be (personFor), the
	// stored details kept, so that the answer does not tell that they
	// exist.
	broughtIn := false
	if sc := s.scope(ctx); sc != 0 && (pl.open.ID == 0 || !inScope[pl.open.OrgID]) {
		visible, err := personVisible(ctx, q, sc, pl.person.ID, false)
		if err != nil {
			return err
		}
		if !visible {
			if pl.c.idHash == "" {
				return i18n.Errf("person_no", "err.import_person_no_unknown", pl.c.personNo)
			}
			if pl.open.ID != 0 {
				return i18n.Errf("id_number", "err.id_number_not_enrollable")
			}
			if err := enrollable(ctx, q, pl.person.ID, m.From); err != nil {
				return err
			}
			broughtIn = true
		}
	}
	r := pl.c.p
	p := pl.person
	pl.personChanged = p.Name != r.name || p.Gender != r.gender || p.Ethnicity != r.ethnicity || p.BirthDate != r.birth ||
		(!pl.c.keepPhone && p.Phone != r.phone) || p.Education != r.education || p.Address != r.address || pl.setID
	switch {
	case pl.open.ID == 0:
		// No open membership: a new one, which must not overlap an ended one.
		if err := (org{Name: o.Name, StartedOn: o.StartedOn, EndedOn: o.EndedOn}).requireActive("from", m.From); err != nil {
			return err
		}
		if err := checkMembershipOverlap(ctx, q, p.ID, m.From, 0); err != nil {
			return err
		}
		pl.start = true
	case pl.open.OrgID != o.ID:
		// Another organisation: a transfer on the row's date (today when
		// the row gives none after the open membership's start).
		on := m.From
		if !on.After(pl.open.From) {
			on = today
		}
		if !on.After(pl.open.From) {
			return i18n.Errf("from", "err.date_not_after_start", pl.open.From.String())
		}
		if err := (org{Name: o.Name, StartedOn: o.StartedOn, EndedOn: o.EndedOn}).requireActive("org_id", on); err != nil {
			return err
		}
		m.From = on
		pl.transfer = true
	default:
		pl.memberChanged = pl.open.Status != m.Status || pl.open.Category != m.Category || pl.open.JoinedPartyOn != m.JoinedPartyOn ||
			(m.Status == Full && !m.FullOn.IsZero() && pl.open.FullOn != m.FullOn)
		if m.Status == Full && m.FullOn.IsZero() {
			m.FullOn = pl.open.FullOn // a file without 转正日期 keeps the stored one
		}
	}
	if pl.personChanged || pl.memberChanged || pl.transfer || pl.start {
		pl.Outcome = MemberUpdated
	}
	if broughtIn {
		pl.personChanged, pl.setID, pl.Outcome = false, false, MemberCreated
	}
	return nil
}

// lookupMembers finds the persons of a batch by ID hash and by person
// number, with their open membership, in one query.
func (s *Store) lookupMembers(ctx context.Context, q db.Q, checks []MemberCheck) (map[string]existing, map[int64]existing, error) {
	byHash, byNo := map[string]existing{}, map[int64]existing{}
	var hashes, nos []any
	for i := range checks {
		if checks[i].idHash != "" {
			hashes = append(hashes, checks[i].idHash)
		}
		if checks[i].personNo != 0 {
			nos = append(nos, checks[i].personNo)
		}
	}
	var conds []string
	if len(hashes) > 0 {
		conds = append(conds, "p.id_number_hash IN ("+db.Placeholders(len(hashes))+")")
	}
	if len(nos) > 0 {
		conds = append(conds, "p.id IN ("+db.Placeholders(len(nos))+")")
	}
	if len(conds) == 0 {
		return byHash, byNo, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT p.id, COALESCE(p.id_number_hash, ''), p.name, p.gender, p.ethnicity, p.birth_date, COALESCE(p.phone_enc, ''), p.education, p.address,
COALESCE(m.id, 0), COALESCE(m.org_id, 0), COALESCE(m.status, ''), COALESCE(m.category, ''), m.joined_party_on, m.full_on, m.from_on
FROM person p LEFT JOIN membership m ON m.person_id = p.id AND m.to_on IS NULL
WHERE `+strings.Join(conds, " OR "), append(hashes, nos...)...)
	if err != nil {
		return nil, nil, fmt.Errorf("people: lookup members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e existing
		var hash, phoneEnc string
		p, m := &e.person, &e.open
		if err := rows.Scan(&p.ID, &hash, &p.Name, &p.Gender, &p.Ethnicity, &p.BirthDate, &phoneEnc, &p.Education, &p.Address,
			&m.ID, &m.OrgID, &m.Status, &m.Category, &m.JoinedPartyOn, &m.FullOn, &m.From); err != nil {
			return nil, nil, fmt.Errorf("people: lookup members: %w", err)
		}
		if e.phone, err = s.Keys.DecryptFor(ColPhone, phoneEnc); err != nil {
			return nil, nil, err
		}
		e.hasID = hash != ""
		if e.hasID {
			byHash[hash] = e
		}
		byNo[p.ID] = e
	}
	return byHash, byNo, rows.Err()
}

// MemberCounts are what an import did.
type MemberCounts struct {
	Created, Updated, Unchanged int
}

// WriteMembers writes a planned batch inside the import's transaction q:
// new persons and their memberships with multi-row inserts, changed
// details and memberships one by one, a membership in another organisation
// as a transfer (the open one ends transfer_out, the new one starts
// transfer_in linked to it).
func (s *Store) WriteMembers(ctx context.Context, q db.Q, plans []MemberPlan) (MemberCounts, error) {
	var n MemberCounts
	var fresh []*MemberPlan
	for i := range plans {
		pl := &plans[i]
		switch pl.Outcome {
		case MemberCreated:
			fresh = append(fresh, pl)
			n.Created++
		case MemberUpdated:
			n.Updated++
		default:
			n.Unchanged++
		}
	}
	if err := s.insertPersons(ctx, q, fresh); err != nil {
		return n, fmt.Errorf("people: import persons: %w", err)
	}
	starts := append([]*MemberPlan(nil), fresh...)
	for i := range plans {
		pl := &plans[i]
		if pl.Outcome != MemberUpdated {
			continue
		}
		if err := s.updateOne(ctx, q, pl); err != nil {
			return n, fmt.Errorf("people: import line %d: %w", pl.Line, err)
		}
		if pl.start || pl.transfer {
			starts = append(starts, pl)
		}
	}
	if err := insertMemberships(ctx, q, starts); err != nil {
		return n, fmt.Errorf("people: import memberships: %w", err)
	}
	return n, nil
}

// bulkRows is how many rows one multi-row insert carries (11 columns ×
// 500 stays under both engines' parameter limits).
const bulkRows = 500

func (s *Store) insertPersons(ctx context.Context, q db.Q, pls []*MemberPlan) error {
	for len(pls) > 0 {
		k := min(len(pls), bulkRows)
		part := pls[:k]
		pls = pls[k:]
		var b strings.Builder
		b.WriteString("INSERT INTO person (name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, phone_enc, education, address) VALUES ")
		args := make([]any, 0, 9*k)
		hashes := make([]any, 0, k)
		byHash := make(map[string]*MemberPlan, k)
		for i, pl := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?)")
			r := pl.c.p
			args = append(args, r.name, r.gender, r.ethnicity, r.birth, db.Null(pl.c.idEnc), pl.c.idHash, db.Null(pl.c.phoneEn), r.education, r.address)
			hashes = append(hashes, pl.c.idHash)
			byHash[pl.c.idHash] = pl
		}
		if _, err := q.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		// Multi-row RETURNING promises no order: read the ids back by hash.
		rows, err := q.QueryContext(ctx, "SELECT id, id_number_hash FROM person WHERE id_number_hash IN ("+db.Placeholders(len(hashes))+")", hashes...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return err
			}
			byHash[h].person.ID = id
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}

func insertMemberships(ctx context.Context, q db.Q, pls []*MemberPlan) error {
	for len(pls) > 0 {
		k := min(len(pls), bulkRows)
		part := pls[:k]
		pls = pls[k:]
		var b strings.Builder
		b.WriteString("INSERT INTO membership (person_id, org_id, status, category, joined_party_on, full_on, from_on, start_reason, from_org_name, previous_id, note) VALUES ")
		args := make([]any, 0, 11*k)
		for i, pl := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			m := pl.c.m
			reason, fromOrg, prev := m.Reason, m.FromOrgName, int64(0)
			if pl.transfer {
				reason, fromOrg, prev = TransferIn, pl.open.OrgName, pl.open.ID
			}
			args = append(args, pl.person.ID, pl.org.ID, m.Status, m.Category, m.JoinedPartyOn, m.FullOn, m.From, reason, fromOrg, nullID(prev), m.Note)
		}
		if _, err := q.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// updateOne changes an existing person's details and membership.
func (s *Store) updateOne(ctx context.Context, q db.Q, pl *MemberPlan) error {
	r := pl.c.p
	if pl.personChanged {
		set := "name = ?, gender = ?, ethnicity = ?, birth_date = ?, education = ?, address = ?"
		args := []any{r.name, r.gender, r.ethnicity, r.birth, r.education, r.address}
		if !pl.c.keepPhone {
			set += ", phone_enc = ?"
			args = append(args, db.Null(pl.c.phoneEn))
		}
		if pl.setID {
			set += ", id_number_enc = ?, id_number_hash = ?"
			args = append(args, pl.c.idEnc, pl.c.idHash)
		}
		if _, err := q.ExecContext(ctx, "UPDATE person SET "+set+" WHERE id = ?", append(args, pl.person.ID)...); err != nil {
			return err
		}
	}
	m := pl.c.m
	switch {
	case pl.transfer:
		if err := q.QueryRowContext(ctx, "SELECT name FROM party_org WHERE id = ?", pl.open.OrgID).Scan(&pl.open.OrgName); err != nil {
			return err
		}
		return endMembership(ctx, q, pl.open.ID, m.From, TransferOut, pl.org.Name, "")
	case pl.memberChanged:
		_, err := q.ExecContext(ctx, "UPDATE membership SET status = ?, category = ?, joined_party_on = ?, full_on = ? WHERE id = ?",
			m.Status, m.Category, m.JoinedPartyOn, m.FullOn, pl.open.ID)
		return err
	}
	return nil
}
