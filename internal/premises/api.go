package premises

import (
	_ "embed"
	"net/http"
	"strconv"

	"dangjian/internal/api"
)

// apiHandlers are the API's handlers of part three.
type apiHandlers struct {
	*api.Handler
	s *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is part three's share of the JSON API: a community's premises page,
// the three-lacks report and lists, the communities below the standard,
// building projects, and the writes that record premises, rooms, office
// funding, land, households, standards, projects, steps, funding and
// waivers. Money is in fen and areas in 0.01 m², both as integers; dates
// are YYYY-MM-DD.
func API(st *Store) api.Module {
	return api.Module{
		Name: "premises",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, s: st}
			ar, prem, proj := st.Areas.Place(), st.PremisesPlace(), st.ProjectPlace()
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/premises", Perm: ReadPremises, Place: ar, Handle: s.communityGet, Response: communityJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/premises", Perm: WritePremises, Place: ar, Handle: s.premisesOpen, Request: premisesRequest{}, Response: Premises{}},
				{Method: http.MethodPost, Path: "/api/v1/premises/{id}/rooms", Perm: WritePremises, Place: prem, Handle: s.roomAdd, Request: roomRequest{}, Response: Room{}},
				{Method: http.MethodPost, Path: "/api/v1/premises/{id}/close", Perm: WritePremises, Place: prem, Handle: s.premisesClose, Request: closeRequest{}, Response: Premises{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/office-funding", Perm: WritePremises, Place: ar, Handle: s.officeFundingAdd, Request: officeFundingRequest{}, Response: OfficeFunding{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/economic-land", Perm: WritePremises, Place: ar, Handle: s.landAdd, Request: landRequest{}, Response: Land{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/households", Perm: WritePremises, Place: ar, Handle: s.householdsCount, Request: householdsRequest{}, Response: householdsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/premises-standards", Perm: WritePremises, Place: ar, Handle: s.standardSet, Request: standardRequest{}, Response: standardJSON{}},

				{Method: http.MethodGet, Path: "/api/v1/three-lacks", Perm: ReadPremises, Handle: s.threeLacksGet, Response: ThreeLacksReport{}},
				{Method: http.MethodGet, Path: "/api/v1/three-lacks/communities", Perm: ReadPremises, Handle: s.lacksList, Response: lacksJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/premises/below-standard", Perm: ReadPremises, Handle: s.belowStandardList, Response: belowStandardJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/premises/survey", Perm: ReadPremises, Handle: s.surveyExport},
				{Method: http.MethodPost, Path: "/api/v1/premises/survey", Perm: WritePremises, Handle: s.surveyImport, Response: surveyImportJSON{}},

				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/building-projects", Perm: WritePremises, Place: ar, Handle: s.projectCreate, Request: projectRequest{}, Response: ProjectView{}},
				{Method: http.MethodGet, Path: "/api/v1/building-projects/{id}", Perm: ReadPremises, Place: proj, Handle: s.projectGet, Response: ProjectView{}},
				{Method: http.MethodPost, Path: "/api/v1/building-projects/{id}/steps", Perm: WritePremises, Place: proj, Handle: s.stepReach, Request: stepRequest{}, Response: ProjectView{}},
				{Method: http.MethodPost, Path: "/api/v1/building-projects/{id}/funding", Perm: WritePremises, Place: proj, Handle: s.fundingAdd, Request: fundingRequest{}, Response: ProjectView{}},
				{Method: http.MethodPost, Path: "/api/v1/building-projects/{id}/waivers", Perm: WritePremises, Place: proj, Handle: s.waiverAdd, Request: waiverRequest{}, Response: ProjectView{}},
			}
		},
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// communityAPIURL is a community's premises in the API.
func communityAPIURL(areaID int64) string { return "/api/v1/areas/" + itoa(areaID) + "/premises" }

// projectAPIURL is a building project in the API.
func projectAPIURL(id int64) string { return "/api/v1/building-projects/" + itoa(id) }

// nonNil returns xs, or an empty list for nil, so that it renders as [].
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
