package cobuilding

import (
	"context"

	"dangjian/internal/db"
)

// Story is a project told in order: the demands it met, the resources
// chosen for it, what each participant gave, the results and the thanks.
type Story struct {
	Project       Project        `json:"project"`
	Saved         int64          `json:"saved"`
	Demands       []Demand       `json:"demands"`
	Resources     []Resource     `json:"resources"`
	Contributions []Contribution `json:"contributions"`
	Results       []Result       `json:"results"`
	Feedback      []Feedback     `json:"feedback"`
}

// Units counts the distinct units (not departments) that gave.
func (st Story) Units() int {
	seen := map[int64]bool{}
	for _, c := range st.Contributions {
		if c.UnitID != 0 {
			seen[c.UnitID] = true
		}
	}
	return len(seen)
}

// ProjectStory reads project id in the scope with everything that hangs on
// it, on one reader.
func (s *Store) ProjectStory(ctx context.Context, id int64) (Story, error) {
	q := s.DB.Reader()
	p, err := s.loadProject(ctx, q, "project_id", id)
	if err != nil {
		return Story{}, err
	}
	st := Story{Project: p, Saved: p.Saved()}
	if st.Demands, err = collect(ctx, q, "SELECT "+demandCols+" FROM demand d JOIN co_project_demand pd ON pd.demand_id = d.id WHERE pd.project_id = ? ORDER BY d.raised_on, d.id", id, scanDemand); err != nil {
		return st, err
	}
	if st.Resources, err = collect(ctx, q, "SELECT "+resourceCols+resourceFrom+" JOIN co_project_resource pr ON pr.resource_id = r.id WHERE pr.project_id = ? ORDER BY r.id", id, scanResource); err != nil {
		return st, err
	}
	if st.Contributions, err = collect(ctx, q, `SELECT c.id, c.project_id, COALESCE(c.unit_id, 0), COALESCE(u.name, c.department), c.kind, c.value, c.description, c.given_on
FROM co_contribution c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.project_id = ? ORDER BY c.given_on, c.id`, id, func(row interface{ Scan(...any) error }) (Contribution, error) {
		var c Contribution
		err := row.Scan(&c.ID, &c.ProjectID, &c.UnitID, &c.Giver, &c.Kind, &c.Value, &c.Description, &c.GivenOn)
		return c, err
	}); err != nil {
		return st, err
	}
	if st.Results, err = collect(ctx, q, "SELECT id, name, quantity, unit FROM co_result WHERE project_id = ? ORDER BY id", id, func(row interface{ Scan(...any) error }) (Result, error) {
		var r Result
		err := row.Scan(&r.ID, &r.Name, &r.Quantity, &r.Unit)
		return r, err
	}); err != nil {
		return st, err
	}
	st.Feedback, err = collect(ctx, q, "SELECT id, kind, COALESCE(rating, 0), given_by, given_on, note FROM co_feedback WHERE project_id = ? ORDER BY given_on, id", id, func(row interface{ Scan(...any) error }) (Feedback, error) {
		var f Feedback
		err := row.Scan(&f.ID, &f.Kind, &f.Rating, &f.GivenBy, &f.GivenOn, &f.Note)
		return f, err
	})
	return st, err
}

// collect runs query with one id (and more arguments) and scans every
// row.
func collect[T any](ctx context.Context, q db.Q, query string, id int64, scan func(interface{ Scan(...any) error }) (T, error), more ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, append([]any{id}, more...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
