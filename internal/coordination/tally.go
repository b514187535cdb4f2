package coordination

// Part two's maintained counts (internal/tally; migration 0013): each
// mirrors one figure's SQL in figures.go, which the tests hold them to.

import (
	"dangjian/internal/date"
	"dangjian/internal/tally"
)

var (
	colConferences   = tally.NewColumn("conferences")
	colSessions      = tally.NewColumn("sessions_held")
	colAgreed        = tally.NewColumn("actions_agreed")
	colDone          = tally.NewColumn("actions_done")
	colDue           = tally.NewColumn("actions_due")
	colDueOnTime     = tally.NewColumn("actions_due_on_time")
	colOverdue       = tally.NewColumn("actions_overdue")
	colWhistles      = tally.NewColumn("whistles_raised")
	colParties       = tally.NewColumn("whistle_parties")
	colPartiesOnTime = tally.NewColumn("whistle_parties_on_time")
)

func init() {
	tally.AddSource(tally.RowSource("joint conferences",
		"SELECT c.area_id, c.established_on, c.ended_on FROM joint_conference c WHERE c.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var from, to date.Date
			if err := r.Scan(&area, &from, &to); err != nil {
				return err
			}
			c.Span(area, colConferences, from, to)
			return nil
		}))
	// A session and its top-level actions count where its conference is.
	tally.AddSource(tally.RowSource("conference sessions",
		`SELECT c.area_id, s.held_on, (SELECT COUNT(*) FROM agreed_action x WHERE x.session_id = s.id AND x.parent_id IS NULL)
FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE c.area_id IN (…)`,
		func(r tally.Scanner, c tally.Counter) error {
			var area, actions int64
			var held date.Date
			if err := r.Scan(&area, &held, &actions); err != nil {
				return err
			}
			c.Start(area, colSessions, held, 1)
			c.Start(area, colAgreed, held, actions)
			return nil
		}))
	tally.AddSource(tally.RowSource("agreed actions",
		"SELECT x.area_id, x.status, x.agreed_on, x.due_on, x.closed_on FROM agreed_action x WHERE x.parent_id IS NULL AND x.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var status string
			var agreed, due, closed date.Date
			if err := r.Scan(&area, &status, &agreed, &due, &closed); err != nil {
				return err
			}
			countAction(c, area, status, agreed, due, closed)
			return nil
		}))
	tally.AddSource(tally.RowSource("whistles",
		`SELECT w.area_id, w.raised_on, COUNT(p.id), COALESCE(SUM(CASE WHEN p.reported_at IS NOT NULL AND p.reported_at <= p.deadline_at THEN 1 ELSE 0 END), 0)
FROM whistle w LEFT JOIN whistle_party p ON p.whistle_id = w.id WHERE w.area_id IN (…) GROUP BY w.id, w.area_id, w.raised_on`,
		func(r tally.Scanner, c tally.Counter) error {
			var area, parties, onTime int64
			var raised date.Date
			if err := r.Scan(&area, &raised, &parties, &onTime); err != nil {
				return err
			}
			c.Start(area, colWhistles, raised, 1)
			c.Start(area, colParties, raised, parties)
			c.Start(area, colPartiesOnTime, raised, onTime)
			return nil
		}))
}

// countAction adds one top-level action: done on its closing day; due on
// its due day unless dropped, on time if done by then; overdue from the
// day after it is due (not before it was agreed) until it is closed.
func countAction(c tally.Counter, area int64, status string, agreed, due, closed date.Date) {
	if status == string(Done) {
		c.Start(area, colDone, closed, 1)
	}
	if status != string(Dropped) {
		c.Start(area, colDue, due, 1)
		if status == string(Done) && !closed.IsZero() && !closed.After(due) {
			c.Start(area, colDueOnTime, due, 1)
		}
	}
	from := due.AddDays(1)
	if agreed.After(from) {
		from = agreed
	}
	if closed.IsZero() || from.Before(closed) {
		c.Span(area, colOverdue, from, closed)
	}
}
