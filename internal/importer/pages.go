package importer

import (
	"embed"

	"dangjian/internal/db"
	"dangjian/internal/jobs"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of imports and exports.
type pages struct {
	*web.Kit
	db      *db.DB
	people  *people.Store
	uploads *uploader
}

// Pages is the import and export part of the web application: upload a
// file of members, units or posts, follow its import, download the records
// of one's scope. Imports run as jobs of rn.
func Pages(d *db.DB, ps *people.Store, rn *jobs.Runner) web.Module {
	return web.Module{
		Name:      "importer",
		Templates: web.Sub(templateFiles),
		Nav:       []web.NavItem{{Key: "import", Href: "/import", Label: "ui.nav.import", Perm: RunImports, Order: 600, Group: web.AdminMenu}},
		Routes: func(k *web.Kit) []web.Route {
			s := &pages{Kit: k, db: d, people: ps, uploads: newUploader(d, ps, rn, k.Logger())}
			return []web.Route{
				{Pattern: "GET /import", Perm: RunImports, Handler: s.importShow},
				{Pattern: "POST /import", Perm: RunImports, Handler: s.importStart, MaxBody: maxImportBytes + 1<<20},
				{Pattern: "GET /import/jobs/{job}", Perm: RunImports, Handler: s.importJob},
				{Pattern: "POST /import/jobs/{job}/confirm", Perm: RunImports, Handler: s.importConfirm},
				{Pattern: "POST /import/jobs/{job}/cancel", Perm: RunImports, Handler: s.importCancel},
				{Pattern: "GET /import/templates/{file}", Perm: RunImports, Handler: s.importTemplate},
				{Pattern: "GET /export/{file}", Perm: ReadExports, Handler: s.exportDownload},
				{Pattern: "POST /export/jobs", Perm: ReadExports, Handler: s.exportJobStart},
				{Pattern: "GET /export/jobs/{job}", Perm: ReadExports, Handler: s.exportJobShow},
				{Pattern: "POST /export/jobs/{job}/cancel", Perm: ReadExports, Handler: s.exportJobCancel},
				{Pattern: "GET /export/jobs/{job}/file", Perm: ReadExports, Handler: s.exportJobFile},
			}
		},
	}
}
