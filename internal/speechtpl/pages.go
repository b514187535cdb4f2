package speechtpl

import (
	"embed"
	"html/template"

	"dangjian/internal/area"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// maxTemplateBytes bounds a posted template (four parts of a few
// kilobytes each, with room to spare).
const maxTemplateBytes = 1 << 20

// pages are the handlers of the template editor and its versions.
type pages struct {
	*web.Kit
	s *Store
}

// Pages is the editable templates' share of the web application: the
// editor of an area's template with its live preview, its versions, a
// diff between two, restore, and the seed's words restored.
func Pages(st *Store) web.Module {
	var links []web.AreaLink
	for _, l := range []area.Level{area.District, area.Subdistrict, area.Community} {
		links = append(links, web.AreaLink{Key: "speech-template", Path: "speech-template", Label: "ui.tpl.area_link", Level: string(l), Perm: ReadTemplates})
	}
	return web.Module{
		Name:      "speechtpl",
		Templates: web.Sub(templateFiles),
		Funcs:     template.FuncMap{"inc": func(i int) int { return i + 1 }},
		// In the admin menu: the bar holds about ten entries at 1280 px.
		Nav:       []web.NavItem{{Key: "speech-template", Href: "/speech-template", Label: "ui.nav.speech_template", Perm: ReadTemplates, Order: 610, Group: web.AdminMenu}},
		AreaLinks: links,
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, s: st}
			ar, ver := st.Areas.Place(), st.VersionPlace()
			return []web.Route{
				{Pattern: "GET /speech-template", Perm: ReadTemplates, Handler: p.templateHome},
				{Pattern: "GET /areas/{id}/speech-template", Perm: ReadTemplates, Place: ar, Handler: p.templateShow},
				{Pattern: "POST /areas/{id}/speech-template", Perm: WriteTemplates, Place: ar, Handler: p.templateSave, MaxBody: maxTemplateBytes},
				{Pattern: "POST /areas/{id}/speech-template/preview", Perm: WriteTemplates, Place: ar, Handler: p.templatePreview, MaxBody: maxTemplateBytes},
				{Pattern: "POST /areas/{id}/speech-template/default", Perm: WriteTemplates, Place: ar, Handler: p.templateRestoreDefault},
				{Pattern: "GET /speech-template-versions/{id}", Perm: ReadTemplates, Place: ver, Handler: p.versionShow},
				{Pattern: "POST /speech-template-versions/{id}/restore", Perm: WriteTemplates, Place: ver, Handler: p.versionRestore},
			}
		},
	}
}
