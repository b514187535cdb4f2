package premises

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// projectForm serves a form about the building project in the path.
func (p *pages) projectForm(w http.ResponseWriter, r *http.Request, titleKey string, def func(Project) url.Values, fields func(i18n.Lang, Project) []web.Field,
	apply func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error)) {
	lang := web.Lang(r)
	pj, err := p.s.loadProject(r.Context(), p.s.DB.Reader(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := projectURL(pj.ID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, titleKey, pj.Name),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.three_lacks.title"), Href: "/premises"}, {Label: pj.Name, Href: back}},
		Submit:   i18n.T(lang, "ui.premises.save"),
		Back:     back,
		Defaults: def(pj),
		Fields:   func(url.Values) []web.Field { return fields(lang, pj) },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			flash, err := apply(ctx, v, on, pj)
			return back, flash, err
		},
	})
}

// stepCreate records the project's next step; completing asks for the
// premises it built, opened in the same transaction.
func (p *pages) stepCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.step_create.title",
		func(pj Project) url.Values {
			next := Completed
			if len(pj.Steps) < len(Steps) {
				next = Steps[len(pj.Steps)]
			}
			return web.Defaults(p.s.Today(), "step", string(next), "use", string(Office), "tenure", string(Owned))
		},
		func(lang i18n.Lang, pj Project) []web.Field {
			fields := []web.Field{
				{Name: "step", Label: i18n.T(lang, "ui.project.step"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.step.", "", stepNames()...)},
				web.DateField(lang),
				web.NoteField(lang),
			}
			return append(fields,
				web.Field{Name: "address", Label: i18n.T(lang, "ui.premises.address"), Type: "text", Help: i18n.T(lang, "ui.step.completed_help")},
				web.Field{Name: "use", Label: i18n.T(lang, "ui.premises.use"), Type: "select", Options: web.EnumOptions(lang, "ui.premises_use.", "", string(Office), string(Service))},
				web.Field{Name: "floor_area", Label: i18n.T(lang, "ui.premises.floor_area"), Type: "text", Help: i18n.T(lang, "ui.help.square_metres")},
				web.Field{Name: "tenure", Label: i18n.T(lang, "ui.premises.tenure"), Type: "select", Options: web.EnumOptions(lang, "ui.tenure.", "", "owned", "rented", "lent", "shared")})
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			in := StepInput{ProjectID: pj.ID, Step: Step(v.Get("step")), On: on, Note: v.Get("note")}
			if in.Step == Completed {
				area, err := ParseSquareMetres("floor_area", v.Get("floor_area"))
				if err != nil {
					return nil, err
				}
				in.Premises = &PremisesInput{Address: v.Get("address"), Use: Use(v.Get("use")), FloorArea: area, Tenure: Tenure(v.Get("tenure"))}
			}
			err := p.s.ReachStep(ctx, in)
			if e, ok := web.UserError(err); ok && e.Field == "premises" {
				e.Field = "address"
			}
			return []string{"ui.flash.step_reached", on.String()}, err
		})
}

func stepNames() []string {
	out := make([]string, len(Steps))
	for i, s := range Steps {
		out[i] = string(s)
	}
	return out
}

// projectFundingCreate records money the project received from a source.
func (p *pages) projectFundingCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.project_funding_create.title", func(Project) url.Values { return web.Defaults(p.s.Today(), "source", "city") },
		func(lang i18n.Lang, _ Project) []web.Field {
			srcs := make([]string, len(Sources))
			for i, s := range Sources {
				srcs[i] = string(s)
			}
			return []web.Field{
				{Name: "source", Label: i18n.T(lang, "ui.project.source"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.source.", "", srcs...)},
				{Name: "amount", Label: i18n.T(lang, "ui.premises.amount"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.yuan")},
				web.DateField(lang),
				web.NoteField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			amount, err := ParseYuan("amount", v.Get("amount"))
			if err != nil {
				return nil, err
			}
			_, err = p.s.AddFunding(ctx, FundingInput{ProjectID: pj.ID, Source: Source(v.Get("source")), Amount: amount, ReceivedOn: on, Note: v.Get("note")})
			return []string{"ui.flash.project_funding_added", Wan(amount)}, web.RenameField(err, "received_on", "on")
		})
}

// waiverCreate records a fee waived for the project.
func (p *pages) waiverCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.waiver_create.title", func(Project) url.Values { return web.Defaults(p.s.Today()) },
		func(lang i18n.Lang, _ Project) []web.Field {
			return []web.Field{
				{Name: "waived_by", Label: i18n.T(lang, "ui.project.waived_by"), Type: "text", Required: true},
				{Name: "amount", Label: i18n.T(lang, "ui.premises.amount"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.yuan")},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			amount, err := ParseYuan("amount", v.Get("amount"))
			if err != nil {
				return nil, err
			}
			_, err = p.s.AddWaiver(ctx, WaiverInput{ProjectID: pj.ID, Amount: amount, WaivedBy: v.Get("waived_by"), On: on})
			return []string{"ui.flash.waiver_added", v.Get("waived_by")}, err
		})
}
