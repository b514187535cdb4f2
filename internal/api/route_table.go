package api

import (
	"dangjian/internal/access"
	"net/http"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// Route is one API endpoint: the method and path (ServeMux pattern syntax,
// which is also OpenAPI's path template syntax), the permission it needs
// ("" only for the public document), where the {id} of its path lies (nil
// when it names no record; the access policy checks it against the
// caller's scope before the handler runs) and its handler.
type Route struct {
	Method string
	Path   string
	Perm   auth.Permission
	Place  *access.Place
	Handle http.HandlerFunc
	// Request and Response, when set, are values of the JSON body types the
	// endpoint reads and answers with (2xx); the document test compares
	// their fields with the documented schemas, so neither can drift.
	Request, Response any
}

// Module is what a domain adds to the API: its endpoints, given the
// Handler whose helpers (Fail, WriteJSON, DecodeBody, ServeChange, …) its
// handlers use, and its part of the OpenAPI document.
type Module struct {
	Name   string
	Routes func(h *Handler) []Route
	// Doc is the module's part of the OpenAPI document: a JSON object with
	// "paths" and, optionally, "components" (its schemas), merged into the
	// API's own document.
	Doc []byte
}

// public reports whether rt answers without a token.
func (rt Route) public() bool { return rt.Perm == "" }

// pattern is the ServeMux pattern of rt.
func (rt Route) pattern() string { return rt.Method + " " + rt.Path }

// Routes is the API's route table: its own document and every module's
// endpoints. Register mounts it behind the access checks of
// access_check.go, and the OpenAPI test compares it with the document, so
// a route cannot be served undocumented or unguarded: a row without a
// permission is public, and only the document itself is.
func (h *Handler) Routes() []Route {
	rts := []Route{{Method: http.MethodGet, Path: "/api/openapi.json", Handle: h.openAPI}}
	for _, m := range h.Modules {
		rts = append(rts, m.Routes(h)...)
	}
	return rts
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
		h.Fail(w, r, &requestError{kind: kindMethod, err: i18n.Errf("", "err.api_method", r.Method)})
		return
	}
	h.Fail(w, r, &requestError{kind: kindNoRoute, err: i18n.Errf("", "err.api_route_unknown", r.URL.Path)})
}
