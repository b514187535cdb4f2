package cobuilding

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
)

// apiHandlers are the API's handlers of part four (a).
type apiHandlers struct {
	*api.Handler
	s *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is part four (a)'s share of the JSON API: the demand, resource and
// project lists, a demand with the resources suggested for it, the match
// that turns it into a project, a project's story, and recording a
// demand, a resource, a project's progress and completion, what each
// participant gave, its results and the thanks received. Money is in fen as integers; dates are YYYY-MM-DD.
func API(st *Store) api.Module {
	return api.Module{
		Name: "cobuilding",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, s: st}
			dem, proj := st.DemandPlace(), st.ProjectPlace()
			return append([]api.Route{
				{Method: http.MethodGet, Path: "/api/v1/demands", Perm: ReadCobuilding, Handle: s.demandList, Response: demandsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/demands", Perm: WriteCobuilding, Place: st.Areas.Place(), Handle: s.demandCreate, Request: demandRequest{}, Response: Demand{}},
				{Method: http.MethodGet, Path: "/api/v1/demands/{id}", Perm: ReadCobuilding, Place: dem, Handle: s.demandGet, Response: Demand{}},
				{Method: http.MethodGet, Path: "/api/v1/demands/{id}/suggestions", Perm: ReadCobuilding, Place: dem, Handle: s.suggestionList, Response: suggestionsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/demands/{id}/match", Perm: WriteCobuilding, Place: dem, Handle: s.demandMatch, Request: matchRequest{}, Response: Story{}},
				{Method: http.MethodGet, Path: "/api/v1/resources", Perm: ReadCobuilding, Handle: s.resourceList, Response: resourcesJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/co-projects", Perm: ReadCobuilding, Handle: s.projectList, Response: projectsJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/co-projects/{id}", Perm: ReadCobuilding, Place: proj, Handle: s.projectGet, Response: Story{}},
				{Method: http.MethodPost, Path: "/api/v1/resources", Perm: WriteCobuilding, Handle: s.resourceCreate, Request: resourceRequest{}, Response: Resource{}},
				{Method: http.MethodPost, Path: "/api/v1/co-projects/{id}", Perm: WriteCobuilding, Place: proj, Handle: s.projectUpdate, Request: projectRequest{}, Response: Story{}},
				{Method: http.MethodPost, Path: "/api/v1/co-projects/{id}/contributions", Perm: WriteCobuilding, Place: proj, Handle: s.contributionAdd, Request: contributionRequest{}, Response: Story{}},
				{Method: http.MethodPost, Path: "/api/v1/co-projects/{id}/results", Perm: WriteCobuilding, Place: proj, Handle: s.resultAdd, Request: resultRequest{}, Response: Story{}},
				{Method: http.MethodPost, Path: "/api/v1/co-projects/{id}/feedback", Perm: WriteCobuilding, Place: proj, Handle: s.feedbackAdd, Request: feedbackRequest{}, Response: Story{}},
			}, sheetAPIRoutes(h, st)...)
		},
	}
}

// demandAPIURL is a demand in the API; projectAPIURL a project.
func demandAPIURL(id int64) string  { return "/api/v1/demands/" + itoa(int(id)) }
func projectAPIURL(id int64) string { return "/api/v1/co-projects/" + itoa(int(id)) }

// nonNil returns xs, or an empty list for nil, so that it renders as [].
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
