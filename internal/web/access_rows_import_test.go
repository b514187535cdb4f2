package web

import "dangjian/internal/auth"

// importAccessRows are the access test's rows for importRoutes.
var importAccessRows = map[string]accessRow{
	"GET /import":            {auth.WriteAreas, "GET", "/import"},
	"POST /import":           {auth.WriteAreas, "POST", "/import"},
	"GET /import/jobs/{job}": {auth.WriteAreas, "GET", "/import/jobs/unknown"},
	"GET /export/{file}":     {auth.ReadAreas, "GET", "/export/nothing.txt"},
}

func init() {
	for k, v := range importAccessRows {
		accessRows[k] = v
	}
}
