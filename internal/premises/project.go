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

// Step is a step of a building project, reached in this order.
type Step string

// Steps are the steps in order: 选址论证, 资金落实, 报建审批, 开工, 竣工.
var Steps = []Step{"siting", "funding", "approval", "construction", "completed"}

// Completed is the last step: it opens the premises the project built.
const Completed Step = "completed"

// Source is where a project's money came from: the four shares (四个一点:
// city, district, subdistrict, the committee itself) and beyond.
type Source string

// Sources are the sources in the order the speech names them.
var Sources = []Source{"city", "district", "subdistrict", "self", "unit", "other"}

// ProjectInput is a community's building project (办公用房建设); Cost is
// its estimated cost in fen (0 when not known).
type ProjectInput struct {
	AreaID    int64     `json:"area_id"`
	Name      string    `json:"name"`
	Cost      int64     `json:"cost"`
	StartedOn date.Date `json:"started_on"`
	Note      string    `json:"note"`
}

// CreateProject records a project of an active community.
func (s *Store) CreateProject(ctx context.Context, in ProjectInput) (int64, error) {
	name, err := input.Text("name", in.Name, 100, "err.premises_required")
	if err != nil {
		return 0, err
	}
	note, err := input.Text("note", in.Note, 500, "")
	if err != nil {
		return 0, err
	}
	if in.Cost < 0 {
		return 0, i18n.Errf("cost", "err.premises_money_invalid")
	}
	if err := s.checkDate("started_on", in.StartedOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.StartedOn); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO building_project (area_id, name, cost, started_on, note) VALUES (?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, name, in.Cost, in.StartedOn, note).Scan(&id); err != nil {
			return err
		}
		in.Name, in.Note = name, note
		return record(ctx, q, "building_project.create", "building_project", id, in)
	})
	return id, err
}

// StepInput reaches a step of a project on a date. Completing takes the
// premises the project built, opened on that day in the same transaction.
type StepInput struct {
	ProjectID int64          `json:"project_id"`
	Step      Step           `json:"step"`
	On        date.Date      `json:"on"`
	Note      string         `json:"note"`
	Premises  *PremisesInput `json:"premises,omitempty"`
}

// ReachStep records a step: the steps come in order, each dated on or
// after the one before and not before the project started; completing
// opens the premises and is refused while the funding received exceeds the
// cost with no note saying why.
func (s *Store) ReachStep(ctx context.Context, in StepInput) error {
	order := stepIndex(in.Step)
	if order < 0 {
		return i18n.Errf("step", "err.step_invalid")
	}
	note, err := input.Text("note", in.Note, 500, "")
	if err != nil {
		return err
	}
	if err := s.checkDate("on", in.On); err != nil {
		return err
	}
	if in.Step == Completed && in.Premises == nil {
		return i18n.Errf("premises", "err.step_completed_needs_premises")
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadProject(ctx, q, in.ProjectID)
		if err != nil {
			return err
		}
		if in.On.Before(p.StartedOn) {
			return i18n.Errf("on", "err.step_before_project", p.StartedOn.String())
		}
		if len(p.Steps) != order {
			if len(p.Steps) > order {
				return i18n.Errf("step", "err.step_reached", string(in.Step))
			}
			return i18n.Errf("step", "err.step_out_of_order", string(Steps[len(p.Steps)]))
		}
		if order > 0 {
			if last := p.Steps[order-1]; in.On.Before(last.On) {
				return i18n.Errf("on", "err.step_before_previous", last.On.String())
			}
		}
		if in.Step == Completed {
			if p.Cost > 0 && p.Funded > p.Cost && note == "" {
				return i18n.Errf("note", "err.project_funding_over_cost", Wan(p.Funded), Wan(p.Cost))
			}
			pi := *in.Premises
			pi.AreaID, pi.FromOn, pi.ProjectID = p.AreaID, in.On, p.ID
			if _, err := s.openPremises(ctx, q, pi); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO project_step (project_id, step, reached_on, note) VALUES (?, ?, ?, ?)",
			p.ID, in.Step, in.On, note); err != nil {
			return err
		}
		in.Note = note
		return record(ctx, q, "building_project.step", "building_project", p.ID, in)
	})
}

func stepIndex(st Step) int {
	for i, x := range Steps {
		if x == st {
			return i
		}
	}
	return -1
}

// FundingInput is money a project received from a source, in fen.
type FundingInput struct {
	ProjectID  int64     `json:"project_id"`
	Source     Source    `json:"source"`
	Amount     int64     `json:"amount"`
	ReceivedOn date.Date `json:"received_on"`
	Note       string    `json:"note"`
}

// AddFunding records money received; once a project is completed, funding
// that takes it above its cost needs a note.
func (s *Store) AddFunding(ctx context.Context, in FundingInput) (int64, error) {
	if !validSource(in.Source) {
		return 0, i18n.Errf("source", "err.funding_source_invalid")
	}
	if err := positive("amount", in.Amount); err != nil {
		return 0, err
	}
	note, err := input.Text("note", in.Note, 500, "")
	if err != nil {
		return 0, err
	}
	if err := s.checkDate("received_on", in.ReceivedOn); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadProject(ctx, q, in.ProjectID)
		if err != nil {
			return err
		}
		if in.ReceivedOn.Before(p.StartedOn) {
			return i18n.Errf("received_on", "err.step_before_project", p.StartedOn.String())
		}
		if p.Done() && p.Cost > 0 && p.Funded+in.Amount > p.Cost && note == "" {
			return i18n.Errf("note", "err.project_funding_over_cost", Wan(p.Funded+in.Amount), Wan(p.Cost))
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO project_funding (project_id, source, amount, received_on, note) VALUES (?, ?, ?, ?, ?) RETURNING id",
			p.ID, in.Source, in.Amount, in.ReceivedOn, note).Scan(&id); err != nil {
			return err
		}
		in.Note = note
		return record(ctx, q, "project_funding.add", "project_funding", id, in)
	})
	return id, err
}

func validSource(src Source) bool {
	for _, x := range Sources {
		if x == src {
			return true
		}
	}
	return false
}

// WaiverInput is a fee waived for a project (减免收费), in fen.
type WaiverInput struct {
	ProjectID int64     `json:"project_id"`
	Amount    int64     `json:"amount"`
	WaivedBy  string    `json:"waived_by"`
	On        date.Date `json:"on"`
}

// AddWaiver records a fee waived for a project.
func (s *Store) AddWaiver(ctx context.Context, in WaiverInput) (int64, error) {
	by, err := input.Text("waived_by", in.WaivedBy, 100, "err.premises_required")
	if err != nil {
		return 0, err
	}
	if err := positive("amount", in.Amount); err != nil {
		return 0, err
	}
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadProject(ctx, q, in.ProjectID)
		if err != nil {
			return err
		}
		if in.On.Before(p.StartedOn) {
			return i18n.Errf("on", "err.step_before_project", p.StartedOn.String())
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO project_waiver (project_id, amount, waived_by, on_date) VALUES (?, ?, ?, ?) RETURNING id",
			p.ID, in.Amount, by, in.On).Scan(&id); err != nil {
			return err
		}
		in.WaivedBy = by
		return record(ctx, q, "project_waiver.add", "project_waiver", id, in)
	})
	return id, err
}

// Project is a building project with the steps it reached and the money
// it received.
type Project struct {
	ID        int64         `json:"id"`
	AreaID    int64         `json:"area_id"`
	Name      string        `json:"name"`
	Cost      int64         `json:"cost"`
	StartedOn date.Date     `json:"started_on"`
	Note      string        `json:"note"`
	Steps     []StepReached `json:"steps"`
	Funded    int64         `json:"funded"`
}

// StepReached is a step and the day it was reached.
type StepReached struct {
	Step Step      `json:"step"`
	On   date.Date `json:"on"`
	Note string    `json:"note"`
}

// Done reports whether the project is completed.
func (p Project) Done() bool { return len(p.Steps) == len(Steps) }

// loadProject reads project id with its steps in order and its funding
// total, refusing one outside the scope.
func (s *Store) loadProject(ctx context.Context, q db.Q, id int64) (Project, error) {
	var p Project
	err := q.QueryRowContext(ctx, "SELECT id, area_id, name, cost, started_on, note, (SELECT COALESCE(SUM(amount), 0) FROM project_funding WHERE project_id = building_project.id) FROM building_project WHERE id = ?", id).
		Scan(&p.ID, &p.AreaID, &p.Name, &p.Cost, &p.StartedOn, &p.Note, &p.Funded)
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("project_id", "err.project_unknown", id)
	}
	if err != nil {
		return p, err
	}
	if _, err := s.Areas.Get(ctx, p.AreaID); err != nil {
		return p, notFound("project_id", "err.project_unknown", id)
	}
	rows, err := q.QueryContext(ctx, "SELECT step, reached_on, note FROM project_step WHERE project_id = ?", id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	reached := map[Step]StepReached{}
	for rows.Next() {
		var r StepReached
		if err := rows.Scan(&r.Step, &r.On, &r.Note); err != nil {
			return p, err
		}
		reached[r.Step] = r
	}
	for _, st := range Steps {
		if r, ok := reached[st]; ok {
			p.Steps = append(p.Steps, r)
		}
	}
	return p, rows.Err()
}
