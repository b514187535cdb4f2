package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// Gender of a person.
type Gender string

// Genders.
const (
	Male   Gender = "male"
	Female Gender = "female"
)

// Education is the highest level of schooling (学历).
type Education string

// Education levels; "" is unknown.
const (
	Postgraduate        Education = "postgraduate"         // 研究生
	Bachelor            Education = "bachelor"             // 大学本科
	College             Education = "college"              // 大学专科
	SecondaryVocational Education = "secondary_vocational" // 中专
	HighSchool          Education = "high_school"          // 高中
	JuniorHigh          Education = "junior_high"          // 初中
	PrimaryOrBelow      Education = "primary_or_below"     // 小学及以下
)

// Educations lists every level, highest first.
var Educations = []Education{Postgraduate, Bachelor, College, SecondaryVocational, HighSchool, JuniorHigh, PrimaryOrBelow}

func (e Education) valid() bool {
	if e == "" {
		return true
	}
	for _, x := range Educations {
		if x == e {
			return true
		}
	}
	return false
}

// Person is one person as shown: ID and phone numbers masked. Stored values
// stay encrypted; see Store.Reveal for the full values.
type Person struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Gender    Gender    `json:"gender"`
	Ethnicity string    `json:"ethnicity,omitempty"`
	BirthDate date.Date `json:"birth_date,omitzero"`
	IDNumber  string    `json:"id_number,omitempty"` // masked
	Phone     string    `json:"phone,omitempty"`     // masked
	Education Education `json:"education,omitempty"`
	Address   string    `json:"address,omitempty"`
	// stored ciphertexts, for Reveal.
	idEnc, phoneEnc string
}

// PersonInput creates or changes a person. IDNumber and Phone are the plain
// values; they are checked, then stored encrypted. BirthDate may be left
// empty when the ID number gives it; when both are given they must agree.
type PersonInput struct {
	Name      string    `json:"name"`
	Gender    Gender    `json:"gender"`
	Ethnicity string    `json:"ethnicity"`
	BirthDate date.Date `json:"birth_date"`
	IDNumber  string    `json:"id_number"`
	Phone     string    `json:"phone"`
	Education Education `json:"education"`
	Address   string    `json:"address"`
}

// personRow is a validated input ready to store.
type personRow struct {
	name, ethnicity, address string
	gender                   Gender
	education                Education
	birth                    date.Date
	idNumber, phone          string // canonical plain values
}

// auditView is what the audit trail keeps of a person: never the full ID or
// phone number.
func (r personRow) auditView() map[string]any {
	return map[string]any{
		"name": r.name, "gender": r.gender, "ethnicity": r.ethnicity, "birth_date": r.birth,
		"id_number": pii.MaskIDNumber(r.idNumber), "phone": pii.MaskPhone(r.phone),
		"education": r.education, "address": r.address,
	}
}

// masked is in as the audit trail may keep it: the ID and phone numbers
// masked like a stored person's.
func (in PersonInput) masked() PersonInput {
	in.IDNumber, in.Phone = pii.MaskIDNumber(in.IDNumber), pii.MaskPhone(in.Phone)
	return in
}

// validatePerson checks every field of in.
func (s *Store) validatePerson(in PersonInput) (personRow, error) {
	r, errs := s.personProblems(in)
	return r, firstProblem(errs)
}

// personProblems checks every field of in and returns every refusal, one
// per field at most, so that a sheet's row shows them all at once.
func (s *Store) personProblems(in PersonInput) (personRow, []error) {
	var r personRow
	var p problems
	var err error
	r.name, err = cleanText("name", in.Name, 40, true)
	p.add(err)
	switch in.Gender {
	case Male, Female:
		r.gender = in.Gender
	default:
		p.add(i18n.Errf("gender", "err.gender_invalid"))
	}
	r.ethnicity, err = cleanText("ethnicity", in.Ethnicity, 20, false)
	p.add(err)
	r.address, err = cleanText("address", in.Address, 200, false)
	p.add(err)
	if !in.Education.valid() {
		p.add(i18n.Errf("education", "err.education_invalid"))
	}
	r.education = in.Education
	today := s.Today()
	r.birth = in.BirthDate
	birthKnown := true
	if pii.Normalize(in.IDNumber) != "" {
		id, born, err := ParseIDNumber("id_number", in.IDNumber, today)
		switch {
		case err != nil:
			p.add(err)
			birthKnown = !r.birth.IsZero()
		case !r.birth.IsZero() && r.birth != born:
			p.add(i18n.Errf("birth_date", "err.birth_date_mismatch", r.birth.String(), born.String()))
		default:
			r.idNumber, r.birth = id, born
		}
	}
	switch {
	case r.birth.IsZero() && birthKnown:
		p.add(i18n.Errf("birth_date", "err.birth_date_required"))
	case r.birth.After(today):
		p.add(i18n.Errf("birth_date", "err.date_future", r.birth.String()))
	}
	r.phone, err = ParsePhone("phone", in.Phone)
	p.add(err)
	return r, p.errs
}

// sealed returns the stored forms: ciphertexts and the lookup hash.
func (s *Store) sealed(r personRow) (idEnc, idHash, phoneEnc string, err error) {
	if idEnc, err = s.Keys.EncryptFor(ColIDNumber, r.idNumber); err != nil {
		return
	}
	idHash = s.Keys.Hash(ColIDNumber, r.idNumber)
	phoneEnc, err = s.Keys.EncryptFor(ColPhone, r.phone)
	return
}

// Create records a person. A scoped user records people through Enrol (a
// person with their first membership), so nobody is created out of reach of
// the subtree that created them; Create itself is for unscoped callers.
func (s *Store) Create(ctx context.Context, in PersonInput) (int64, error) {
	if s.scope(ctx) != 0 {
		return 0, i18n.Errf("", "err.person_needs_place")
	}
	r, err := s.validatePerson(in)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.insertPerson(ctx, q, r)
		return err
	})
	return id, wrap("create person", err)
}

// insertPerson stores a validated person and audits it.
func (s *Store) insertPerson(ctx context.Context, q db.Q, r personRow) (int64, error) {
	idEnc, idHash, phoneEnc, err := s.sealed(r)
	if err != nil {
		return 0, err
	}
	if idHash != "" {
		var other int64
		err := q.QueryRowContext(ctx, "SELECT id FROM person WHERE id_number_hash = ?", idHash).Scan(&other)
		if err == nil {
			return 0, &i18n.Error{Field: "id_number", Key: "err.id_number_taken", Err: db.ErrConflict}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO person (name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, phone_enc, education, address)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.name, r.gender, r.ethnicity, r.birth, db.Null(idEnc), db.Null(idHash), db.Null(phoneEnc), r.education, r.address).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, record(ctx, q, "person.create", "person", id, nil, r.auditView())
}

// Update changes a person's details. A scoped user may change only a person
// who currently has a membership, registration or post in the subtree.
func (s *Store) Update(ctx context.Context, id int64, in PersonInput) error {
	r, err := s.validatePerson(in)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(q db.Q) error {
		if err := s.allowPerson(ctx, q, "person_id", id, true); err != nil {
			return err
		}
		before, err := s.loadPerson(ctx, q, id)
		if err != nil {
			return err
		}
		idEnc, idHash, phoneEnc, err := s.sealed(r)
		if err != nil {
			return err
		}
		if idHash != "" {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM person WHERE id_number_hash = ? AND id <> ?", idHash, id).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &i18n.Error{Field: "id_number", Key: "err.id_number_taken", Err: db.ErrConflict}
			}
		}
		if _, err := q.ExecContext(ctx, `UPDATE person SET name = ?, gender = ?, ethnicity = ?, birth_date = ?, id_number_enc = ?, id_number_hash = ?,
phone_enc = ?, education = ?, address = ? WHERE id = ?`,
			r.name, r.gender, r.ethnicity, r.birth, db.Null(idEnc), db.Null(idHash), db.Null(phoneEnc), r.education, r.address, id); err != nil {
			return err
		}
		return record(ctx, q, "person.update", "person", id, before, r.auditView())
	})
	return wrap("update person", err)
}

const personCols = "p.id, p.name, p.gender, p.ethnicity, p.birth_date, COALESCE(p.id_number_enc, ''), COALESCE(p.phone_enc, ''), p.education, p.address"

func scanPerson(row interface{ Scan(...any) error }) (Person, error) {
	var p Person
	err := row.Scan(&p.ID, &p.Name, &p.Gender, &p.Ethnicity, &p.BirthDate, &p.idEnc, &p.phoneEnc, &p.Education, &p.Address)
	return p, err
}

// mask fills the masked ID and phone numbers from the stored ciphertexts.
func (s *Store) mask(p *Person) error {
	var err error
	if p.IDNumber, err = s.Keys.Masked(s.idField(p.ID), p.idEnc); err != nil {
		return err
	}
	p.Phone, err = s.Keys.Masked(s.phoneField(p.ID), p.phoneEnc)
	return err
}

func (s *Store) idField(id int64) pii.Field {
	return pii.Field{Column: ColIDNumber, TargetType: "person", TargetID: strconv.FormatInt(id, 10), Mask: pii.MaskIDNumber}
}

func (s *Store) phoneField(id int64) pii.Field {
	return pii.Field{Column: ColPhone, TargetType: "person", TargetID: strconv.FormatInt(id, 10), Mask: pii.MaskPhone}
}

// loadPerson reads one person, masked, without a scope check.
func (s *Store) loadPerson(ctx context.Context, q db.Q, id int64) (Person, error) {
	p, err := scanPerson(q.QueryRowContext(ctx, "SELECT "+personCols+" FROM person p WHERE p.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &i18n.Error{Field: "person_id", Key: "err.person_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return p, err
	}
	return p, s.mask(&p)
}

// Get returns one person, masked. A person outside the scope is refused as
// out of scope whether or not they exist.
func (s *Store) Get(ctx context.Context, id int64) (Person, error) {
	q := s.DB.Reader()
	if err := s.allowPerson(ctx, q, "person_id", id, false); err != nil {
		return Person{}, err
	}
	p, err := s.loadPerson(ctx, q, id)
	return p, wrap("get person", err)
}

// FindByIDNumber returns the person with this ID number (18 or 15 digits,
// any case or width), found through the keyed hash. For a scoped caller a
// person outside the subtree is answered exactly as a number nobody has
// (ErrNotFound, err.person_id_number_unknown), so that typing numbers does
// not tell who is recorded elsewhere. Every lookup is audited (the number
// masked) and limited per account (lookupsPerMinute).
func (s *Store) FindByIDNumber(ctx context.Context, idNumber string) (Person, error) {
	id, _, err := ParseIDNumber("id_number", idNumber, s.Today())
	if err != nil {
		return Person{}, err
	}
	actor := audit.ActorFrom(ctx)
	if ok, err := s.lookups.Allow(ctx, actor.Username); err != nil {
		return Person{}, err
	} else if !ok {
		return Person{}, &i18n.Error{Field: "id_number", Key: "err.id_lookup_rate", Args: []any{lookupsPerMinute}, Err: fault.Conflict}
	}
	unknown := &i18n.Error{Field: "id_number", Key: "err.person_id_number_unknown", Err: ErrNotFound}
	q := s.DB.Reader()
	var pid int64
	err = q.QueryRowContext(ctx, "SELECT id FROM person WHERE id_number_hash = ?", s.Keys.Hash(ColIDNumber, id)).Scan(&pid)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Person{}, s.auditLookup(ctx, id, 0, unknown)
	case err != nil:
		return Person{}, wrap("find person", err)
	}
	p, err := s.Get(ctx, pid)
	if errors.Is(err, ErrOutOfScope) || errors.Is(err, ErrNotFound) {
		return Person{}, s.auditLookup(ctx, id, pid, unknown)
	}
	if err != nil {
		return Person{}, err
	}
	return p, s.auditLookup(ctx, id, pid, nil)
}

// lookupsPerMinute bounds an account's ID-number lookups.
const lookupsPerMinute = 30

// auditLookup records an ID-number lookup (the number masked; the person
// found, even outside the caller's scope, for the auditor) and returns
// answer, the lookup's outcome for the caller.
func (s *Store) auditLookup(ctx context.Context, idNumber string, pid int64, answer error) error {
	target := ""
	if pid != 0 {
		target = strconv.FormatInt(pid, 10)
	}
	outcome := audit.OutcomeOK
	if answer != nil {
		outcome = audit.OutcomeDenied
	}
	if err := audit.Write(ctx, s.DB, audit.Entry{Action: "person.lookup", TargetType: "person", TargetID: target, Outcome: outcome,
		Detail: pii.MaskIDNumber(idNumber)}); err != nil {
		return fmt.Errorf("people: audit lookup: %w", err)
	}
	return answer
}

// Reveal returns a person's full ID number and phone for a caller allowed to
// see them; every reveal (and every refused one) is audited without the
// values.
func (s *Store) Reveal(ctx context.Context, id int64, allowed bool) (idNumber, phone string, err error) {
	q := s.DB.Reader()
	if err := s.allowPerson(ctx, q, "person_id", id, false); err != nil {
		return "", "", err
	}
	p, err := scanPerson(q.QueryRowContext(ctx, "SELECT "+personCols+" FROM person p WHERE p.id = ?", id))
	if err != nil {
		return "", "", wrap("reveal", err)
	}
	if idNumber, err = s.Keys.Reveal(ctx, s.DB, allowed, s.idField(id), p.idEnc); err != nil {
		return "", "", err
	}
	if phone, err = s.Keys.Reveal(ctx, s.DB, allowed, s.phoneField(id), p.phoneEnc); err != nil {
		return "", "", err
	}
	return idNumber, phone, nil
}
