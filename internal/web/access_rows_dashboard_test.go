package web_test

// dashboardAccessRows are the access test's rows for the dashboard: the
// home page, its full-screen mode and the data the pages' script reads
// (each of the caller's own scope by default).
var dashboardAccessRows = map[string]accessRow{
	"GET /{$}":              {"dashboard.read", "GET", "/"},
	"GET /dashboard/screen": {"dashboard.read", "GET", "/dashboard/screen"},
	"GET /dashboard.json":   {"dashboard.read", "GET", "/dashboard.json"},
}

func init() {
	for k, v := range dashboardAccessRows {
		accessRows[k] = v
	}
}
