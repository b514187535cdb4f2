package people

import (
	"context"
	"database/sql"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// RegistrationKind says who registers with a community (双报到).
type RegistrationKind string

// Registration kinds: an in-service member with their community of
// residence, a stationed unit's party organisation with its community.
const (
	MemberRegistration RegistrationKind = "member"
	UnitRegistration   RegistrationKind = "unit"
)

// Registration is one registration with a community from a date to a date.
type Registration struct {
	ID       int64            `json:"id"`
	Kind     RegistrationKind `json:"kind"`
	PersonID int64            `json:"person_id,omitempty"`
	OrgID    int64            `json:"org_id,omitempty"`
	Name     string           `json:"name"` // the person's or the organisation's
	AreaID   int64            `json:"area_id"`
	From     date.Date        `json:"from"`
	To       date.Date        `json:"to,omitzero"`
	Note     string           `json:"note,omitempty"`
}

// RegistrationInput registers, from From, an in-service member (PersonID;
// they must hold an in-service membership on that date) or a unit's party
// organisation (OrgID) with the community AreaID.
type RegistrationInput struct {
	Kind     RegistrationKind `json:"kind"`
	PersonID int64            `json:"person_id"`
	OrgID    int64            `json:"org_id"`
	AreaID   int64            `json:"area_id"`
	From     date.Date        `json:"from"`
	Note     string           `json:"note"`
}

// EndRegistrationInput ends a registration on On.
type EndRegistrationInput struct {
	RegistrationID int64     `json:"registration_id"`
	On             date.Date `json:"on"`
}

// Register records a dual registration.
func (s *Store) Register(ctx context.Context, in RegistrationInput) (int64, error) {
	if err := s.checkDate("from", in.From); err != nil {
		return 0, err
	}
	note, err := cleanText("note", in.Note, 500, false)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(q db.Q) error {
		if _, err := s.checkCommunity(ctx, q, "area_id", in.AreaID, in.From); err != nil {
			return err
		}
		var who string
		var whoID int64
		switch in.Kind {
		case MemberRegistration:
			if in.OrgID != 0 {
				return i18n.Errf("org_id", "err.registration_member_no_org")
			}
			if err := s.allowAttach(ctx, q, in.PersonID); err != nil {
				return err
			}
			var n int
			if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM membership WHERE person_id = ? AND category = 'in_service'
AND from_on <= ? AND (to_on IS NULL OR ? < to_on)`, in.PersonID, in.From, in.From).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return i18n.Errf("person_id", "err.registration_not_in_service", in.From.String())
			}
			who, whoID = "person_id", in.PersonID
		case UnitRegistration:
			if in.PersonID != 0 {
				return i18n.Errf("person_id", "err.registration_unit_no_person")
			}
			o, err := s.loadOrg(ctx, q, "org_id", in.OrgID)
			if err != nil {
				return err
			}
			if o.UnitID == 0 {
				return i18n.Errf("org_id", "err.registration_org_not_unit", o.Name)
			}
			if err := o.requireActive("from", in.From); err != nil {
				return err
			}
			who, whoID = "org_id", in.OrgID
		default:
			return i18n.Errf("kind", "err.registration_kind_invalid")
		}
		var since date.Date
		err := q.QueryRowContext(ctx, "SELECT from_on FROM registration WHERE "+who+" = ? AND (to_on IS NULL OR to_on > ?) ORDER BY from_on LIMIT 1",
			whoID, in.From).Scan(&since)
		if err == nil {
			return i18n.Errf("from", "err.registration_overlap", since.String())
		}
		if !db.IsNotFound(err) {
			return err
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO registration (kind, person_id, org_id, area_id, from_on, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			in.Kind, nullID(in.PersonID), nullID(in.OrgID), in.AreaID, in.From, note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "registration.create", "registration", id, nil, in)
	})
	return id, wrap("register", err)
}

// EndRegistration ends a registration (moving house, leaving the unit).
func (s *Store) EndRegistration(ctx context.Context, in EndRegistrationInput) error {
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	err := s.tx(ctx, func(q db.Q) error {
		r, err := s.loadRegistration(ctx, q, in.RegistrationID)
		if err != nil {
			return err
		}
		if !r.To.IsZero() {
			return i18n.Errf("registration_id", "err.registration_ended", r.To.String())
		}
		if !in.On.After(r.From) {
			return i18n.Errf("on", "err.date_not_after_start", r.From.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE registration SET to_on = ? WHERE id = ?", in.On, r.ID); err != nil {
			return err
		}
		return record(ctx, q, "registration.end", "registration", r.ID, r, in)
	})
	return wrap("end registration", err)
}

const registrationCols = `r.id, r.kind, COALESCE(r.person_id, 0), COALESCE(r.org_id, 0), COALESCE(pe.name, o.name, ''), r.area_id, r.from_on, r.to_on, r.note`

const registrationFrom = " FROM registration r LEFT JOIN person pe ON pe.id = r.person_id LEFT JOIN party_org o ON o.id = r.org_id"

func scanRegistration(row interface{ Scan(...any) error }) (Registration, error) {
	var r Registration
	err := row.Scan(&r.ID, &r.Kind, &r.PersonID, &r.OrgID, &r.Name, &r.AreaID, &r.From, &r.To, &r.Note)
	return r, err
}

func (s *Store) loadRegistration(ctx context.Context, q db.Q, id int64) (Registration, error) {
	r, err := scanRegistration(q.QueryRowContext(ctx, "SELECT "+registrationCols+registrationFrom+" WHERE r.id = ?", id))
	if db.IsNotFound(err) {
		if s.scope(ctx) != 0 {
			return r, outOfScope("registration_id")
		}
		return r, &i18n.Error{Field: "registration_id", Key: "err.registration_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return r, err
	}
	return r, s.allowArea(ctx, q, "registration_id", r.AreaID)
}

// Registrations lists the registrations of one kind ("" for both) with the
// community areaID active on on, by name.
func (s *Store) Registrations(ctx context.Context, areaID int64, kind RegistrationKind, on date.Date) ([]Registration, error) {
	q := s.DB.Reader()
	if err := s.allowArea(ctx, q, "area_id", areaID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, "SELECT "+registrationCols+registrationFrom+
		` WHERE r.area_id = ?1 AND (?2 = '' OR r.kind = ?2) AND r.from_on <= ?3 AND (r.to_on IS NULL OR ?3 < r.to_on)
ORDER BY r.kind, 5, r.id`, areaID, string(kind), on)
	if err != nil {
		return nil, wrap("registrations", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows) (Registration, error) { return scanRegistration(r) })
	return out, wrap("registrations", err)
}

// Registration reads one registration inside the caller's scope.
func (s *Store) Registration(ctx context.Context, id int64) (Registration, error) {
	return s.loadRegistration(ctx, s.DB.Reader(), id)
}
