package people

import (
	"context"
	"embed"
	"net/http"

	"dangjian/internal/access"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of members, stationed units, leadership teams,
// elections and registrations.
type pages struct {
	*web.Kit
	people *Store
	areas  *area.Store
}

// Pages is the people domain's part of the web application. A person or
// unit in the path is placed in the user's scope before the handler runs;
// the "new" forms are GET and POST patterns of their own, so they do not
// conflict with "GET /members/{id}". A unit's page and its own party
// organisation need the unit permissions, which a unit liaison holds for
// their own unit only.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "people",
		Templates: web.Sub(templateFiles),
		Nav: []web.NavItem{
			{Key: "members", Href: "/members", Label: "ui.nav.members", Perm: ReadPeople, Order: 300},
			{Key: "units", Href: "/units", Label: "ui.nav.units", Perm: ReadUnits, Order: 400},
		},
		AreaLinks: []web.AreaLink{{Key: "registrations", Path: "registrations", Label: "ui.area.registrations", Level: string(area.Community), Perm: ReadPeople}},
		Pickers:   st.pickers(),
		Routes: func(k *web.Kit) []web.Route {
			s := &pages{Kit: k, people: st, areas: st.Areas}
			person, unit, org, ar := st.PersonPlace(), st.UnitPlace(), st.OrgPlace(), st.Areas.Place()
			return []web.Route{
				{Pattern: "GET /members", Perm: ReadPeople, Handler: s.memberList},
				{Pattern: "GET /members/new", Perm: WritePeople, Handler: s.memberCreate},
				{Pattern: "POST /members/new", Perm: WritePeople, Handler: s.memberCreate},
				{Pattern: "GET /members/{id}", Perm: ReadPeople, Place: person, Handler: s.memberShow},
				{Pattern: "POST /members/{id}/reveal", Perm: auth.RevealPII, Place: person, Handler: s.memberReveal},
				{Pattern: "/members/{id}/start", Perm: WritePeople, Place: person, Handler: s.memberStart},
				{Pattern: "/members/{id}/transfer", Perm: WritePeople, Place: person, Handler: s.memberTransfer},
				{Pattern: "/members/{id}/end", Perm: WritePeople, Place: person, Handler: s.memberEnd},
				{Pattern: "/members/{id}/convert", Perm: WritePeople, Place: person, Handler: s.memberConvert},

				{Pattern: "GET /units", Perm: ReadUnits, Handler: s.unitList},
				{Pattern: "GET /units/new", Perm: WriteUnits, Handler: s.unitCreate},
				{Pattern: "POST /units/new", Perm: WriteUnits, Handler: s.unitCreate},
				{Pattern: "GET /units/{id}", Perm: ReadOwnUnit, Place: unit, Handler: s.unitShow},
				{Pattern: "/units/{id}/move", Perm: WriteUnits, Place: unit, Handler: s.unitMove},
				{Pattern: "/units/{id}/end", Perm: WriteUnits, Place: unit, Handler: s.unitEnd},
				{Pattern: "/units/{id}/party-org/new", Perm: WriteOwnUnit, Place: unit, Handler: s.unitOrgCreate},

				{Pattern: "GET /party-orgs/{id}/leadership", Perm: ReadPeople, Place: org, Handler: s.leadershipShow},
				{Pattern: "/party-orgs/{id}/elections/new", Perm: WritePeople, Place: org, Handler: s.electionCreate},

				{Pattern: "GET /areas/{id}/registrations", Perm: ReadPeople, Place: ar, Handler: s.registrationList},
				{Pattern: "/areas/{id}/registrations/new", Perm: WritePeople, Place: ar, Handler: s.registrationCreate},
				{Pattern: "/areas/{id}/registrations/end", Perm: WritePeople, Place: ar, Handler: s.registrationEnd},
			}
		},
	}
}

// PersonPlace places a person's id: visible where they have or had a
// membership, registration or post.
func (s *Store) PersonPlace() *access.Place {
	return &access.Place{Name: "person", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Get(ctx, id)
		return err
	}}
}

// UnitPlace places a stationed unit's id: where it is located. A unit
// liaison reaches their own unit through it.
func (s *Store) UnitPlace() *access.Place {
	return &access.Place{Name: "unit", Unit: true, Locate: func(ctx context.Context, id int64) error {
		_, err := s.Unit(ctx, id)
		return err
	}}
}

// OrgPlace places a party organisation's id: an area's where its area
// lies, a unit's own where its unit is located.
func (s *Store) OrgPlace() *access.Place {
	return &access.Place{Name: "party_org_of_area_or_unit", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Org(ctx, id)
		return err
	}}
}

// loadArea reads the area named by the path.
func (s *pages) loadArea(w http.ResponseWriter, r *http.Request) (area.Area, bool) {
	return web.LoadByPath(s.Kit, w, r, "area", s.areas.Get)
}

// areaForm serves a form about the area named by the path, with the
// breadcrumb ending at the area.
func (s *pages) areaForm(w http.ResponseWriter, r *http.Request, build func(a area.Area, lang i18n.Lang) (web.FormSpec, error)) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	s.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) { return build(a, lang) }, func(i18n.Lang) ([]web.Crumb, error) {
		return area.Crumbs(r.Context(), s.areas, a, true)
	})
}
