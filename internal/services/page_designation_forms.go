package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// designationFields are the fields of a title awarded to an estate.
func designationFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "estate", Label: i18n.T(lang, "ui.designation.estate"), Type: "text", Required: true},
		{Name: "kind", Label: i18n.T(lang, "ui.designation.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.designation.kind.", DesignationKinds)},
		{Name: "title", Label: i18n.T(lang, "ui.designation.title"), Type: "text", Help: i18n.T(lang, "ui.designation.title_help")},
		{Name: "awarded_by", Label: i18n.T(lang, "ui.designation.awarded_by"), Type: "text", Required: true},
	}
}

// designationCreate records a title awarded to an estate of a community
// (picked).
func (p *pages) designationCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.designation_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.designations.title"), Href: "/designations"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/designations",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return append(append([]web.Field{areaField(lang, "ui.designation.area", area.Community)}, designationFields(lang)...),
				web.Field{Name: "on", Label: i18n.T(lang, "ui.designation.from_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				web.NoteField(lang))
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			_, err := p.s.CreateDesignation(ctx, DesignationInput{AreaID: web.ParseID(v.Get("area_id")), Estate: v.Get("estate"), Kind: DesignationKind(v.Get("kind")),
				Title: v.Get("title"), AwardedBy: v.Get("awarded_by"), FromOn: on, Note: v.Get("note")})
			return "/designations", []string{"ui.flash.designation_created", v.Get("estate")}, web.RenameField(err, "from_on", "on")
		},
	})
}

// designationEdit corrects the designation of the path.
func (p *pages) designationEdit(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	d, err := p.s.Designation(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.designation_edit.title", d.Estate),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.designations.title"), Href: "/designations"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/designations",
		Defaults: url.Values{"estate": {d.Estate}, "kind": {string(d.Kind)}, "title": {d.Title}, "awarded_by": {d.AwardedBy}, "note": {d.Note}},
		Fields:   func(url.Values) []web.Field { return append(designationFields(lang), web.NoteField(lang)) },
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			err := p.s.UpdateDesignation(ctx, d.ID, DesignationChange{Estate: v.Get("estate"), Kind: DesignationKind(v.Get("kind")), Title: v.Get("title"),
				AwardedBy: v.Get("awarded_by"), Note: v.Get("note")})
			return "/designations", []string{"ui.flash.designation_updated", v.Get("estate")}, err
		},
	})
}

// designationEnd records the designation of the path revoked or expired.
func (p *pages) designationEnd(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	d, err := p.s.Designation(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.designation_end.title", d.Estate),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.designations.title"), Href: "/designations"}},
		Submit:   i18n.T(lang, "ui.designation_end.submit"),
		Danger:   true,
		Back:     "/designations",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			return []web.Field{web.DateField(lang),
				{Name: "end_reason", Label: i18n.T(lang, "ui.designation.end_reason"), Type: "select", Required: true, Options: kindOptions(lang, "ui.designation.end.", EndReasons)}}
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			err := p.s.EndDesignation(ctx, d.ID, on, v.Get("end_reason"))
			return "/designations", []string{"ui.flash.designation_ended", d.Estate}, web.RenameField(err, "to_on", "on")
		},
	})
}
