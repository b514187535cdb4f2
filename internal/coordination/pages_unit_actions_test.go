package coordination_test

import (
	"net/url"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// TestUnitActionPages: a unit's liaison finds their unit's actions from
// its page, overdue ones marked, and records progress on one (refused by
// field first); another unit's actions, an action another owner holds and
// the conference pages are refused; area users see the units of their
// subtree only.
func TestUnitActionPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		w.Caller("liaison", auth.Unit, "示范市委党校", true)
		learnAction(t, w, "act", "背街小巷环境整治：设立便民服务点")
		learnAction(t, w, "other", "协调规划、设计、供水、园林、测绘部门义务服务")
		h := w.Handler()
		as := func(u string) map[string]string { return asUser(w, u) }
		own := "/units/{unit:示范市委党校}/actions"
		for _, sc := range []testkit.Scenario{
			{Name: "the unit's page links to its actions", Path: "/units/{unit:示范市委党校}", Header: as("liaison"), Status: 200,
				Want: []string{`id="unit-actions-link"`, `href="` + own + `"`}},
			{Name: "the unit's actions", Path: own, Header: as("liaison"), Status: 200,
				Want: []string{"示范市委党校承办的议定事项", "背街小巷环境整治：设立便民服务点", `class="overdue"`, "逾期", `id="progress-{act}"`, "已办结"},
				Not:  []string{`href="/actions/{act}"`, "修复路灯"}},
			{Name: "in English", Path: own + "?lang=en", Header: as("liaison"), Status: 200, Want: []string{"Actions owned by 示范市委党校", "overdue"}},
			{Name: "another unit's actions", Path: "/units/{unit:示范市规划设计院}/actions", Header: as("liaison"), Status: 403},
			{Name: "another unit's progress form", Method: "POST", Path: "/units/{unit:示范市规划设计院}/actions/{other}/progress", Header: as("liaison"), Status: 403,
				Form: url.Values{"on": {"2025-06-01"}, "progress": {"50"}, "status": {"in_progress"}}},
			{Name: "an action the unit does not own", Path: own + "/{other}/progress", Header: as("liaison"), Status: 404},
			{Name: "nor sent to it", Method: "POST", Path: own + "/{other}/progress", Header: as("liaison"), Status: 404,
				Form: url.Values{"on": {"2025-06-01"}, "progress": {"50"}, "status": {"in_progress"}}},
			{Name: "the action's own page is not the liaison's", Path: "/actions/{act}", Header: as("liaison"), Status: 403},
			{Name: "nor the conferences", Path: "/conferences", Header: as("liaison"), Status: 403},
			{Name: "the form", Path: own + "/{act}/progress", Header: as("liaison"), Status: 200,
				Want: []string{"记录进展：背街小巷环境整治：设立便民服务点", "目前进度 30%", `href="` + own + `"`}},
			{Name: "above 100 %", Method: "POST", Path: own + "/{act}/progress", Header: as("liaison"), Status: 422,
				Form: url.Values{"on": {"2025-06-01"}, "progress": {"101"}, "status": {"in_progress"}}, Want: []string{`id="progress-error"`}},
			{Name: "backwards without a note", Method: "POST", Path: own + "/{act}/progress", Header: as("liaison"), Status: 422,
				Form: url.Values{"on": {"2025-06-01"}, "progress": {"10"}, "status": {"in_progress"}}, Want: []string{`id="note-error"`}},
			{Name: "recorded", Method: "POST", Path: own + "/{act}/progress", Header: as("liaison"), Status: 303, Location: own,
				Form: url.Values{"on": {"2025-06-01"}, "progress": {"80"}, "status": {"in_progress"}, "note": {"已选定场地"}}},
			{Name: "shown", Path: own, Header: as("liaison"), Status: 200, Want: []string{`<td class="num">80%</td>`}},
			{Name: "the subdistrict sees it with the link to the action", Path: own, Header: as("hedong"), Status: 200,
				Want: []string{`href="/actions/{act}"`, `<td class="num">80%</td>`}},
			{Name: "and its timeline holds the liaison's note", Path: "/actions/{act}", Header: as("hedong"), Status: 200, Want: []string{"已选定场地"}},
			{Name: "a viewer reads without forms", Path: own, Header: as("viewer"), Status: 200, Not: []string{`id="progress-{act}"`}},
			{Name: "a unit outside the community", Path: "/units/{unit:示范商贸有限公司}/actions", Header: as("yingbin"), Status: 403},
		} {
			w.Serve(t, h, sc)
		}
	})
}
