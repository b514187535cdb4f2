package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
)

// registrationsPage is the data of a community's registration lists.
type registrationsPage struct {
	Area      area.Area
	Crumbs    []web.Crumb
	Members   []registrationLine
	Units     []registrationLine
	Community bool
	CanWrite  bool
}

// registrationList renders the in-service members and the stationed units'
// organisations registered with a community today (双报到).
func (s *pages) registrationList(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := web.Lang(r)
	u, _ := web.Principal(r)
	page := registrationsPage{Area: a, Community: a.Level == area.Community, CanWrite: u.Can(WritePeople) && a.EndedOn.IsZero()}
	var err error
	if page.Crumbs, err = area.Crumbs(r.Context(), s.areas, a, true); err != nil {
		s.ServerError(w, r, err)
		return
	}
	regs, err := s.people.Registrations(ctx, a.ID, "", s.today())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, x := range regs {
		line := registrationLines(lang, []PlacedRegistration{{Registration: x, AreaName: a.Name}})[0]
		if x.Kind == MemberRegistration {
			page.Members = append(page.Members, line)
		} else {
			page.Units = append(page.Units, line)
		}
	}
	s.Render(w, r, http.StatusOK, "registrations", &web.View{Title: i18n.T(lang, "ui.registrations.title", a.Name), Nav: "tree", D: &page})
}
