package premises

import (
	"embed"
	"html/template"

	"dangjian/internal/area"
	"dangjian/internal/date"

	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// lacksArgs are what the lacks-table template is given.
type lacksArgs struct {
	V    *web.View
	Rows []CommunityLacks
	On   date.Date
}

// pages are the handlers of part three's pages.
type pages struct {
	*web.Kit
	s *Store
}

// Pages is part three's share of the web application: the three-lacks
// report of a scope and period, the communities below standard, a
// community's premises page, a building project's page, and the forms that
// record premises, rooms, funding, land, households, standards and
// projects.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "premises",
		Templates: web.Sub(templateFiles),
		Funcs: template.FuncMap{
			"sqm": SquareMetres,
			"wan": Wan,
			"lacks": func(v *web.View, rows []CommunityLacks, on date.Date) lacksArgs {
				return lacksArgs{V: v, Rows: rows, On: on}
			},
		},
		Nav:       []web.NavItem{{Key: "premises", Href: "/premises", Label: "ui.nav.premises", Perm: ReadPremises, Order: 470}},
		AreaLinks: []web.AreaLink{{Key: "premises", Path: "premises", Label: "ui.area.premises", Level: string(area.Community), Perm: ReadPremises}},
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, s: st}
			ar, prem, proj := st.Areas.Place(), st.PremisesPlace(), st.ProjectPlace()
			return []web.Route{
				{Pattern: "GET /premises", Perm: ReadPremises, Handler: p.threeLacksShow},
				{Pattern: "GET /premises/below-standard", Perm: ReadPremises, Handler: p.belowStandardShow},
				{Pattern: "GET /premises/survey", Perm: ReadPremises, Handler: p.surveyShow},
				{Pattern: "GET /premises/survey/export", Perm: ReadPremises, Handler: p.surveyExport},
				{Pattern: "POST /premises/survey/import", Perm: WritePremises, Handler: p.surveyImport, MaxBody: maxSurveyBytes + 1<<20},
				{Pattern: "GET /areas/{id}/premises", Perm: ReadPremises, Place: ar, Handler: p.communityShow},
				{Pattern: "/areas/{id}/premises/new", Perm: WritePremises, Place: ar, Handler: p.premisesCreate},
				{Pattern: "/areas/{id}/office-funding/new", Perm: WritePremises, Place: ar, Handler: p.officeFundingCreate},
				{Pattern: "/areas/{id}/economic-land/new", Perm: WritePremises, Place: ar, Handler: p.landCreate},
				{Pattern: "/areas/{id}/households/new", Perm: WritePremises, Place: ar, Handler: p.householdsCreate},
				{Pattern: "/areas/{id}/building-projects/new", Perm: WritePremises, Place: ar, Handler: p.projectCreate},
				{Pattern: "/areas/{id}/premises-standard/new", Perm: WritePremises, Place: ar, Handler: p.standardCreate},
				{Pattern: "/premises/{id}/rooms/new", Perm: WritePremises, Place: prem, Handler: p.roomCreate},
				{Pattern: "/premises/{id}/close", Perm: WritePremises, Place: prem, Handler: p.premisesClose},
				{Pattern: "GET /building-projects/{id}", Perm: ReadPremises, Place: proj, Handler: p.projectShow},
				{Pattern: "/building-projects/{id}/steps/new", Perm: WritePremises, Place: proj, Handler: p.stepCreate},
				{Pattern: "/building-projects/{id}/funding/new", Perm: WritePremises, Place: proj, Handler: p.projectFundingCreate},
				{Pattern: "/building-projects/{id}/waivers/new", Perm: WritePremises, Place: proj, Handler: p.waiverCreate},
			}
		},
	}
}
