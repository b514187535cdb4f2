package cobuilding

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// projectForm serves a form about the project in the path; apply returns
// the flash.
func (p *pages) projectForm(w http.ResponseWriter, r *http.Request, titleKey string, defaults func(Project) url.Values, fields func(i18n.Lang) []web.Field,
	apply func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error)) {
	lang := web.Lang(r)
	pj, err := p.s.Project(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/co-projects/" + web.Itoa(pj.ID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, titleKey, pj.Title),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.co_projects.title"), Href: "/co-projects"}, {Label: pj.Title, Href: back}},
		Submit:   i18n.T(lang, "ui.cob.save"),
		Back:     back,
		Defaults: defaults(pj),
		Fields:   func(url.Values) []web.Field { return fields(lang) },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			flash, err := apply(ctx, v, on, pj)
			return back, flash, err
		},
	})
}

// projectEdit corrects a project and records it done: the done date is
// the form's date, with the actual cost.
func (p *pages) projectEdit(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.project_edit.title",
		func(pj Project) url.Values {
			est := pj.EstimatedCost
			v := url.Values{"title": {pj.Title}, "estimated_cost": {yuan(&est)}, "actual_cost": {yuan(pj.ActualCost)}, "note": {pj.Note}}
			if pj.Done() {
				v.Set("on", pj.DoneOn.String())
			}
			return v
		},
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "title", Label: i18n.T(lang, "ui.co_project.title"), Type: "text", Required: true},
				{Name: "estimated_cost", Label: i18n.T(lang, "ui.demand_match.estimated_yuan"), Type: "text"},
				{Name: "actual_cost", Label: i18n.T(lang, "ui.project_edit.actual_yuan"), Type: "text", Help: i18n.T(lang, "ui.project_edit.actual_help")},
				{Name: "on", Label: i18n.T(lang, "ui.project_edit.done_on"), Type: "date"},
				web.NoteField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			ch := ProjectChange{Title: v.Get("title"), DoneOn: on, Note: v.Get("note")}
			var err error
			if ch.EstimatedCost, err = ParseYuan("estimated_cost", v.Get("estimated_cost")); err != nil {
				return nil, err
			}
			if v.Get("actual_cost") != "" {
				actual, err := ParseYuan("actual_cost", v.Get("actual_cost"))
				if err != nil {
					return nil, err
				}
				ch.ActualCost = &actual
			}
			return []string{"ui.flash.project_updated", ch.Title}, web.RenameField(p.s.UpdateProject(ctx, pj.ID, ch), "done_on", "on")
		},
	)
}

// contributionCreate records what a unit or a department gave the project.
func (p *pages) contributionCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.contribution_create.title",
		func(Project) url.Values { return web.Defaults(p.s.Today()) },
		func(lang i18n.Lang) []web.Field {
			return append(giverFields(lang),
				web.Field{Name: "kind", Label: i18n.T(lang, "ui.co_project.contribution"), Type: "select", Required: true, Options: kindOptions(lang, "ui.contribution.kind.", ContributionKinds)},
				web.Field{Name: "value", Label: i18n.T(lang, "ui.contribution.value_yuan"), Type: "text"},
				web.Field{Name: "description", Label: i18n.T(lang, "ui.field.note"), Type: "textarea"},
				web.DateField(lang))
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			value, err := ParseYuan("value", v.Get("value"))
			if err != nil {
				return nil, err
			}
			_, err = p.s.AddContribution(ctx, ContributionInput{ProjectID: pj.ID, UnitID: web.ParseID(v.Get("unit_id")), Department: v.Get("department"),
				Kind: ContributionKind(v.Get("kind")), Value: value, Description: v.Get("description"), GivenOn: on})
			return []string{"ui.flash.contribution_added", pj.Title}, web.RenameField(err, "given_on", "on")
		},
	)
}

// resultCreate records a result of the project as a measure.
func (p *pages) resultCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.result_create.title",
		func(Project) url.Values { return url.Values{} },
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "name", Label: i18n.T(lang, "ui.result.name"), Type: "text", Required: true, Help: i18n.T(lang, "ui.result.name_help")},
				{Name: "quantity", Label: i18n.T(lang, "ui.result.quantity"), Type: "text", Required: true},
				{Name: "unit", Label: i18n.T(lang, "ui.result.unit"), Type: "text"},
			}
		},
		func(ctx context.Context, v url.Values, _ date.Date, pj Project) ([]string, error) {
			q, err := parseQuantity("quantity", v.Get("quantity"))
			if err != nil {
				return nil, err
			}
			_, err = p.s.AddResult(ctx, ResultInput{ProjectID: pj.ID, Name: v.Get("name"), Quantity: q, Unit: v.Get("unit")})
			return []string{"ui.flash.result_added", v.Get("name")}, err
		},
	)
}

// feedbackCreate records thanks received for the project.
func (p *pages) feedbackCreate(w http.ResponseWriter, r *http.Request) {
	p.projectForm(w, r, "ui.feedback_create.title",
		func(Project) url.Values { return web.Defaults(p.s.Today(), "kind", string(Banner)) },
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "kind", Label: i18n.T(lang, "ui.feedback.kind"), Type: "select", Required: true, Options: kindOptions(lang, "ui.feedback.kind.", FeedbackKinds)},
				{Name: "rating", Label: i18n.T(lang, "ui.feedback.rating"), Type: "select", Options: web.EnumOptions(lang, "ui.feedback.rating.", "", "1", "2", "3", "4", "5")},
				{Name: "given_by", Label: i18n.T(lang, "ui.feedback.given_by"), Type: "text", Required: true},
				web.DateField(lang),
				web.NoteField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, pj Project) ([]string, error) {
			rating, _ := parseCount("rating", v.Get("rating"))
			_, err := p.s.AddFeedback(ctx, FeedbackInput{ProjectID: pj.ID, Kind: FeedbackKind(v.Get("kind")), Rating: int(rating), GivenBy: v.Get("given_by"), GivenOn: on, Note: v.Get("note")})
			return []string{"ui.flash.feedback_added", pj.Title}, web.RenameField(err, "given_on", "on")
		},
	)
}
