package services

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// step shows the form of one step of the case in the path (GET) and
// takes it (POST), back to the case's page.
func (p *petitionPages) step(w http.ResponseWriter, r *http.Request) {
	step := r.PathValue("step")
	if !petitionOneOf(step, PetitionSteps) {
		p.NotFound(w, r)
		return
	}
	lang := web.Lang(r)
	c, err := p.s.Petition(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/petitions/" + web.Itoa(c.ID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.petition_step.title", i18n.T(lang, "ui.petition.step_name."+step), c.Title),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.petitions.title"), Href: "/petitions"}, {Label: c.Title, Href: back}},
		Submit:   i18n.T(lang, "ui.petition.step_name."+step),
		Back:     back,
		Defaults: p.stepDefaults(),
		Fields:   func(url.Values) []web.Field { return p.stepFields(lang, step, true) },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			return back, []string{"ui.flash.petition_step", i18n.T(lang, "ui.petition.step_name."+step), c.Title}, p.takeStep(ctx, c.ID, step, v, on)
		},
	})
}

// takeStep applies step to case id from the form's values.
func (p *petitionPages) takeStep(ctx context.Context, id int64, step string, v url.Values, on date.Date) error {
	var at time.Time
	if step == "dispatch" || step == "accept" || step == "reply" {
		var err error
		if at, err = ParsePetitionTime("at", v.Get("at")); err != nil {
			return err
		}
	}
	switch step {
	case "dispatch":
		// The unit's picker was read by the form (its id is in unit_id).
		return p.s.Dispatch(ctx, id, PetitionStep{At: at, Department: v.Get("department"), UnitID: web.ParseID(v.Get("unit_id"))})
	case "accept":
		return p.s.Accept(ctx, id, at)
	case "reply":
		return p.s.Reply(ctx, id, at, v.Get("reply"))
	case "resolve":
		return p.s.Resolve(ctx, id, on)
	case "verify":
		return p.s.Verify(ctx, id, on)
	}
	return p.s.CallBack(ctx, id, on, Satisfaction(v.Get("satisfaction")))
}

// stepFields are the inputs of a step; full adds the unit picker to a
// dispatch (the case's page offers the department only).
func (p *petitionPages) stepFields(lang i18n.Lang, step string, full bool) []web.Field {
	at := web.Field{Name: "at", Label: i18n.T(lang, "ui.petition.at"), Type: "text", Required: true, Help: i18n.T(lang, "ui.petition.at_help")}
	switch step {
	case "dispatch":
		fields := []web.Field{at, {Name: "department", Label: i18n.T(lang, "ui.petition.department"), Type: "text", Help: i18n.T(lang, "ui.petition.department_help")}}
		if full {
			fields = append(fields, web.Field{Name: "unit_id", Label: i18n.T(lang, "ui.petition.unit"), Type: "picker", Pick: "units"})
		}
		return fields
	case "accept":
		return []web.Field{at}
	case "reply":
		return []web.Field{at, {Name: "reply", Label: i18n.T(lang, "ui.petition.reply"), Type: "textarea", Required: true}}
	case "callback":
		return []web.Field{web.DateField(lang), {Name: "satisfaction", Label: i18n.T(lang, "ui.petition.satisfaction"), Type: "select", Required: true,
			Options: web.EnumOptions(lang, "ui.petition.satisfaction.", "", "satisfied", "basically", "unsatisfied")}}
	}
	return []web.Field{web.DateField(lang)}
}

// stepDefaults start a step now (or today).
func (p *petitionPages) stepDefaults() url.Values {
	return web.Defaults(p.s.Today(), "at", p.s.Now().In(petitionZone).Format("2006-01-02 15:04"))
}
