package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// outletCreate opens an outlet at a subdistrict or community (picked).
func (p *pages) outletCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.outlet_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.outlets.title"), Href: "/outlets"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/outlets",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return []web.Field{
				areaField(lang, "ui.outlet.area", ""),
				{Name: "kind", Label: i18n.T(lang, "ui.outlet.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.outlet.kind.", OutletKinds)},
				{Name: "name", Label: i18n.T(lang, "ui.outlet.name"), Type: "text", Required: true},
				{Name: "on", Label: i18n.T(lang, "ui.outlet.from_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				web.NoteField(lang),
			}
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			_, err := p.s.CreateOutlet(ctx, OutletInput{AreaID: web.ParseID(v.Get("area_id")), Kind: OutletKind(v.Get("kind")), Name: v.Get("name"), FromOn: on, Note: v.Get("note")})
			return "/outlets", []string{"ui.flash.outlet_created", v.Get("name")}, web.RenameField(err, "from_on", "on")
		},
	})
}

// outletEdit corrects the outlet of the path.
func (p *pages) outletEdit(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	o, err := p.s.Outlet(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.outlet_edit.title", o.Name),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.outlets.title"), Href: "/outlets"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/outlets",
		Defaults: url.Values{"kind": {string(o.Kind)}, "name": {o.Name}, "note": {o.Note}},
		Fields: func(url.Values) []web.Field {
			return []web.Field{
				{Name: "kind", Label: i18n.T(lang, "ui.outlet.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.outlet.kind.", OutletKinds)},
				{Name: "name", Label: i18n.T(lang, "ui.outlet.name"), Type: "text", Required: true},
				web.NoteField(lang),
			}
		},
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			err := p.s.UpdateOutlet(ctx, o.ID, OutletChange{Kind: OutletKind(v.Get("kind")), Name: v.Get("name"), Note: v.Get("note")})
			return "/outlets", []string{"ui.flash.outlet_updated", v.Get("name")}, err
		},
	})
}

// outletEnd closes the outlet of the path on a day.
func (p *pages) outletEnd(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	o, err := p.s.Outlet(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.outlet_end.title", o.Name),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.outlets.title"), Href: "/outlets"}},
		Submit:   i18n.T(lang, "ui.outlet_end.submit"),
		Danger:   true,
		Back:     "/outlets",
		Defaults: web.Defaults(p.s.Today()),
		Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang)} },
		Apply: func(ctx context.Context, _ url.Values, on date.Date) (string, []string, error) {
			err := p.s.EndOutlet(ctx, o.ID, on)
			return "/outlets", []string{"ui.flash.outlet_ended", o.Name}, web.RenameField(err, "to_on", "on")
		},
	})
}
