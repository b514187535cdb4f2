package cobuilding

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Contribution kinds: what a participant gives a project.
type ContributionKind string

// ContributionKinds in the order a form offers them.
var ContributionKinds = []ContributionKind{"land", "money", "free_service", "labour", "other"}

// Money is the contribution of money (the speech's largest one by a unit).
const Money ContributionKind = "money"

// ContributionInput is what a participant gave a project on a date: a
// stationed unit (located, on that date, under the subdistrict of the
// project's community) or a named department (from anywhere: the city's
// planning, water and survey offices serve free), with its value in fen.
type ContributionInput struct {
	ProjectID   int64            `json:"project_id"`
	UnitID      int64            `json:"unit_id,omitempty"`
	Department  string           `json:"department,omitempty"`
	Kind        ContributionKind `json:"kind"`
	Value       int64            `json:"value"`
	Description string           `json:"description"`
	GivenOn     date.Date        `json:"given_on"`
}

// Contribution is a stored contribution; Giver is the unit's name or the
// department.
type Contribution struct {
	ID          int64            `json:"id"`
	ProjectID   int64            `json:"project_id"`
	UnitID      int64            `json:"unit_id,omitempty"`
	Giver       string           `json:"giver"`
	Kind        ContributionKind `json:"kind"`
	Value       int64            `json:"value"`
	Description string           `json:"description"`
	GivenOn     date.Date        `json:"given_on"`
}

// AddContribution records what a participant gave a project.
func (s *Store) AddContribution(ctx context.Context, in ContributionInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.addContribution(ctx, q, in)
		return err
	})
	return id, err
}

// addContribution is AddContribution on q, inside the caller's
// transaction.
func (s *Store) addContribution(ctx context.Context, q db.Q, in ContributionInput) (int64, error) {
	var err error
	if in.Department, err = text("department", in.Department, 100, false); err != nil {
		return 0, err
	}
	if in.UnitID == 0 && in.Department == "" {
		return 0, i18n.Errf("unit_id", "err.cob_giver_required")
	}
	if in.UnitID != 0 && in.Department != "" {
		return 0, i18n.Errf("department", "err.cob_giver_both")
	}
	if !oneOf(in.Kind, ContributionKinds) {
		return 0, i18n.Errf("kind", "err.contribution_kind_invalid")
	}
	if err := notNegative("value", in.Value); err != nil {
		return 0, err
	}
	if in.Description, err = text("description", in.Description, 500, false); err != nil {
		return 0, err
	}
	if err := s.checkDate("given_on", in.GivenOn); err != nil {
		return 0, err
	}
	p, err := s.loadProject(ctx, q, "project_id", in.ProjectID)
	if err != nil {
		return 0, err
	}
	if in.GivenOn.Before(p.StartedOn) {
		return 0, i18n.Errf("given_on", "err.cob_before_project", p.StartedOn.String())
	}
	if in.UnitID != 0 {
		if err := s.checkStationed(ctx, q, in.UnitID, p, in.GivenOn); err != nil {
			return 0, err
		}
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO co_contribution (project_id, unit_id, department, kind, value, description, given_on) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p.ID, db.NullID(in.UnitID), in.Department, in.Kind, in.Value, in.Description, in.GivenOn).Scan(&id); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "co_contribution.add", "co_project", p.ID, in)
}

// checkStationed refuses a unit that was not active, or not located under
// the subdistrict of the project's community, on on.
func (s *Store) checkStationed(ctx context.Context, q db.Q, unitID int64, p Project, on date.Date) error {
	u, err := unitOn(ctx, q, "unit_id", unitID, on)
	if err != nil {
		return err
	}
	if err := u.activeOn("unit_id", on); err != nil {
		return err
	}
	sub, err := subdistrictOf(ctx, q, p.AreaID, on)
	if err != nil {
		return err
	}
	ok := false
	if u.AreaID != 0 {
		if ok, err = under(ctx, q, sub, u.AreaID, on); err != nil {
			return err
		}
	}
	if !ok {
		return i18n.Errf("unit_id", "err.contribution_unit_not_stationed", u.Name)
	}
	return nil
}

// ResultInput is a result of a project as a measure: 楼梯 300 个.
type ResultInput struct {
	ProjectID int64   `json:"project_id"`
	Name      string  `json:"name"`
	Quantity  float64 `json:"quantity"`
	Unit      string  `json:"unit"`
}

// Result is a stored result.
type Result struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"`
}

// AddResult records a result of a project.
func (s *Store) AddResult(ctx context.Context, in ResultInput) (int64, error) {
	var err error
	if in.Name, err = text("name", in.Name, 100, true); err != nil {
		return 0, err
	}
	if in.Quantity < 0 {
		return 0, i18n.Errf("quantity", "err.cob_negative")
	}
	if in.Unit, err = text("unit", in.Unit, 20, false); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadProject(ctx, q, "project_id", in.ProjectID)
		if err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO co_result (project_id, name, quantity, unit) VALUES (?, ?, ?, ?) RETURNING id",
			p.ID, in.Name, in.Quantity, in.Unit).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "co_result.add", "co_project", p.ID, in)
	})
	return id, err
}

// FeedbackKind is how residents thanked a project.
type FeedbackKind string

// FeedbackKinds: a banner (锦旗), a letter (感谢信), a rating 1–5.
var FeedbackKinds = []FeedbackKind{"banner", "letter", "rating"}

// Banner is the feedback the speech counts.
const Banner FeedbackKind = "banner"

// FeedbackInput is thanks received for a project, dated, naming who gave
// it; Rating is 1–5 for a rating and 0 otherwise.
type FeedbackInput struct {
	ProjectID int64        `json:"project_id"`
	Kind      FeedbackKind `json:"kind"`
	Rating    int          `json:"rating,omitempty"`
	GivenBy   string       `json:"given_by"`
	GivenOn   date.Date    `json:"given_on"`
	Note      string       `json:"note"`
}

// Feedback is stored feedback.
type Feedback struct {
	ID      int64        `json:"id"`
	Kind    FeedbackKind `json:"kind"`
	Rating  int          `json:"rating,omitempty"`
	GivenBy string       `json:"given_by"`
	GivenOn date.Date    `json:"given_on"`
	Note    string       `json:"note"`
}

// AddFeedback records thanks for a project, not dated before it started.
func (s *Store) AddFeedback(ctx context.Context, in FeedbackInput) (int64, error) {
	if !oneOf(in.Kind, FeedbackKinds) {
		return 0, i18n.Errf("kind", "err.feedback_kind_invalid")
	}
	if in.Kind == "rating" && (in.Rating < 1 || in.Rating > 5) {
		return 0, i18n.Errf("rating", "err.feedback_rating_range")
	}
	if in.Kind != "rating" {
		in.Rating = 0
	}
	var err error
	if in.GivenBy, err = text("given_by", in.GivenBy, 100, true); err != nil {
		return 0, err
	}
	if in.Note, err = text("note", in.Note, 500, false); err != nil {
		return 0, err
	}
	if err := s.checkDate("given_on", in.GivenOn); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadProject(ctx, q, "project_id", in.ProjectID)
		if err != nil {
			return err
		}
		if in.GivenOn.Before(p.StartedOn) {
			return i18n.Errf("given_on", "err.feedback_before_start", p.StartedOn.String())
		}
		var rating any
		if in.Rating != 0 {
			rating = in.Rating
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO co_feedback (project_id, kind, rating, given_by, given_on, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			p.ID, in.Kind, rating, in.GivenBy, in.GivenOn, in.Note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "co_feedback.add", "co_project", p.ID, in)
	})
	return id, err
}
