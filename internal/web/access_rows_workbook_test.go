package web_test

// workbookAccessRows are the access test's rows for the figures by
// sub-area and the statistics workbook: the reports' read permission, the
// scope checked as on the figures page.
var workbookAccessRows = map[string]accessRow{
	"GET /figures/by-area": {"reports.read", "GET", "/figures/by-area"},
	"GET /workbook.xlsx":   {"reports.read", "GET", "/workbook.xlsx"},
	// The workbook built as a job: started in the scope (as the download),
	// then its owner's alone (another's or an unknown job: not found).
	"POST /workbook/jobs":              {"reports.read", "POST", "/workbook/jobs?level=planet"},
	"GET /workbook/jobs/{job}":         {"reports.read", "GET", "/workbook/jobs/unknown"},
	"POST /workbook/jobs/{job}/cancel": {"reports.read", "POST", "/workbook/jobs/unknown/cancel"},
	"GET /workbook/jobs/{job}/file":    {"reports.read", "GET", "/workbook/jobs/unknown/file"},
}

func init() {
	for k, v := range workbookAccessRows {
		accessRows[k] = v
	}
}
