package api_test

// workbookScenarios are GET /api/v1/workbook's: the statistics workbook of
// the small district, refusals naming the field.
var workbookScenarios = []scenario{
	{Name: "the workbook of 2023", Method: "GET", Path: "/api/v1/workbook?from=2023-01-01&to=2023-12-31", Status: 200,
		Want:    []string{"PK", "xl/workbook.xml", "xl/worksheets/sheet1.xml"},
		Headers: map[string]string{"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": "-subdistrict-2023-01-01-2023-12-31.xlsx"}},
	{Name: "the workbook of a subdistrict's communities, in English", Method: "GET", Path: "/api/v1/workbook?area=河东街道&level=community&lang=en", Status: 200,
		Headers: map[string]string{"Content-Disposition": "-community-"}},
	{Name: "the workbook at an unknown level", Method: "GET", Path: "/api/v1/workbook?level=street", Status: 422,
		Want: []string{`"code":"workbook_level"`, `"field":"level"`, `“street”不是可选的分组级别`}},
	{Name: "the workbook of a subdistrict by subdistrict", Method: "GET", Path: "/api/v1/workbook?area=河东街道&level=subdistrict&lang=en", Status: 422,
		Want: []string{`"field":"level"`, `the level \"subdistrict\" must be below the scope's own level (subdistrict)`}},
	{Name: "the workbook with a bad date", Method: "GET", Path: "/api/v1/workbook?to=2023-02-30", Status: 422,
		Want: []string{`"code":"date_invalid"`, `"field":"to"`}},
	{Name: "the workbook of an unknown area", Method: "GET", Path: "/api/v1/workbook?area=99999", Status: 404},
	// The workbook as a job (report.TestWorkbookJobs runs one through).
	{Name: "a workbook job at an unknown level", Method: "POST", Path: "/api/v1/workbook/jobs?level=street", Status: 422,
		Want: []string{`"field":"level"`}},
	{Name: "an unknown workbook job", Method: "GET", Path: "/api/v1/workbook/jobs/0123456789abcdef01234567", Status: 404},
	{Name: "cancel an unknown workbook job", Method: "POST", Path: "/api/v1/workbook/jobs/0123456789abcdef01234567/cancel", Status: 404},
	{Name: "the file of an unknown workbook job", Method: "GET", Path: "/api/v1/workbook/jobs/0123456789abcdef01234567/file", Status: 404},
}

func init() { figureScenarios = append(figureScenarios, workbookScenarios...) }
