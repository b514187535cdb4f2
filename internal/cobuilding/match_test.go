package cobuilding_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// TestSuggestAndMatch: the resources suggested for a demand, ranked (kind
// fits, then nearness, then promised elsewhere), with the reason; a match
// turns the demand and the chosen resources into a project at once.
func TestSuggestAndMatch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ctx := context.Background()
		res := map[string]int64{}
		offer := func(name, giver, areaName string, kind cobuilding.Kind, from, to string) {
			in := cobuilding.ResourceInput{Kind: kind, Description: name, FromOn: d(from)}
			if to != "" {
				in.ToOn = d(to)
			}
			if id, ok := p.units[giver]; ok {
				in.UnitID = id
			} else {
				in.Department, in.AreaID = giver, p.ID(areaName)
			}
			res[name] = p.must(p.s.CreateResource(ctx, in))
		}
		offer("R1 房管所资金", "U1 房管所", "", "money", "2023-01-01", "")
		offer("R2 房管所礼堂", "U1 房管所", "", "venue", "2023-01-01", "")
		offer("R3 党校义务服务", "U2 党校", "", "free_service", "2023-01-01", "")
		offer("R4a 水厂在官渡时的设备", "U6 水厂", "", "equipment", "2023-01-01", "")
		offer("R5 规划设计院", "市规划设计院", "示范区", "free_service", "2023-01-01", "")
		offer("R6 城管科设备", "街道城管科", "河东街道", "equipment", "2023-01-01", "")
		offer("R7 粮站用地", "U5 粮站", "", "land", "2020-01-01", "")
		offer("R8 供电所资金", "U4 供电所", "", "money", "2023-01-01", "")
		offer("R9 房管所旧用地", "U1 房管所", "", "land", "2022-01-01", "2023-12-31")
		offer("R10 党校资金", "U2 党校", "", "money", "2023-01-01", "")
		offer("R4b 水厂设备", "U6 水厂", "", "equipment", "2024-06-01", "")
		other := p.demand("宾南排水", "宾南社区", "drainage", "2023-06-01")
		p.must(p.s.Match(ctx, cobuilding.MatchInput{DemandID: other, ResourceIDs: []int64{res["R10 党校资金"]}, OrgID: p.ID("河东街道党委"), StartedOn: d("2024-02-01")}))
		road := p.demand("迎宾一巷道路破损", "迎宾社区", "road", "2024-01-01")

		got, err := p.s.Suggest(ctx, road, d("2024-07-01"), 0)
		p.ok(err)
		var names []string
		for _, sg := range got {
			names = append(names, sg.Resource.Description)
		}
		want := []string{"R1 房管所资金", "R3 党校义务服务", "R6 城管科设备", "R4b 水厂设备", "R10 党校资金", "R5 规划设计院", "R2 房管所礼堂"}
		if strings.Join(names, " ") != strings.Join(want, " ") {
			t.Fatalf("suggested\n%v\nwant\n%v", names, want)
		}
		reasons := func(sg cobuilding.Suggestion) string {
			var out []string
			for _, r := range sg.Reasons() {
				out = append(out, r.Text(i18n.ZH))
			}
			return strings.Join(out, "；")
		}
		for i, w := range map[int]string{
			0: "资源类型适合该类需求；本社区的资源",
			4: "资源类型适合该类需求；本街道的资源；已承诺给其他 1 个在建项目",
			5: "资源类型适合该类需求；上级部门的资源",
			6: "资源类型与需求类别不直接对应；本社区的资源",
		} {
			if g := reasons(got[i]); g != w {
				t.Errorf("%s: %q, want %q", names[i], g, w)
			}
		}

		// A match that names a resource no longer offered keeps nothing.
		_, err = p.s.Match(ctx, cobuilding.MatchInput{DemandID: road, ResourceIDs: []int64{res["R1 房管所资金"], res["R9 房管所旧用地"]}, OrgID: p.ID("迎宾社区党支部"), StartedOn: d("2024-07-01")})
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Key != "err.resource_not_offered" || ie.Field != "resource_ids[1]" {
			t.Fatalf("got %v, want err.resource_not_offered on resource_ids[1]", err)
		}
		if dm, _ := p.s.Demand(ctx, road); dm.Status != cobuilding.Open {
			t.Errorf("a refused match left the demand %s", dm.Status)
		}
		id := p.must(p.s.Match(ctx, cobuilding.MatchInput{DemandID: road, ResourceIDs: []int64{res["R1 房管所资金"], res["R3 党校义务服务"]}, OrgID: p.ID("迎宾社区党支部"), StartedOn: d("2024-07-01")}))
		st, err := p.s.ProjectStory(ctx, id)
		p.ok(err)
		if st.Project.Title != "迎宾一巷道路破损" || len(st.Demands) != 1 || st.Demands[0].Status != cobuilding.Matched || len(st.Resources) != 2 {
			t.Errorf("the project: %+v", st)
		}
		// Its resources now count as promised for another demand; not for
		// its own.
		again, err := p.s.Suggest(ctx, road, d("2024-07-01"), 3)
		p.ok(err)
		if len(again) != 3 || again[0].Resource.ID != res["R1 房管所资金"] || again[0].Promised != 0 {
			t.Errorf("own demand: %+v", again)
		}
		lane := p.demand("迎宾二巷路灯", "迎宾社区", "road", "2024-06-01")
		next, err := p.s.Suggest(ctx, lane, d("2024-07-01"), 0)
		p.ok(err)
		if next[0].Resource.ID != res["R1 房管所资金"] || next[0].Promised != 1 {
			t.Errorf("another demand: %+v", next[0])
		}
		// Matching a demand already done or closed is refused.
		p.ok(p.s.CloseDemand(ctx, lane, d("2024-06-15"), ""))
		_, err = p.s.Match(ctx, cobuilding.MatchInput{DemandID: lane, OrgID: p.ID("迎宾社区党支部"), StartedOn: d("2024-07-01")})
		if !errors.As(err, &ie) || ie.Key != "err.demand_settled" || ie.Field != "demand_id" {
			t.Errorf("got %v, want err.demand_settled on demand_id", err)
		}
	})
}
