package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/premises"
	"dangjian/internal/tally"
)

// premDumps select every column premises.Store writes, in a stable order.
var premDumps = []string{
	"SELECT id, area_id, name, cost, started_on, note FROM building_project ORDER BY id",
	"SELECT project_id, step, reached_on, note FROM project_step ORDER BY project_id, step",
	"SELECT id, project_id, amount, waived_by, on_date FROM project_waiver ORDER BY id",
	"SELECT id, project_id, source, amount, received_on, note FROM project_funding ORDER BY id",
	"SELECT id, area_id, address, use, floor_area, tenure, project_id, from_on, to_on FROM premises ORDER BY id",
	"SELECT id, premises_id, kind, floor_area, from_on, to_on FROM room ORDER BY id",
	"SELECT id, area_id, year, amount, source, from_on, to_on FROM office_funding ORDER BY id",
	"SELECT id, area_id, land_area, location, from_on, to_on FROM economic_land ORDER BY id",
	"SELECT id, area_id, min_area, per_100_households, from_on FROM premises_standard ORDER BY id",
	"SELECT id, area_id, households, counted_on FROM household_count ORDER BY id",
}

// replayPremises plans part three of p as Generate does, recording the
// operations, and runs them one by one through premises.Store, checking
// that the Store hands out the ids the generator assigned. It returns the
// plan.
func replayPremises(t *testing.T, d *db.DB, p *planner, o GenOptions) *premPlan {
	t.Helper()
	ctx := tally.Defer(context.Background())
	pr := planPremises(p, o, true)
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := premises.NewStore(d, a)
	s.Today = a.Today
	for i, x := range pr.ops {
		var id int64
		var err error
		switch x.kind {
		case "standard":
			id, err = s.SetStandard(ctx, x.standard)
		case "premises":
			id, err = s.OpenPremises(ctx, x.premises)
		case "room":
			id, err = s.AddRoom(ctx, x.room)
		case "office":
			id, err = s.AddOfficeFunding(ctx, x.office)
		case "land":
			id, err = s.AddLand(ctx, x.land)
		case "project":
			id, err = s.CreateProject(ctx, x.project)
		case "step":
			err = s.ReachStep(ctx, x.step)
		case "funding":
			id, err = s.AddFunding(ctx, x.funding)
		case "waiver":
			id, err = s.AddWaiver(ctx, x.waiver)
		case "households":
			id, err = s.CountHouseholds(ctx, x.households)
		default:
			t.Fatalf("premises op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("premises op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		if id != x.id {
			t.Fatalf("premises op %d (%s): Store id %d, generator id %d", i, x.kind, id, x.id)
		}
	}
	t.Logf("replayed %d part-three operations: %d premises, %d rooms, %d office funding rows, %d land, %d projects (%d of %d three-lacks solved, %d under way), %d waivers, %d funding rows, %d household counts, %d standards",
		len(pr.ops), len(pr.premises), len(pr.rooms), len(pr.office), len(pr.land), len(pr.projects), pr.solved, pr.threeLacks, pr.underWay,
		len(pr.waivers), len(pr.funding), len(pr.households), len(pr.standards))
	return pr
}

// checkPremises checks, in SQL over the whole tier, the rules of
// premises.Store that the generated part three must keep, and that each
// kind of case is there.
func checkPremises(t *testing.T, d *db.DB, st GenStats) {
	t.Helper()
	expectRows(t, d, tableRows{"premises", st.Premises}, tableRows{"room", st.Rooms}, tableRows{"office_funding", st.OfficeFunding}, tableRows{"economic_land", st.Land},
		tableRows{"building_project", st.Projects}, tableRows{"household_count", st.Households}, tableRows{"premises_standard", st.Standards})
	expectNone(t, d,
		sqlCheck{"premises of a community not active on their first day", `SELECT COUNT(*) FROM premises p JOIN area a ON a.id = p.area_id
WHERE a.level <> 'community' OR p.from_on < a.established_on OR (a.ended_on IS NOT NULL AND p.from_on >= a.ended_on)`},
		sqlCheck{"premises open past their community's end", `SELECT COUNT(*) FROM premises p JOIN area a ON a.id = p.area_id
WHERE a.ended_on IS NOT NULL AND (p.to_on IS NULL OR p.to_on > a.ended_on)`},
		sqlCheck{"rooms larger than their premises or outside their dates", `SELECT COUNT(*) FROM room r JOIN premises p ON p.id = r.premises_id
WHERE r.floor_area > p.floor_area OR r.from_on < p.from_on OR (p.to_on IS NOT NULL AND (r.to_on IS NULL OR r.to_on > p.to_on OR r.from_on >= p.to_on))`},
		sqlCheck{"office funding outside its community's life", `SELECT COUNT(*) FROM office_funding f JOIN area a ON a.id = f.area_id
WHERE a.established_on >= f.to_on OR (a.ended_on IS NOT NULL AND a.ended_on <= f.from_on)`},
		sqlCheck{"steps before the previous one or the project", `SELECT COUNT(*) FROM project_step s JOIN building_project b ON b.id = s.project_id
WHERE s.reached_on < b.started_on OR EXISTS (SELECT 1 FROM project_step s2 WHERE s2.project_id = s.project_id
  AND CASE s2.step WHEN 'siting' THEN 0 WHEN 'funding' THEN 1 WHEN 'approval' THEN 2 WHEN 'construction' THEN 3 ELSE 4 END
    < CASE s.step WHEN 'siting' THEN 0 WHEN 'funding' THEN 1 WHEN 'approval' THEN 2 WHEN 'construction' THEN 3 ELSE 4 END
  AND s2.reached_on > s.reached_on)`},
		sqlCheck{"completed projects without their premises, or premises of an unfinished project", `SELECT COUNT(*) FROM building_project b
WHERE EXISTS (SELECT 1 FROM project_step s WHERE s.project_id = b.id AND s.step = 'completed')
   <> EXISTS (SELECT 1 FROM premises p JOIN project_step s ON s.project_id = b.id AND s.step = 'completed' AND s.reached_on = p.from_on WHERE p.project_id = b.id)`},
		sqlCheck{"projects funded above their cost", `SELECT COUNT(*) FROM building_project b WHERE b.cost < (SELECT COALESCE(SUM(amount), 0) FROM project_funding f WHERE f.project_id = b.id)`},
		sqlCheck{"funding received before its project", "SELECT COUNT(*) FROM project_funding f JOIN building_project b ON b.id = f.project_id WHERE f.received_on < b.started_on"},
	)
	expectSome(t, d,
		sqlCheck{"completed projects", "SELECT COUNT(*) FROM project_step WHERE step = 'completed'"},
		sqlCheck{"projects under way", "SELECT COUNT(*) FROM building_project b WHERE NOT EXISTS (SELECT 1 FROM project_step s WHERE s.project_id = b.id AND s.step = 'completed')"},
		sqlCheck{"projects with all four shares", `SELECT COUNT(*) FROM building_project b WHERE (SELECT COUNT(DISTINCT source) FROM project_funding f
WHERE f.project_id = b.id AND f.source IN ('city', 'district', 'subdistrict', 'self')) = 4`},
		sqlCheck{"waivers", "SELECT COUNT(*) FROM project_waiver"},
		sqlCheck{"rented premises", "SELECT COUNT(*) FROM premises WHERE tenure = 'rented'"},
		sqlCheck{"service premises", "SELECT COUNT(*) FROM premises WHERE use = 'service'"},
		sqlCheck{"stricter subdistrict standards", "SELECT COUNT(*) FROM premises_standard s JOIN area a ON a.id = s.area_id WHERE a.level = 'subdistrict'"},
	)
	if st.ThreeLacks == 0 || st.Solved == 0 || st.Solved >= st.ThreeLacks {
		t.Errorf("%d of %d three-lacks committees solved, want some but not all", st.Solved, st.ThreeLacks)
	}
}
