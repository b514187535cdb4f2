package api_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/services"
)

// The matrix's rows for part four (b): an outlet, a designation, a service
// record, a placement and a good deed inside (迎宾社区) and outside (官渡社区)
// the scoped callers' subtree. Every write's body is refused after the
// access check (a future date, a bad kind), so nothing is written.
func init() {
	area := func(path, body string) func(bool) (string, string) {
		return func(in bool) (string, string) {
			return path, `{"area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + body
		}
	}
	record := func(path, inside, outside, body string) func(bool) (string, string) {
		return func(in bool) (string, string) { return path + pick(in, "{"+inside+"}", "{"+outside+"}"), body }
	}
	for k, v := range map[string]func(in bool) (path, body string){
		"GET /api/v1/outlets":                scopeQuery("/api/v1/outlets"),
		"POST /api/v1/outlets":               area("/api/v1/outlets", `,"kind":"cleaning_team","name":"矩阵","on":"2030-01-01"}`),
		"POST /api/v1/outlets/{id}":          record("/api/v1/outlets/", "矩阵站点", "官渡站点", `{"kind":"bakery","name":"矩阵"}`),
		"POST /api/v1/outlets/{id}/end":      record("/api/v1/outlets/", "矩阵站点", "官渡站点", `{"on":"2030-01-01"}`),
		"GET /api/v1/designations":           scopeQuery("/api/v1/designations"),
		"POST /api/v1/designations":          area("/api/v1/designations", `,"estate":"矩阵","kind":"safe_civilised_neighbourhood","awarded_by":"区","on":"2030-01-01"}`),
		"POST /api/v1/designations/{id}":     record("/api/v1/designations/", "矩阵小区", "官渡小区", `{"estate":"矩阵","kind":"bad","awarded_by":"区"}`),
		"POST /api/v1/designations/{id}/end": record("/api/v1/designations/", "矩阵小区", "官渡小区", `{"on":"2030-01-01","end_reason":"revoked"}`),
		"GET /api/v1/service-records":        scopeQuery("/api/v1/service-records"),
		"POST /api/v1/service-records": func(in bool) (string, string) {
			return "/api/v1/service-records", `{"outlet_id":` + pick(in, "{矩阵站点}", "{官渡站点}") + `,"kind":"training","span":"month","on":"2030-01-01","person_times":1}`
		},
		"POST /api/v1/service-records/{id}": record("/api/v1/service-records/", "矩阵服务", "官渡服务", `{"person_times":-1}`),
		"GET /api/v1/placements":            scopeQuery("/api/v1/placements"),
		"POST /api/v1/placements":           area("/api/v1/placements", `,"name":"矩阵","id_number":"1","before_status":"laid_off","employer":"矩阵","on":"2030-01-01"}`),
		"POST /api/v1/placements/{id}":      record("/api/v1/placements/", "矩阵安置", "官渡安置", `{"name":"矩阵","before_status":"bad","employer":"矩阵"}`),
		"POST /api/v1/placements/{id}/end":  record("/api/v1/placements/", "矩阵安置", "官渡安置", `{"on":"2030-01-01"}`),
		"GET /api/v1/good-deeds":            scopeQuery("/api/v1/good-deeds"),
		"POST /api/v1/good-deeds":           area("/api/v1/good-deeds", `,"kind":"practical","title":"矩阵","on":"2030-01-01"}`),
		"POST /api/v1/good-deeds/{id}":      record("/api/v1/good-deeds/", "矩阵好事", "官渡好事", `{"kind":"bad","title":"矩阵"}`),
	} {
		matrixRequests[k] = v
	}
}

// matrixServices records the matrix's part four (b) records.
func matrixServices(t testing.TB, f *fixture) {
	ctx := context.Background()
	s := f.App.Services
	on := date.MustParse("2024-01-01")
	must := func(name string, id int64, err error) {
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[name] = id
	}
	for i, c := range []struct{ community, prefix string }{{"迎宾社区", "矩阵"}, {"官渡社区", "官渡"}} {
		id, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: f.IDs[c.community], Kind: "cleaning_team", Name: c.prefix + "清洁队", FromOn: on})
		must(c.prefix+"站点", id, err)
		id, err = s.CreateDesignation(ctx, services.DesignationInput{AreaID: f.IDs[c.community], Estate: c.prefix + "花园", Kind: services.SafeNeighbourhood, AwardedBy: "区", FromOn: on})
		must(c.prefix+"小区", id, err)
		id, err = s.CreateRecord(ctx, services.RecordInput{OutletID: f.IDs[c.prefix+"站点"], Kind: "training", Span: services.Month, On: on, PersonTimes: 9})
		must(c.prefix+"服务", id, err)
		id, err = s.CreatePlacement(ctx, services.PlacementInput{AreaID: f.IDs[c.community], Name: c.prefix + "安置", IDNumber: []string{"110101197001010016", "110101197001010024"}[i],
			BeforeStatus: "laid_off", Employer: c.prefix + "公司", PlacedOn: on})
		must(c.prefix+"安置", id, err)
		id, err = s.CreateDeed(ctx, services.DeedInput{AreaID: f.IDs[c.community], Kind: "practical", Title: c.prefix + "好事", DoneOn: on})
		must(c.prefix+"好事", id, err)
	}
}
