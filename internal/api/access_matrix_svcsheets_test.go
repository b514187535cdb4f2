package api_test

// The matrix's rows for part four (b)'s sheets: each export aimed inside
// and outside the scoped callers' subtree by ?area=; the imports name no
// area (a scoped caller's sheet is checked against their own subtree) and
// their empty body is refused after the access check.
func init() {
	for _, name := range []string{"outlets", "designations", "service-records", "placements", "good-deeds"} {
		path := "/api/v1/" + name
		matrixRequests["GET "+path+"/export"] = scopeQuery(path + "/export")
		matrixRequests["POST "+path+"/import"] = func(bool) (string, string) { return path + "/import", `{}` }
		unaimed["POST "+path+"/import"] = true
	}
}
