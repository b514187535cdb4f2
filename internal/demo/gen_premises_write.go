package demo

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// write inserts part three's planned rows, parents first.
func (c *premPlan) write(ctx context.Context, q db.Q) error {
	if err := db.BulkInsert(ctx, q, "building_project", []string{"id", "area_id", "name", "cost", "started_on", "note"}, len(c.projects),
		func(i int, dst []any) []any {
			x := &c.projects[i]
			return append(dst, x.id, x.area, x.name, x.cost, x.started, "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "project_step", []string{"project_id", "step", "reached_on", "note"}, len(c.steps),
		func(i int, dst []any) []any {
			x := &c.steps[i]
			return append(dst, x.project, string(x.step), x.on, "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "project_waiver", []string{"id", "project_id", "amount", "waived_by", "on_date"}, len(c.waivers),
		func(i int, dst []any) []any {
			x := &c.waivers[i]
			return append(dst, x.id, x.project, x.amount, x.by, x.on)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "project_funding", []string{"id", "project_id", "source", "amount", "received_on", "note"}, len(c.funding),
		func(i int, dst []any) []any {
			x := &c.funding[i]
			return append(dst, x.id, x.project, string(x.source), x.amount, x.received, x.note)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "premises", []string{"id", "area_id", "address", "use", "floor_area", "tenure", "project_id", "from_on", "to_on"}, len(c.premises),
		func(i int, dst []any) []any {
			x := &c.premises[i]
			return append(dst, x.id, x.area, x.address, string(x.use), x.floor, string(x.tenure), db.Null(x.project), x.from, x.to)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "room", []string{"id", "premises_id", "kind", "floor_area", "from_on", "to_on"}, len(c.rooms),
		func(i int, dst []any) []any {
			x := &c.rooms[i]
			return append(dst, x.id, x.premises, string(x.kind), x.floor, x.from, x.to)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "office_funding", []string{"id", "area_id", "year", "amount", "source", "from_on", "to_on"}, len(c.office),
		func(i int, dst []any) []any {
			x := &c.office[i]
			from, _ := date.YearBounds(x.year)
			to, _ := date.YearBounds(x.year + 1)
			return append(dst, x.id, x.area, x.year, x.amount, x.source, from, to)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "economic_land", []string{"id", "area_id", "land_area", "location", "from_on", "to_on"}, len(c.land),
		func(i int, dst []any) []any {
			x := &c.land[i]
			return append(dst, x.id, x.area, x.land, x.location, x.from, x.to)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "premises_standard", []string{"id", "area_id", "min_area", "per_100_households", "from_on"}, len(c.standards),
		func(i int, dst []any) []any {
			x := &c.standards[i]
			return append(dst, x.id, x.area, x.minArea, x.per100, x.from)
		}); err != nil {
		return err
	}
	return db.BulkInsert(ctx, q, "household_count", []string{"id", "area_id", "households", "counted_on"}, len(c.households),
		func(i int, dst []any) []any {
			x := &c.households[i]
			return append(dst, x.id, x.area, x.households, x.counted)
		})
}
