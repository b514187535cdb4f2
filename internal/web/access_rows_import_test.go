package web

// importAccessRows are the access test's rows for importRoutes.
var importAccessRows = map[string]accessRow{}

func init() {
	for k, v := range importAccessRows {
		accessRows[k] = v
	}
}
