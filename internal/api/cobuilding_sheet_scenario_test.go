package api_test

// The co-building sheets through the API: the lists exported (the
// uploads themselves are exercised in internal/cobuilding), an import
// without a file refused naming it, a unit's record of co-building.
var cobuildingSheetScenarios = []scenario{
	{Name: "the demand sheet", As: "hedong", Method: "GET", Path: "/api/v1/demands/export?format=csv", Status: 200, Want: []string{"需求编号", "矩阵需求", "路灯"}, Not: []string{"官渡需求"}},
	{Name: "the resource sheet", Method: "GET", Path: "/api/v1/resources/export?format=csv&lang=en", Status: 200, Want: []string{"Resource no.", "城管科"}},
	{Name: "the project sheet", As: "hedong", Method: "GET", Path: "/api/v1/co-projects/export", Status: 200},
	{Name: "a project sheet outside", As: "hedong", Method: "GET", Path: "/api/v1/co-projects/export?area={官渡社区}", Status: 403},
	{Name: "one community's sheet, named", Method: "GET", Path: "/api/v1/demands/export?format=csv&area=%E5%AE%98%E6%B8%A1%E7%A4%BE%E5%8C%BA", Status: 200, Want: []string{"官渡需求"}, Not: []string{"矩阵需求"}},
	{Name: "a sheet in a bad format", Method: "GET", Path: "/api/v1/demands/export?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
	{Name: "a demand import without a file", As: "hedong", Method: "POST", Path: "/api/v1/demands/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a resource import without a file", As: "hedong", Method: "POST", Path: "/api/v1/resources/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a viewer imports no projects", As: "viewer", Method: "POST", Path: "/api/v1/co-projects/import", Body: `{}`, Status: 403},
	{Name: "a project import without a file", As: "hedong", Method: "POST", Path: "/api/v1/co-projects/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a unit's record of co-building", Method: "GET", Path: "/api/v1/units/{官渡单位}/co-building/export", Status: 200},
	{Name: "a unit's record outside", As: "hedong", Method: "GET", Path: "/api/v1/units/{官渡单位}/co-building/export", Status: 403},
}

func init() { cobuildingScenarios = append(cobuildingScenarios, cobuildingSheetScenarios...) }
