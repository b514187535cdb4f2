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
}

func init() {
	for k, v := range importAccessRows {
		accessRows[k] = v
	}
}
