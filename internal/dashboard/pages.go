package dashboard

import (
	"embed"

	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of the dashboard, its full-screen mode and the
// data the pages' script draws them from.
type pages struct {
	*web.Kit
	src *Source
}

// Pages is the dashboard's part of the web application: the signed-in
// home page (GET /), the full-screen mode and GET /dashboard.json, the
// API's document behind the session for the pages' script. It adds no
// entry to the navigation: the brand at its left is the way home (the bar
// holds no more at 1280 px in English).
func Pages(src *Source) web.Module {
	return web.Module{
		Name:      "dashboard",
		Templates: web.Sub(templateFiles),
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, src: src}
			return []web.Route{
				{Pattern: "GET /{$}", Perm: ReadDashboard, Handler: p.dashboardShow},
				{Pattern: "GET /dashboard/screen", Perm: ReadDashboard, Handler: p.screenShow},
				{Pattern: "GET /dashboard.json", Perm: ReadDashboard, Handler: p.dataRead},
			}
		},
	}
}
