package cobuilding

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// demandMatch turns the demand of the path and the suggested resources
// the secretary ticks into a project, in one transaction.
func (p *pages) demandMatch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	d, err := p.s.Demand(ctx, web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	today := p.s.Today()
	suggestions, err := p.s.Suggest(ctx, d.ID, today, 20)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	orgs, err := p.s.Coordinators(ctx, d.AreaID, today)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	defaults := web.Defaults(today, "title", d.Title)
	if len(orgs) > 0 {
		defaults.Set("org_id", web.Itoa(orgs[0].ID))
	}
	back := "/demands/" + web.Itoa(d.ID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.demand_match.title", d.Title),
		Intro:    i18n.T(lang, "ui.demand_match.intro"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.demands.title"), Href: "/demands"}, {Label: d.Title, Href: back}},
		Submit:   i18n.T(lang, "ui.demand_match.submit"),
		Back:     back,
		Defaults: defaults,
		Fields: func(url.Values) []web.Field {
			opts := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
			for _, o := range orgs {
				opts = append(opts, web.Option{Value: web.Itoa(o.ID), Label: o.Name})
			}
			fields := []web.Field{
				{Name: "title", Label: i18n.T(lang, "ui.co_project.title"), Type: "text", Required: true},
				{Name: "org_id", Label: i18n.T(lang, "ui.co_project.org"), Type: "select", Required: true, Options: opts},
				{Name: "on", Label: i18n.T(lang, "ui.demand_match.started_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
				{Name: "estimated_cost", Label: i18n.T(lang, "ui.demand_match.estimated_yuan"), Type: "text"},
				web.NoteField(lang),
			}
			for _, sg := range suggestions {
				var why []string
				for _, x := range sg.Reasons() {
					why = append(why, x.Text(lang))
				}
				fields = append(fields, web.Field{Name: "resource_" + web.Itoa(sg.Resource.ID), Type: "checkbox",
					Label: sg.Resource.Giver() + " · " + i18n.T(lang, "ui.resource.kind."+string(sg.Resource.Kind)) + " · " + sg.Resource.Description,
					Help:  strings.Join(why, "；")})
			}
			return fields
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			cost, err := ParseYuan("estimated_cost", v.Get("estimated_cost"))
			if err != nil {
				return "", nil, err
			}
			in := MatchInput{DemandID: d.ID, OrgID: web.ParseID(v.Get("org_id")), Title: v.Get("title"), StartedOn: on, EstimatedCost: cost, Note: v.Get("note")}
			for _, sg := range suggestions {
				if v.Get("resource_"+web.Itoa(sg.Resource.ID)) != "" {
					in.ResourceIDs = append(in.ResourceIDs, sg.Resource.ID)
				}
			}
			id, err := p.s.Match(ctx, in)
			if e, ok := web.UserError(err); ok {
				switch {
				case e.Field == "started_on":
					e.Field = "on"
				case strings.HasPrefix(e.Field, "resource_ids["):
					i, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(e.Field, "resource_ids["), "]"))
					if i < len(in.ResourceIDs) {
						e.Field = "resource_" + web.Itoa(in.ResourceIDs[i])
					}
				}
			}
			if err != nil {
				return "", nil, err
			}
			return "/co-projects/" + web.Itoa(id), []string{"ui.flash.demand_matched", d.Title}, nil
		},
	})
}
