package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/services"
	"dangjian/internal/tally"
)

// svcDumps select every column services.Store writes (but the petitions'),
// in a stable order.
var svcDumps = []string{
	"SELECT id, area_id, kind, name, from_on, to_on, note FROM outlet ORDER BY id",
	"SELECT id, area_id, outlet_id, kind, span, on_date, person_times, volunteer_hours, note FROM service_record ORDER BY id",
	"SELECT id, area_id, estate, kind, title, awarded_by, from_on, to_on, end_reason, note FROM designation ORDER BY id",
	"SELECT id, area_id, name, id_number_enc, id_number_hash, before_status, employer, work, placed_by, placed_on, ended_on, note FROM placement ORDER BY id",
	"SELECT id, area_id, kind, title, beneficiaries, done_by, done_on, note FROM good_deed ORDER BY id",
}

// replayServices plans part four (b)'s services as Generate does,
// recording the operations, and runs them one by one through
// services.Store, checking that the Store hands out the ids the generator
// assigned.
func replayServices(t *testing.T, d *db.DB, cp *coordPlan, o GenOptions) *svcPlan {
	t.Helper()
	ctx := tally.Defer(context.Background())
	sv := planServices(cp, o, true)
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := services.NewStore(d, a, o.Keys)
	s.Today = a.Today
	for i, x := range sv.ops {
		var id int64
		var err error
		switch x.kind {
		case "outlet":
			id, err = s.CreateOutlet(ctx, x.outlet)
		case "records":
			if _, err = s.CreateRecords(ctx, x.records); err == nil {
				err = d.Reader().QueryRowContext(ctx, "SELECT MIN(id) FROM service_record WHERE outlet_id = ?", x.records[0].OutletID).Scan(&id)
			}
		case "designation":
			id, err = s.CreateDesignation(ctx, x.designation)
		case "end_designation":
			err = s.EndDesignation(ctx, x.target, x.on, x.reason)
		case "placement":
			id, err = s.CreatePlacement(ctx, x.placement)
		case "deed":
			id, err = s.CreateDeed(ctx, x.deed)
		default:
			t.Fatalf("services op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("services op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		if id != x.id {
			t.Fatalf("services op %d (%s): Store id %d, generator id %d", i, x.kind, id, x.id)
		}
	}
	t.Logf("replayed %d part-four (b) operations: %d outlets, %d monthly records, %d designations, %d placements, %d good deeds",
		len(sv.ops), len(sv.outlets), len(sv.records), len(sv.designations), len(sv.placements), len(sv.deeds))
	return sv
}

// checkServices checks, in SQL over the whole tier, the rules of
// services.Store that the generated part four (b) must keep, and that
// each kind of case is there.
func checkServices(t *testing.T, d *db.DB, st GenStats) {
	t.Helper()
	expectRows(t, d, tableRows{"outlet", st.Outlets}, tableRows{"service_record", st.ServiceRecords}, tableRows{"designation", st.Designations}, tableRows{"placement", st.Placements}, tableRows{"good_deed", st.Deeds})
	expectNone(t, d,
		sqlCheck{"outlets of an area not a subdistrict or community active the day opened", `SELECT COUNT(*) FROM outlet o JOIN area a ON a.id = o.area_id
WHERE a.level NOT IN ('subdistrict', 'community') OR o.from_on < a.established_on OR (a.ended_on IS NOT NULL AND o.from_on >= a.ended_on)`},
		sqlCheck{"good deeds and placements of an area not active that day", `SELECT (SELECT COUNT(*) FROM good_deed x JOIN area a ON a.id = x.area_id
WHERE x.done_on < a.established_on OR (a.ended_on IS NOT NULL AND x.done_on >= a.ended_on)) + (SELECT COUNT(*) FROM placement x JOIN area a ON a.id = x.area_id
WHERE x.placed_on < a.established_on OR (a.ended_on IS NOT NULL AND x.placed_on >= a.ended_on))`},
		sqlCheck{"records of an outlet's area other than the outlet's", "SELECT COUNT(*) FROM service_record r JOIN outlet o ON o.id = r.outlet_id WHERE r.area_id <> o.area_id"},
	)
	expectSome(t, d,
		sqlCheck{"closed outlets", "SELECT COUNT(*) FROM outlet WHERE to_on IS NOT NULL"},
		sqlCheck{"revoked designations", "SELECT COUNT(*) FROM designation WHERE end_reason = 'revoked'"},
		sqlCheck{"expired designations", "SELECT COUNT(*) FROM designation WHERE end_reason = 'expired'"},
		sqlCheck{"subdistricts' outlets", "SELECT COUNT(*) FROM outlet o JOIN area a ON a.id = o.area_id AND a.level = 'subdistrict'"},
	)
	for _, k := range services.OutletKinds[:6] {
		if n := countSQL(t, d, "SELECT COUNT(*) FROM outlet WHERE kind = '"+string(k)+"'"); n == 0 {
			t.Errorf("no outlet of kind %s", k)
		}
	}
}
