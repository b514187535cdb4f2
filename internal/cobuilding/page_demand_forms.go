package cobuilding

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// demandCreate records a demand of the community in the path.
func (p *pages) demandCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	a, err := p.s.Areas.Get(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/areas/" + web.Itoa(a.ID) + "/demands"
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.demand_create.title", a.Name),
		Crumbs:   []web.Crumb{{Label: a.Name, Href: "/areas/" + web.Itoa(a.ID)}, {Label: i18n.T(lang, "ui.demands.title"), Href: back}},
		Submit:   i18n.T(lang, "ui.cob.save"),
		Back:     back,
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			fields := []web.Field{
				{Name: "title", Label: i18n.T(lang, "ui.demand.title"), Type: "text", Required: true},
				{Name: "category", Label: i18n.T(lang, "ui.demand.category"), Type: "select", Required: true, Options: kindOptions(lang, "ui.demand.category.", Categories)},
			}
			for _, t := range Tags {
				fields = append(fields, web.Field{Name: "tag_" + t, Label: i18n.T(lang, "ui.demand.tag."+t), Type: "checkbox"})
			}
			return append(fields,
				web.Field{Name: "households", Label: i18n.T(lang, "ui.demand.households"), Type: "text"},
				web.Field{Name: "raised_by", Label: i18n.T(lang, "ui.demand.raised_by"), Type: "text"},
				web.Field{Name: "on", Label: i18n.T(lang, "ui.demand.raised_on_field"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				web.NoteField(lang))
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			n, err := parseCount("households", v.Get("households"))
			if err != nil {
				return "", nil, err
			}
			id, err := p.s.CreateDemand(ctx, DemandInput{AreaID: a.ID, Title: v.Get("title"), Category: Category(v.Get("category")), Tags: ticked(v, "tag_", Tags),
				Households: n, RaisedBy: v.Get("raised_by"), RaisedOn: on, Note: v.Get("note")})
			return "/demands/" + web.Itoa(id), []string{"ui.flash.demand_created", v.Get("title")}, web.RenameField(err, "raised_on", "on")
		},
	})
}

// demandClose closes the demand of the path without a project.
func (p *pages) demandClose(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	d, err := p.s.Demand(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/demands/" + web.Itoa(d.ID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.demand_close.title", d.Title),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.demands.title"), Href: "/demands"}, {Label: d.Title, Href: back}},
		Submit:   i18n.T(lang, "ui.demand_close.submit"),
		Danger:   true,
		Back:     back,
		Defaults: web.Defaults(p.s.Today()),
		Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang), web.NoteField(lang)} },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			err := p.s.CloseDemand(ctx, d.ID, on, v.Get("note"))
			return back, []string{"ui.flash.demand_closed", d.Title}, web.RenameField(err, "closed_on", "on")
		},
	})
}
