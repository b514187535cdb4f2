package services_test

import (
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestPetitionPages: the work list (open cases first, the time left, the
// overdue marked), a case's page with the form of its next step, the
// steps taken through the pages with their refusals next to the field,
// and the rates page, within the user's scope and in both languages. The
// clock stands at 2025-06-30 12:00.
func TestPetitionPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		p.IDs["X1"] = p.receive(ptCase{title: "楼道灯坏", area: "迎宾社区", kind: "help", received: "2025-06-01 09:00"})
		p.IDs["X2"] = p.receive(ptCase{title: "广场舞噪音", area: "宾南社区", kind: "complaint", received: "2025-06-29 09:00", agency: "区城管局"})
		p.IDs["X3"] = p.receive(ptCase{title: "路灯不亮", area: "迎宾社区", kind: "help", headcount: 4, received: "2025-05-01 09:00", agency: "区城管局",
			accepted: "2025-05-01 10:00", resolved: "2025-05-10", sat: "unsatisfied"})
		p.IDs["X4"] = p.receive(ptCase{title: "官渡积水", area: "官渡社区", kind: "help", received: "2025-06-20 09:00"})
		p.Callers()
		h := p.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + p.Sessions[user]}
		}
		for _, sc := range []testkit.Scenario{
			{Name: "the work list", Path: "/petitions", Header: as("hedong"), Status: 200,
				InOrder: []string{"楼道灯坏", "已超时 26 天 3 小时", "广场舞噪音", "剩余 5 天 21 小时", "路灯不亮", "集体 4 人", "超时办结"},
				Want:    []string{`id="petition-new"`, `class="overdue"`}, Not: []string{"官渡积水"}},
			{Name: "resolved ones", Path: "/petitions?status=closed", Header: as("hedong"), Status: 200, Want: []string{"路灯不亮"}, Not: []string{"楼道灯坏", "广场舞噪音"}},
			{Name: "a community's", Path: "/areas/{宾南社区}/petitions", Header: as("hedong"), Status: 200, Want: []string{"广场舞噪音", `href="/petitions/new?area={宾南社区}"`}, Not: []string{"楼道灯坏"}},
			{Name: "another subdistrict's", Path: "/areas/{官渡社区}/petitions", Header: as("hedong"), Status: 403},
			{Name: "the community's page links to it", Path: "/areas/{迎宾社区}", Header: as("yingbin"), Status: 200, Want: []string{`href="/areas/{迎宾社区}/petitions" id="area-petitions"`}},
			{Name: "in English", Path: "/petitions?lang=en", Header: as("hedong"), Status: 200, Want: []string{"overdue by 26d 3h", "Request for help", "collective, 4 people"}},
			{Name: "a case", Path: "/petitions/{X1}", Header: as("yingbin"), Status: 200,
				Want: []string{`action="/petitions/{X1}/steps/dispatch"`, `id="overdue-mark"`, "138****1111", "张某", `id="request-new"`}, Not: []string{"13800001111"}},
			{Name: "a case outside", Path: "/petitions/{X4}", Header: as("yingbin"), Status: 403},
			{Name: "a viewer has no forms", Path: "/petitions/{X1}", Header: as("viewer"), Status: 200, Not: []string{`id="step-form"`, `id="request-new"`}},
			{Name: "a viewer may not dispatch", Method: "POST", Path: "/petitions/{X1}/steps/dispatch", Header: as("viewer"), Status: 403, Form: url.Values{}},
			{Name: "a step that is none", Path: "/petitions/{X1}/steps/forget", Header: as("yingbin"), Status: 404},
			{Name: "dispatched to nobody", Method: "POST", Path: "/petitions/{X1}/steps/dispatch", Header: as("yingbin"), Status: 422,
				Form: url.Values{"at": {"2025-06-01 10:00"}}, Want: []string{`id="department-error"`}},
			{Name: "dispatched", Method: "POST", Path: "/petitions/{X1}/steps/dispatch", Header: as("yingbin"), Status: 303, Location: "/petitions/{X1}",
				Form: url.Values{"at": {"2025-06-01 10:00"}, "department": {"区住建局"}}},
			{Name: "accepted before dispatched", Method: "POST", Path: "/petitions/{X1}/steps/accept", Header: as("yingbin"), Status: 422,
				Form: url.Values{"at": {"2025-06-01 09:30"}}, Want: []string{`id="at-error"`, "不能早于派单的时间"}},
			{Name: "accepted", Method: "POST", Path: "/petitions/{X1}/steps/accept", Header: as("yingbin"), Status: 303, Form: url.Values{"at": {"2025-06-01 11:00"}}},
			{Name: "a satisfaction before resolved", Method: "POST", Path: "/petitions/{X1}/steps/callback", Header: as("yingbin"), Status: 422,
				Form: url.Values{"on": {"2025-06-10"}, "satisfaction": {"satisfied"}}, Want: []string{`id="satisfaction-error"`}},
			{Name: "replied", Method: "POST", Path: "/petitions/{X1}/steps/reply", Header: as("yingbin"), Status: 303, Form: url.Values{"at": {"2025-06-02 09:00"}, "reply": {"已更换灯泡"}}},
			{Name: "resolved before received", Method: "POST", Path: "/petitions/{X1}/steps/resolve", Header: as("yingbin"), Status: 422,
				Form: url.Values{"on": {"2025-05-31"}}, Want: []string{`id="on-error"`, "办结日期不能早于受理日期"}},
			{Name: "resolved", Method: "POST", Path: "/petitions/{X1}/steps/resolve", Header: as("yingbin"), Status: 303, Form: url.Values{"on": {"2025-06-02"}}},
			{Name: "the case now", Path: "/petitions/{X1}", Header: as("yingbin"), Status: 200,
				InOrder: []string{"受理 2025-06-01 09:00", "派单 2025-06-01 10:00", "接单 2025-06-01 11:00", "答复 2025-06-02 09:00", "办结 2025-06-02"},
				Want:    []string{"已更换灯泡", `action="/petitions/{X1}/steps/verify"`}, Not: []string{`id="overdue-mark"`, `id="request-new"`}},
			// Receiving.
			{Name: "a collective petition of one", Method: "POST", Path: "/petitions/new", Header: as("yingbin"), Status: 422,
				Form: url.Values{"area_id": {"{迎宾社区}"}, "title": {"加装电梯"}, "type": {"suggestion"}, "collective": {"1"}, "headcount": {"1"}, "received_at": {"2025-06-30 09:00"}, "channel": {"visit"}},
				Want: []string{`id="headcount-error"`, `value="加装电梯"`}},
			{Name: "received", Method: "POST", Path: "/petitions/new", Header: as("yingbin"), Status: 303,
				Form: url.Values{"area_id": {"{迎宾社区}"}, "title": {"加装电梯"}, "type": {"suggestion"}, "collective": {"1"}, "headcount": {"12"}, "received_at": {"2025-06-30 09:00"},
					"channel": {"visit"}, "caller_name": {"钱某"}, "caller_phone": {"13600001234"}}},
			{Name: "one more request", Method: "POST", Path: "/petitions/{X2}/requests/new", Header: as("hedong"), Status: 303, Location: "/petitions/{X2}",
				Form: url.Values{"received_at": {"2025-06-29 21:00"}, "channel": {"hotline"}, "caller_name": {"孙某"}, "caller_phone": {"13500004321"}}},
			{Name: "it shows", Path: "/petitions/{X2}", Header: as("hedong"), Status: 200, InOrder: []string{"张某", "孙某", "135****4321"}, Want: []string{"群众来电（2 件）"}},
			{Name: "the list shows the new case", Path: "/petitions?status=open", Header: as("yingbin"), Status: 200, Want: []string{"加装电梯", "集体 12 人"}},
			// Rates.
			{Name: "the rates", Path: "/petition-rates?from=2025-01-01&to=2025-06-30", Header: as("hedong"), Status: 200,
				Want: []string{`id="rate-response">50.0%`, `id="rate-resolution">50.0%`, `id="rate-satisfaction">0.0%`, `id="no-ranking"`}},
			{Name: "the rates in English", Path: "/petition-rates?lang=en&by=satisfaction", Header: as("district"), Status: 200, Want: []string{"Response rate", `id="by-satisfaction" aria-current="page"`}},
			{Name: "the rates of an area outside", Path: "/petition-rates?area={官渡社区}", Header: as("hedong"), Status: 403},
		} {
			rec := p.Serve(t, h, sc)
			p.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
