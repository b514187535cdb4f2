package services_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/invariant"
)

// TestInvariantsFindBreaches: the hand-built dataset keeps part four (b)'s
// invariants; records written around the store (a month before an outlet
// opened, an outlet left open in the merged 河滨社区) break them, and are
// taken back before the test ends.
func TestInvariantsFindBreaches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		count := func() map[string]int {
			bs, err := invariant.Check(ctx, dbh.Reader())
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]int{}
			for _, b := range bs {
				if strings.HasPrefix(b.Invariant, "outlet.") || strings.HasPrefix(b.Invariant, "service_record.") || strings.HasPrefix(b.Invariant, "designation.") {
					out[b.Invariant]++
				}
			}
			return out
		}
		if got := count(); len(got) != 0 {
			t.Fatalf("the dataset breaks %v", got)
		}
		exec := func(q string, args ...any) {
			if _, err := dbh.Writer().ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		o4 := p.ids["O4 官渡计生服务中心"]
		exec("INSERT INTO service_record (area_id, outlet_id, kind, span, on_date, person_times) VALUES (?, ?, 'training', 'month', ?, 1)", p.ID("官渡社区"), o4, d("2024-11-01"))
		exec("INSERT INTO outlet (area_id, kind, name, from_on) VALUES (?, 'cleaning_team', '河滨清洁队', ?)", p.ID("河滨社区"), d("2020-01-01"))
		got := count()
		if got["service_record.outlet_open"] != 1 || got["outlet.area_active"] != 1 {
			t.Errorf("breaches %v, want one record before its outlet opened and one outlet open in an ended area", got)
		}
		exec("DELETE FROM service_record WHERE outlet_id = ? AND on_date = ?", o4, d("2024-11-01"))
		exec("DELETE FROM outlet WHERE name = '河滨清洁队'")
	})
}
