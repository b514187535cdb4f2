package web_test

// workbookAccessRows are the access test's rows for the figures by
// sub-area and the statistics workbook: the reports' read permission, the
// scope checked as on the figures page.
var workbookAccessRows = map[string]accessRow{
	"GET /figures/by-area": {"reports.read", "GET", "/figures/by-area"},
	"GET /workbook.xlsx":   {"reports.read", "GET", "/workbook.xlsx"},
}

func init() {
	for k, v := range workbookAccessRows {
		accessRows[k] = v
	}
}
