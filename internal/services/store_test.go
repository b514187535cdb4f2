package services_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/services"
)

// TestPlacementIDNumberIsSealed: the ID number is stored encrypted, listed
// masked, and never in the audit trail in full.
func TestPlacementIDNumberIsSealed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		full := idNumber(1)
		rows, err := p.s.ListPlacements(ctx, services.PlacementFilter{})
		if err != nil || len(rows) != 4 {
			t.Fatalf("%d placements, %v", len(rows), err)
		}
		if rows[0].IDNumber == full || !strings.HasPrefix(rows[0].IDNumber, full[:6]) || !strings.Contains(rows[0].IDNumber, "*") {
			t.Errorf("listed %q for %q", rows[0].IDNumber, full)
		}
		var stored, trail string
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT id_number_enc FROM placement WHERE id = ?", rows[0].ID).Scan(&stored))
		if strings.Contains(stored, full) || !strings.HasPrefix(stored, "v1:") {
			t.Errorf("stored %q", stored)
		}
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COALESCE(MAX(after_json), '') FROM audit_entry WHERE action = 'placement.create' AND target_id = ?", strconv.FormatInt(rows[0].ID, 10)).Scan(&trail))
		if trail == "" || strings.Contains(trail, full) {
			t.Errorf("audit trail %q", trail)
		}
		// Scoped to 河东街道, 官渡's placement (P4) is not listed.
		hedong, err := p.s.ListPlacements(access.WithScope(ctx, p.ID("河东街道")), services.PlacementFilter{})
		if err != nil || len(hedong) != 1 {
			t.Errorf("河东 lists %d placements (%v), want 1 (宾南's; 迎宾 moved to 官渡)", len(hedong), err)
		}
	})
}

// TestGridAllOrNothing: a community's month saves every cell or none; a
// wrong cell comes back with its refusal and the typed text.
func TestGridAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		bn := p.ID("宾南社区")
		o3, o5 := p.ids["O3 宾南老人服务中心"], p.ids["O5 宾南家政服务中心"]
		g, err := p.s.Grid(ctx, bn, d("2024-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Rows) != 2*len(services.ServiceKinds) {
			t.Fatalf("%d rows, want two outlets × %d kinds", len(g.Rows), len(services.ServiceKinds))
		}
		for _, r := range g.Rows {
			if r.OutletID == o5 && r.Kind == "elderly_care" && (r.PT != "30" || r.RecordID != p.ids["R3"]) {
				t.Errorf("R3 shows as %+v", r)
			}
		}
		count := func() (n, sum int64) {
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(SUM(person_times), 0) FROM service_record").Scan(&n, &sum))
			return
		}
		n0, sum0 := count()
		bad := []services.GridCell{
			{OutletID: o3, Kind: "training", PersonTimes: "12", VolunteerHours: "3"},
			{OutletID: o5, Kind: "elderly_care", PersonTimes: "35"},
			{OutletID: o5, Kind: "health_care", PersonTimes: "-4"},
			{OutletID: o3, Kind: "other", PersonTimes: "8", VolunteerHours: "x"},
		}
		g, err = p.s.SaveGrid(ctx, bn, d("2024-06-01"), bad)
		if !errors.Is(err, services.ErrGridRefused) {
			t.Fatalf("got %v, want the grid refused", err)
		}
		refused := 0
		for _, r := range g.Rows {
			if r.PTErr != nil || r.VHErr != nil {
				refused++
			}
			if r.OutletID == o5 && r.Kind == "health_care" && (r.PTErr == nil || r.PTErr.Key != "err.svc_negative" || r.PT != "-4") {
				t.Errorf("the negative cell came back as %+v", r)
			}
		}
		if refused != 2 {
			t.Errorf("%d rows refused, want 2", refused)
		}
		if n, sum := count(); n != n0 || sum != sum0 {
			t.Errorf("a refused grid wrote: %d rows, sum %d (was %d, %d)", n, sum, n0, sum0)
		}
		good := bad[:2]
		if _, err := p.s.SaveGrid(ctx, bn, d("2024-06-01"), good); err != nil {
			t.Fatal(err)
		}
		if n, sum := count(); n != n0+1 || sum != sum0+12+5 {
			t.Errorf("after the grid: %d rows, sum %d; want %d, %d", n, sum, n0+1, sum0+17)
		}
		// An outlet that closed before the month has no row: its cell is refused.
		if _, err := p.s.SaveGrid(ctx, bn, d("2024-11-01"), []services.GridCell{{OutletID: o3, Kind: "training", PersonTimes: "1"}}); !errors.Is(err, services.ErrGridRefused) {
			t.Errorf("a closed outlet's cell: %v", err)
		}
		// Outside the scope, the community is refused.
		if _, err := p.s.Grid(access.WithScope(ctx, p.ID("官渡街道")), bn, d("2024-06-01")); err == nil {
			t.Error("官渡's caller read 宾南's grid")
		}
	})
}

// TestCreateRecordsAllOrNothing: a batch with one wrong record writes
// nothing and names the record; a good batch writes every record.
func TestCreateRecordsAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		o5 := p.ids["O5 宾南家政服务中心"]
		batch := []services.RecordInput{
			{OutletID: o5, Kind: "training", Span: services.Month, On: d("2025-01-01"), PersonTimes: 10},
			{OutletID: o5, Kind: "training", Span: services.Month, On: d("2025-02-01"), PersonTimes: 11},
			{OutletID: o5, Kind: "training", Span: services.Month, On: d("2025-01-15"), PersonTimes: 12}, // January again
		}
		var n0, n int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM service_record").Scan(&n0))
		_, err := p.s.CreateRecords(ctx, batch)
		var refused *services.RecordsRefused
		if !errors.As(err, &refused) || refused.Index != 2 {
			t.Fatalf("got %v, want record 2 refused", err)
		}
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM service_record").Scan(&n))
		if n != n0 {
			t.Errorf("a refused batch wrote %d records", n-n0)
		}
		if got, err := p.s.CreateRecords(ctx, batch[:2]); err != nil || got != 2 {
			t.Fatalf("%d, %v", got, err)
		}
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM service_record").Scan(&n))
		if n != n0+2 {
			t.Errorf("a good batch wrote %d records, want 2", n-n0)
		}
	})
}
