package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// crumb is one link of a breadcrumb.
type crumb struct {
	Label string
	Href  string
}

func areaURL(id int64) string { return "/areas/" + strconv.FormatInt(id, 10) }

// pathID reads the {id} path value; ok is false for anything but a positive number.
func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// loadArea reads the area named by the path. It renders the 404 page for a
// bad or unknown id, the 500 page for anything else, and then returns false.
func (s *Server) loadArea(w http.ResponseWriter, r *http.Request) (area.Area, bool) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return area.Area{}, false
	}
	a, err := s.areas.Get(r.Context(), id)
	if err != nil {
		if isNotFound(err) {
			s.notFound(w, r)
		} else {
			s.serverError(w, r, fmt.Errorf("web: area %d: %w", id, err))
		}
		return area.Area{}, false
	}
	return a, true
}

// loadOrg reads the party organisation named by the path, and its area.
func (s *Server) loadOrg(w http.ResponseWriter, r *http.Request) (area.PartyOrg, area.Area, bool) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return area.PartyOrg{}, area.Area{}, false
	}
	o, err := s.areas.Org(r.Context(), id)
	if err == nil {
		var a area.Area
		if a, err = s.areas.Get(r.Context(), o.AreaID); err == nil {
			return o, a, true
		}
	}
	if isNotFound(err) {
		s.notFound(w, r)
	} else {
		s.serverError(w, r, fmt.Errorf("web: party org %d: %w", id, err))
	}
	return area.PartyOrg{}, area.Area{}, false
}

// isNotFound reports whether err says the record asked for does not exist.
func isNotFound(err error) bool { return errors.Is(err, fault.NotFound) }

// areaCrumbs is the breadcrumb root → … → a, each linked; with self false
// it stops at a's parent.
func (s *Server) areaCrumbs(r *http.Request, a area.Area, self bool) ([]crumb, error) {
	anc, err := s.areas.Ancestors(r.Context(), a.ID)
	if err != nil {
		return nil, fmt.Errorf("web: ancestors of %d: %w", a.ID, err)
	}
	out := make([]crumb, 0, len(anc)+1)
	for _, x := range anc {
		out = append(out, crumb{Label: x.Name, Href: areaURL(x.ID)})
	}
	if self {
		out = append(out, crumb{Label: a.Name, Href: areaURL(a.ID)})
	}
	return out, nil
}

func levelName(lang i18n.Lang, l area.Level) string { return i18n.T(lang, "ui.level."+string(l)) }

func orgKindName(lang i18n.Lang, k area.OrgKind) string { return i18n.T(lang, "ui.kind."+string(k)) }

// kindOptions lists the party organisation kinds that fit an area's level.
func kindOptions(lang i18n.Lang, a area.Area) []option {
	out := []option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	for _, k := range area.OrgKinds {
		if k == area.WorkingCommittee && a.Level == area.Community {
			continue
		}
		out = append(out, option{Value: string(k), Label: orgKindName(lang, k)})
	}
	return out
}
