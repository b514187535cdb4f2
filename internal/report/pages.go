package report

import (
	"embed"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/jobs"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of the figures, their records and the speech.
type pages struct {
	*web.Kit
	db    *db.DB
	areas *area.Store
	tpls  Templates
	// workbooks builds the workbooks started from the pages as jobs.
	workbooks *workbookJobs
}

// Pages is the reports' part of the web application: the figures of any
// scope and period, the records behind each, and the speech, filled from
// the template tpls gives for the scope (nil: the embedded default). A
// statistics workbook can also be built in the background as a job of rn.
func Pages(d *db.DB, areas *area.Store, tpls Templates, rn *jobs.Runner) web.Module {
	return web.Module{
		Name:      "report",
		Templates: web.Sub(templateFiles),
		Nav: []web.NavItem{
			{Key: "figures", Href: "/figures", Label: "ui.nav.figures", Perm: ReadReports, Order: 200},
			{Key: "speech", Href: "/speech", Label: "ui.nav.speech", Perm: ReadReports, Order: 500},
		},
		Routes: func(k *web.Kit) []web.Route {
			s := &pages{Kit: k, db: d, areas: areas, tpls: orDefaults(tpls), workbooks: newWorkbookJobs(d, areas, rn, k.Logger())}
			return []web.Route{
				{Pattern: "GET /figures", Perm: ReadReports, Handler: s.figuresShow},
				{Pattern: "GET /figures/{key}", Perm: ReadReports, Handler: s.figureShow},
				{Pattern: "GET /figures/by-area", Perm: ReadReports, Handler: s.figuresByArea},
				{Pattern: "GET /workbook.xlsx", Perm: ReadReports, Handler: s.workbookDownload},
				{Pattern: "POST /workbook/jobs", Perm: ReadReports, Handler: s.workbookJobStart},
				{Pattern: "GET /workbook/jobs/{job}", Perm: ReadReports, Handler: s.workbookJobShow},
				{Pattern: "POST /workbook/jobs/{job}/cancel", Perm: ReadReports, Handler: s.workbookJobCancel},
				{Pattern: "GET /workbook/jobs/{job}/file", Perm: ReadReports, Handler: s.workbookJobFile},
				{Pattern: "GET /speech", Perm: ReadReports, Handler: s.speechShow},
				{Pattern: "GET /speech.md", Perm: ReadReports, Handler: s.speechDownload},
				{Pattern: "GET /speech.html", Perm: ReadReports, Handler: s.speechDownload},
				{Pattern: "GET /speech.docx", Perm: ReadReports, Handler: s.speechDownload},
			}
		},
	}
}
