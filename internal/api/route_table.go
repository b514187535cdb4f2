package api

import (
	"net/http"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// route is one API endpoint: the method and path (ServeMux pattern syntax,
// which is also OpenAPI's path template syntax), the permission it needs
// ("" only for the public document), what its {id} names (checked against
// the caller's scope before the handler runs) and its handler.
type route struct {
	method string
	path   string
	perm   auth.Permission
	target target
	handle func(h *Handler, w http.ResponseWriter, r *http.Request)
}

// target is what a route's {id} path value names.
type target int

const (
	noTarget   target = iota // no {id}, or one that is not an area's or party org's
	areaTarget               // {id} is an area
	orgTarget                // {id} is a party organisation
)

// public reports whether rt answers without a token.
func (rt route) public() bool { return rt.perm == "" }

// pattern is the ServeMux pattern of rt.
func (rt route) pattern() string { return rt.method + " " + rt.path }

// routes is the API's route table. Register mounts it behind the access
// checks of access_check.go, and the OpenAPI test compares it with the
// document, so a route cannot be served undocumented or unguarded: a row
// without a permission is public, and only the document itself is.
var routes = []route{
	{http.MethodGet, "/api/openapi.json", "", noTarget, (*Handler).openAPI},

	{http.MethodGet, "/api/v1/areas/tree", auth.ReadAreas, noTarget, (*Handler).areaTree},
	{http.MethodGet, "/api/v1/areas", auth.ReadAreas, noTarget, (*Handler).areaList},
	{http.MethodPost, "/api/v1/areas", auth.WriteAreas, noTarget, (*Handler).areaCreate},
	{http.MethodGet, "/api/v1/areas/{id}", auth.ReadAreas, areaTarget, (*Handler).areaGet},
	{http.MethodGet, "/api/v1/areas/{id}/events", auth.ReadAreas, areaTarget, (*Handler).areaEvents},
	{http.MethodPost, "/api/v1/areas/{id}/merge", auth.WriteAreas, areaTarget, (*Handler).areaMerge},
	{http.MethodPost, "/api/v1/areas/{id}/split", auth.WriteAreas, areaTarget, (*Handler).areaSplit},
	{http.MethodPost, "/api/v1/areas/{id}/adjust", auth.WriteAreas, areaTarget, (*Handler).areaAdjust},
	{http.MethodPost, "/api/v1/areas/{id}/rename", auth.WriteAreas, areaTarget, (*Handler).areaRename},
	{http.MethodPost, "/api/v1/areas/{id}/dissolve", auth.WriteAreas, areaTarget, (*Handler).areaDissolve},
	{http.MethodGet, "/api/v1/areas/{id}/party-orgs", auth.ReadAreas, areaTarget, (*Handler).areaOrgs},

	{http.MethodPost, "/api/v1/party-orgs", auth.WriteAreas, noTarget, (*Handler).orgCreate},
	{http.MethodGet, "/api/v1/party-orgs/{id}", auth.ReadAreas, orgTarget, (*Handler).orgGet},
	{http.MethodPost, "/api/v1/party-orgs/{id}/reform", auth.WriteAreas, orgTarget, (*Handler).orgReform},
	{http.MethodPost, "/api/v1/party-orgs/{id}/dissolve", auth.WriteAreas, orgTarget, (*Handler).orgDissolve},

	{http.MethodGet, "/api/v1/figures", auth.ReadAreas, noTarget, (*Handler).figureList},
	{http.MethodGet, "/api/v1/figures/{key}", auth.ReadAreas, noTarget, (*Handler).figureGet},

	{http.MethodGet, "/api/v1/speech", auth.ReadAreas, noTarget, (*Handler).speechGet},
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
