package dashboard

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
)

// apiHandlers are the API's handlers of the dashboard.
type apiHandlers struct {
	*api.Handler
	src *Source
}

//go:embed openapi.json
var openAPIDoc []byte

// API is the dashboard's part of the JSON API.
func API(src *Source) api.Module {
	return api.Module{
		Name: "dashboard",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, src: src}
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/dashboard", Perm: ReadDashboard, Handle: s.dashboardGet, Response: Data{}},
			}
		},
	}
}
