package app

import (
	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/coordination"
	"dangjian/internal/dashboard"
	"dangjian/internal/importer"
	"dangjian/internal/people"
	"dangjian/internal/premises"
	"dangjian/internal/report"
	"dangjian/internal/services"
	"dangjian/internal/speechtpl"
	"dangjian/internal/web"
)

// pages are the domains' parts of the web application. Adding a domain is
// its own package plus one line here (docs/adding-a-domain.md).
func (a *App) pages() []web.Module {
	return []web.Module{
		area.Pages(a.Areas),
		report.Pages(a.DB, a.Areas, a.Templates, a.Jobs),
		speechtpl.Pages(a.Templates),
		people.Pages(a.People),
		coordination.Pages(a.Coordination),
		coordination.SheetPages(a.Coordination),
		premises.Pages(a.Premises),
		cobuilding.Pages(a.Cobuilding),
		cobuilding.SheetPages(a.Cobuilding),
		services.Pages(a.Services),
		services.PetitionPages(a.Petitions),
		importer.Pages(a.DB, a.People, a.Jobs),
		dashboard.Pages(a.dashboard()),
	}
}

// endpoints are the domains' parts of the JSON API.
func (a *App) endpoints() []api.Module {
	return []api.Module{
		area.API(a.Areas),
		report.API(a.DB, a.Areas, a.Templates, a.Jobs),
		speechtpl.API(a.Templates),
		people.API(a.People),
		coordination.API(a.Coordination),
		premises.API(a.Premises),
		cobuilding.API(a.Cobuilding),
		services.API(a.Services),
		services.PetitionAPI(a.Petitions),
		importer.API(a.DB, a.People, a.Jobs),
		dashboard.API(a.dashboard()),
	}
}

// dashboard is what the dashboard reads.
func (a *App) dashboard() *dashboard.Source {
	return &dashboard.Source{DB: a.DB, Areas: a.Areas, Coordination: a.Coordination, Cobuilding: a.Cobuilding}
}

// APIHandler is the JSON API alone, for tests that call it directly.
func (a *App) APIHandler() *api.Handler {
	a.Jobs.Run() // its import jobs need workers (see Handler)
	return &api.Handler{DB: a.DB, Auth: a.Auth, Log: a.Log, Modules: a.endpoints()}
}

// PageRoutes lists every page of the application, for the route-access
// test.
func (a *App) PageRoutes() []web.Route { return web.ListRoutes(a.pages()) }
