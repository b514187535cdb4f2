package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/i18n"
)

// unitPage is the data of a unit's page.
type unitPage struct {
	Unit             Unit
	Kind, Rank, Area string
	Org              *OrgRef
	Active           bool
	Locations        []UnitLocation
	Concurrent       []postLine
	Registrations    []registrationLine
	CanWrite         bool // move and end: the area's officers
	CanAddOrg        bool // establish its party organisation: also its liaison
}

// unitShow renders a stationed unit: facts, location history, its party
// organisation, the concurrent committee members coming from it and its
// registrations with communities.
func (s *pages) unitShow(w http.ResponseWriter, r *http.Request) {
	u, ok := s.loadUnit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := web.Lang(r)
	p, _ := web.Principal(r)
	page := unitPage{Unit: u, Kind: i18n.T(lang, "ui.unit_kind."+string(u.Kind)), Rank: i18n.T(lang, "ui.rank."+string(u.Rank)),
		Active: u.EndedOn.IsZero(), CanWrite: p.Can(WriteUnits), CanAddOrg: p.Can(WriteOwnUnit)}
	var err error
	if page.Locations, err = s.people.UnitLocations(ctx, u.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if n := len(page.Locations); n > 0 {
		page.Area = page.Locations[n-1].AreaName
	}
	if u.OrgID != 0 {
		o, err := s.people.Org(ctx, u.OrgID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		page.Org = &o
	}
	posts, err := s.people.UnitConcurrentPosts(ctx, u.ID, s.today())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Concurrent = postLines(lang, posts)
	regs, err := s.people.UnitRegistrations(ctx, u.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Registrations = registrationLines(lang, regs)
	s.Render(w, r, http.StatusOK, "unit", &web.View{Title: u.Name, Nav: "units", D: &page})
}
