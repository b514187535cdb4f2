package people

import (
	"context"
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

// orgOptions lists the party organisations active today in the user's
// scope, named with their place, for a select; empty is the first choice
// with label first ("" for none).
func (s *pages) orgOptions(ctx context.Context, lang i18n.Lang, first string, except int64) ([]web.Option, error) {
	orgs, err := s.people.OrgsUnder(ctx, 0, s.today())
	if err != nil {
		return nil, err
	}
	out := []web.Option{{Value: "", Label: first}}
	if first == "" {
		out[0].Label = i18n.T(lang, "ui.choose")
	}
	for _, o := range orgs {
		if o.ID == except {
			continue
		}
		out = append(out, web.Option{Value: web.Itoa(o.ID), Label: o.Name + " · " + o.PlaceName})
	}
	return out, nil
}

// communityOptions lists the communities active today in the user's scope.
func (s *pages) communityOptions(ctx context.Context, lang i18n.Lang, except int64) ([]web.Option, error) {
	root, err := s.areas.Root(ctx)
	if err != nil {
		return nil, err
	}
	tree, err := s.areas.Tree(ctx, root.ID, s.today())
	if err != nil {
		return nil, err
	}
	out := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	if tree != nil {
		tree.Walk(func(n *area.Node) {
			if n.Level == area.Community && n.ID != except {
				out = append(out, web.Option{Value: web.Itoa(n.ID), Label: n.Name})
			}
		})
	}
	return out, nil
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
