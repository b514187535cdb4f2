package demo

import (
	"context"

	"dangjian/internal/db"
)

// write inserts part four (a)'s planned rows, parents first.
func (c *cobPlan) write(ctx context.Context, q db.Q) error {
	if err := db.BulkInsert(ctx, q, "demand", []string{"id", "area_id", "title", "category", "tags", "households", "raised_by", "raised_on", "status", "closed_on", "note"}, len(c.demands),
		func(i int, dst []any) []any {
			x := &c.demands[i]
			return append(dst, x.id, x.area, x.title, string(x.category), x.tags, x.households, x.raisedBy, x.raised, string(x.status), db.Null(x.closed), x.note)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "resource", []string{"id", "unit_id", "department", "area_id", "kind", "description", "from_on", "to_on"}, len(c.resources),
		func(i int, dst []any) []any {
			x := &c.resources[i]
			return append(dst, x.id, db.Null(x.unit), x.dept, x.area, string(x.kind), x.desc, x.from, db.Null(x.to))
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "co_project", []string{"id", "area_id", "org_id", "title", "started_on", "done_on", "estimated_cost", "actual_cost", "note"}, len(c.projects),
		func(i int, dst []any) []any {
			x := &c.projects[i]
			var actual any
			if x.actual >= 0 {
				actual = x.actual
			}
			return append(dst, x.id, x.area, x.org, x.title, x.started, db.Null(x.done), x.estimated, actual, "")
		}); err != nil {
		return err
	}
	for _, l := range []struct {
		table, col string
		rows       []genLink
	}{{"co_project_demand", "demand_id", c.projDemands}, {"co_project_resource", "resource_id", c.projResources}} {
		if err := db.BulkInsert(ctx, q, l.table, []string{"project_id", l.col}, len(l.rows),
			func(i int, dst []any) []any { return append(dst, l.rows[i].project, l.rows[i].other) }); err != nil {
			return err
		}
	}
	if err := db.BulkInsert(ctx, q, "co_contribution", []string{"id", "project_id", "unit_id", "department", "kind", "value", "description", "given_on"}, len(c.contributions),
		func(i int, dst []any) []any {
			x := &c.contributions[i]
			return append(dst, x.id, x.project, db.Null(x.unit), x.dept, string(x.kind), x.value, x.desc, x.given)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "co_result", []string{"id", "project_id", "name", "quantity", "unit"}, len(c.results),
		func(i int, dst []any) []any {
			x := &c.results[i]
			return append(dst, x.id, x.project, x.name, x.quantity, x.unit)
		}); err != nil {
		return err
	}
	return db.BulkInsert(ctx, q, "co_feedback", []string{"id", "project_id", "kind", "rating", "given_by", "given_on", "note"}, len(c.feedback),
		func(i int, dst []any) []any {
			x := &c.feedback[i]
			return append(dst, x.id, x.project, string(x.kind), db.Null(x.rating), x.by, x.on, "")
		})
}
