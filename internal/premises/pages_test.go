package premises_test

import (
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestPremisesPages: the three-lacks report, the below-standard list, a
// community's premises page and a project's page on the demo, in both
// languages and within the user's scope; the forms record premises, a
// room, funding, land, households, a standard, a project and its steps
// with refusals next to their fields.
func TestPremisesPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions[user]}
		}
		for _, sc := range []testkit.Scenario{
			{Name: "the district's three-lacks report", Path: "/premises?from=2020-01-01&to=2024-12-31", Header: as("district"), Status: 200,
				Want: []string{`id="at-start"`, "迎宾社区", "古井社区", "迎宾一巷1号", "官渡路12号", `id="nav-premises" aria-current="page"`}},
			{Name: "in English", Path: "/premises?from=2020-01-01&to=2024-12-31&lang=en", Header: as("district"), Status: 200,
				Want: []string{"Three-lacks committees at the start (2020-01-01)", "Communities given office premises in the period"}},
			{Name: "a subdistrict sees its own", Path: "/premises?from=2020-01-01&to=2024-12-31", Header: as("hedong"), Status: 200,
				Want: []string{"迎宾社区"}, Not: []string{"官渡社区"}},
			{Name: "another subdistrict's report", Path: "/premises?area={官渡街道}", Header: as("hedong"), Status: 403},
			{Name: "a bad date", Path: "/premises?from=2020-13-01", Header: as("district"), Status: 422, Want: []string{`id="from-error"`}},
			{Name: "below standard", Path: "/premises/below-standard?on=2024-12-31", Header: as("district"), Status: 200,
				Want: []string{`id="below-standard-list"`, "宾南社区", `class="num shortfall"`}},
			{Name: "a community's premises", Path: "/areas/{迎宾社区}/premises", Header: as("yingbin"), Status: 200,
				Want: []string{"迎宾一巷1号", "党员活动室", "迎宾社区办公楼", `id="state-office" class="has"`, `id="premises-new"`}},
			{Name: "the same community before its office", Path: "/areas/{迎宾社区}/premises?on=2020-06-01", Header: as("yingbin"), Status: 200,
				Want: []string{`id="three-lacks-mark"`, `id="state-office" class="lacks"`, "用房自 2022-06-18 起才启用"}},
			{Name: "a subdistrict is not a community", Path: "/areas/{河东街道}/premises", Header: as("district"), Status: 404},
			{Name: "another community's premises", Path: "/areas/{宾南社区}/premises", Header: as("yingbin"), Status: 403},
			{Name: "the community's page links to its premises", Path: "/areas/{迎宾社区}", Header: as("yingbin"), Status: 200,
				Want: []string{`href="/areas/{迎宾社区}/premises" id="area-premises"`, `href="/areas/{迎宾社区}/registrations" id="area-registrations"`}},
			{Name: "a viewer has no buttons", Path: "/areas/{迎宾社区}/premises", Header: as("viewer"), Status: 200, Not: []string{`id="premises-new"`}},
			{Name: "a project's page", Path: "/building-projects/{project:迎宾社区办公楼}", Header: as("district"), Status: 200,
				Want: []string{`data-step="completed"`, "2022-06-18", `data-source="city"`, "市出一点", "迎宾一巷1号"}},
			// Forms.
			{Name: "premises with a bad area", Method: "POST", Path: "/areas/{古井社区}/premises/new", Header: as("district"), Status: 422,
				Form: url.Values{"address": {"古井路1号"}, "use": {"office"}, "floor_area": {"12.345"}, "tenure": {"owned"}, "on": {"2025-03-01"}},
				Want: []string{"最多两位小数", `value="古井路1号"`}},
			{Name: "premises recorded", Method: "POST", Path: "/areas/{古井社区}/premises/new", Header: as("district"), Status: 303,
				Location: "/areas/{古井社区}/premises",
				Form:     url.Values{"address": {"古井路1号"}, "use": {"office"}, "floor_area": {"85.5"}, "tenure": {"lent"}, "on": {"2025-03-01"}}},
			{Name: "funding in a year before the community", Method: "POST", Path: "/areas/{古井社区}/office-funding/new", Header: as("district"), Status: 422,
				Form: url.Values{"year": {"1900"}, "amount": {"5000"}}, Want: []string{"年度应在"}},
			{Name: "funding recorded", Method: "POST", Path: "/areas/{古井社区}/office-funding/new", Header: as("district"), Status: 303,
				Form: url.Values{"year": {"2025"}, "amount": {"12000"}, "source": {"区财政"}}},
			{Name: "the page now", Path: "/areas/{古井社区}/premises", Header: as("district"), Status: 200,
				Want: []string{"古井路1号", "85.5", "借用", `id="state-funding" class="has"`, "1.20"}, Not: []string{`id="three-lacks-mark"`}},
			{Name: "a step out of order", Method: "POST", Path: "/building-projects/{project:胜利社区办公用房}/steps/new", Header: as("district"), Status: 422,
				Form: url.Values{"step": {"approval"}, "on": {"2025-02-01"}}, Want: []string{"请先记录上一步骤", `value="2025-02-01"`}},
			{Name: "the next step", Method: "POST", Path: "/building-projects/{project:胜利社区办公用房}/steps/new", Header: as("district"), Status: 303,
				Location: "/building-projects/{project:胜利社区办公用房}", Form: url.Values{"step": {"funding"}, "on": {"2025-02-01"}}},
			{Name: "completing needs the premises built", Method: "POST", Path: "/building-projects/{project:胜利社区办公用房}/steps/new", Header: as("district"), Status: 422,
				Form: url.Values{"step": {"completed"}, "on": {"2025-03-01"}}, Want: []string{`id="f-floor_area"`, "最多两位小数"}},
			{Name: "money received", Method: "POST", Path: "/building-projects/{project:胜利社区办公用房}/funding/new", Header: as("district"), Status: 303,
				Form: url.Values{"source": {"district"}, "amount": {"50000"}, "on": {"2025-03-01"}}},
			{Name: "the project's page now", Path: "/building-projects/{project:胜利社区办公用房}", Header: as("district"), Status: 200,
				Want: []string{`data-source="district"`, "区出一点", `<li class="reached" data-step="funding">`, `<li class="pending" data-step="approval">`}},
			{Name: "a standard of 河东街道", Method: "POST", Path: "/areas/{河东街道}/premises-standard/new", Header: as("hedong"), Status: 303,
				Location: "/premises/below-standard?area={河东街道}", Form: url.Values{"min_area": {"300"}, "on": {"2025-01-01"}}},
			{Name: "河东's communities fall below it", Path: "/premises/below-standard?area={河东街道}", Header: as("hedong"), Status: 200,
				Want: []string{"迎宾社区", "300"}},
			{Name: "a viewer may not write", Method: "POST", Path: "/areas/{迎宾社区}/households/new", Header: as("viewer"), Status: 403,
				Form: url.Values{"households": {"1300"}, "on": {"2025-01-01"}}},
		} {
			rec := w.Serve(t, h, sc)
			w.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
