package web_test

// The access test's rows for part four (b)'s sheets: download, the
// upload form and the upload of each.
func init() {
	for _, name := range []string{"outlets", "designations", "service-records", "placements", "good-deeds"} {
		accessRows["GET /"+name+"/export"] = accessRow{"services.read", "GET", "/" + name + "/export"}
		accessRows["GET /"+name+"/import"] = accessRow{"services.write", "GET", "/" + name + "/import"}
		accessRows["POST /"+name+"/import"] = accessRow{"services.write", "POST", "/" + name + "/import"}
	}
}
