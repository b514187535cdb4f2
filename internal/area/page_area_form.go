package area

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/i18n"
)

// areaForm serves a form about the area named by the path: it loads the
// area (404 when unknown), lets build describe the form and adds the
// breadcrumb ending at the area.
func (s *pages) areaForm(w http.ResponseWriter, r *http.Request, build func(a Area, lang i18n.Lang) (web.FormSpec, error)) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	s.formOn(w, r, a, func(lang i18n.Lang) (web.FormSpec, error) { return build(a, lang) })
}

// orgForm is areaForm for the party organisation named by the path; the
// breadcrumb ends at the organisation's area.
func (s *pages) orgForm(w http.ResponseWriter, r *http.Request, build func(o PartyOrg, a Area, lang i18n.Lang) (web.FormSpec, error)) {
	o, a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	s.formOn(w, r, a, func(lang i18n.Lang) (web.FormSpec, error) { return build(o, a, lang) })
}

// formOn builds the form in the request's language, sets its breadcrumb to
// a and serves it.
func (s *pages) formOn(w http.ResponseWriter, r *http.Request, a Area, build func(lang i18n.Lang) (web.FormSpec, error)) {
	s.FormWith(w, r, build, func(i18n.Lang) ([]web.Crumb, error) { return Crumbs(r.Context(), s.areas, a, true) })
}
