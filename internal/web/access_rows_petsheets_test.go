package web_test

// The access test's rows for the petitions' sheet: download, the upload
// form and the upload.
func init() {
	accessRows["GET /petitions/export"] = accessRow{"petitions.read", "GET", "/petitions/export"}
	accessRows["GET /petitions/import"] = accessRow{"petitions.write", "GET", "/petitions/import"}
	accessRows["POST /petitions/import"] = accessRow{"petitions.write", "POST", "/petitions/import"}
}
