package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// cobDumps select every column cobuilding.Store writes, in a stable order.
var cobDumps = []string{
	"SELECT id, area_id, title, category, tags, households, raised_by, raised_on, status, closed_on, note FROM demand ORDER BY id",
	"SELECT id, unit_id, department, area_id, kind, description, from_on, to_on FROM resource ORDER BY id",
	"SELECT id, area_id, org_id, title, started_on, done_on, estimated_cost, actual_cost, note FROM co_project ORDER BY id",
	"SELECT project_id, demand_id FROM co_project_demand ORDER BY project_id, demand_id",
	"SELECT project_id, resource_id FROM co_project_resource ORDER BY project_id, resource_id",
	"SELECT id, project_id, unit_id, department, kind, value, description, given_on FROM co_contribution ORDER BY id",
	"SELECT id, project_id, name, quantity, unit FROM co_result ORDER BY id",
	"SELECT id, project_id, kind, rating, given_by, given_on, note FROM co_feedback ORDER BY id",
}

// replayCobuilding plans part four (a) of p as Generate does, recording
// the operations, and runs them one by one through cobuilding.Store,
// checking that the Store hands out the ids the generator assigned.
func replayCobuilding(t *testing.T, d *db.DB, cp *coordPlan, o GenOptions) *cobPlan {
	t.Helper()
	ctx := tally.Defer(context.Background())
	cb := planCobuilding(cp, o, true)
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := cobuilding.NewStore(d, a)
	s.Today = a.Today
	for i, x := range cb.ops {
		var id int64
		var err error
		switch x.kind {
		case "demand":
			id, err = s.CreateDemand(ctx, x.demand)
		case "close":
			err = s.CloseDemand(ctx, x.target, x.on, x.demand.Note)
		case "resource":
			id, err = s.CreateResource(ctx, x.resource)
		case "project":
			id, err = s.CreateProject(ctx, x.project)
		case "done":
			err = s.UpdateProject(ctx, x.target, x.change)
		case "contribution":
			id, err = s.AddContribution(ctx, x.contribution)
		case "result":
			id, err = s.AddResult(ctx, x.result)
		case "feedback":
			id, err = s.AddFeedback(ctx, x.feedback)
		default:
			t.Fatalf("co-building op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("co-building op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		if id != x.id {
			t.Fatalf("co-building op %d (%s): Store id %d, generator id %d", i, x.kind, id, x.id)
		}
	}
	t.Logf("replayed %d part-four (a) operations: %d demands, %d resources, %d projects (%d done), %d contributions, %d results, %d feedback",
		len(cb.ops), len(cb.demands), len(cb.resources), len(cb.projects), cb.done(), len(cb.contributions), len(cb.results), len(cb.feedback))
	return cb
}

// checkCobuilding checks, in SQL over the whole tier, the rules of
// cobuilding.Store that the generated part four (a) must keep, and that
// each kind of case is there.
func checkCobuilding(t *testing.T, d *db.DB, st GenStats) {
	t.Helper()
	expectRows(t, d, tableRows{"demand", st.Demands}, tableRows{"resource", st.Resources}, tableRows{"co_project", st.CoProjects}, tableRows{"co_contribution", st.Contributions}, tableRows{"co_feedback", st.Feedback})
	expectNone(t, d,
		sqlCheck{"demands of an area not a community active the day raised", `SELECT COUNT(*) FROM demand x JOIN area a ON a.id = x.area_id
WHERE a.level <> 'community' OR x.raised_on < a.established_on OR (a.ended_on IS NOT NULL AND x.raised_on >= a.ended_on)`},
		sqlCheck{"demands whose status disagrees with their project", `SELECT COUNT(*) FROM demand x
WHERE (x.status IN ('matched', 'done')) <> EXISTS (SELECT 1 FROM co_project_demand pd WHERE pd.demand_id = x.id)
   OR (x.status = 'done') <> EXISTS (SELECT 1 FROM co_project_demand pd JOIN co_project p ON p.id = pd.project_id AND p.done_on = x.closed_on WHERE pd.demand_id = x.id)`},
		sqlCheck{"projects done before they started, or with a cost and no done day", "SELECT COUNT(*) FROM co_project WHERE done_on < started_on OR (actual_cost IS NOT NULL) <> (done_on IS NOT NULL)"},
		sqlCheck{"contributions before their project, or by a unit not active that day", `SELECT COUNT(*) FROM co_contribution c JOIN co_project p ON p.id = c.project_id
LEFT JOIN unit u ON u.id = c.unit_id WHERE c.given_on < p.started_on OR (u.id IS NOT NULL AND (c.given_on < u.started_on OR (u.ended_on IS NOT NULL AND c.given_on >= u.ended_on)))`},
		sqlCheck{"feedback before its project", "SELECT COUNT(*) FROM co_feedback f JOIN co_project p ON p.id = f.project_id WHERE f.given_on < p.started_on"},
		sqlCheck{"resources promised on a day they were not offered", `SELECT COUNT(*) FROM co_project_resource pr JOIN resource r ON r.id = pr.resource_id
JOIN co_project p ON p.id = pr.project_id WHERE p.started_on < r.from_on OR (r.to_on IS NOT NULL AND p.started_on >= r.to_on)`},
	)
	expectSome(t, d,
		sqlCheck{"open demands", "SELECT COUNT(*) FROM demand WHERE status = 'open'"},
		sqlCheck{"matched demands", "SELECT COUNT(*) FROM demand WHERE status = 'matched'"},
		sqlCheck{"closed demands", "SELECT COUNT(*) FROM demand WHERE status = 'closed'"},
		sqlCheck{"projects meeting two demands", "SELECT COUNT(*) FROM (SELECT project_id FROM co_project_demand GROUP BY project_id HAVING COUNT(*) > 1) x"},
		sqlCheck{"projects under way", "SELECT COUNT(*) FROM co_project WHERE done_on IS NULL"},
		sqlCheck{"projects over budget", "SELECT COUNT(*) FROM co_project WHERE actual_cost > estimated_cost"},
		sqlCheck{"resources promised", "SELECT COUNT(*) FROM co_project_resource"},
		sqlCheck{"resources withdrawn", "SELECT COUNT(*) FROM resource WHERE to_on IS NOT NULL"},
		sqlCheck{"departments' resources", "SELECT COUNT(*) FROM resource WHERE unit_id IS NULL"},
		sqlCheck{"departments serving free", "SELECT COUNT(*) FROM co_contribution WHERE unit_id IS NULL AND kind = 'free_service'"},
		sqlCheck{"money given by units", "SELECT COUNT(*) FROM co_contribution WHERE unit_id IS NOT NULL AND kind = 'money'"},
		sqlCheck{"banners", "SELECT COUNT(*) FROM co_feedback WHERE kind = 'banner'"},
		sqlCheck{"ratings", "SELECT COUNT(*) FROM co_feedback WHERE kind = 'rating'"},
		sqlCheck{"results", "SELECT COUNT(*) FROM co_result"},
	)
}
