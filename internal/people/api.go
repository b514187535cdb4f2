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
				{Method: http.MethodGet, Path: "/api/v1/persons/{id}", Perm: ReadPeople, Place: person, Handle: s.personGet, Response: personJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/reveal", Perm: auth.RevealPII, Place: person, Handle: s.personReveal, Response: revealJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/members", Perm: ReadPeople, Handle: s.memberList, Response: memberListJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/members", Perm: WritePeople, Handle: s.memberEnrol, Request: enrolRequest{}, Response: membershipAnswer{}},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/memberships", Perm: WritePeople, Place: person, Handle: s.memberStart, Request: startRequest{}, Response: membershipAnswer{}},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/transfer", Perm: WritePeople, Place: person, Handle: s.memberTransfer, Request: transferRequest{}, Response: membershipAnswer{}},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/end", Perm: WritePeople, Place: person, Handle: s.memberEnd, Request: endRequest{}, Response: membershipAnswer{}},
				{Method: http.MethodPost, Path: "/api/v1/persons/{id}/convert", Perm: WritePeople, Place: person, Handle: s.memberConvert, Request: convertRequest{}, Response: membershipAnswer{}},
				{Method: http.MethodGet, Path: "/api/v1/units", Perm: ReadUnits, Handle: s.unitList, Response: unitListJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/units", Perm: WriteUnits, Handle: s.unitCreate, Request: unitCreateRequest{}, Response: unitJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/units/{id}", Perm: ReadOwnUnit, Place: unit, Handle: s.unitGet, Response: unitJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/move", Perm: WriteUnits, Place: unit, Handle: s.unitMove, Request: unitMoveRequest{}, Response: unitJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/end", Perm: WriteUnits, Place: unit, Handle: s.unitEnd, Request: unitEndRequest{}, Response: unitJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/units/{id}/party-org", Perm: WriteOwnUnit, Place: unit, Handle: s.unitOrgCreate, Request: unitOrgRequest{}, Response: unitJSON{}},

				{Method: http.MethodGet, Path: "/api/v1/party-orgs/{id}/leadership", Perm: ReadPeople, Place: org, Handle: s.leadershipGet, Response: leadershipJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/party-orgs/{id}/elections", Perm: WritePeople, Place: org, Handle: s.electionCreate, Request: electionRequest{}, Response: leadershipJSON{}},

				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/registrations", Perm: ReadPeople, Place: ar, Handle: s.registrationList, Response: registrationListJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/registrations", Perm: WritePeople, Handle: s.registrationCreate, Request: registrationRequest{}, Response: Registration{}},
				{Method: http.MethodPost, Path: "/api/v1/registrations/{id}/end", Perm: WritePeople, Place: reg, Handle: s.registrationEnd, Request: registrationEndRequest{}, Response: Registration{}},
			}
		},
	}
}
