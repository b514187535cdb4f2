package area

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"dangjian/internal/access"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// URL is the page of an area.
func URL(id int64) string { return "/areas/" + strconv.FormatInt(id, 10) }

// loadArea reads the area named by the path. It renders the 404 page for a
// bad or unknown id, the 500 page for anything else, and then returns false.
func (s *pages) loadArea(w http.ResponseWriter, r *http.Request) (Area, bool) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return Area{}, false
	}
	if a, ok := keptArea(r, id); ok {
		return a, true
	}
	a, err := s.areas.Get(r.Context(), id)
	if err != nil {
		if web.IsNotFound(err) {
			s.NotFound(w, r)
		} else {
			s.ServerError(w, r, fmt.Errorf("web: area %d: %w", id, err))
		}
		return Area{}, false
	}
	return a, true
}

// keptArea is area id as the access check of a read (GET or HEAD) read it
// through the scoped store a moment ago, so the handler need not read it
// and check its scope again. A write reads it afresh.
func keptArea(r *http.Request, id int64) (Area, bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return Area{}, false
	}
	return access.Kept[Area](r.Context(), id)
}

// loadOrg reads the party organisation named by the path, and its area.
func (s *pages) loadOrg(w http.ResponseWriter, r *http.Request) (PartyOrg, Area, bool) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return PartyOrg{}, Area{}, false
	}
	o, err := s.areas.Org(r.Context(), id)
	if err == nil {
		var a Area
		if a, err = s.areas.Get(r.Context(), o.AreaID); err == nil {
			return o, a, true
		}
	}
	if web.IsNotFound(err) {
		s.NotFound(w, r)
	} else {
		s.ServerError(w, r, fmt.Errorf("web: party org %d: %w", id, err))
	}
	return PartyOrg{}, Area{}, false
}

// Crumbs is the breadcrumb root → … → a, each linked; with self false
// it stops at a's parent.
func Crumbs(ctx context.Context, st *Store, a Area, self bool) ([]web.Crumb, error) {
	anc, err := st.Ancestors(ctx, a.ID)
	if err != nil {
		return nil, fmt.Errorf("web: ancestors of %d: %w", a.ID, err)
	}
	out := make([]web.Crumb, 0, len(anc)+1)
	for _, x := range anc {
		out = append(out, web.Crumb{Label: x.Name, Href: URL(x.ID)})
	}
	if self {
		out = append(out, web.Crumb{Label: a.Name, Href: URL(a.ID)})
	}
	return out, nil
}

func levelName(lang i18n.Lang, l Level) string { return i18n.T(lang, "ui.level."+string(l)) }

func orgKindName(lang i18n.Lang, k OrgKind) string { return i18n.T(lang, "ui.kind."+string(k)) }

// kindOptions lists the party organisation kinds that fit an area's level.
func kindOptions(lang i18n.Lang, a Area) []web.Option {
	out := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	for _, k := range OrgKinds {
		if k == WorkingCommittee && a.Level == Community {
			continue
		}
		out = append(out, web.Option{Value: string(k), Label: orgKindName(lang, k)})
	}
	return out
}
