package web

// peopleAccessRows are the access test's rows for peopleRoutes. {T} is a
// person for the /members/{id} routes and a unit for the /units/{id} ones
// (seeded by seedAccessPeople).
var peopleAccessRows = map[string]accessRow{
	"GET /members":                    {"areas.read", "GET", "/members"},
	"GET /members/new":                {"areas.write", "GET", "/members/new"},
	"POST /members/new":               {"areas.write", "POST", "/members/new"},
	"GET /members/{id}":               {"areas.read", "GET", "/members/{T}"},
	"POST /members/{id}/reveal":       {"pii.reveal", "POST", "/members/{T}/reveal"},
	"/members/{id}/start":             {"areas.write", "POST", "/members/{T}/start"},
	"/members/{id}/transfer":          {"areas.write", "POST", "/members/{T}/transfer"},
	"/members/{id}/end":               {"areas.write", "POST", "/members/{T}/end"},
	"/members/{id}/convert":           {"areas.write", "POST", "/members/{T}/convert"},
	"GET /units":                      {"areas.read", "GET", "/units"},
	"GET /units/new":                  {"areas.write", "GET", "/units/new"},
	"POST /units/new":                 {"areas.write", "POST", "/units/new"},
	"GET /units/{id}":                 {"unit.read", "GET", "/units/{T}"},
	"/units/{id}/move":                {"areas.write", "POST", "/units/{T}/move"},
	"/units/{id}/end":                 {"areas.write", "POST", "/units/{T}/end"},
	"/units/{id}/party-org/new":       {"unit.write", "POST", "/units/{T}/party-org/new"},
	"GET /party-orgs/{id}/leadership": {"areas.read", "GET", "/party-orgs/{T}/leadership"},
	"/party-orgs/{id}/elections/new":  {"areas.write", "POST", "/party-orgs/{T}/elections/new"},
	"GET /areas/{id}/registrations":   {"areas.read", "GET", "/areas/{T}/registrations"},
	"/areas/{id}/registrations/new":   {"areas.write", "POST", "/areas/{T}/registrations/new"},
	"/areas/{id}/registrations/end":   {"areas.write", "POST", "/areas/{T}/registrations/end"},
}

func init() {
	for k, v := range peopleAccessRows {
		accessRows[k] = v
	}
}
