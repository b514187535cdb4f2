package api_test

// Part four (b)'s sheets through the API: each exported within the
// caller's scope (the uploads themselves are exercised in
// internal/services), the ID number masked, an import without a file
// refused naming it.
var servicesSheetScenarios = []scenario{
	{Name: "the outlet sheet", As: "hedong", Method: "GET", Path: "/api/v1/outlets/export?format=csv", Status: 200, Want: []string{"站点编号", "迎宾清洁队", "宾南老人服务中心"}, Not: []string{"官渡清洁队"}},
	{Name: "the designation sheet in English", Method: "GET", Path: "/api/v1/designations/export?format=csv&lang=en", Status: 200, Want: []string{"Designation no.", "官渡花园", "Safe and civilised neighbourhood"}},
	{Name: "the service record sheet", As: "hedong", Method: "GET", Path: "/api/v1/service-records/export", Status: 200},
	{Name: "a month's service records", Method: "GET", Path: "/api/v1/service-records/export?format=csv&from=2024-01-01&to=2024-01-31", Status: 200, Want: []string{"2024-01,9,"}},
	{Name: "a service record sheet of no period", Method: "GET", Path: "/api/v1/service-records/export?from=2024-13-01", Status: 422, Want: []string{`"field":"from"`}},
	{Name: "the placement sheet, masked", Method: "GET", Path: "/api/v1/placements/export?format=csv", Status: 200, Want: []string{"110101********0016"}, Not: []string{"110101197001010016"}},
	{Name: "a good deed sheet outside", As: "hedong", Method: "GET", Path: "/api/v1/good-deeds/export?area={官渡社区}", Status: 403},
	{Name: "a service sheet in a bad format", Method: "GET", Path: "/api/v1/good-deeds/export?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
	{Name: "an outlet import without a file", As: "hedong", Method: "POST", Path: "/api/v1/outlets/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a designation import without a file", As: "hedong", Method: "POST", Path: "/api/v1/designations/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a viewer imports no service records", As: "viewer", Method: "POST", Path: "/api/v1/service-records/import", Body: `{}`, Status: 403},
	{Name: "a placement import without a file", As: "hedong", Method: "POST", Path: "/api/v1/placements/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a good deed import without a file", As: "hedong", Method: "POST", Path: "/api/v1/good-deeds/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
}

func init() { servicesScenarios = append(servicesScenarios, servicesSheetScenarios...) }
