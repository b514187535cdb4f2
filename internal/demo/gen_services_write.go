package demo

import (
	"context"

	"dangjian/internal/db"
)

// write inserts part four (b)'s planned rows but the petitions', parents
// first.
func (c *svcPlan) write(ctx context.Context, q db.Q) error {
	if err := db.BulkInsert(ctx, q, "outlet", []string{"id", "area_id", "kind", "name", "from_on", "to_on", "note"}, len(c.outlets),
		func(i int, dst []any) []any {
			x := &c.outlets[i]
			return append(dst, x.id, x.area, string(x.kind), x.name, x.from, db.Null(x.to), "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "service_record", []string{"id", "area_id", "outlet_id", "kind", "span", "on_date", "person_times", "volunteer_hours", "note"}, len(c.records),
		func(i int, dst []any) []any {
			x := &c.records[i]
			return append(dst, x.id, x.area, x.outlet, string(x.kind), "month", x.on, x.persons, x.hours, "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "designation", []string{"id", "area_id", "estate", "kind", "title", "awarded_by", "from_on", "to_on", "end_reason", "note"}, len(c.designations),
		func(i int, dst []any) []any {
			x := &c.designations[i]
			return append(dst, x.id, x.area, x.estate, "safe_civilised_neighbourhood", "", x.awardedBy, x.from, db.Null(x.to), db.Null(x.reason), "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "placement", []string{"id", "area_id", "name", "before_status", "employer", "work", "placed_by", "placed_on", "note"}, len(c.placements),
		func(i int, dst []any) []any {
			x := &c.placements[i]
			return append(dst, x.id, x.area, x.name, string(x.before), x.employer, x.work, x.placedBy, x.placed, "")
		}); err != nil {
		return err
	}
	return db.BulkInsert(ctx, q, "good_deed", []string{"id", "area_id", "kind", "title", "beneficiaries", "done_by", "done_on", "note"}, len(c.deeds),
		func(i int, dst []any) []any {
			x := &c.deeds[i]
			return append(dst, x.id, x.area, string(x.kind), x.title, x.beneficiaries, x.doneBy, x.done, "")
		})
}
