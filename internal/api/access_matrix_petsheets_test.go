package api_test

// The matrix's rows for the petitions' sheet and the Open311 single
// request: the export aimed inside and outside the scoped callers'
// subtree by ?area=; the import names no area (a scoped caller's sheet is
// checked against their own subtree) and its empty body is refused after
// the access check; the single request names 矩阵诉求 (inside) or 官渡诉求
// (outside), refused outside as a path target is.
func init() {
	matrixRequests["GET /api/v1/petitions/export"] = scopeQuery("/api/v1/petitions/export")
	matrixRequests["POST /api/v1/petitions/import"] = func(bool) (string, string) { return "/api/v1/petitions/import", `{}` }
	unaimed["POST /api/v1/petitions/import"] = true
	matrixRequests["GET /api/v1/open311/requests/{request}"] = func(in bool) (string, string) {
		return "/api/v1/open311/requests/" + pick(in, "{矩阵诉求}", "{官渡诉求}") + ".json", ""
	}
}
