package area

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/auth"
)

// apiHandlers are the API's handlers of the tree, areas and their party
// organisations.
type apiHandlers struct {
	*api.Handler
	Areas *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is the area domain's part of the JSON API.
func API(st *Store) api.Module {
	return api.Module{
		Name: "area",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, Areas: st}
			area, org := st.Place(), st.OrgPlace()
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/areas/tree", Perm: auth.ReadAreas, Handle: s.areaTree},
				{Method: http.MethodGet, Path: "/api/v1/areas", Perm: auth.ReadAreas, Handle: s.areaList},
				{Method: http.MethodPost, Path: "/api/v1/areas", Perm: auth.WriteAreas, Handle: s.areaCreate, Request: createRequest{}, Response: areaResult{}},
				{Method: http.MethodGet, Path: "/api/v1/areas/{id}", Perm: auth.ReadAreas, Place: area, Handle: s.areaGet},
				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/events", Perm: auth.ReadAreas, Place: area, Handle: s.areaEvents},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/merge", Perm: auth.WriteAreas, Place: area, Handle: s.areaMerge, Request: mergeRequest{}, Response: areaResult{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/split", Perm: auth.WriteAreas, Place: area, Handle: s.areaSplit, Request: splitRequest{}, Response: areaResult{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/adjust", Perm: auth.WriteAreas, Place: area, Handle: s.areaAdjust, Request: adjustRequest{}, Response: areaResult{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/rename", Perm: auth.WriteAreas, Place: area, Handle: s.areaRename, Request: renameRequest{}, Response: areaResult{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/dissolve", Perm: auth.WriteAreas, Place: area, Handle: s.areaDissolve, Request: dissolveRequest{}, Response: areaResult{}},
				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/party-orgs", Perm: auth.ReadAreas, Place: area, Handle: s.areaOrgs},

				{Method: http.MethodPost, Path: "/api/v1/party-orgs", Perm: auth.WriteAreas, Handle: s.orgCreate, Request: orgCreateRequest{}, Response: orgResult{}},
				{Method: http.MethodGet, Path: "/api/v1/party-orgs/{id}", Perm: auth.ReadAreas, Place: org, Handle: s.orgGet},
				{Method: http.MethodPost, Path: "/api/v1/party-orgs/{id}/reform", Perm: auth.WriteAreas, Place: org, Handle: s.orgReform, Request: orgReformRequest{}, Response: orgResult{}},
				{Method: http.MethodPost, Path: "/api/v1/party-orgs/{id}/dissolve", Perm: auth.WriteAreas, Place: org, Handle: s.orgDissolve, Request: orgDissolveRequest{}, Response: orgResult{}},
			}
		},
	}
}
