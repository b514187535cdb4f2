package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// placementFields are the details of a placement but its area, person's
// ID number and date.
func placementFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "name", Label: i18n.T(lang, "ui.placement.name"), Type: "text", Required: true},
		{Name: "before_status", Label: i18n.T(lang, "ui.placement.before_status"), Type: "select", Required: true, Options: kindOptions(lang, "ui.placement.before.", BeforeStatuses)},
		{Name: "employer", Label: i18n.T(lang, "ui.placement.employer"), Type: "text", Required: true},
		{Name: "work", Label: i18n.T(lang, "ui.placement.work"), Type: "text"},
		{Name: "placed_by", Label: i18n.T(lang, "ui.placement.placed_by"), Type: "text"},
	}
}

// placementCreate records a person placed in work by an area (picked).
func (p *pages) placementCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.placement_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.placements.title"), Href: "/placements"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/placements",
		Defaults: web.Defaults(p.s.Today()),
		Fields: func(url.Values) []web.Field {
			f := append([]web.Field{areaField(lang, "ui.placement.area", "")}, placementFields(lang)...)
			f = append(f[:2], append([]web.Field{{Name: "id_number", Label: i18n.T(lang, "ui.placement.id_number"), Type: "text", Help: i18n.T(lang, "ui.placement.id_number_help")}}, f[2:]...)...)
			return append(f, web.Field{Name: "on", Label: i18n.T(lang, "ui.placement.placed_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")}, web.NoteField(lang))
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			_, err := p.s.CreatePlacement(ctx, PlacementInput{AreaID: web.ParseID(v.Get("area_id")), Name: v.Get("name"), IDNumber: v.Get("id_number"),
				BeforeStatus: BeforeStatus(v.Get("before_status")), Employer: v.Get("employer"), Work: v.Get("work"), PlacedBy: v.Get("placed_by"), PlacedOn: on, Note: v.Get("note")})
			return "/placements", []string{"ui.flash.placement_created", v.Get("name")}, web.RenameField(err, "placed_on", "on")
		},
	})
}

// placementEdit corrects the placement of the path.
func (p *pages) placementEdit(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	pl, err := p.s.Placement(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:  i18n.T(lang, "ui.placement_edit.title", pl.Name, pl.IDNumber),
		Crumbs: []web.Crumb{{Label: i18n.T(lang, "ui.placements.title"), Href: "/placements"}},
		Submit: i18n.T(lang, "ui.svc.save"),
		Back:   "/placements",
		Defaults: url.Values{"name": {pl.Name}, "before_status": {string(pl.BeforeStatus)}, "employer": {pl.Employer}, "work": {pl.Work},
			"placed_by": {pl.PlacedBy}, "note": {pl.Note}},
		Fields: func(url.Values) []web.Field { return append(placementFields(lang), web.NoteField(lang)) },
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			err := p.s.UpdatePlacement(ctx, pl.ID, PlacementChange{Name: v.Get("name"), BeforeStatus: BeforeStatus(v.Get("before_status")), Employer: v.Get("employer"),
				Work: v.Get("work"), PlacedBy: v.Get("placed_by"), Note: v.Get("note")})
			return "/placements", []string{"ui.flash.placement_updated", v.Get("name")}, err
		},
	})
}

// placementEnd records that the job of the placement of the path ended.
func (p *pages) placementEnd(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	pl, err := p.s.Placement(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.placement_end.title", pl.Name, pl.IDNumber),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.placements.title"), Href: "/placements"}},
		Submit:   i18n.T(lang, "ui.placement_end.submit"),
		Danger:   true,
		Back:     "/placements",
		Defaults: web.Defaults(p.s.Today()),
		Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang)} },
		Apply: func(ctx context.Context, _ url.Values, on date.Date) (string, []string, error) {
			err := p.s.EndPlacement(ctx, pl.ID, on)
			return "/placements", []string{"ui.flash.placement_ended", pl.Name}, web.RenameField(err, "ended_on", "on")
		},
	})
}
