package cobuilding_test

import (
	"context"
	"net/url"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestCobuildingPages: the demand, resource and project lists and a
// project's story, within the user's scope and in both languages; a
// demand's page suggests resources with their reasons.
func TestCobuildingPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		for k, id := range p.projects() {
			p.IDs[k] = id
		}
		ctx := context.Background()
		p.IDs["lamp"] = p.demand("迎宾二巷路灯不亮", "迎宾社区", "security", "2018-03-01")
		p.IDs["vol"] = p.must(p.s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U1 房管所"], Kind: "volunteers", Description: "房管所志愿服务队", FromOn: d("2023-01-01")}))
		p.must(p.s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U4 供电所"], Kind: "equipment", Description: "供电所登高车", FromOn: d("2023-01-01")}))
		p.IDs["P6"] = p.project("迎宾四巷绿化", "迎宾社区", "迎宾社区党支部", "2025-01-10", wan(2))
		p.IDs["U1"], p.IDs["U4"] = p.units["U1 房管所"], p.units["U4 供电所"]
		p.Callers()
		p.Caller("guandu", "subdistrict", "官渡街道", true)
		p.Caller("liaison", "unit", "U1 房管所", true)
		h := p.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + p.Sessions[user]}
		}
		for _, sc := range []testkit.Scenario{
			{Name: "open demands, oldest first", Path: "/demands", Header: as("district"), Status: 200,
				InOrder: []string{"迎宾二巷路灯不亮", "2018-03-01"}, Want: []string{"公益性", `id="tab-resources"`}, Not: []string{"宾南路大院脏乱"}},
			{Name: "the community's page links to its demands", Path: "/areas/{迎宾社区}", Header: as("yingbin"), Status: 200,
				Want: []string{`href="/areas/{迎宾社区}/demands" id="area-demands"`}},
			{Name: "a community's demands", Path: "/areas/{宾南社区}/demands?status=all", Header: as("hedong"), Status: 200,
				Want: []string{"宾南路大院脏乱"}, Not: []string{"迎宾一巷道路破损"}},
			{Name: "another subdistrict's demands", Path: "/areas/{官渡社区}/demands", Header: as("hedong"), Status: 403},
			{Name: "done demands", Path: "/demands?status=done", Header: as("district"), Status: 200,
				InOrder: []string{"迎宾一巷道路破损", "宾南路大院脏乱"}},
			{Name: "in English", Path: "/demands?status=done&lang=en", Header: as("district"), Status: 200, Want: []string{"Demand list", "Public welfare"}},
			{Name: "a demand's suggestions", Path: "/demands/{lamp}", Header: as("yingbin"), Status: 200,
				Want: []string{"房管所志愿服务队", "资源类型适合该类需求；本社区的资源"}, Not: []string{"供电所登高车"}},
			{Name: "another subdistrict's demand", Path: "/demands/{lamp}", Header: as("guandu"), Status: 403},
			{Name: "resources", Path: "/resources", Header: as("hedong"), Status: 200, Want: []string{"房管所志愿服务队", "志愿者"}, Not: []string{"供电所登高车"}},
			{Name: "projects", Path: "/co-projects", Header: as("district"), Status: 200,
				Want: []string{"迎宾一巷道路硬化", "20.00", "官渡下水道疏通", "迎宾社区党支部"}},
			{Name: "a subdistrict's projects", Path: "/co-projects", Header: as("hedong"), Status: 200, Not: []string{"官渡下水道疏通"}},
			{Name: "a project's story", Path: "/co-projects/{P1}", Header: as("yingbin"), Status: 200,
				InOrder: []string{"迎宾一巷道路破损", "U1 房管所", "U2 党校", "市规划设计院", "道路 800 米", "锦旗", "迎宾一巷居民"},
				Want:    []string{`id="saved"`, "节约资金 20.00 万元", "2 个驻区单位"}},
			{Name: "its story in English", Path: "/co-projects/{P1}?lang=en", Header: as("yingbin"), Status: 200, Want: []string{"saved 20.00 (10k yuan)", "Banner"}},
			{Name: "another community's project", Path: "/co-projects/{P2}", Header: as("yingbin"), Status: 403},
			{Name: "a viewer reads", Path: "/co-projects/{P2}", Header: as("viewer"), Status: 200, Want: []string{"宾南路大院整治", "感谢信"}},
			// Matching a demand.
			{Name: "the match form", Path: "/demands/{lamp}/match", Header: as("yingbin"), Status: 200,
				Want: []string{`id="f-resource_{vol}"`, "U1 房管所 · 志愿者 · 房管所志愿服务队", "资源类型适合该类需求；本社区的资源", "迎宾社区党支部", `value="迎宾二巷路灯不亮"`}},
			{Name: "a viewer may not match", Method: "POST", Path: "/demands/{lamp}/match", Header: as("viewer"), Status: 403, Form: url.Values{}},
			{Name: "a bad cost", Method: "POST", Path: "/demands/{lamp}/match", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"路灯维修"}, "org_id": {"{迎宾社区党支部}"}, "on": {"2025-05-01"}, "estimated_cost": {"12.345"}, "resource_{vol}": {"1"}},
				Want: []string{"最多两位小数", `value="路灯维修"`}},
			{Name: "a start in the future", Method: "POST", Path: "/demands/{lamp}/match", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"路灯维修"}, "org_id": {"{迎宾社区党支部}"}, "on": {"2025-07-01"}, "estimated_cost": {"12000"}}, Want: []string{`id="on-error"`}},
			{Name: "matched", Method: "POST", Path: "/demands/{lamp}/match", Header: as("yingbin"), Status: 303,
				Form: url.Values{"title": {"路灯维修"}, "org_id": {"{迎宾社区党支部}"}, "on": {"2025-05-01"}, "estimated_cost": {"12000"}, "resource_{vol}": {"1"}}},
			{Name: "the demand is matched", Path: "/demands?status=matched", Header: as("yingbin"), Status: 200, Want: []string{"迎宾二巷路灯不亮", "已对接"}},
			{Name: "the project tells it", Path: "/co-projects", Header: as("yingbin"), Status: 200, Want: []string{"路灯维修", "1.20"}},
			// Recording.
			{Name: "a demand of a bad category", Method: "POST", Path: "/areas/{迎宾社区}/demands/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"垃圾清运"}, "category": {"moon"}, "on": {"2025-04-01"}}, Want: []string{`id="category-error"`, `value="垃圾清运"`}},
			{Name: "a demand recorded", Method: "POST", Path: "/areas/{迎宾社区}/demands/new", Header: as("yingbin"), Status: 303,
				Form: url.Values{"title": {"垃圾清运"}, "category": {"sanitation"}, "tag_mass": {"1"}, "households": {"40"}, "raised_by": {"3号楼居民"}, "on": {"2025-04-01"}}},
			{Name: "it is listed with its tag", Path: "/areas/{迎宾社区}/demands", Header: as("yingbin"), Status: 200, Want: []string{"垃圾清运", "群众性", `id="demand-new"`}},
			{Name: "a resource with no area", Method: "POST", Path: "/resources/new", Header: as("hedong"), Status: 422,
				Form: url.Values{"department": {"区环卫所"}, "kind": {"equipment"}, "description": {"清运车"}, "on": {"2025-01-01"}}, Want: []string{`id="area_id-error"`}},
			{Name: "a resource recorded", Method: "POST", Path: "/resources/new", Header: as("hedong"), Status: 303, Location: "/resources",
				Form: url.Values{"department": {"区环卫所"}, "area_id": {"{河东街道}"}, "kind": {"equipment"}, "description": {"清运车"}, "on": {"2025-01-01"}}},
			{Name: "done before it started", Method: "POST", Path: "/co-projects/{P6}/edit", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"迎宾四巷绿化"}, "estimated_cost": {"20000"}, "actual_cost": {"15000"}, "on": {"2025-01-01"}}, Want: []string{`id="on-error"`, "完成日期不能早于开始日期"}},
			{Name: "an actual cost without a done date", Method: "POST", Path: "/co-projects/{P6}/edit", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"迎宾四巷绿化"}, "estimated_cost": {"20000"}, "actual_cost": {"15000"}}, Want: []string{`id="actual_cost-error"`}},
			{Name: "a unit from elsewhere", Method: "POST", Path: "/co-projects/{P6}/contributions/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"unit_id": {"{U4}"}, "kind": {"money"}, "value": {"5000"}, "on": {"2025-02-01"}}, Want: []string{`id="unit_id-error"`, "不是本街道的驻区单位"}},
			{Name: "a department gives", Method: "POST", Path: "/co-projects/{P6}/contributions/new", Header: as("yingbin"), Status: 303,
				Form: url.Values{"department": {"区园林局"}, "kind": {"free_service"}, "value": {"3000"}, "on": {"2025-02-01"}}},
			{Name: "a result", Method: "POST", Path: "/co-projects/{P6}/results/new", Header: as("yingbin"), Status: 303,
				Form: url.Values{"name": {"绿地"}, "quantity": {"120.5"}, "unit": {"平方米"}}},
			{Name: "done", Method: "POST", Path: "/co-projects/{P6}/edit", Header: as("yingbin"), Status: 303,
				Form: url.Values{"title": {"迎宾四巷绿化"}, "estimated_cost": {"20000"}, "actual_cost": {"15000"}, "on": {"2025-03-01"}}},
			{Name: "thanks before it started", Method: "POST", Path: "/co-projects/{P6}/feedback/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"kind": {"banner"}, "given_by": {"居民"}, "on": {"2025-01-01"}}, Want: []string{`id="on-error"`}},
			{Name: "a banner", Method: "POST", Path: "/co-projects/{P6}/feedback/new", Header: as("yingbin"), Status: 303,
				Form: url.Values{"kind": {"banner"}, "given_by": {"四巷居民"}, "on": {"2025-03-10"}}},
			{Name: "the story now", Path: "/co-projects/{P6}", Header: as("yingbin"), Status: 200,
				InOrder: []string{"区园林局", "绿地 120.5 平方米", "四巷居民"}, Want: []string{"节约资金 0.50 万元", `id="project-edit"`}},
			{Name: "a viewer has no buttons", Path: "/co-projects/{P6}", Header: as("viewer"), Status: 200, Not: []string{`id="project-edit"`}},
			{Name: "a viewer may not record", Method: "POST", Path: "/co-projects/{P6}/results/new", Header: as("viewer"), Status: 403, Form: url.Values{}},
			{Name: "a unit's record of co-building", Path: "/units/{U1}/co-building", Header: as("liaison"), Status: 200,
				Want: []string{`data-year="2024"`, "<td class=\"num\">2</td><td class=\"num\">11.00</td>", "迎宾一巷道路硬化", "宾南路大院整治", "房管所志愿服务队"}},
			{Name: "the liaison offers a resource", Method: "POST", Path: "/units/{U1}/resources/new", Header: as("liaison"), Status: 303, Location: "/units/{U1}/co-building",
				Form: url.Values{"kind": {"venue"}, "description": {"房管所会议室"}, "on": {"2025-05-01"}}},
			{Name: "and sees it", Path: "/units/{U1}/co-building", Header: as("liaison"), Status: 200, Want: []string{"房管所会议室", `id="unit-resource-new"`}},
			{Name: "not for another unit", Method: "POST", Path: "/units/{U4}/resources/new", Header: as("liaison"), Status: 403,
				Form: url.Values{"kind": {"venue"}, "description": {"借用"}, "on": {"2025-05-01"}}},
			{Name: "another unit's record", Path: "/units/{U4}/co-building", Header: as("liaison"), Status: 403},
			{Name: "a unit outside the scope", Path: "/units/{U4}/co-building", Header: as("hedong"), Status: 403},
			{Name: "the liaison cannot read the lists", Path: "/co-projects", Header: as("liaison"), Status: 403},
		} {
			rec := p.Serve(t, h, sc)
			p.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
