package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// deedFields are a good deed's kind, title, beneficiaries and doer.
func deedFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "kind", Label: i18n.T(lang, "ui.deed.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.deed.kind.", DeedKinds)},
		{Name: "title", Label: i18n.T(lang, "ui.deed.title"), Type: "text", Required: true},
		{Name: "beneficiaries", Label: i18n.T(lang, "ui.deed.beneficiaries"), Type: "text"},
		{Name: "done_by", Label: i18n.T(lang, "ui.deed.done_by"), Type: "text", Help: i18n.T(lang, "ui.deed.done_by_help")},
	}
}

// deedCreate records a good deed by an area (picked).
func (p *pages) deedCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.deed_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.deeds.title"), Href: "/good-deeds"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/good-deeds",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return append(append([]web.Field{areaField(lang, "ui.deed.area", "")}, deedFields(lang)...),
				web.Field{Name: "on", Label: i18n.T(lang, "ui.deed.done_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")}, web.NoteField(lang))
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			n, err := count("beneficiaries", v.Get("beneficiaries"))
			if err == nil {
				_, err = p.s.CreateDeed(ctx, DeedInput{AreaID: web.ParseID(v.Get("area_id")), Kind: DeedKind(v.Get("kind")), Title: v.Get("title"), Beneficiaries: n,
					DoneBy: v.Get("done_by"), DoneOn: on, Note: v.Get("note")})
			}
			return "/good-deeds", []string{"ui.flash.deed_created", v.Get("title")}, web.RenameField(err, "done_on", "on")
		},
	})
}

// deedEdit corrects the good deed of the path.
func (p *pages) deedEdit(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	g, err := p.s.Deed(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.deed_edit.title", g.Title),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.deeds.title"), Href: "/good-deeds"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/good-deeds",
		Defaults: url.Values{"kind": {string(g.Kind)}, "title": {g.Title}, "beneficiaries": {itoa(g.Beneficiaries)}, "done_by": {g.DoneBy}, "note": {g.Note}},
		Fields:   func(url.Values) []web.Field { return append(deedFields(lang), web.NoteField(lang)) },
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			n, err := count("beneficiaries", v.Get("beneficiaries"))
			if err == nil {
				err = p.s.UpdateDeed(ctx, g.ID, DeedChange{Kind: DeedKind(v.Get("kind")), Title: v.Get("title"), Beneficiaries: n, DoneBy: v.Get("done_by"), Note: v.Get("note")})
			}
			return "/good-deeds", []string{"ui.flash.deed_updated", v.Get("title")}, err
		},
	})
}
