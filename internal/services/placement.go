package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// ColIDNumber is the pii column a placed person's ID number is bound to.
const ColIDNumber = "placement.id_number"

// BeforeStatus is what the person was before the placement.
type BeforeStatus string

// BeforeStatuses: laid off (下岗) or unemployed (失业).
var BeforeStatuses = []BeforeStatus{"laid_off", "unemployed"}

// PlacementInput is a laid-off or unemployed person placed in work by an
// area (a subdistrict or community) on PlacedOn: where (Employer), what
// kind of work, and who arranged it (PlacedBy).
type PlacementInput struct {
	AreaID       int64        `json:"area_id"`
	Name         string       `json:"name"`
	IDNumber     string       `json:"id_number"`
	BeforeStatus BeforeStatus `json:"before_status"`
	Employer     string       `json:"employer"`
	Work         string       `json:"work,omitempty"`
	PlacedBy     string       `json:"placed_by,omitempty"`
	PlacedOn     date.Date    `json:"placed_on"`
	Note         string       `json:"note,omitempty"`
}

// Placement is a stored placement; IDNumber is masked.
type Placement struct {
	ID           int64        `json:"id"`
	AreaID       int64        `json:"area_id"`
	Name         string       `json:"name"`
	IDNumber     string       `json:"id_number"`
	BeforeStatus BeforeStatus `json:"before_status"`
	Employer     string       `json:"employer"`
	Work         string       `json:"work"`
	PlacedBy     string       `json:"placed_by"`
	PlacedOn     date.Date    `json:"placed_on"`
	EndedOn      date.Date    `json:"ended_on,omitzero"`
	Note         string       `json:"note"`
	idEnc        string
}

// placementText checks the free text and the status of in.
func placementText(in *PlacementInput) error {
	var err error
	if in.Name, err = text("name", in.Name, 40, true); err != nil {
		return err
	}
	if !oneOf(in.BeforeStatus, BeforeStatuses) {
		return i18n.Errf("before_status", "err.placement_status_invalid")
	}
	if in.Employer, err = text("employer", in.Employer, 100, true); err != nil {
		return err
	}
	if in.Work, err = text("work", in.Work, 100, false); err != nil {
		return err
	}
	if in.PlacedBy, err = text("placed_by", in.PlacedBy, 100, false); err != nil {
		return err
	}
	in.Note, err = text("note", in.Note, 500, false)
	return err
}

// masked is in as the audit trail keeps it: the ID number masked.
func (in PlacementInput) masked() PlacementInput {
	in.IDNumber = pii.MaskIDNumber(in.IDNumber)
	return in
}

// CreatePlacement records a placement by an area in the scope. The ID
// number, when known, is checked (GB 11643), stored encrypted and never
// audited in full; the same person placed twice on one day is refused.
func (s *Store) CreatePlacement(ctx context.Context, in PlacementInput) (int64, error) {
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	if err := placementText(&in); err != nil {
		return 0, err
	}
	var enc, hash string
	if pii.Normalize(in.IDNumber) != "" {
		idNumber, _, err := people.ParseIDNumber("id_number", in.IDNumber, s.Today())
		if err != nil {
			return 0, err
		}
		in.IDNumber = idNumber
		if s.Keys == nil {
			return 0, i18n.Errf("id_number", "err.placement_no_key")
		}
		if enc, err = s.Keys.EncryptFor(ColIDNumber, idNumber); err != nil {
			return 0, err
		}
		hash = s.Keys.Hash(ColIDNumber, idNumber)
	}
	if err := s.checkDate("placed_on", in.PlacedOn); err != nil {
		return 0, err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, in.PlacedOn, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM placement WHERE id_number_hash = ? AND placed_on = ?", hash, in.PlacedOn).Scan(&n); err != nil {
			return err
		}
		if hash != "" && n > 0 {
			return &i18n.Error{Field: "id_number", Key: "err.placement_twice", Args: []any{in.PlacedOn.String()}, Err: fault.Conflict}
		}
		if err := q.QueryRowContext(ctx, `INSERT INTO placement (area_id, name, id_number_enc, id_number_hash, before_status, employer, work, placed_by, placed_on, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			in.AreaID, in.Name, db.Null(enc), db.Null(hash), in.BeforeStatus, in.Employer, in.Work, in.PlacedBy, in.PlacedOn, in.Note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "placement.create", "placement", id, in.masked())
	})
	return id, err
}

// PlacementChange corrects a placement's details (not the person's ID
// number, nor the date: a wrong one is a new placement).
type PlacementChange struct {
	Name         string       `json:"name"`
	BeforeStatus BeforeStatus `json:"before_status"`
	Employer     string       `json:"employer"`
	Work         string       `json:"work,omitempty"`
	PlacedBy     string       `json:"placed_by,omitempty"`
	Note         string       `json:"note,omitempty"`
}

// UpdatePlacement corrects a placement in the scope.
func (s *Store) UpdatePlacement(ctx context.Context, id int64, ch PlacementChange) error {
	in := PlacementInput{Name: ch.Name, BeforeStatus: ch.BeforeStatus, Employer: ch.Employer, Work: ch.Work, PlacedBy: ch.PlacedBy, Note: ch.Note}
	if err := placementText(&in); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := s.loadPlacement(ctx, q, "placement_id", id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE placement SET name = ?, before_status = ?, employer = ?, work = ?, placed_by = ?, note = ? WHERE id = ?",
			in.Name, in.BeforeStatus, in.Employer, in.Work, in.PlacedBy, in.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "placement.update", "placement", id, in.masked())
	})
}

// EndPlacement records that the job ended on day.
func (s *Store) EndPlacement(ctx context.Context, id int64, day date.Date) error {
	if err := s.checkDate("ended_on", day); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadPlacement(ctx, q, "placement_id", id)
		if err != nil {
			return err
		}
		if !p.EndedOn.IsZero() {
			return i18n.Errf("ended_on", "err.placement_ended", p.EndedOn.String())
		}
		if err := s.checkEnd("ended_on", p.PlacedOn, day); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE placement SET ended_on = ? WHERE id = ?", day, id); err != nil {
			return err
		}
		return record(ctx, q, "placement.end", "placement", id, map[string]any{"ended_on": day})
	})
}

const placementCols = "p.id, p.area_id, p.name, COALESCE(p.id_number_enc, ''), p.before_status, p.employer, p.work, p.placed_by, p.placed_on, p.ended_on, p.note"

func scanPlacement(row scanner) (Placement, error) {
	var p Placement
	err := row.Scan(&p.ID, &p.AreaID, &p.Name, &p.idEnc, &p.BeforeStatus, &p.Employer, &p.Work, &p.PlacedBy, &p.PlacedOn, &p.EndedOn, &p.Note)
	return p, err
}

// mask fills the masked ID number from the ciphertext ("" when unknown).
func (s *Store) mask(p *Placement) error {
	if p.idEnc == "" {
		return nil
	}
	plain, err := s.Keys.DecryptFor(ColIDNumber, p.idEnc)
	if err != nil {
		return err
	}
	p.IDNumber = pii.MaskIDNumber(plain)
	return nil
}

// loadPlacement reads placement id, masked, refusing one outside the
// scope.
func (s *Store) loadPlacement(ctx context.Context, q db.Q, field string, id int64) (Placement, error) {
	p, err := scanPlacement(q.QueryRowContext(ctx, "SELECT "+placementCols+" FROM placement p WHERE p.id = ?", id))
	if db.IsNotFound(err) {
		return p, notFound(field, "err.placement_unknown", id)
	}
	if err == nil {
		err = s.visible(ctx, field, p.AreaID)
	}
	if err != nil {
		return p, err
	}
	return p, s.mask(&p)
}

// Placement returns one placement in the scope, masked.
func (s *Store) Placement(ctx context.Context, id int64) (Placement, error) {
	return s.loadPlacement(ctx, s.DB.Reader(), "placement_id", id)
}

// PlacementFilter chooses placements: by areas under AreaID (the scope
// when 0), placed from From to To (zero: open).
type PlacementFilter struct {
	AreaID   int64
	From, To date.Date
	After    int64
	Limit    int
}

// ListPlacements lists placements in the scope by id, masked.
func (s *Store) ListPlacements(ctx context.Context, f PlacementFilter) ([]Placement, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, err
	}
	where, args := []string{"p.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("p.area_id")), append(args, root)
	}
	if !f.From.IsZero() {
		where, args = append(where, "p.placed_on >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "p.placed_on <= ?"), append(args, f.To)
	}
	out, err := list(ctx, s.DB.Reader(), scanPlacement, "SELECT "+placementCols+" FROM placement p WHERE "+strings.Join(where, " AND ")+" ORDER BY p.id LIMIT "+itoa(int64(page(f.Limit))), args...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.mask(&out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
