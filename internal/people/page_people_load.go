package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

func memberURL(id int64) string { return "/members/" + web.Itoa(id) }

func unitURL(id int64) string { return "/units/" + web.Itoa(id) }

func leadershipURL(orgID int64) string { return "/party-orgs/" + web.Itoa(orgID) + "/leadership" }

func registrationsURL(areaID int64) string { return area.URL(areaID) + "/registrations" }

// loadPerson reads the person named by the path.
func (s *pages) loadPerson(w http.ResponseWriter, r *http.Request) (Person, bool) {
	return web.LoadByPath(s.Kit, w, r, "person", s.people.Get)
}

// loadUnit reads the stationed unit named by the path.
func (s *pages) loadUnit(w http.ResponseWriter, r *http.Request) (Unit, bool) {
	return web.LoadByPath(s.Kit, w, r, "unit", s.people.Unit)
}

// loadPeopleOrg reads the party organisation named by the path, an area's
// or a unit's own.
func (s *pages) loadPeopleOrg(w http.ResponseWriter, r *http.Request) (OrgRef, bool) {
	return web.LoadByPath(s.Kit, w, r, "party org", s.people.Org)
}

// today is the date the pages show things as of.
func (s *pages) today() date.Date { return s.people.Today() }

// orgPicker is a search-as-you-type field choosing a party organisation of
// the user's scope (web.Picker "orgs"): a city has tens of thousands.
func orgPicker(name, label string, required bool, help string) web.Field {
	return web.Field{Name: name, Label: label, Type: "picker", Required: required, Pick: "orgs", Help: help}
}

// communityPicker chooses a community of the user's scope.
func communityPicker(name, label string) web.Field {
	return web.Field{Name: name, Label: label, Type: "picker", Required: true, Pick: "areas", PickArgs: "level=community"}
}

// personForm is a form about the person named by the path; the breadcrumb
// leads to the member list and the member's page.
func (s *pages) personForm(w http.ResponseWriter, r *http.Request, build func(p Person, lang i18n.Lang) (web.FormSpec, error)) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	s.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) { return build(p, lang) }, func(lang i18n.Lang) ([]web.Crumb, error) {
		return []web.Crumb{{Label: i18n.T(lang, "ui.members.title"), Href: "/members"}, {Label: p.Name, Href: memberURL(p.ID)}}, nil
	})
}

// unitForm is a form about the unit named by the path.
func (s *pages) unitForm(w http.ResponseWriter, r *http.Request, build func(u Unit, lang i18n.Lang) (web.FormSpec, error)) {
	u, ok := s.loadUnit(w, r)
	if !ok {
		return
	}
	s.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) { return build(u, lang) }, func(lang i18n.Lang) ([]web.Crumb, error) {
		return []web.Crumb{{Label: i18n.T(lang, "ui.units.title"), Href: "/units"}, {Label: u.Name, Href: unitURL(u.ID)}}, nil
	})
}
