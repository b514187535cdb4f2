package area

import (
	"dangjian/internal/access"
	"dangjian/internal/auth"
	"dangjian/internal/web"
	"errors"
	"fmt"
	"net/http"

	"dangjian/internal/i18n"
)

// areaPage is the data of an area's page.
type areaPage struct {
	Area       Area
	Level      string
	Active     bool
	Parent     *web.Crumb
	Successor  *web.Crumb
	Crumbs     []web.Crumb
	History    []historyLine
	Orgs       []orgRow
	Children   []childRow
	ChildLevel string
	// CanHaveChildren is false for a community.
	CanHaveChildren bool
	// CanAdd: the user may add areas and party organisations here;
	// CanChange: may also rename, move, merge, split or end the area
	// itself (not the area they are scoped to, which is their parent's to
	// change). A read-only user sees neither's buttons.
	CanAdd, CanChange bool
}

// orgRow is one party organisation on an area's page.
type orgRow struct {
	ID          int64
	Name        string
	Kind        string
	StartedOn   string
	EndedOn     string
	Active      bool
	Predecessor *web.Crumb
	Successor   *web.Crumb
}

// childRow is one child on an area's page.
type childRow struct {
	ID            int64
	Name          string
	Level         string
	EstablishedOn string
	EndedOn       string
}

// areaShow renders an area: its facts, breadcrumb, history, party
// organisations past and present, and children.
func (s *pages) areaShow(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := web.Lang(r)
	page := areaPage{
		Area: a, Level: levelName(lang, a.Level), Active: a.EndedOn.IsZero(),
		CanHaveChildren: a.Level.ChildLevel() != "",
	}
	if p, ok := web.Principal(r); ok && p.Can(auth.WriteAreas) {
		scope, _ := access.Scope(p)
		page.CanAdd, page.CanChange = true, a.ID != scope
	}
	if c := a.Level.ChildLevel(); c != "" {
		page.ChildLevel = levelName(lang, c)
	}
	var err error
	if page.Crumbs, err = Crumbs(r.Context(), s.areas, a, false); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if page.Parent, ok = s.areaLink(w, r, a.ParentID); !ok {
		return
	}
	if page.Successor, ok = s.areaLink(w, r, a.SuccessorID); !ok {
		return
	}
	events, err := s.areas.History(ctx, a.ID)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: history of %d: %w", a.ID, err))
		return
	}
	for _, e := range events {
		page.History = append(page.History, describeEvent(lang, e))
	}
	orgs, err := s.areas.Orgs(ctx, a.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Orgs = orgRows(lang, orgs)
	kids, err := s.areas.Children(ctx, a.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, k := range kids {
		page.Children = append(page.Children, childRow{ID: k.ID, Name: k.Name, Level: levelName(lang, k.Level),
			EstablishedOn: k.EstablishedOn.String(), EndedOn: k.EndedOn.String()})
	}
	s.Render(w, r, http.StatusOK, "area", &web.View{Title: a.Name, Nav: "tree", D: &page})
}

// orgRows lists an area's organisations with links to predecessor and
// successor, which are attached to the same area.
func orgRows(lang i18n.Lang, orgs []PartyOrg) []orgRow {
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	link := func(id int64) *web.Crumb {
		if id == 0 {
			return nil
		}
		n := names[id]
		if n == "" {
			n = "#" + web.Itoa(id)
		}
		return &web.Crumb{Label: n, Href: "#org-" + web.Itoa(id)}
	}
	out := make([]orgRow, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, orgRow{
			ID: o.ID, Name: o.Name, Kind: orgKindName(lang, o.Kind),
			StartedOn: o.StartedOn.String(), EndedOn: o.EndedOn.String(), Active: o.EndedOn.IsZero(),
			Predecessor: link(o.PredecessorID), Successor: link(o.SuccessorID),
		})
	}
	return out
}

// areaLink links to area id (nil for 0). An area outside the user's scope
// is shown as such, unnamed and unlinked; ok is false when a page was
// already written.
func (s *pages) areaLink(w http.ResponseWriter, r *http.Request, id int64) (*web.Crumb, bool) {
	if id == 0 {
		return nil, true
	}
	a, err := s.areas.Get(r.Context(), id)
	switch {
	case errors.Is(err, ErrOutOfScope):
		return &web.Crumb{Label: i18n.T(web.Lang(r), "ui.area_outside")}, true
	case err != nil:
		s.ServerError(w, r, err)
		return nil, false
	}
	return &web.Crumb{Label: a.Name, Href: URL(a.ID)}, true
}
