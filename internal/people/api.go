package people

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/auth"
)

// apiHandlers are the API's handlers of persons and stationed units.
type apiHandlers struct {
	*api.Handler
	people *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is the people domain's part of the JSON API. Personal numbers are
// masked unless revealed; every reveal is audited without the values.
func API(st *Store) api.Module {
	return api.Module{
		Name: "people",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, people: st}
			person, unit, org, reg, ar := st.PersonPlace(), st.UnitPlace(), st.OrgPlace(), st.RegistrationPlace(), st.Areas.Place()
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/persons/{id}", Perm: ReadPeople, Place: person, Handle: s.personGet},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/reveal", Perm: auth.RevealPII, Place: person, Handle: s.personReveal},
				{Method: http.MethodGet, Path: "/api/v1/members", Perm: ReadPeople, Handle: s.memberList},
				{Method: http.MethodPost, Path: "/api/v1/members", Perm: WritePeople, Handle: s.memberEnrol},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/transfer", Perm: WritePeople, Place: person, Handle: s.memberTransfer},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/end", Perm: WritePeople, Place: person, Handle: s.memberEnd},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/convert", Perm: WritePeople, Place: person, Handle: s.memberConvert},
				{Method: http.MethodGet, Path: "/api/v1/units", Perm: ReadUnits, Handle: s.unitList},
				{Method: http.MethodPost, Path: "/api/v1/units", Perm: WriteUnits, Handle: s.unitCreate},
				{Method: http.MethodGet, Path: "/api/v1/units/{id}", Perm: ReadOwnUnit, Place: unit, Handle: s.unitGet},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/move", Perm: WriteUnits, Place: unit, Handle: s.unitMove},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/end", Perm: WriteUnits, Place: unit, Handle: s.unitEnd},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/party-org", Perm: WriteOwnUnit, Place: unit, Handle: s.unitOrgCreate},

				{Method: http.MethodGet, Path: "/api/v1/party-orgs/{id}/leadership", Perm: ReadPeople, Place: org, Handle: s.leadershipGet},
				{Method: http.MethodPost, Path: "/api/v1/party-orgs/{id}/elections", Perm: WritePeople, Place: org, Handle: s.electionCreate},

				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/registrations", Perm: ReadPeople, Place: ar, Handle: s.registrationList},
				{Method: http.MethodPost, Path: "/api/v1/registrations", Perm: WritePeople, Handle: s.registrationCreate},
				{Method: http.MethodPost, Path: "/api/v1/registrations/{id}/end", Perm: WritePeople, Place: reg, Handle: s.registrationEnd},
			}
		},
	}
}
