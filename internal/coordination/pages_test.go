package coordination_test

import (
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestCoordinationPages: the conferences of the demo, a conference's page
// and the overdue actions, in both languages and within the user's scope.
func TestCoordinationPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions[user]}
		}
		for _, sc := range []testkit.Scenario{
			{Name: "the district's conferences", Path: "/conferences", Header: as("district"), Status: 200,
				Want: []string{"河东街道社区党建工作联席会议", "河东街道党工委", "官渡街道社会治安综合治理联席会议", "社会治安综合治理", `id="nav-coordination" aria-current="page"`}},
			{Name: "a subdistrict officer sees their own", Path: "/conferences", Header: as("hedong"), Status: 200,
				Want: []string{"河东街道社区党建工作联席会议", "迎宾社区共驻共建联席会议"}, Not: []string{"官渡"}},
			{Name: "a conference's page", Path: "/conferences/{conf:河东街道社区党建工作联席会议}", Header: as("district"), Status: 200,
				Want: []string{"示范市委党校", "副召集单位", "背街小巷环境整治", "地区性、公益性", "打击盗窃犯罪专项行动", `id="open-actions"`}},
			{Name: "in English", Path: "/conferences/{conf:河东街道社区党建工作联席会议}?lang=en", Header: as("district"), Status: 200,
				Want: []string{"Member units", "deputy convener", "regional、public welfare"}},
			{Name: "another subdistrict's conference", Path: "/conferences/{conf:官渡街道社区党建工作联席会议}", Header: as("hedong"), Status: 403},
			{Name: "overdue actions", Path: "/actions?due=overdue", Header: as("district"), Status: 200,
				Want: []string{"设立便民服务点", `class="overdue"`, "逾期"}},
			{Name: "a bad filter", Path: "/actions?due=later", Header: as("district"), Status: 422, Want: []string{`id="list-error"`}},
			{Name: "open whistles", Path: "/whistles", Header: as("district"), Status: 200,
				Want: []string{"迎宾一巷井盖缺失", "违章搭建", `class="late"`, "逾期", "示范区房管所"}},
			{Name: "a subdistrict's whistles", Path: "/whistles", Header: as("hedong"), Status: 200,
				Want: []string{"迎宾一巷井盖缺失"}, Not: []string{"违章搭建"}},
			// A session recorded as the meeting closes.
			{Name: "the session form", Path: "/conferences/{conf:迎宾社区共驻共建联席会议}/sessions/new", Header: as("yingbin"), Status: 200,
				Want: []string{`name="units_present" value="{unit:示范市规划设计院}"`, `name="tags" value="public_welfare"`, "未勾选的成员单位记为缺席", `id="f-title_4"`}},
			{Name: "an action due before the meeting", Method: "POST", Path: "/conferences/{conf:迎宾社区共驻共建联席会议}/sessions/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"held_on": {"2025-06-10"}, "topic": {"楼道清理"}, "title_0": {""}, "title_1": {"清运垃圾"}, "owner_1": {"物业"}, "due_on_1": {"2025-06-01"}},
				Want: []string{`id="action-1-error"`, "办结期限不能早于议定日期", `value="楼道清理"`}},
			{Name: "a session recorded", Method: "POST", Path: "/conferences/{conf:迎宾社区共驻共建联席会议}/sessions/new", Header: as("yingbin"), Status: 303,
				Location: "/conferences/{conf:迎宾社区共驻共建联席会议}",
				Form: url.Values{"held_on": {"2025-06-10"}, "topic": {"楼道清理"}, "tags": {"mass", "public_welfare"}, "units_present": {"{unit:示范市规划设计院}"},
					"people_present": {"11"}, "title_0": {"清运楼道堆物"}, "owner_unit_0": {"{unit:示范市规划设计院}"}, "due_on_0": {"2025-07-10"}}},
			{Name: "the session on the conference's page", Path: "/conferences/{conf:迎宾社区共驻共建联席会议}", Header: as("yingbin"), Status: 200,
				Want: []string{"楼道清理", "群众性、公益性", "清运楼道堆物", `id="session-new"`}},
			{Name: "a viewer has no session button", Path: "/conferences/{conf:河东街道社区党建工作联席会议}", Header: as("viewer"), Status: 200,
				Not: []string{`id="session-new"`}},
		} {
			rec := w.Serve(t, h, sc)
			w.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
