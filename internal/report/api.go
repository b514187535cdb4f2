package report

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/jobs"
)

// apiHandlers are the API's handlers of the figures and the speech.
type apiHandlers struct {
	*api.Handler
	db    *db.DB
	Areas *area.Store
	tpls  Templates
	// workbooks builds the workbooks started through the API as jobs.
	workbooks *workbookJobs
}

//go:embed openapi.json
var openAPIDoc []byte

// API is the reports' part of the JSON API; the speech is filled from the
// template tpls gives for the scope (nil: the embedded default). A
// statistics workbook can also be built in the background as a job of rn.
func API(d *db.DB, areas *area.Store, tpls Templates, rn *jobs.Runner) api.Module {
	return api.Module{
		Name: "report",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, db: d, Areas: areas, tpls: orDefaults(tpls), workbooks: newWorkbookJobs(d, areas, rn, h.Logger())}
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/figures", Perm: ReadReports, Handle: s.figureList, Response: figuresJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/figures/{key}", Perm: ReadReports, Handle: s.figureGet, Response: figureJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/speech", Perm: ReadReports, Handle: s.speechGet},
				{Method: http.MethodGet, Path: "/api/v1/workbook", Perm: ReadReports, Handle: s.workbookGet},
				{Method: http.MethodPost, Path: "/api/v1/workbook/jobs", Perm: ReadReports, Handle: s.workbookJobStart, Response: workbookJobJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/workbook/jobs/{job}", Perm: ReadReports, Handle: s.workbookJobGet, Response: workbookJobJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/workbook/jobs/{job}/cancel", Perm: ReadReports, Handle: s.workbookJobCancel, Response: workbookJobJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/workbook/jobs/{job}/file", Perm: ReadReports, Handle: s.workbookJobFile},
			}
		},
	}
}
