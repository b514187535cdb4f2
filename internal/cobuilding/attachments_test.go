package cobuilding_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/invariant"
)

// TestMergeMovesWhatIsUnderWay: 迎宾社区 merges into 宾南社区; its open
// demand, its project under way and the resource offered there go on in
// 宾南; its done projects and done demands stay its own, and the figures
// of 2024 do not change.
func TestMergeMovesWhatIsUnderWay(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartFour(t, dbh)
		ids := p.projects()
		open := p.demand("迎宾二巷路灯不亮", "迎宾社区", "security", "2024-12-01")
		going := p.project("迎宾三巷排水", "迎宾社区", "迎宾社区党支部", "2025-02-01", wan(3))
		res := p.must(p.s.CreateResource(ctx, cobuilding.ResourceInput{Department: "社区卫生站", AreaID: p.ID("迎宾社区"), Kind: "skill", Description: "义诊", FromOn: d("2024-01-01")}))
		saved := func() float64 {
			v, err := figures.Get("projects.saved").Compute(ctx, dbh.Reader(), figures.Scope{AreaID: p.ID("迎宾社区"), From: d("2024-01-01"), To: d("2024-12-31")})
			p.ok(err)
			return v
		}
		before := saved()
		A := p.App.Areas
		if err := A.Merge(ctx, area.MergeInput{AreaID: p.ID("迎宾社区"), TargetID: p.ID("宾南社区"), On: d("2025-03-01")}); err == nil {
			t.Fatal("a merge moved records the user was not shown")
		}
		p.ok(A.Merge(ctx, area.MergeInput{AreaID: p.ID("迎宾社区"), TargetID: p.ID("宾南社区"), On: d("2025-03-01"), Confirmed: true}))
		for _, tc := range []struct {
			name string
			got  func() (int64, error)
			want string
		}{
			{"the open demand", func() (int64, error) { x, err := p.s.Demand(ctx, open); return x.AreaID, err }, "宾南社区"},
			{"the project under way", func() (int64, error) { x, err := p.s.Project(ctx, going); return x.AreaID, err }, "宾南社区"},
			{"the resource on offer", func() (int64, error) { x, err := p.s.Resource(ctx, res); return x.AreaID, err }, "宾南社区"},
			{"the done project", func() (int64, error) { x, err := p.s.Project(ctx, ids["P1"]); return x.AreaID, err }, "迎宾社区"},
		} {
			got, err := tc.got()
			if err != nil || got != p.ID(tc.want) {
				t.Errorf("%s is in %d (%v), want %s", tc.name, got, err, tc.want)
			}
		}
		if after := saved(); after != before || after != 20.5 {
			t.Errorf("迎宾's money saved in 2024: %v, then %v", before, after)
		}
		breaches, err := invariant.Check(ctx, dbh.Reader())
		if err != nil || len(breaches) != 0 {
			t.Errorf("invariants after the merge: %v %v", breaches, err)
		}
	})
}
