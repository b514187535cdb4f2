package coordination_test

import (
	"context"
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// learnAction records the id of the action titled title (the newest of
// that title) in the world as name.
func learnAction(t *testing.T, w *testkit.World, name, title string) {
	t.Helper()
	var id int64
	if err := w.DB.Reader().QueryRowContext(context.Background(), "SELECT MAX(id) FROM agreed_action WHERE title = ?", title).Scan(&id); err != nil || id == 0 {
		t.Fatalf("action %s: %d %v", title, id, err)
	}
	w.IDs[name] = id
}

// asUser is the session cookie header of a world's ready caller.
func asUser(w *testkit.World, user string) map[string]string {
	return map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions[user]}
}

// TestActionPages: an action's page (owner, due date, status, timeline,
// sub-actions, the parent's mean), its progress form refused by field
// (above 100 %, going backwards without a note, done without its date, a
// date before the last update), recorded, and the sub-action form; a
// viewer and a user of another area are refused.
func TestActionPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		learnAction(t, w, "act", "背街小巷环境整治：设立便民服务点")
		h := w.Handler()
		as := func(u string) map[string]string { return asUser(w, u) }
		progress := func(kv ...string) url.Values {
			v := url.Values{"status": {"in_progress"}}
			for i := 0; i+1 < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
			return v
		}
		for _, sc := range []testkit.Scenario{
			{Name: "an action's page", Path: "/actions/{act}", Header: as("district"), Status: 200,
				Want: []string{"背街小巷环境整治：设立便民服务点", `href="/units/{unit:示范市委党校}">示范市委党校`, "推进中", `id="overdue-mark"`,
					`id="action-progress-value">30%`, "<td>2025-03-20</td><td class=\"num\">30%</td>", "河东街道社区党建工作联席会议", `id="action-progress"`, "没有子事项"}},
			{Name: "in English", Path: "/actions/{act}?lang=en", Header: as("district"), Status: 200,
				Want: []string{"in progress", "Progress updates", "overdue"}},
			{Name: "a viewer reads it without the buttons", Path: "/actions/{act}", Header: as("viewer"), Status: 200,
				Want: []string{"设立便民服务点"}, Not: []string{`id="action-progress"`, `id="action-split"`}},
			{Name: "a community does not see its subdistrict's action", Path: "/actions/{act}", Header: as("yingbin"), Status: 403},
			{Name: "nor its form", Method: "POST", Path: "/actions/{act}/progress", Header: as("yingbin"), Status: 403,
				Form: progress("on", "2025-06-01", "progress", "50")},
			{Name: "a viewer may not record progress", Method: "POST", Path: "/actions/{act}/progress", Header: as("viewer"), Status: 403,
				Form: progress("on", "2025-06-01", "progress", "50")},
			{Name: "an unknown action is nobody's", Path: "/actions/999999", Header: as("district"), Status: 403},
			{Name: "the progress form", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 200,
				Want: []string{"目前进度 30%", `name="progress" type="text" value="30"`, `<option value="done">已办结</option>`}},
			{Name: "the form in English", Path: "/actions/{act}/progress?lang=en", Header: as("hedong"), Status: 200,
				Want: []string{"Record progress: ", "Progress so far: 30%", `<option value="dropped">dropped</option>`}},
			{Name: "progress above 100 %", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "2025-06-01", "progress", "120"), Want: []string{`id="progress-error"`, "进度应在 0 到 100 之间"}},
			{Name: "progress not a number", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "2025-06-01", "progress", "七成"), Want: []string{`id="progress-error"`, "不是整数"}},
			{Name: "going backwards without a note", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "2025-06-01", "progress", "20"), Want: []string{`id="note-error"`, "进度低于上次的 30%"}},
			{Name: "done without its date", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "", "status", "done", "progress", ""), Want: []string{`id="on-error"`, "办结或撤销时请填写办结日期"}},
			{Name: "no date at all", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "", "progress", "50"), Want: []string{`id="on-error"`, "请填写日期"}},
			{Name: "a date before the last update", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "2025-03-01", "progress", "50"), Want: []string{`id="on-error"`, "不能早于上一次进展（2025-03-20）"}},
			{Name: "progress recorded", Method: "POST", Path: "/actions/{act}/progress", Header: as("hedong"), Status: 303, Location: "/actions/{act}",
				Form: progress("on", "2025-06-01", "progress", "70", "note", "服务点选址确定")},
			{Name: "in its timeline", Path: "/actions/{act}", Header: as("hedong"), Status: 200,
				Want: []string{`id="action-progress-value">70%`, "服务点选址确定"}, InOrder: []string{"2025-03-20", "2025-06-01"}},
			{Name: "a sub-action due after its action", Method: "POST", Path: "/actions/{act}/sub-actions/new", Header: as("hedong"), Status: 422,
				Form: url.Values{"on": {"2025-06-02"}, "title": {"租用场地"}, "owner_name": {"街道办事处"}, "due_on": {"2025-12-31"}},
				Want: []string{`id="due_on-error"`, "子事项的期限不能晚于上级事项（2025-05-01）", `value="租用场地"`}},
			{Name: "a sub-action added", Method: "POST", Path: "/actions/{act}/sub-actions/new", Header: as("hedong"), Status: 303, Location: "/actions/{act}",
				Form: url.Values{"on": {"2025-04-01"}, "title": {"租用场地"}, "owner_name": {"街道办事处"}, "due_on": {"2025-04-30"}}},
		} {
			w.Serve(t, h, sc)
		}
		learnAction(t, w, "sub", "租用场地")
		for _, sc := range []testkit.Scenario{
			{Name: "the sub-action at 40 %", Method: "POST", Path: "/actions/{sub}/progress", Header: as("hedong"), Status: 303, Location: "/actions/{sub}",
				Form: progress("on", "2025-06-03", "progress", "40")},
			// The parent's progress is the mean of its one sub-action's.
			{Name: "the parent follows its sub-actions", Path: "/actions/{act}", Header: as("hedong"), Status: 200,
				Want: []string{`id="action-progress-value">40%`, "各子事项进度的平均", `href="/actions/{sub}">租用场地`}},
			{Name: "the sub-action names its parent", Path: "/actions/{sub}", Header: as("hedong"), Status: 200,
				Want: []string{`id="parent-link"`, "河东街道社区党建工作联席会议"}},
			{Name: "done", Method: "POST", Path: "/actions/{sub}/progress", Header: as("hedong"), Status: 303,
				Form: progress("on", "2025-06-04", "status", "done", "progress", "", "result", "场地已租用")},
			{Name: "done: dated, at 100 %, with its result, and no more buttons", Path: "/actions/{sub}", Header: as("hedong"), Status: 200,
				Want: []string{`id="action-closed">2025-06-04`, `id="action-progress-value">100%`, "场地已租用", "已办结"}, Not: []string{`id="action-progress"`}},
			{Name: "a closed action takes no update", Method: "POST", Path: "/actions/{sub}/progress", Header: as("hedong"), Status: 422,
				Form: progress("on", "2025-06-05", "progress", "100"), Want: []string{`id="status-error"`, "已于 2025-06-04 办结或撤销"}},
		} {
			w.Serve(t, h, sc)
		}
	})
}
