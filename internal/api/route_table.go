package api

import (
	"net/http"
	"strings"

	"dangjian/internal/i18n"
)

// route is one API endpoint: the method and path (ServeMux pattern syntax,
// which is also OpenAPI's path template syntax) and its handler.
type route struct {
	method string
	path   string
	handle func(h *Handler, w http.ResponseWriter, r *http.Request)
}

// pattern is the ServeMux pattern of rt.
func (rt route) pattern() string { return rt.method + " " + rt.path }

// routes is the API's route table. Register mounts it and the OpenAPI test
// compares it with the document, so a route cannot be served undocumented.
var routes = []route{
	{http.MethodGet, "/api/openapi.json", (*Handler).openAPI},

	{http.MethodGet, "/api/v1/areas/tree", (*Handler).areaTree},
	{http.MethodGet, "/api/v1/areas", (*Handler).areaList},
	{http.MethodPost, "/api/v1/areas", (*Handler).areaCreate},
	{http.MethodGet, "/api/v1/areas/{id}", (*Handler).areaGet},
	{http.MethodGet, "/api/v1/areas/{id}/events", (*Handler).areaEvents},
	{http.MethodPost, "/api/v1/areas/{id}/merge", (*Handler).areaMerge},
	{http.MethodPost, "/api/v1/areas/{id}/split", (*Handler).areaSplit},
	{http.MethodPost, "/api/v1/areas/{id}/adjust", (*Handler).areaAdjust},
	{http.MethodPost, "/api/v1/areas/{id}/rename", (*Handler).areaRename},
	{http.MethodPost, "/api/v1/areas/{id}/dissolve", (*Handler).areaDissolve},
	{http.MethodGet, "/api/v1/areas/{id}/party-orgs", (*Handler).areaOrgs},

	{http.MethodPost, "/api/v1/party-orgs", (*Handler).orgCreate},
	{http.MethodGet, "/api/v1/party-orgs/{id}", (*Handler).orgGet},
	{http.MethodPost, "/api/v1/party-orgs/{id}/reform", (*Handler).orgReform},
	{http.MethodPost, "/api/v1/party-orgs/{id}/dissolve", (*Handler).orgDissolve},

	{http.MethodGet, "/api/v1/figures", (*Handler).figureList},
	{http.MethodGet, "/api/v1/figures/{key}", (*Handler).figureGet},

	{http.MethodGet, "/api/v1/speech", (*Handler).speechGet},
}

// fallbackPattern catches every other path under /api/. It is not an
// endpoint, so it is not in the route table or the document.
const fallbackPattern = "/api/"

// fallback answers a request no route matched: 405 with Allow when the path
// exists under another method, 404 otherwise, both in JSON.
func (h *Handler) fallback(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	// Try each method to tell a wrong method (405) from an unknown path (404).
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, p := mux.Handler(probe); p != "" && p != fallbackPattern && strings.HasPrefix(p, m+" ") {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		h.fail(w, r, &requestError{kind: kindMethod, err: i18n.Errf("", "err.api_method", r.Method)})
		return
	}
	h.fail(w, r, &requestError{kind: kindNoRoute, err: i18n.Errf("", "err.api_route_unknown", r.URL.Path)})
}
