package premises

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
)

// Use is what premises serve: office (办公用房) or service (服务用房/党群服务中心).
type Use string

// Tenure is how a community holds its premises.
type Tenure string

const (
	Office  Use = "office"
	Service Use = "service"

	Owned  Tenure = "owned"
	Rented Tenure = "rented"
	Lent   Tenure = "lent"   // 借用
	Shared Tenure = "shared" // with a unit
)

// Tenures are the tenures in the order a form offers them.
var Tenures = []Tenure{Owned, Rented, Lent, Shared}

// PremisesInput is a community's premises from a date. FloorArea is in
// 0.01 m².
type PremisesInput struct {
	AreaID    int64     `json:"area_id"`
	Address   string    `json:"address"`
	Use       Use       `json:"use"`
	FloorArea int64     `json:"floor_area"`
	Tenure    Tenure    `json:"tenure"`
	FromOn    date.Date `json:"from_on"`
	ToOn      date.Date `json:"to_on"`
	// ProjectID is the building project that built them (0 for none).
	ProjectID int64 `json:"project_id,omitempty"`
}

// OpenPremises records premises of an active community.
func (s *Store) OpenPremises(ctx context.Context, in PremisesInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) (err error) {
		id, err = s.openPremises(ctx, q, in)
		return err
	})
	return id, err
}

// openPremises checks and writes premises inside the caller's transaction
// (a completed project opens its premises in its own).
func (s *Store) openPremises(ctx context.Context, q db.Q, in PremisesInput) (int64, error) {
	address, err := input.Text("address", in.Address, 200, "err.premises_required")
	if err != nil {
		return 0, err
	}
	if in.Use != Office && in.Use != Service {
		return 0, i18n.Errf("use", "err.premises_use_invalid")
	}
	if err := positive("floor_area", in.FloorArea); err != nil {
		return 0, err
	}
	if !validTenure(in.Tenure) {
		return 0, i18n.Errf("tenure", "err.premises_tenure_invalid")
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if err := checkEnd("to_on", in.FromOn, in.ToOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.FromOn); err != nil {
		return 0, err
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO premises (area_id, address, use, floor_area, tenure, project_id, from_on, to_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, address, in.Use, in.FloorArea, in.Tenure, db.NullID(in.ProjectID), in.FromOn, in.ToOn).Scan(&id); err != nil {
		return 0, err
	}
	in.Address = address
	return id, record(ctx, q, "premises.open", "premises", id, in)
}

func validTenure(t Tenure) bool {
	for _, x := range Tenures {
		if x == t {
			return true
		}
	}
	return false
}

// ClosePremises ends premises (and the rooms still in them) on a date.
func (s *Store) ClosePremises(ctx context.Context, id int64, on date.Date) error {
	if err := s.checkDate("to_on", on); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadPremises(ctx, q, id)
		if err != nil {
			return err
		}
		if !p.ToOn.IsZero() {
			return i18n.Errf("to_on", "err.premises_closed", p.ToOn.String())
		}
		if err := checkEnd("to_on", p.FromOn, on); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE premises SET to_on = ? WHERE id = ?", on, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE room SET to_on = ? WHERE premises_id = ? AND to_on IS NULL", on, id); err != nil {
			return err
		}
		return record(ctx, q, "premises.close", "premises", id, map[string]any{"to_on": on})
	})
}

// Premises is a stored premises row.
type Premises struct {
	ID        int64     `json:"id"`
	AreaID    int64     `json:"area_id"`
	Address   string    `json:"address"`
	Use       Use       `json:"use"`
	FloorArea int64     `json:"floor_area"`
	Tenure    Tenure    `json:"tenure"`
	ProjectID int64     `json:"project_id,omitempty"`
	FromOn    date.Date `json:"from_on"`
	ToOn      date.Date `json:"to_on,omitzero"`
}

const premisesCols = "id, area_id, address, use, floor_area, tenure, COALESCE(project_id, 0), from_on, to_on"

func scanPremises(row interface{ Scan(...any) error }) (Premises, error) {
	var p Premises
	err := row.Scan(&p.ID, &p.AreaID, &p.Address, &p.Use, &p.FloorArea, &p.Tenure, &p.ProjectID, &p.FromOn, &p.ToOn)
	return p, err
}

// loadPremises reads premises id, refusing one outside the scope.
func (s *Store) loadPremises(ctx context.Context, q db.Q, id int64) (Premises, error) {
	p, err := scanPremises(q.QueryRowContext(ctx, "SELECT "+premisesCols+" FROM premises WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("premises_id", "err.premises_unknown", id)
	}
	if err != nil {
		return p, err
	}
	if _, err := s.Areas.Get(ctx, p.AreaID); err != nil {
		return p, notFound("premises_id", "err.premises_unknown", id)
	}
	return p, nil
}
