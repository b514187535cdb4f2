package web

// peopleAccessRows are the access test's rows for peopleRoutes.
var peopleAccessRows = map[string]accessRow{}

func init() {
	for k, v := range peopleAccessRows {
		accessRows[k] = v
	}
}
