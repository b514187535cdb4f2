package web_test

// peopleAccessRows are the access test's rows for peopleRoutes. {T} is a
// person for the /members/{id} routes and a unit for the /units/{id} ones
// (seeded by seedAccessPeople).
var peopleAccessRows = map[string]accessRow{
	"GET /members":                    {"people.read", "GET", "/members"},
	"GET /members/new":                {"people.write", "GET", "/members/new"},
	"POST /members/new":               {"people.write", "POST", "/members/new"},
	"GET /members/{id}":               {"people.read", "GET", "/members/{T}"},
	"POST /members/{id}/reveal":       {"pii.reveal", "POST", "/members/{T}/reveal"},
	"/members/{id}/start":             {"people.write", "POST", "/members/{T}/start"},
	"/members/{id}/transfer":          {"people.write", "POST", "/members/{T}/transfer"},
	"/members/{id}/end":               {"people.write", "POST", "/members/{T}/end"},
	"/members/{id}/convert":           {"people.write", "POST", "/members/{T}/convert"},
	"GET /units":                      {"units.read", "GET", "/units"},
	"GET /pick/orgs":                  {"people.read", "GET", "/pick/orgs?q=x"},
	"GET /pick/units":                 {"units.read", "GET", "/pick/units?q=x"},
	"GET /units/new":                  {"units.write", "GET", "/units/new"},
	"POST /units/new":                 {"units.write", "POST", "/units/new"},
	"GET /units/{id}":                 {"unit.read", "GET", "/units/{T}"},
	"/units/{id}/move":                {"units.write", "POST", "/units/{T}/move"},
	"/units/{id}/end":                 {"units.write", "POST", "/units/{T}/end"},
	"/units/{id}/party-org/new":       {"unit.write", "POST", "/units/{T}/party-org/new"},
	"GET /party-orgs/{id}/leadership": {"people.read", "GET", "/party-orgs/{T}/leadership"},
	"/party-orgs/{id}/elections/new":  {"people.write", "POST", "/party-orgs/{T}/elections/new"},
	"GET /areas/{id}/registrations":   {"people.read", "GET", "/areas/{T}/registrations"},
	"/areas/{id}/registrations/new":   {"people.write", "POST", "/areas/{T}/registrations/new"},
	"/areas/{id}/registrations/end":   {"people.write", "POST", "/areas/{T}/registrations/end"},
}

func init() {
	for k, v := range peopleAccessRows {
		accessRows[k] = v
	}
}
