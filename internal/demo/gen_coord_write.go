package demo

import (
	"context"

	"dangjian/internal/db"
)

// coordTables are part two's tables, loaded without their indexes.
var coordTables = []string{"joint_conference", "conference_member", "conference_session", "session_unit", "whistle", "whistle_party",
	"agreed_action", "action_update", "campaign", "campaign_unit", "campaign_measure"}

// write inserts part two's planned rows.
func (c *coordPlan) write(ctx context.Context, q db.Q) error {
	if err := db.BulkInsert(ctx, q, "joint_conference", []string{"id", "name", "kind", "org_id", "area_id", "established_on", "ended_on", "note"}, len(c.conferences),
		func(i int, dst []any) []any {
			x := &c.conferences[i]
			return append(dst, x.id, x.name, string(x.kind), x.org, x.area, x.established, x.ended, "")
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "conference_member", []string{"id", "conference_id", "unit_id", "role", "from_on", "to_on"}, len(c.members),
		func(i int, dst []any) []any {
			x := &c.members[i]
			return append(dst, x.id, x.conf, x.unit, string(x.role), x.from, x.to)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "conference_session", []string{"id", "conference_id", "held_on", "topic", "tags", "people_present", "minutes"}, len(c.sessions),
		func(i int, dst []any) []any {
			x := &c.sessions[i]
			return append(dst, x.id, x.conf, x.held, x.topic, x.tags, x.people, x.minutes)
		}); err != nil {
		return err
	}
	type pair struct{ a, b int64 }
	var present []pair
	for i := range c.sessions {
		for _, u := range c.sessions[i].unitsPresent {
			present = append(present, pair{c.sessions[i].id, u})
		}
	}
	if err := db.BulkInsert(ctx, q, "session_unit", []string{"session_id", "unit_id"}, len(present),
		func(i int, dst []any) []any { return append(dst, present[i].a, present[i].b) }); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "whistle", []string{"id", "area_id", "subject", "raised_at", "raised_on", "resolved_on"}, len(c.whistles),
		func(i int, dst []any) []any {
			x := &c.whistles[i]
			return append(dst, x.id, x.area, x.subject, x.raisedAt, x.raisedOn, x.resolved)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "whistle_party", []string{"id", "whistle_id", "unit_id", "department", "deadline_hours", "deadline_at", "reported_at", "score"}, len(c.parties),
		func(i int, dst []any) []any {
			x := &c.parties[i]
			return append(dst, x.id, x.whistle, db.Null(x.unit), x.dept, x.hours, x.deadlineAt, db.Null(x.reportedAt), db.Null(x.score))
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "agreed_action", []string{"id", "session_id", "whistle_id", "parent_id", "area_id", "title", "owner_unit_id", "owner_name",
		"agreed_on", "due_on", "status", "progress", "closed_on", "result"}, len(c.actions),
		func(i int, dst []any) []any {
			x := &c.actions[i]
			return append(dst, x.id, db.Null(x.session), db.Null(x.whistle), nil, x.area, x.title, db.Null(x.ownerUnit), x.ownerName,
				x.agreed, x.due, string(x.status), x.progress, x.closed, x.result)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "action_update", []string{"id", "action_id", "on_date", "progress", "status", "note"}, len(c.updates),
		func(i int, dst []any) []any {
			x := &c.updates[i]
			return append(dst, x.id, x.action, x.on, x.progress, string(x.status), x.note)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "campaign", []string{"id", "name", "kind", "area_id", "conference_id", "started_on", "ended_on"}, len(c.campaigns),
		func(i int, dst []any) []any {
			x := &c.campaigns[i]
			return append(dst, x.id, x.name, string(x.kind), x.area, db.Null(x.conf), x.started, x.ended)
		}); err != nil {
		return err
	}
	var units []pair
	for i := range c.campaigns {
		for _, u := range c.campaigns[i].units {
			units = append(units, pair{c.campaigns[i].id, u})
		}
	}
	if err := db.BulkInsert(ctx, q, "campaign_unit", []string{"campaign_id", "unit_id"}, len(units),
		func(i int, dst []any) []any { return append(dst, units[i].a, units[i].b) }); err != nil {
		return err
	}
	return db.BulkInsert(ctx, q, "campaign_measure", []string{"id", "campaign_id", "name", "quantity", "unit"}, len(c.measures),
		func(i int, dst []any) []any {
			x := &c.measures[i]
			return append(dst, x.id, x.campaign, x.name, x.quantity, x.unit)
		})
}
