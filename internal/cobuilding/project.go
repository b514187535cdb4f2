package cobuilding

import (
	"context"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// ProjectInput is a community's co-building project: the party
// organisation that coordinates it (the community's, or one above it), the
// demands of the community it meets and the resources chosen for it.
// Costs are in fen.
type ProjectInput struct {
	AreaID        int64     `json:"area_id"`
	OrgID         int64     `json:"org_id"`
	Title         string    `json:"title"`
	StartedOn     date.Date `json:"started_on"`
	EstimatedCost int64     `json:"estimated_cost"`
	Note          string    `json:"note"`
	DemandIDs     []int64   `json:"demand_ids"`
	ResourceIDs   []int64   `json:"resource_ids"`
}

// Project is a stored project. ActualCost is known once it is done.
type Project struct {
	ID            int64     `json:"id"`
	AreaID        int64     `json:"area_id"`
	OrgID         int64     `json:"org_id"`
	OrgName       string    `json:"org_name"`
	Title         string    `json:"title"`
	StartedOn     date.Date `json:"started_on"`
	DoneOn        date.Date `json:"done_on,omitzero"`
	EstimatedCost int64     `json:"estimated_cost"`
	ActualCost    *int64    `json:"actual_cost,omitempty"`
	Note          string    `json:"note"`
}

// Done reports whether the project is done.
func (p Project) Done() bool { return !p.DoneOn.IsZero() }

// Saved is the money the project saved, in fen: for a done project whose
// actual cost is known, the estimated cost less the actual, never below 0;
// 0 otherwise. It is computed, never typed.
func (p Project) Saved() int64 {
	if !p.Done() || p.ActualCost == nil || *p.ActualCost >= p.EstimatedCost {
		return 0
	}
	return p.EstimatedCost - *p.ActualCost
}

// savedSQL is Saved in SQL over project alias p.
func savedSQL(p string) string {
	return "CASE WHEN " + p + ".done_on IS NOT NULL AND " + p + ".actual_cost < " + p + ".estimated_cost THEN " + p + ".estimated_cost - " + p + ".actual_cost ELSE 0 END"
}

// CreateProject records a project and, in the same transaction, marks the
// demands it meets as matched and the resources chosen as promised to it.
func (s *Store) CreateProject(ctx context.Context, in ProjectInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.createProject(ctx, q, in)
		return err
	})
	return id, err
}

// createProject is CreateProject on q, inside the caller's transaction.
func (s *Store) createProject(ctx context.Context, q db.Q, in ProjectInput) (int64, error) {
	var err error
	if in.Title, err = text("title", in.Title, 200, true); err != nil {
		return 0, err
	}
	if in.Note, err = text("note", in.Note, 1000, false); err != nil {
		return 0, err
	}
	if err := notNegative("estimated_cost", in.EstimatedCost); err != nil {
		return 0, err
	}
	if err := s.checkDate("started_on", in.StartedOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.StartedOn); err != nil {
		return 0, err
	}
	if err := s.checkOrg(ctx, q, in.OrgID, in.AreaID, in.StartedOn); err != nil {
		return 0, err
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO co_project (area_id, org_id, title, started_on, estimated_cost, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, in.OrgID, in.Title, in.StartedOn, in.EstimatedCost, in.Note).Scan(&id); err != nil {
		return 0, err
	}
	if err := s.meet(ctx, q, id, in); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "co_project.create", "co_project", id, in)
}

// checkOrg refuses a coordinating organisation that does not exist, was
// not active on on, or is not attached to the community or an area above
// it.
func (s *Store) checkOrg(ctx context.Context, q db.Q, orgID, communityID int64, on date.Date) error {
	var name string
	var areaID int64
	var started, ended date.Date
	err := q.QueryRowContext(ctx, "SELECT name, COALESCE(area_id, 0), started_on, ended_on FROM party_org WHERE id = ?", orgID).Scan(&name, &areaID, &started, &ended)
	if db.IsNotFound(err) {
		return &i18n.Error{Field: "org_id", Key: "err.cob_org_unknown", Args: []any{orgID}, Err: fault.BadReference}
	}
	if err != nil {
		return err
	}
	if !date.InSpan(started, ended, on) {
		return i18n.Errf("org_id", "err.cob_org_inactive", name, on.String())
	}
	ok, err := under(ctx, q, areaID, communityID, on)
	if err != nil {
		return err
	}
	if !ok {
		return i18n.Errf("org_id", "err.cob_org_elsewhere", name)
	}
	return nil
}

// meet links the demands and resources of in to project id: each demand
// of the project's community and not yet done or closed, each resource
// offered on the day the project starts by a unit still active.
func (s *Store) meet(ctx context.Context, q db.Q, id int64, in ProjectInput) error {
	seen := map[int64]bool{}
	for i, did := range in.DemandIDs {
		if seen[did] {
			continue
		}
		seen[did] = true
		field := "demand_ids[" + strconv.Itoa(i) + "]"
		d, err := s.loadDemand(ctx, q, field, did)
		if err != nil {
			return err
		}
		if d.Settled() {
			return settled(field, d)
		}
		if d.AreaID != in.AreaID {
			return i18n.Errf(field, "err.project_demand_elsewhere", d.Title)
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO co_project_demand (project_id, demand_id) VALUES (?, ?)", id, did); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE demand SET status = 'matched' WHERE id = ? AND status = 'open'", did); err != nil {
			return err
		}
	}
	seen = map[int64]bool{}
	for i, rid := range in.ResourceIDs {
		if seen[rid] {
			continue
		}
		seen[rid] = true
		field := "resource_ids[" + strconv.Itoa(i) + "]"
		r, err := s.loadResource(ctx, q, field, rid)
		if err != nil {
			return err
		}
		if !r.ValidOn(in.StartedOn) {
			return i18n.Errf(field, "err.resource_not_offered", r.Description, in.StartedOn.String())
		}
		if r.UnitID != 0 {
			u, err := unitOn(ctx, q, field, r.UnitID, in.StartedOn)
			if err != nil {
				return err
			}
			if err := u.activeOn(field, in.StartedOn); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO co_project_resource (project_id, resource_id) VALUES (?, ?)", id, rid); err != nil {
			return err
		}
	}
	return nil
}

// ProjectChange corrects a project and records it done: DoneOn set (not
// before it started) with its ActualCost; an actual cost without a done
// date is refused. Once done, a project stays done (its date may be
// corrected). The demands it meets are done with it.
type ProjectChange struct {
	Title         string    `json:"title"`
	EstimatedCost int64     `json:"estimated_cost"`
	ActualCost    *int64    `json:"actual_cost,omitempty"`
	DoneOn        date.Date `json:"done_on,omitzero"`
	Note          string    `json:"note"`
}

// UpdateProject corrects a project in the scope.
func (s *Store) UpdateProject(ctx context.Context, id int64, ch ProjectChange) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.updateProject(ctx, q, id, ch) })
}

// updateProject is UpdateProject on q, inside the caller's transaction.
func (s *Store) updateProject(ctx context.Context, q db.Q, id int64, ch ProjectChange) error {
	var err error
	if ch.Title, err = text("title", ch.Title, 200, true); err != nil {
		return err
	}
	if ch.Note, err = text("note", ch.Note, 1000, false); err != nil {
		return err
	}
	if err := notNegative("estimated_cost", ch.EstimatedCost); err != nil {
		return err
	}
	if ch.ActualCost != nil {
		if err := notNegative("actual_cost", *ch.ActualCost); err != nil {
			return err
		}
		if ch.DoneOn.IsZero() {
			return i18n.Errf("actual_cost", "err.project_cost_without_done")
		}
	}
	if !ch.DoneOn.IsZero() {
		if err := s.checkDate("done_on", ch.DoneOn); err != nil {
			return err
		}
	}
	p, err := s.loadProject(ctx, q, "project_id", id)
	if err != nil {
		return err
	}
	if p.Done() && ch.DoneOn.IsZero() {
		return i18n.Errf("done_on", "err.project_done_cleared", p.DoneOn.String())
	}
	if !ch.DoneOn.IsZero() && ch.DoneOn.Before(p.StartedOn) {
		return i18n.Errf("done_on", "err.project_done_before_start", p.StartedOn.String())
	}
	var actual any
	if ch.ActualCost != nil {
		actual = *ch.ActualCost
	}
	if _, err := q.ExecContext(ctx, "UPDATE co_project SET title = ?, estimated_cost = ?, actual_cost = ?, done_on = ?, note = ? WHERE id = ?",
		ch.Title, ch.EstimatedCost, actual, db.Null(ch.DoneOn), ch.Note, id); err != nil {
		return err
	}
	if !ch.DoneOn.IsZero() {
		if _, err := q.ExecContext(ctx, "UPDATE demand SET status = 'done', closed_on = ? WHERE status IN ('matched', 'done') AND id IN (SELECT demand_id FROM co_project_demand WHERE project_id = ?)",
			ch.DoneOn, id); err != nil {
			return err
		}
	}
	return record(ctx, q, "co_project.update", "co_project", id, ch)
}

const projectCols = "p.id, p.area_id, p.org_id, o.name, p.title, p.started_on, p.done_on, p.estimated_cost, p.actual_cost, p.note"

const projectFrom = " FROM co_project p JOIN party_org o ON o.id = p.org_id"

func scanProject(row interface{ Scan(...any) error }) (Project, error) {
	var p Project
	var actual *int64
	err := row.Scan(&p.ID, &p.AreaID, &p.OrgID, &p.OrgName, &p.Title, &p.StartedOn, &p.DoneOn, &p.EstimatedCost, &actual, &p.Note)
	p.ActualCost = actual
	return p, err
}

// loadProject reads project id, refusing one outside the scope.
func (s *Store) loadProject(ctx context.Context, q db.Q, field string, id int64) (Project, error) {
	p, err := scanProject(q.QueryRowContext(ctx, "SELECT "+projectCols+projectFrom+" WHERE p.id = ?", id))
	if db.IsNotFound(err) {
		return p, notFound(field, "err.co_project_unknown", id)
	}
	if err != nil {
		return p, err
	}
	if _, err := s.Areas.Get(ctx, p.AreaID); err != nil {
		return p, notFound(field, "err.co_project_unknown", id)
	}
	return p, nil
}

// Project returns one project in the scope.
func (s *Store) Project(ctx context.Context, id int64) (Project, error) {
	return s.loadProject(ctx, s.DB.Reader(), "project_id", id)
}

// ProjectFilter chooses projects: of communities under an area (the scope
// when 0), done or not (nil for both); After is the last id of the
// previous page.
type ProjectFilter struct {
	AreaID int64
	Done   *bool
	After  int64
	Limit  int
}

// ListProjects lists projects in the scope by id.
func (s *Store) ListProjects(ctx context.Context, f ProjectFilter) ([]Project, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, err
	}
	where, args := []string{"p.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("p.area_id")), append(args, root)
	}
	if f.Done != nil && *f.Done {
		where = append(where, "p.done_on IS NOT NULL")
	} else if f.Done != nil {
		where = append(where, "p.done_on IS NULL")
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+projectCols+projectFrom+" WHERE "+strings.Join(where, " AND ")+" ORDER BY p.id LIMIT "+itoa(page(f.Limit)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
