package api_test

// dashboardScenarios: the dashboard of the small district through the API,
// each answer checked against the document's schema.
var dashboardScenarios = []scenario{
	{Name: "the dashboard of 2023", Path: "/api/v1/dashboard?from=2023-01-01&to=2023-12-31", Status: 200,
		Want: []string{`"scope":{"id":{示范区},"name":"示范区"},"from":"2023-01-01","to":"2023-12-31","earlier_from":"2022-01-01","earlier_to":"2022-12-31"`,
			`{"key":"communities.total","label":"社区居委会","unit":"个","value":3,"text":"3","earlier":4,"change":-1,"change_text":"-1"`,
			`"key":"coverage","type":"bar","title":"各下级区域“一居一支部”覆盖率","categories":["河东街道","官渡街道"]`,
			`{"name":"河东街道","value":50,"text":"50.0","link":"/figures/coverage.branch_per_community?area={河东街道}&from=2023-01-01&to=2023-12-31"}`,
			`"categories":["2014","2015","2016","2017","2018","2019","2020","2021","2022","2023"]`,
			`"key":"three_lacks"`}},
	{Name: "the dashboard of a subdistrict, in English", Path: "/api/v1/dashboard?area=河东街道&from=2023-01-01&to=2023-12-31&lang=en", Status: 200,
		Want: []string{`"scope":{"id":{河东街道},"name":"河东街道"}`, `"categories":["迎宾社区","宾南社区"]`, `"title":"Overdue actions"`, `"change":"vs a year earlier"`}},
	{Name: "the dashboard of a community officer's own community", As: "yingbin", Path: "/api/v1/dashboard", Status: 200,
		Want: []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `"empty":"该范围没有下级区域。"`}},
	{Name: "the dashboard of another subdistrict", As: "hedong", Path: "/api/v1/dashboard?area={官渡街道}", Status: 403},
	{Name: "the dashboard with an inverted period", Path: "/api/v1/dashboard?from=2024-01-01&to=2023-12-31", Status: 422,
		Want: []string{`"code":"period_inverted"`, `"field":"to"`}},
	{Name: "the dashboard of an unknown area", Path: "/api/v1/dashboard?area=无名社区", Status: 404, Want: []string{`"field":"area"`}},
}
