package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/i18n"
)

// leadershipPage is the data of a party organisation's leadership page.
type leadershipPage struct {
	Org      OrgRef
	Kind     string
	Current  *Term
	Posts    []postLine
	Past     []Term
	Director *postLine
	// Cross names the person who is both the secretary and the director
	// ("" when nobody is); Community is false for a unit's organisation.
	Cross     string
	CrossID   int64
	Community bool
	CanWrite  bool
}

// leadershipShow renders a party organisation's leadership: the current
// term with its election figures, the posts held today, the community's
// residents' committee director, the derived cross-appointment, and the
// past terms.
func (s *pages) leadershipShow(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadPeopleOrg(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := web.Lang(r)
	u, _ := web.Principal(r)
	page := leadershipPage{Org: o, Kind: i18n.T(lang, "ui.kind."+o.Kind), CanWrite: u.Can(WritePeople) && o.EndedOn.IsZero(),
		Community: o.UnitID == 0 && o.Level == "community"}
	terms, err := s.people.Terms(ctx, o.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	termNumbers := map[int64]int{}
	for i := range terms {
		termNumbers[terms[i].ID] = terms[i].Number
		if page.Current == nil && terms[i].EndedOn.IsZero() {
			page.Current = &terms[i]
			continue
		}
		page.Past = append(page.Past, terms[i])
	}
	today := s.today()
	posts, err := s.people.Leadership(ctx, o.ID, today)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	units := map[int64]string{}
	for _, p := range posts {
		line := postLines(lang, []PlacedPost{{Post: p, PlaceName: o.Name, TermNumber: termNumbers[p.TermID]}})[0]
		if p.UnitID != 0 {
			if _, ok := units[p.UnitID]; !ok {
				un, err := s.people.Unit(ctx, p.UnitID)
				if err != nil {
					s.ServerError(w, r, err)
					return
				}
				units[p.UnitID] = un.Name
			}
			line.Unit = units[p.UnitID]
		}
		page.Posts = append(page.Posts, line)
	}
	if page.Community {
		d, ok, err := s.people.Director(ctx, o.PlaceID, today)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		if ok {
			line := postLines(lang, []PlacedPost{{Post: d, PlaceName: o.PlaceName}})[0]
			page.Director = &line
		}
		pid, ok, err := s.people.CrossAppointed(ctx, o.PlaceID, today)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		if ok {
			page.CrossID = pid
			if page.Director != nil && page.Director.PersonID == pid {
				page.Cross = page.Director.Person
			}
		}
	}
	s.Render(w, r, http.StatusOK, "leadership", &web.View{Title: i18n.T(lang, "ui.leadership.title", o.Name), Nav: "tree", D: &page})
}
