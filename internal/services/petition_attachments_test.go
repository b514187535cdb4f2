package services_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
)

// TestPetitionsMoveWithTheirArea: when 宾南社区 merges into 迎宾社区, its
// open case goes on in 迎宾社区 (on the work list, under the same case);
// its resolved case stays a fact of 宾南社区.
func TestPetitionsMoveWithTheirArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		ctx := context.Background()
		open := p.receive(ptCase{title: "宾南积水", area: "宾南社区", kind: "help", received: "2025-05-01 09:00", agency: "区水务局"})
		done := p.receive(ptCase{title: "宾南噪音", area: "宾南社区", kind: "complaint", headcount: 3, received: "2025-04-01 09:00", agency: "区城管局",
			accepted: "2025-04-01 10:00", resolved: "2025-04-05", sat: "satisfied"})
		attached, err := p.App.Areas.AttachedTo(ctx, p.ID("宾南社区"), ptDay("2025-06-01"))
		p.ok(err)
		found := false
		for _, a := range attached {
			if a.Kind == "ui.attached.petitions" && a.N == 1 {
				found = true
			}
		}
		if !found {
			t.Errorf("attached to 宾南社区: %+v, want one open petition", attached)
		}
		p.ok(p.App.Areas.Merge(ctx, area.MergeInput{AreaID: p.ID("宾南社区"), TargetID: p.ID("迎宾社区"), On: ptDay("2025-06-01"), Confirmed: true}))
		o, err := p.s.Petition(ctx, open)
		p.ok(err)
		d, err := p.s.Petition(ctx, done)
		p.ok(err)
		if o.AreaID != p.ID("迎宾社区") || d.AreaID != p.ID("宾南社区") {
			t.Errorf("after the merge the open case is in %d, the resolved one in %d", o.AreaID, d.AreaID)
		}
		p.ok(p.s.Accept(ctx, open, ptAt("2025-06-02 09:00")))
		got, err := figures.Get("petitions.collective_resolved").Compute(ctx, dbh.Reader(), figures.Scope{AreaID: p.ID("河东街道"), From: ptDay("2025-01-01"), To: ptDay("2025-06-30")})
		if err != nil || got != 1 {
			t.Errorf("河东街道's collective cases resolved: %v, %v", got, err)
		}
	})
}
