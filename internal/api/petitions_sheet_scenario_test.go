package api_test

// The petitions' sheet and the Open311 single request through the API,
// after 矩阵诉求 was called back: the sheet exported within the caller's
// scope and period (the uploads themselves are exercised in
// internal/services), an import without a file refused naming it; the
// single request as GeoReport v2 answers it, refused outside the scope.
var petitionSheetScenarios = []scenario{
	{Name: "Open311 one request", As: "hedong", Path: "/api/v1/open311/requests/{矩阵诉求}.json", Status: 200,
		Want: []string{`[{"service_request_id":"{矩阵诉求}","status":"closed"`, `"service_code":"help"`, `"agency_responsible":"区城管局"`,
			`"requested_datetime":"2024-05-01T09:00:00+08:00"`, `"expected_datetime":"2024-05-04T09:00:00+08:00"`},
		Not: []string{"矩阵来电人", "13800009999", "138****"}},
	{Name: "Open311 one request outside", As: "hedong", Path: "/api/v1/open311/requests/{官渡诉求}.json", Status: 403, Want: []string{`"code":"out_of_scope"`}, Not: []string{"官渡诉求"}},
	{Name: "Open311 one request unknown", Path: "/api/v1/open311/requests/999999.json", Status: 404},
	{Name: "Open311 one request misnamed", Path: "/api/v1/open311/requests/abc.json", Status: 422, Want: []string{`"field":"request"`}},
	{Name: "the petition sheet", As: "hedong", Path: "/api/v1/petitions/export?format=csv", Status: 200,
		Want: []string{"诉求编号", "矩阵诉求", "区城管局", "2024-05-01 09:00", "2024-05-05", "基本满意"}, Not: []string{"官渡", "矩阵来电人", "13800009999"}},
	{Name: "the petition sheet of a period, in English", Path: "/api/v1/petitions/export?format=csv&from=2025-01-01&lang=en", Status: 200,
		Want: []string{"Case no.", "Satisfaction"}, Not: []string{"矩阵诉求"}},
	{Name: "the petition sheet outside", As: "hedong", Path: "/api/v1/petitions/export?area={官渡社区}", Status: 403},
	{Name: "a petition sheet of no period", Path: "/api/v1/petitions/export?from=2024-13-01", Status: 422, Want: []string{`"field":"from"`}},
	{Name: "a petition import without a file", As: "hedong", Method: "POST", Path: "/api/v1/petitions/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a viewer imports no petitions", As: "viewer", Method: "POST", Path: "/api/v1/petitions/import", Body: `{}`, Status: 403},
}

func init() { petitionScenarios = append(petitionScenarios, petitionSheetScenarios...) }
