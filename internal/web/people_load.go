package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

func memberURL(id int64) string { return "/members/" + itoa(id) }

func unitURL(id int64) string { return "/units/" + itoa(id) }

func leadershipURL(orgID int64) string { return "/party-orgs/" + itoa(orgID) + "/leadership" }

func registrationsURL(areaID int64) string { return areaURL(areaID) + "/registrations" }

// loadByPath reads what the path's {id} names with get, answering 404 for
// a bad or unknown id, 403 for one outside the scope (require has usually
// refused it already) and 500 otherwise; ok is false when a page was written.
func loadByPath[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, get func(context.Context, int64) (T, error)) (T, bool) {
	var zero T
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return zero, false
	}
	v, err := get(r.Context(), id)
	if err != nil {
		s.loadFailed(w, r, fmt.Errorf("web: %s %d: %w", what, id, err))
		return zero, false
	}
	return v, true
}

// loadPerson reads the person named by the path.
func (s *Server) loadPerson(w http.ResponseWriter, r *http.Request) (people.Person, bool) {
	return loadByPath(s, w, r, "person", s.people.Get)
}

// loadUnit reads the stationed unit named by the path.
func (s *Server) loadUnit(w http.ResponseWriter, r *http.Request) (people.Unit, bool) {
	return loadByPath(s, w, r, "unit", s.people.Unit)
}

// loadPeopleOrg reads the party organisation named by the path, an area's
// or a unit's own.
func (s *Server) loadPeopleOrg(w http.ResponseWriter, r *http.Request) (people.OrgRef, bool) {
	return loadByPath(s, w, r, "party org", s.people.Org)
}

// loadFailed answers a failed load or access decision: 403 with its
// message for a refusal (recorded in the audit trail), 404, or 500.
func (s *Server) loadFailed(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, fault.Forbidden):
		key := "err.forbidden"
		if e, ok := userError(err); ok {
			key = e.Key
		}
		s.denied(w, r, http.StatusForbidden, key)
	case isNotFound(err):
		s.notFound(w, r)
	default:
		s.serverError(w, r, err)
	}
}

// renameField moves a refusal of the domain's field from to the form's
// field to (the form calls the date of a membership or registration "on").
func renameField(err error, from, to string) error {
	if e, ok := userError(err); ok && e.Field == from {
		e.Field = to
	}
	return err
}

// today is the date the pages show things as of.
func (s *Server) today() date.Date { return s.people.Today() }

// orgOptions lists the party organisations active today in the user's
// scope, named with their place, for a select; empty is the first choice
// with label first ("" for none).
func (s *Server) orgOptions(ctx context.Context, lang i18n.Lang, first string, except int64) ([]option, error) {
	orgs, err := s.people.OrgsUnder(ctx, 0, s.today())
	if err != nil {
		return nil, err
	}
	out := []option{{Value: "", Label: first}}
	if first == "" {
		out[0].Label = i18n.T(lang, "ui.choose")
	}
	for _, o := range orgs {
		if o.ID == except {
			continue
		}
		out = append(out, option{Value: itoa(o.ID), Label: o.Name + " · " + o.PlaceName})
	}
	return out, nil
}

// enumOptions is a select over fixed values labelled from prefix+value.
func enumOptions(lang i18n.Lang, prefix, first string, values ...string) []option {
	out := []option{{Value: "", Label: first}}
	if first == "" {
		out[0].Label = i18n.T(lang, "ui.choose")
	}
	for _, v := range values {
		out = append(out, option{Value: v, Label: i18n.T(lang, prefix+v)})
	}
	return out
}

// communityOptions lists the communities active today in the user's scope.
func (s *Server) communityOptions(ctx context.Context, lang i18n.Lang, except int64) ([]option, error) {
	root, err := s.areas.Root(ctx)
	if err != nil {
		return nil, err
	}
	tree, err := s.areas.Tree(ctx, root.ID, s.today())
	if err != nil {
		return nil, err
	}
	out := []option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	if tree != nil {
		tree.Walk(func(n *area.Node) {
			if n.Level == area.Community && n.ID != except {
				out = append(out, option{Value: itoa(n.ID), Label: n.Name})
			}
		})
	}
	return out, nil
}

// personForm is a form about the person named by the path; the breadcrumb
// leads to the member list and the member's page.
func (s *Server) personForm(w http.ResponseWriter, r *http.Request, build func(p people.Person, lang i18n.Lang) (formSpec, error)) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	s.formWith(w, r, func(lang i18n.Lang) (formSpec, error) { return build(p, lang) }, func(lang i18n.Lang) ([]crumb, error) {
		return []crumb{{Label: i18n.T(lang, "ui.members.title"), Href: "/members"}, {Label: p.Name, Href: memberURL(p.ID)}}, nil
	})
}

// unitForm is a form about the unit named by the path.
func (s *Server) unitForm(w http.ResponseWriter, r *http.Request, build func(u people.Unit, lang i18n.Lang) (formSpec, error)) {
	u, ok := s.loadUnit(w, r)
	if !ok {
		return
	}
	s.formWith(w, r, func(lang i18n.Lang) (formSpec, error) { return build(u, lang) }, func(lang i18n.Lang) ([]crumb, error) {
		return []crumb{{Label: i18n.T(lang, "ui.units.title"), Href: "/units"}, {Label: u.Name, Href: unitURL(u.ID)}}, nil
	})
}

// openMembership is the person's membership open today, if any.
func openMembership(ms []people.Membership) (people.Membership, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].To.IsZero() {
			return ms[i], true
		}
	}
	return people.Membership{}, false
}

// keep returns v with the values of the listed fields only, for links.
func keep(v url.Values, names ...string) url.Values {
	out := url.Values{}
	for _, n := range names {
		if x := v.Get(n); x != "" {
			out.Set(n, x)
		}
	}
	return out
}
