package web

import (
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// registrationsPage is the data of a community's registration lists.
type registrationsPage struct {
	Area      area.Area
	Crumbs    []crumb
	Members   []registrationLine
	Units     []registrationLine
	Community bool
	CanWrite  bool
}

// registrationList renders the in-service members and the stationed units'
// organisations registered with a community today (双报到).
func (s *Server) registrationList(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := langOf(r)
	u, _ := principalOf(r)
	page := registrationsPage{Area: a, Community: a.Level == area.Community, CanWrite: u.Can(people.WritePeople) && a.EndedOn.IsZero()}
	var err error
	if page.Crumbs, err = s.areaCrumbs(r, a, true); err != nil {
		s.serverError(w, r, err)
		return
	}
	regs, err := s.people.Registrations(ctx, a.ID, "", s.today())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, x := range regs {
		line := registrationLines(lang, []people.PlacedRegistration{{Registration: x, AreaName: a.Name}})[0]
		if x.Kind == people.MemberRegistration {
			page.Members = append(page.Members, line)
		} else {
			page.Units = append(page.Units, line)
		}
	}
	s.render(w, r, http.StatusOK, "registrations", &view{Title: i18n.T(lang, "ui.registrations.title", a.Name), Nav: "tree", D: &page})
}
