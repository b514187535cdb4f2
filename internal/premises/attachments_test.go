package premises_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/invariant"
)

// TestMergeMovesPremises: 官渡社区 merges into 新村社区; its office and the
// room in it go with it that day, the history stays with 官渡, and no
// invariant is broken.
func TestMergeMovesPremises(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartThree(t, dbh)
		p.build()
		A := p.World.App.Areas
		if err := A.Merge(ctx, area.MergeInput{AreaID: p.ID("官渡社区"), TargetID: p.ID("新村社区"), On: d("2025-03-01")}); err == nil {
			t.Fatal("a merge moved premises the user was not shown")
		}
		if err := A.Merge(ctx, area.MergeInput{AreaID: p.ID("官渡社区"), TargetID: p.ID("新村社区"), On: d("2025-03-01"), Confirmed: true}); err != nil {
			t.Fatal(err)
		}
		gd, err := p.s.Community(ctx, p.ID("官渡社区"), d("2025-02-28"))
		if err != nil || len(gd.Premises) != 1 || gd.Premises[0].ToOn.String() != "2025-03-01" || gd.Premises[0].Rooms[0].ToOn.String() != "2025-03-01" {
			t.Errorf("官渡 after the merge: %+v %v", gd.Premises, err)
		}
		xc, err := p.s.Community(ctx, p.ID("新村社区"), d("2025-06-30"))
		if err != nil || len(xc.Premises) != 1 || xc.Premises[0].Address != "官渡路3号" || xc.Premises[0].FromOn.String() != "2025-03-01" ||
			len(xc.Premises[0].Rooms) != 1 || xc.Premises[0].Rooms[0].Kind != "e_learning" || xc.State.Office.Lacks {
			t.Errorf("新村 after the merge: %+v %v", xc, err)
		}
		breaches, err := invariant.Check(ctx, dbh.Reader())
		if err != nil || len(breaches) != 0 {
			t.Errorf("invariants after the merge: %v %v", breaches, err)
		}
	})
}
