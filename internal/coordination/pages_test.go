package coordination_test

import (
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
		} {
			w.Check(t, sc, sc.Status, nil, w.Serve(t, h, sc).Body.String())
		}
	})
}
