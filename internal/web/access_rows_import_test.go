package web_test

// importAccessRows are the access test's rows for importRoutes.
var importAccessRows = map[string]accessRow{
	"GET /import":                     {"imports.run", "GET", "/import"},
	"POST /import":                    {"imports.run", "POST", "/import"},
	"GET /import/jobs/{job}":          {"imports.run", "GET", "/import/jobs/unknown"},
	"POST /import/jobs/{job}/confirm": {"imports.run", "POST", "/import/jobs/unknown/confirm"},
	"POST /import/jobs/{job}/cancel":  {"imports.run", "POST", "/import/jobs/unknown/cancel"},
	"GET /import/templates/{file}":    {"imports.run", "GET", "/import/templates/members.xlsx"},
	"GET /export/{file}":              {"exports.read", "GET", "/export/nothing.txt"},
	// An export built as a job: started with the export's checks, then its
	// owner's alone (another's or an unknown job: not found).
	"POST /export/jobs":              {"exports.read", "POST", "/export/jobs?file=nothing.txt"},
	"GET /export/jobs/{job}":         {"exports.read", "GET", "/export/jobs/unknown"},
	"POST /export/jobs/{job}/cancel": {"exports.read", "POST", "/export/jobs/unknown/cancel"},
	"GET /export/jobs/{job}/file":    {"exports.read", "GET", "/export/jobs/unknown/file"},
}

func init() {
	for k, v := range importAccessRows {
		accessRows[k] = v
	}
}
