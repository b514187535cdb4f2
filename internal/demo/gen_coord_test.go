package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// coordDumps select every column coordination.Store writes, in a stable
// order.
var coordDumps = []string{
	"SELECT id, name, kind, org_id, area_id, established_on, ended_on, note FROM joint_conference ORDER BY id",
	"SELECT id, conference_id, unit_id, role, from_on, to_on FROM conference_member ORDER BY id",
	"SELECT id, conference_id, held_on, topic, tags, people_present, minutes FROM conference_session ORDER BY id",
	"SELECT session_id, unit_id FROM session_unit ORDER BY session_id, unit_id",
	"SELECT id, area_id, subject, raised_at, raised_on, resolved_on FROM whistle ORDER BY id",
	"SELECT id, whistle_id, unit_id, department, deadline_hours, deadline_at, reported_at, score FROM whistle_party ORDER BY id",
	`SELECT id, session_id, whistle_id, parent_id, area_id, title, owner_unit_id, owner_name, agreed_on, due_on, status, progress, closed_on, result
FROM agreed_action ORDER BY id`,
	"SELECT id, action_id, on_date, progress, status, note FROM action_update ORDER BY id",
	"SELECT id, name, kind, area_id, conference_id, started_on, ended_on FROM campaign ORDER BY id",
	"SELECT campaign_id, unit_id FROM campaign_unit ORDER BY campaign_id, unit_id",
	"SELECT id, campaign_id, name, CAST(quantity AS TEXT), unit FROM campaign_measure ORDER BY id",
}

// replayCoord plans part two of p as Generate does, recording the
// operations, and runs them one by one through coordination.Store, checking
// that the Store hands out the ids the generator assigned. It returns the
// plan.
func replayCoord(t *testing.T, d *db.DB, p *planner, o GenOptions) *coordPlan {
	t.Helper()
	ctx := tally.Defer(context.Background())
	cp := planCoordination(p, planPeople(p, o), o, true)
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := coordination.NewStore(d, a)
	s.Today = a.Today
	for i, x := range cp.ops {
		var id int64
		var err error
		switch x.kind {
		case "conference":
			id, err = s.CreateConference(ctx, x.conference)
		case "member":
			id, err = s.AddMember(ctx, x.member)
		case "session":
			id, err = s.RecordSession(ctx, x.session)
		case "update":
			err = s.UpdateAction(ctx, x.update)
		case "end":
			err = s.EndConference(ctx, x.target, x.on)
		case "whistle":
			id, err = s.RaiseWhistle(ctx, x.whistle)
		case "report":
			err = s.ReportIn(ctx, x.target, x.at)
		case "score":
			err = s.Score(ctx, x.target, x.score)
		case "resolve":
			err = s.ResolveWhistle(ctx, x.target, x.on)
		case "whistle_action":
			id, err = s.WhistleAction(ctx, x.target, x.on, x.action)
		case "campaign":
			id, err = s.CreateCampaign(ctx, x.campaign)
		default:
			t.Fatalf("coordination op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("coordination op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		if id != x.id {
			t.Fatalf("coordination op %d (%s): Store id %d, generator id %d", i, x.kind, id, x.id)
		}
	}
	t.Logf("replayed %d part-two operations: %d conferences, %d member units, %d sessions, %d actions, %d updates, %d whistles, %d campaigns",
		len(cp.ops), len(cp.conferences), len(cp.members), len(cp.sessions), len(cp.actions), len(cp.updates), len(cp.whistles), len(cp.campaigns))
	return cp
}

// checkCoordination checks, in SQL over the whole tier, the rules of
// coordination.Store that the generated part two must keep.
func checkCoordination(t *testing.T, d *db.DB, st GenStats) {
	t.Helper()
	if st.Conferences == 0 || countSQL(t, d, "SELECT COUNT(*) FROM joint_conference") != st.Conferences {
		t.Errorf("%d conferences (stats %d)", countSQL(t, d, "SELECT COUNT(*) FROM joint_conference"), st.Conferences)
	}
	if n := countSQL(t, d, "SELECT COUNT(*) FROM whistle"); n != st.Whistles || n == 0 {
		t.Errorf("%d whistles (stats %d)", n, st.Whistles)
	}
	expectNone(t, d,
		sqlCheck{"members not stationed in the conference's area", `SELECT COUNT(*) FROM conference_member m JOIN joint_conference c ON c.id = m.conference_id
WHERE NOT EXISTS (SELECT 1 FROM unit_location l JOIN area_closure x ON x.descendant_id = l.area_id AND x.ancestor_id = c.area_id
  AND x.from_on <= m.from_on AND (x.to_on IS NULL OR m.from_on < x.to_on)
  WHERE l.unit_id = m.unit_id AND l.from_on <= m.from_on AND (l.to_on IS NULL OR m.from_on < l.to_on))`},
		sqlCheck{"conferences with more than 30 member units", "SELECT COUNT(*) FROM (SELECT conference_id FROM conference_member GROUP BY conference_id HAVING COUNT(*) > 30) x"},
		sqlCheck{"sessions outside their conference's life", `SELECT COUNT(*) FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id
WHERE s.held_on < c.established_on OR (c.ended_on IS NOT NULL AND s.held_on >= c.ended_on)`},
		sqlCheck{"units present that were not members", `SELECT COUNT(*) FROM session_unit su JOIN conference_session s ON s.id = su.session_id
WHERE NOT EXISTS (SELECT 1 FROM conference_member m WHERE m.conference_id = s.conference_id AND m.unit_id = su.unit_id
  AND m.from_on <= s.held_on AND (m.to_on IS NULL OR s.held_on < m.to_on))`},
		sqlCheck{"actions due before agreed", "SELECT COUNT(*) FROM agreed_action WHERE due_on < agreed_on"},
		sqlCheck{"closed actions without a closing day, or open ones with one", "SELECT COUNT(*) FROM agreed_action WHERE (status IN ('done', 'dropped')) <> (closed_on IS NOT NULL)"},
		sqlCheck{"done actions not at 100 %", "SELECT COUNT(*) FROM agreed_action WHERE status = 'done' AND progress <> 100"},
		sqlCheck{"updates before their action was agreed", "SELECT COUNT(*) FROM action_update u JOIN agreed_action a ON a.id = u.action_id WHERE u.on_date < a.agreed_on"},
		sqlCheck{"report-ins before their whistle", "SELECT COUNT(*) FROM whistle_party p JOIN whistle w ON w.id = p.whistle_id WHERE p.reported_at < w.raised_at"},
		sqlCheck{"whistles resolved before raised", "SELECT COUNT(*) FROM whistle WHERE resolved_on < raised_on"},
		sqlCheck{"campaign units not stationed in its area", `SELECT COUNT(*) FROM campaign_unit cu JOIN campaign k ON k.id = cu.campaign_id
WHERE NOT EXISTS (SELECT 1 FROM unit_location l JOIN area_closure x ON x.descendant_id = l.area_id AND x.ancestor_id = k.area_id
  AND x.from_on <= k.started_on AND (x.to_on IS NULL OR k.started_on < x.to_on)
  WHERE l.unit_id = cu.unit_id AND l.from_on <= k.started_on AND (l.to_on IS NULL OR k.started_on < l.to_on))`},
	)
	// Each kind of outcome is there: done on time, done late, open and
	// overdue, late report-ins.
	expectSome(t, d,
		sqlCheck{"actions done on time", "SELECT COUNT(*) FROM agreed_action WHERE status = 'done' AND closed_on <= due_on"},
		sqlCheck{"actions done late", "SELECT COUNT(*) FROM agreed_action WHERE status = 'done' AND closed_on > due_on"},
		sqlCheck{"actions open and overdue", "SELECT COUNT(*) FROM agreed_action WHERE status IN ('open', 'in_progress') AND due_on < (SELECT MAX(held_on) FROM conference_session)"},
		sqlCheck{"late report-ins", "SELECT COUNT(*) FROM whistle_party WHERE reported_at > deadline_at"},
		sqlCheck{"campaign results", "SELECT COUNT(*) FROM campaign_measure"},
	)
}
