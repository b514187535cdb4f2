package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// countFields are a record's person-times and volunteer hours.
func countFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "person_times", Label: i18n.T(lang, "ui.service.person_times"), Type: "text", Required: true},
		{Name: "volunteer_hours", Label: i18n.T(lang, "ui.service.volunteer_hours"), Type: "text"},
	}
}

// counts reads the person-times and volunteer hours of a form.
func counts(v url.Values) (pt, vh int64, err error) {
	if pt, err = count("person_times", v.Get("person_times")); err != nil {
		return
	}
	vh, err = count("volunteer_hours", v.Get("volunteer_hours"))
	return
}

// recordCreate records the services of an outlet (picked) or an area
// (picked) on a day or in a month.
func (p *pages) recordCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.record_create.title"),
		Intro:    i18n.T(lang, "ui.record_create.intro"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.service_records.title"), Href: "/service-records"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/service-records",
		Defaults: web.Defaults(p.s.Today(), "span", string(Month)),
		Fields: func(url.Values) []web.Field {
			return append([]web.Field{
				{Name: "outlet_id", Label: i18n.T(lang, "ui.service.outlet"), Type: "picker", Pick: "outlets"},
				{Name: "area_id", Label: i18n.T(lang, "ui.service.area"), Type: "picker", Pick: "areas", Help: i18n.T(lang, "ui.service.area_help")},
				{Name: "kind", Label: i18n.T(lang, "ui.service.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.service.kind.", ServiceKinds)},
				{Name: "span", Label: i18n.T(lang, "ui.service.span"), Type: "select", Required: true, Options: kindOptions(lang, "ui.service.span.", []Span{Day, Month})},
				{Name: "on", Label: i18n.T(lang, "ui.service.on_date"), Type: "date", Required: true, Help: i18n.T(lang, "ui.service.on_date_help")},
			}, append(countFields(lang), web.NoteField(lang))...)
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			pt, vh, err := counts(v)
			if err == nil {
				_, err = p.s.CreateRecord(ctx, RecordInput{OutletID: web.ParseID(v.Get("outlet_id")), AreaID: web.ParseID(v.Get("area_id")), Kind: ServiceKind(v.Get("kind")),
					Span: Span(v.Get("span")), On: on, PersonTimes: pt, VolunteerHours: vh, Note: v.Get("note")})
			}
			return "/service-records", []string{"ui.flash.record_created"}, web.RenameField(err, "on_date", "on")
		},
	})
}

// recordEdit corrects the counts of the service record of the path.
func (p *pages) recordEdit(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	rec, err := p.s.ServiceRecord(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.record_edit.title", rec.On.String()),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.service_records.title"), Href: "/service-records"}},
		Submit:   i18n.T(lang, "ui.svc.save"),
		Back:     "/service-records",
		Defaults: url.Values{"person_times": {itoa(rec.PersonTimes)}, "volunteer_hours": {itoa(rec.VolunteerHours)}, "note": {rec.Note}},
		Fields:   func(url.Values) []web.Field { return append(countFields(lang), web.NoteField(lang)) },
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			pt, vh, err := counts(v)
			if err == nil {
				err = p.s.UpdateRecord(ctx, rec.ID, RecordChange{PersonTimes: pt, VolunteerHours: vh, Note: v.Get("note")})
			}
			return "/service-records", []string{"ui.flash.record_updated"}, err
		},
	})
}
