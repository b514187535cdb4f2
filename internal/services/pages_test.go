package services_test

import (
	"net/url"
	"strconv"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestServicesPages: the lists with their counts by kind within the
// user's scope in both languages, the forms' refusals next to their field,
// the ID number masked, and the grid of a community's month saved all or
// nothing. (迎宾社区 moved to 官渡街道 on 2024-07-01: 河东's officer no
// longer sees it.)
func TestServicesPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		for k, id := range p.ids {
			p.IDs[k] = id
		}
		p.IDs["O3"], p.IDs["O5"] = p.ids["O3 宾南老人服务中心"], p.ids["O5 宾南家政服务中心"]
		p.Callers()
		h := p.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + p.Sessions[user]}
		}
		full := idNumber(3)
		// cell is the input name of a grid's cell.
		cell := func(c, outlet, kind string) string {
			return c + "_" + strconv.FormatInt(p.IDs[outlet], 10) + "_" + kind
		}
		for _, sc := range []testkit.Scenario{
			{Name: "outlets open today, counted by kind", Path: "/outlets", Header: as("district"), Status: 200,
				Want: []string{"迎宾环卫站", "官渡计生服务中心", `<td data-kind="elderly_centre"><a href="?kind=elderly_centre">1</a></td>`, `<td id="count-total">6</td>`},
				Not:  []string{"宾南老人服务中心"}},
			{Name: "河东's outlets", Path: "/outlets", Header: as("hedong"), Status: 200,
				Want: []string{"河东清洁队", "宾南家政服务中心", `<td id="count-total">2</td>`}, Not: []string{"迎宾环卫站", "官渡"}},
			{Name: "in English", Path: "/outlets?lang=en", Header: as("hedong"), Status: 200, Want: []string{"Service outlets", "Cleaning team", "Housekeeping centre"}},
			{Name: "an area's outlets", Path: "/areas/{宾南社区}/outlets", Header: as("hedong"), Status: 200, Want: []string{"宾南家政服务中心", "宾南社区"}, Not: []string{"河东清洁队"}},
			{Name: "another subdistrict's outlets", Path: "/areas/{官渡社区}/outlets", Header: as("hedong"), Status: 403},
			{Name: "the area page links to them", Path: "/areas/{宾南社区}", Header: as("hedong"), Status: 200,
				Want: []string{`id="area-outlets-community"`, `id="area-service-grid"`}},
			{Name: "designations in force", Path: "/designations", Header: as("district"), Status: 200,
				Want: []string{"迎宾花园", "宾南新村", "卫生小区"}, Not: []string{"宾南小区<", "官渡苑"}},
			{Name: "service records with totals", Path: "/service-records", Header: as("district"), Status: 200,
				Want: []string{`<td data-kind="training"><a href="?kind=training">120</a></td>`, "2024-03", "技术培训"}},
			{Name: "placements masked", Path: "/placements", Header: as("district"), Status: 200,
				Want: []string{"安置对象丙", full[:6] + "********" + full[14:]}, Not: []string{full}},
			{Name: "good deeds", Path: "/good-deeds?lang=en", Header: as("hedong"), Status: 200, Want: []string{"Good deeds", "Practical"}, Not: []string{"官渡社区实事"}},
			{Name: "a viewer has no buttons", Path: "/outlets", Header: as("viewer"), Status: 200, Not: []string{`id="outlet-new"`, "/edit"}},
			{Name: "a viewer may not record", Method: "POST", Path: "/outlets/new", Header: as("viewer"), Status: 403, Form: url.Values{}},
			// Forms.
			{Name: "an outlet of an unknown kind", Method: "POST", Path: "/outlets/new", Header: as("hedong"), Status: 422,
				Form: url.Values{"area_id": {"{宾南社区}"}, "kind": {"bakery"}, "name": {"面包房"}, "on": {"2025-01-01"}}, Want: []string{`id="kind-error"`, `value="面包房"`}},
			{Name: "an outlet elsewhere", Method: "POST", Path: "/outlets/new", Header: as("hedong"), Status: 403,
				Form: url.Values{"area_id": {"{官渡社区}"}, "kind": {"cleaning_team"}, "name": {"清洁队"}, "on": {"2025-01-01"}}},
			{Name: "an outlet opened", Method: "POST", Path: "/outlets/new", Header: as("hedong"), Status: 303, Location: "/outlets",
				Form: url.Values{"area_id": {"{宾南社区}"}, "kind": {"cleaning_team"}, "name": {"宾南清洁队"}, "on": {"2025-01-01"}}},
			{Name: "negative person-times", Method: "POST", Path: "/service-records/{R3}/edit", Header: as("hedong"), Status: 422,
				Form: url.Values{"person_times": {"-5"}}, Want: []string{`id="person_times-error"`, "不能为负数"}},
			{Name: "a placement without a date", Method: "POST", Path: "/placements/new", Header: as("hedong"), Status: 422,
				Form: url.Values{"area_id": {"{宾南社区}"}, "name": {"丁"}, "id_number": {idNumber(9)}, "before_status": {"unemployed"}, "employer": {"超市"}, "on": {""}},
				Want: []string{`id="on-error"`}},
			{Name: "a placement with a wrong check digit", Method: "POST", Path: "/placements/new", Header: as("hedong"), Status: 422,
				Form: url.Values{"area_id": {"{宾南社区}"}, "name": {"丁"}, "id_number": {idNumber(9)[:17] + "0"}, "before_status": {"unemployed"}, "employer": {"超市"}, "on": {"2025-02-01"}},
				Want: []string{`id="id_number-error"`}},
			{Name: "a designation revoked", Method: "POST", Path: "/designations/1/end", Header: as("admin"), Status: 303,
				Form: url.Values{"on": {"2025-05-01"}, "end_reason": {"revoked"}}},
			// The grid.
			{Name: "宾南's June grid", Path: "/areas/{宾南社区}/service-grid?month=2024-06", Header: as("hedong"), Status: 200,
				Want: []string{`data-record="{R3}"`, `name="` + cell("pt", "O5", "elderly_care") + `" value="30"`, "宾南老人服务中心"}},
			{Name: "a wrong cell refuses the month", Method: "POST", Path: "/areas/{宾南社区}/service-grid", Header: as("hedong"), Status: 422,
				Form: url.Values{"month": {"2024-06"}, cell("pt", "O3", "training"): {"12"}, cell("pt", "O5", "elderly_care"): {"-1"}},
				Want: []string{`id="pt_{O5}_elderly_care-error"`, `value="12"`, "有 1 个格子填写有误"}},
			{Name: "nothing was saved", Path: "/areas/{宾南社区}/service-grid?month=2024-06", Header: as("hedong"), Status: 200,
				Want: []string{`name="` + cell("pt", "O3", "training") + `" value=""`}},
			{Name: "the month saved", Method: "POST", Path: "/areas/{宾南社区}/service-grid", Header: as("hedong"), Status: 303,
				Location: "/areas/{宾南社区}/service-grid?month=2024-06",
				Form:     url.Values{"month": {"2024-06"}, cell("pt", "O3", "training"): {"12"}, cell("vh", "O3", "training"): {"4"}}},
			{Name: "and shown", Path: "/areas/{宾南社区}/service-grid?month=2024-06&lang=en", Header: as("hedong"), Status: 200,
				Want: []string{`name="` + cell("pt", "O3", "training") + `" value="12"`, `name="` + cell("vh", "O3", "training") + `" value="4"`, "services in 2024-06"}},
			{Name: "a viewer reads the grid", Path: "/areas/{宾南社区}/service-grid?month=2024-06", Header: as("viewer"), Status: 200,
				Want: []string{"readonly"}, Not: []string{`id="grid-save"`}},
			{Name: "a viewer may not save it", Method: "POST", Path: "/areas/{宾南社区}/service-grid", Header: as("viewer"), Status: 403, Form: url.Values{"month": {"2024-06"}}},
			{Name: "another subdistrict's grid", Path: "/areas/{官渡社区}/service-grid", Header: as("hedong"), Status: 403},
		} {
			rec := p.Serve(t, h, sc)
			p.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
