package app

import (
	"dangjian/internal/area"
	"dangjian/internal/importer"
	"dangjian/internal/people"
	"dangjian/internal/report"
	"dangjian/internal/web"
)

// pages are the domains' parts of the web application. Adding a domain is
// its own package plus one line here (docs/adding-a-domain.md).
func (a *App) pages() []web.Module {
	return []web.Module{
		area.Pages(a.Areas),
		report.Pages(a.DB, a.Areas),
		people.Pages(a.People),
		importer.Pages(a.DB, a.People),
	}
}

// PageRoutes lists every page of the application, for the route-access
// test.
func (a *App) PageRoutes() []web.Route { return web.ListRoutes(a.pages()) }
