package coordination_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// TestWhistlePages: a whistle raised through the form (refused first by
// field and by row), its page with each party's deadline, report-ins
// recorded (one late, marked), scores (outside 1–5 refused), an action
// made of it and its resolution (not before it was raised); readers see it
// without the forms, other areas do not see it.
func TestWhistlePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		cst := time.FixedZone("CST", 8*3600)
		w.App.Coordination.Now = func() time.Time { return time.Date(2025, 6, 20, 9, 0, 0, 0, cst) }
		h := w.Handler()
		as := func(u string) map[string]string { return asUser(w, u) }
		raise := func(kv ...string) url.Values {
			v := url.Values{"area_id_q": {"迎宾社区"}, "subject": {"楼道堆物堵塞消防通道"}, "raised_on": {"2025-06-20"}, "raised_time": {"08:00"},
				"party_unit_0_q": {""}, "party_dept_0": {"街道城管科"}, "party_hours_0": {"2"},
				"party_unit_1_q": {""}, "party_dept_1": {""}, "party_hours_1": {""},
				"party_unit_2_q": {"示范市规划设计院"}, "party_dept_2": {""}, "party_hours_2": {"4"}}
			for i := 0; i+1 < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
			return v
		}
		for _, sc := range []testkit.Scenario{
			{Name: "the form", Path: "/whistles/new", Header: as("yingbin"), Status: 200,
				Want: []string{`id="f-area_id"`, `data-pick="/pick/areas?level=community&amp;level=subdistrict"`, `name="party_dept_3"`, `data-pick="/pick/units"`}},
			{Name: "the form in English", Path: "/whistles/new?lang=en", Header: as("yingbin"), Status: 200,
				Want: []string{"Raise a whistle", "Deadline (hours)", "China Standard Time"}},
			{Name: "the list offers it to writers", Path: "/whistles", Header: as("yingbin"), Status: 200, Want: []string{`id="whistle-new"`}},
			{Name: "not to viewers", Path: "/whistles", Header: as("viewer"), Status: 200, Not: []string{`id="whistle-new"`}},
			{Name: "a viewer may not raise one", Method: "POST", Path: "/whistles/new", Header: as("viewer"), Status: 403, Form: raise()},
			{Name: "an area outside the scope", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("area_id_q", "官渡社区"), Want: []string{`id="area_id-error"`, `value="楼道堆物堵塞消防通道"`}},
			{Name: "no issue", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("subject", " "), Want: []string{`id="subject-error"`, "此项必填"}},
			{Name: "in the future", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("raised_on", "2025-07-20"), Want: []string{`id="raised_at-error"`}},
			{Name: "a bad time", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("raised_time", "25:99"), Want: []string{`id="raised_at-error"`, "不是有效的时间"}},
			{Name: "nobody summoned", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("party_dept_0", "", "party_unit_2_q", ""), Want: []string{`id="parties-error"`, "请至少召集一个单位或部门"}},
			// The second party sent is on the third row (the second is empty).
			{Name: "a deadline of 0 hours", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("party_hours_2", "0"), Want: []string{`id="party-2-error"`, "报到时限应为 1 到 720 小时"}, Not: []string{`id="party-0-error"`}},
			{Name: "hours not a number", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("party_hours_0", "两"), Want: []string{`id="party-0-error"`, "不是整数"}},
			{Name: "an unknown unit", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 422,
				Form: raise("party_unit_2_q", "没有这个单位"), Want: []string{`id="party-2-error"`}},
			{Name: "raised", Method: "POST", Path: "/whistles/new", Header: as("yingbin"), Status: 303, Form: raise()},
		} {
			w.Serve(t, h, sc)
		}
		var id int64
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT MAX(id) FROM whistle WHERE subject = ?", "楼道堆物堵塞消防通道").Scan(&id); err != nil || id == 0 {
			t.Fatalf("the whistle was not raised: %v", err)
		}
		w.IDs["w"] = id
		party := func(name string) string {
			var p int64
			if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT p.id FROM whistle_party p LEFT JOIN unit u ON u.id = p.unit_id
WHERE p.whistle_id = ? AND COALESCE(u.name, p.department) = ?`, id, name).Scan(&p); err != nil {
				t.Fatalf("party %s: %v", name, err)
			}
			return strconv.FormatInt(p, 10)
		}
		dept, unit := party("街道城管科"), party("示范市规划设计院")
		var other int64
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT MIN(id) FROM whistle_party WHERE whistle_id <> ?", id).Scan(&other); err != nil {
			t.Fatal(err)
		}
		for _, sc := range []testkit.Scenario{
			{Name: "its page", Path: "/whistles/{w}", Header: as("yingbin"), Status: 200,
				Want: []string{"楼道堆物堵塞消防通道", "2025-06-20 08:00", "街道城管科", "2025-06-20 10:00", "还剩 1 小时", "示范市规划设计院", "2025-06-20 12:00",
					`id="report-` + dept + `"`, `id="resolve-form"`, `id="whistle-action"`}, Not: []string{`class="late"`}},
			{Name: "in English", Path: "/whistles/{w}?lang=en", Header: as("yingbin"), Status: 200, Want: []string{"Summoned", "1 h left"}},
			{Name: "a report-in before the whistle", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 422,
				Form: url.Values{"party": {dept}, "reported_at": {"2025-06-20 07:30"}},
				Want: []string{`id="reported_at-error"`, "报到时间不能早于吹哨时间（2025-06-20 08:00）", `value="2025-06-20 07:30"`}},
			{Name: "a report-in that is no time", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 422,
				Form: url.Values{"party": {dept}, "reported_at": {"下午三点"}}, Want: []string{`id="reported_at-error"`, "不是有效的时间"}},
			{Name: "another whistle's party", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 404,
				Form: url.Values{"party": {strconv.FormatInt(other, 10)}, "reported_at": {"2025-06-20 11:30"}}},
			{Name: "a late report-in", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 303, Location: "/whistles/{w}",
				Form: url.Values{"party": {dept}, "reported_at": {"2025-06-20 11:30"}}},
			{Name: "an on-time report-in", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 303,
				Form: url.Values{"party": {unit}, "reported_at": {"2025-06-20 08:40"}}},
			{Name: "reported twice", Method: "POST", Path: "/whistles/{w}/report", Header: as("yingbin"), Status: 422,
				Form: url.Values{"party": {unit}, "reported_at": {"2025-06-20 08:50"}}, Want: []string{"该单位已经报到"}},
			{Name: "a score of 6", Method: "POST", Path: "/whistles/{w}/score", Header: as("yingbin"), Status: 422,
				Form: url.Values{"party": {dept}, "score": {"6"}}, Want: []string{`id="score-error"`, "评分应为 1 到 5", `value="6"`}},
			{Name: "a score of 0", Method: "POST", Path: "/whistles/{w}/score", Header: as("yingbin"), Status: 422,
				Form: url.Values{"party": {dept}, "score": {"0"}}, Want: []string{`id="score-error"`}},
			{Name: "scored", Method: "POST", Path: "/whistles/{w}/score", Header: as("yingbin"), Status: 303, Form: url.Values{"party": {dept}, "score": {"3"}}},
			{Name: "the late one marked, scored", Path: "/whistles/{w}", Header: as("yingbin"), Status: 200,
				Want: []string{`id="party-` + dept + `" class="late"`, "2025-06-20 11:30", `id="score-` + dept + `">3<`, "2025-06-20 08:40"},
				Not:  []string{`id="party-` + unit + `" class="late"`, `id="report-` + dept + `"`}},
			{Name: "marked on the list too", Path: "/whistles", Header: as("yingbin"), Status: 200,
				Want: []string{`href="/whistles/{w}"`, `<tr data-id="` + dept + `" class="late">`}, Not: []string{`<tr data-id="` + unit + `" class="late">`}},
			{Name: "an action before the whistle", Method: "POST", Path: "/whistles/{w}/actions/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"title": {"清理楼道堆物"}, "owner_name": {"物业公司"}, "due_on": {"2025-06-25"}, "on": {"2025-06-19"}},
				Want: []string{`id="on-error"`, "2025-06-20"}},
			{Name: "an action made of it", Method: "POST", Path: "/whistles/{w}/actions/new", Header: as("yingbin"), Status: 303, Location: "/whistles/{w}",
				Form: url.Values{"title": {"清理楼道堆物"}, "owner_name": {"物业公司"}, "due_on": {"2025-06-25"}, "on": {"2025-06-20"}}},
			{Name: "resolved before it was raised", Method: "POST", Path: "/whistles/{w}/resolve", Header: as("yingbin"), Status: 422,
				Form: url.Values{"on": {"2025-06-19"}}, Want: []string{`id="on-error"`, "解决日期不能早于吹哨日期"}},
			{Name: "a viewer reads it without forms", Path: "/whistles/{w}", Header: as("viewer"), Status: 200,
				Want: []string{"清理楼道堆物", "物业公司"}, Not: []string{`id="resolve-form"`, `id="report-`, `id="score-form-`}},
			{Name: "a viewer may not resolve it", Method: "POST", Path: "/whistles/{w}/resolve", Header: as("viewer"), Status: 403, Form: url.Values{"on": {"2025-06-21"}}},
			{Name: "resolved", Method: "POST", Path: "/whistles/{w}/resolve", Header: as("yingbin"), Status: 303, Form: url.Values{"on": {"2025-06-21"}}},
			{Name: "resolved, no more forms", Path: "/whistles/{w}", Header: as("hedong"), Status: 200,
				Want: []string{"2025-06-21 已解决"}, Not: []string{`id="resolve-form"`, `id="whistle-action"`}},
			{Name: "off the open list", Path: "/whistles", Header: as("yingbin"), Status: 200, Not: []string{"楼道堆物堵塞消防通道"}},
		} {
			w.Serve(t, h, sc)
		}
		var guandu int64
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT MAX(id) FROM whistle WHERE subject = '违章搭建'").Scan(&guandu); err != nil {
			t.Fatal(err)
		}
		w.IDs["guandu"] = guandu
		w.Serve(t, h, testkit.Scenario{Name: "官渡's whistle is not 河东's", Path: "/whistles/{guandu}", Header: as("hedong"), Status: 403})
		w.Serve(t, h, testkit.Scenario{Name: "nor its report-ins", Method: "POST", Path: "/whistles/{guandu}/report", Header: as("hedong"), Status: 403,
			Form: url.Values{"party": {"1"}, "reported_at": {"2025-06-20 11:30"}}})
	})
}
