package coordination

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// actionSplit shows and applies the form that adds a sub-action to an open
// action: its title, owner (a unit or a department) and due date (not
// after the parent's); the parent's progress becomes the mean of its parts'.
func (p *pages) actionSplit(w http.ResponseWriter, r *http.Request) {
	p.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) {
		v, err := p.s.ActionView(r.Context(), web.ParseID(r.PathValue("id")))
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.action_split.title", v.Title),
			Intro:    i18n.T(lang, "ui.action_split.intro"),
			Submit:   i18n.T(lang, "ui.action_split.submit"),
			Back:     actionURL(v.ID),
			Defaults: web.Defaults(p.s.Today(), "due_on", v.DueOn.String()),
			Fields: func(url.Values) []web.Field {
				return append(actionFields(lang), web.DateField(lang))
			},
			Apply: func(ctx context.Context, vals url.Values, on date.Date) (string, []string, error) {
				a, err := actionFormInput(vals)
				if err != nil {
					return "", nil, err
				}
				if _, err := p.s.AddSubAction(ctx, SubActionInput{ParentID: v.ID, Action: a, On: on}); err != nil {
					return "", nil, err
				}
				return actionURL(v.ID), []string{"ui.flash.sub_action_added", a.Title}, nil
			},
		}, nil
	}, func(lang i18n.Lang) ([]web.Crumb, error) {
		return []web.Crumb{{Label: i18n.T(lang, "ui.actions.title"), Href: "/actions"}}, nil
	})
}

// actionFields are the fields of one action: title, owner unit (picked),
// or a named department, and due date.
func actionFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "title", Label: i18n.T(lang, "ui.actions.title_col"), Type: "text", Required: true},
		{Name: "owner_unit_id", Label: i18n.T(lang, "ui.session.owner_unit"), Type: "picker", Pick: "units"},
		{Name: "owner_name", Label: i18n.T(lang, "ui.session.owner_name"), Type: "text"},
		{Name: "due_on", Label: i18n.T(lang, "ui.actions.due_on"), Type: "date", Required: true},
	}
}

// actionFormInput reads the fields of actionFields.
func actionFormInput(v url.Values) (ActionInput, error) {
	a := ActionInput{Title: v.Get("title"), OwnerName: v.Get("owner_name"), OwnerUnitID: web.ParseID(v.Get("owner_unit_id"))}
	var err error
	a.DueOn, err = web.ParseOn(v, "due_on")
	return a, err
}
