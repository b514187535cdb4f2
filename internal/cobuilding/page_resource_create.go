package cobuilding

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// resourceCreate records what a unit (picked) or a named department
// serving an area (picked) offers.
func (p *pages) resourceCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.resource_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.resources.title"), Href: "/resources"}},
		Submit:   i18n.T(lang, "ui.cob.save"),
		Back:     "/resources",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return append(giverFields(lang),
				web.Field{Name: "area_id", Label: i18n.T(lang, "ui.resource.area"), Type: "picker", Pick: "areas", Help: i18n.T(lang, "ui.resource.area_help")},
				web.Field{Name: "kind", Label: i18n.T(lang, "ui.resource.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.resource.kind.", Kinds)},
				web.Field{Name: "description", Label: i18n.T(lang, "ui.resource.description"), Type: "textarea", Required: true},
				web.Field{Name: "on", Label: i18n.T(lang, "ui.resource.from_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				web.Field{Name: "to_on", Label: i18n.T(lang, "ui.resource.to_on"), Type: "date"})
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			to, err := web.ParseOn(v, "to_on")
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.CreateResource(ctx, ResourceInput{UnitID: web.ParseID(v.Get("unit_id")), Department: v.Get("department"), AreaID: web.ParseID(v.Get("area_id")),
				Kind: Kind(v.Get("kind")), Description: v.Get("description"), FromOn: on, ToOn: to})
			return "/resources", []string{"ui.flash.resource_created", v.Get("description")}, web.RenameField(err, "from_on", "on")
		},
	})
}

// unitResourceCreate records what the unit of the path offers: the form a
// unit liaison keeps their own unit's resources with.
func (p *pages) unitResourceCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	id := web.ParseID(r.PathValue("id"))
	rec, err := p.s.UnitRecordOf(r.Context(), id)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/units/" + web.Itoa(id) + "/co-building"
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.unit_resource_create.title", rec.UnitName),
		Crumbs:   []web.Crumb{{Label: rec.UnitName, Href: "/units/" + web.Itoa(id)}, {Label: i18n.T(lang, "ui.unit_cobuilding.title", rec.UnitName), Href: back}},
		Submit:   i18n.T(lang, "ui.cob.save"),
		Back:     back,
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return []web.Field{
				{Name: "kind", Label: i18n.T(lang, "ui.resource.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.resource.kind.", Kinds)},
				{Name: "description", Label: i18n.T(lang, "ui.resource.description"), Type: "textarea", Required: true},
				{Name: "on", Label: i18n.T(lang, "ui.resource.from_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				{Name: "to_on", Label: i18n.T(lang, "ui.resource.to_on"), Type: "date"},
			}
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			to, err := web.ParseOn(v, "to_on")
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.CreateResource(ctx, ResourceInput{UnitID: id, Kind: Kind(v.Get("kind")), Description: v.Get("description"), FromOn: on, ToOn: to})
			return back, []string{"ui.flash.resource_created", v.Get("description")}, web.RenameField(web.RenameField(err, "from_on", "on"), "unit_id", "on")
		},
	})
}
