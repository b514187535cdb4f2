package report

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/db"
)

// apiHandlers are the API's handlers of the figures and the speech.
type apiHandlers struct {
	*api.Handler
	db    *db.DB
	Areas *area.Store
	tpls  Templates
}

//go:embed openapi.json
var openAPIDoc []byte

// API is the reports' part of the JSON API; the speech is filled from the
// template tpls gives for the scope (nil: the embedded default).
func API(d *db.DB, areas *area.Store, tpls Templates) api.Module {
	return api.Module{
		Name: "report",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, db: d, Areas: areas, tpls: orDefaults(tpls)}
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/figures", Perm: ReadReports, Handle: s.figureList, Response: figuresJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/figures/{key}", Perm: ReadReports, Handle: s.figureGet, Response: figureJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/speech", Perm: ReadReports, Handle: s.speechGet},
				{Method: http.MethodGet, Path: "/api/v1/workbook", Perm: ReadReports, Handle: s.workbookGet},
			}
		},
	}
}
