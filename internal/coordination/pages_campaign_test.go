package coordination_test

import (
	"context"
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// TestCampaignPages: the campaigns of a scope, a campaign's page (kind,
// area, dates, leading conference, units, results), and the form that
// records one with its units and results, refused by field and by row
// first; other areas' campaigns are refused.
func TestCampaignPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		for name, title := range map[string]string{"theft": "打击盗窃犯罪专项行动", "vice": "禁止黄赌毒专项行动"} {
			var id int64
			if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT MAX(id) FROM campaign WHERE name = ?", title).Scan(&id); err != nil || id == 0 {
				t.Fatalf("campaign %s: %v", title, err)
			}
			w.IDs[name] = id
		}
		h := w.Handler()
		as := func(u string) map[string]string { return asUser(w, u) }
		form := func(kv ...string) url.Values {
			v := url.Values{"name": {"楼道堆物清理专项行动"}, "kind": {"sanitation"}, "area_id_q": {"迎宾社区"}, "conference_id": {"{conf:河东街道社区党建工作联席会议}"},
				"started_on": {"2025-05-01"}, "ended_on": {"2025-06-01"}, "unit_0_q": {"示范市规划设计院"}, "unit_1_q": {""},
				"measure_name_0": {""}, "measure_qty_0": {""}, "measure_unit_0": {""},
				"measure_name_1": {"清运堆物"}, "measure_qty_1": {"35"}, "measure_unit_1": {"车"},
				"measure_name_2": {"粉刷楼道"}, "measure_qty_2": {"1200.5"}, "measure_unit_2": {"平方米"}}
			for i := 0; i+1 < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
			return v
		}
		for _, sc := range []testkit.Scenario{
			{Name: "the district's campaigns", Path: "/campaigns", Header: as("district"), Status: 200,
				Want: []string{"防治非典专项行动", "禁止黄赌毒专项行动", `href="/campaigns/{theft}"`, "整治脏乱差专项行动", "进行中", `id="campaign-new"`}},
			{Name: "a subdistrict's", Path: "/campaigns", Header: as("hedong"), Status: 200,
				Want: []string{"打击盗窃犯罪专项行动", "河东街道社区党建工作联席会议"}, Not: []string{"禁止黄赌毒", "防治非典"}},
			{Name: "a viewer has no button", Path: "/campaigns", Header: as("viewer"), Status: 200, Not: []string{`id="campaign-new"`}},
			{Name: "a campaign's page", Path: "/campaigns/{theft}", Header: as("hedong"), Status: 200,
				Want: []string{"打击盗窃犯罪专项行动", "打击盗窃犯罪</span>", `href="/areas/{河东街道}">河东街道`, `href="/conferences/{conf:河东街道社区党建工作联席会议}"`,
					"<td>破获案件</td><td class=\"num\">14</td><td>起</td>", "没有登记参与单位"}},
			{Name: "in English", Path: "/campaigns/{theft}?lang=en", Header: as("hedong"), Status: 200, Want: []string{"Results", "Area covered", "theft"}},
			{Name: "another subdistrict's campaign", Path: "/campaigns/{vice}", Header: as("hedong"), Status: 403},
			{Name: "the form", Path: "/campaigns/new", Header: as("hedong"), Status: 200,
				Want: []string{`<option value="rabies">防制狂犬病</option>`, `<option value="{conf:河东街道社区党建工作联席会议}">`, `name="unit_4_q"`, `id="f-measure_unit_4"`},
				Not:  []string{"官渡街道社区党建工作联席会议"}},
			{Name: "the form in English", Path: "/campaigns/new?lang=en", Header: as("hedong"), Status: 200,
				Want: []string{"Record a campaign", "Participating units", `<option value="rabies">rabies</option>`}},
			{Name: "a viewer may not record one", Method: "POST", Path: "/campaigns/new", Header: as("viewer"), Status: 403, Form: form()},
			{Name: "no name", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("name", ""), Want: []string{`id="name-error"`, `value="清运堆物"`}},
			{Name: "no kind", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("kind", ""), Want: []string{`id="kind-error"`, "专项行动类型无效"}},
			{Name: "an area outside the scope", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("area_id_q", "官渡社区"), Want: []string{`id="area_id-error"`}},
			{Name: "ended before it started", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("ended_on", "2025-04-01"), Want: []string{`id="ended_on-error"`, "结束日期应晚于开始日期（2025-05-01）"}},
			{Name: "a unit outside the scope", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("unit_1_q", "示范商贸有限公司"), Want: []string{`id="units-error"`}},
			{Name: "a unit not stationed in the area covered", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("unit_1_q", "示范区人民医院"), Want: []string{`id="units-error"`, "未驻在专项行动覆盖的区域"}},
			// The second result sent is on the third row (the first is empty).
			{Name: "a quantity that is no number", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("measure_qty_2", "许多"), Want: []string{`id="measure-2-error"`, "“许多”不是数字"}, Not: []string{`id="measure-1-error"`}},
			{Name: "a negative quantity", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("measure_qty_1", "-3"), Want: []string{`id="measure-1-error"`, "数量不能为负"}},
			{Name: "a result without its name", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 422,
				Form: form("measure_qty_0", "5"), Want: []string{`id="measure-0-error"`, "此项必填"}},
			{Name: "recorded", Method: "POST", Path: "/campaigns/new", Header: as("hedong"), Status: 303, Form: form()},
		} {
			w.Serve(t, h, sc)
		}
		var id int64
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*), MAX(id) FROM campaign WHERE name = ?", "楼道堆物清理专项行动").Scan(new(int), &id); err != nil || id == 0 {
			t.Fatalf("the campaign was not recorded: %v", err)
		}
		w.IDs["new"] = id
		for _, sc := range []testkit.Scenario{
			// 迎宾社区 sees the campaign it hosts, but not the name of the
			// subdistrict's conference that led it (outside its scope).
			{Name: "the community's view", Path: "/campaigns/{new}", Header: as("yingbin"), Status: 200,
				Want: []string{"楼道堆物清理专项行动", "清运堆物"}, Not: []string{"河东街道社区党建工作联席会议"}},
			{Name: "its page", Path: "/campaigns/{new}", Header: as("hedong"), Status: 200,
				Want: []string{"楼道堆物清理专项行动", "整治脏乱差", "迎宾社区", `id="campaign-started">2025-05-01`, `id="campaign-ended">2025-06-01`,
					`href="/conferences/{conf:河东街道社区党建工作联席会议}">河东街道社区党建工作联席会议`, `href="/units/{unit:示范市规划设计院}">示范市规划设计院`,
					"<td>清运堆物</td><td class=\"num\">35</td><td>车</td>", "<td>粉刷楼道</td><td class=\"num\">1200.5</td><td>平方米</td>"}},
			{Name: "on the conference's page", Path: "/conferences/{conf:河东街道社区党建工作联席会议}", Header: as("hedong"), Status: 200,
				Want: []string{`href="/campaigns/{new}">楼道堆物清理专项行动`}},
		} {
			w.Serve(t, h, sc)
		}
		// The refused forms wrote nothing.
		var n int
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM campaign WHERE name = ?", "楼道堆物清理专项行动").Scan(&n); err != nil || n != 1 {
			t.Errorf("campaigns recorded: %d %v, want 1", n, err)
		}
	})
}
