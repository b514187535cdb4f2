package web

import (
	"errors"
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
)

// errNoForm is what a form builder returns when the form does not exist
// for its subject (a community has no child level to create): 404.
var errNoForm = errors.New("web: no such form")

// areaForm serves a form about the area named by the path: it loads the
// area (404 when unknown), lets build describe the form and adds the
// breadcrumb ending at the area.
func (s *Server) areaForm(w http.ResponseWriter, r *http.Request, build func(a area.Area, lang i18n.Lang) (formSpec, error)) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	s.formOn(w, r, a, func(lang i18n.Lang) (formSpec, error) { return build(a, lang) })
}

// orgForm is areaForm for the party organisation named by the path; the
// breadcrumb ends at the organisation's area.
func (s *Server) orgForm(w http.ResponseWriter, r *http.Request, build func(o area.PartyOrg, a area.Area, lang i18n.Lang) (formSpec, error)) {
	o, a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	s.formOn(w, r, a, func(lang i18n.Lang) (formSpec, error) { return build(o, a, lang) })
}

// formOn builds the form in the request's language, sets its breadcrumb to
// a and serves it.
func (s *Server) formOn(w http.ResponseWriter, r *http.Request, a area.Area, build func(lang i18n.Lang) (formSpec, error)) {
	s.formWith(w, r, build, func(i18n.Lang) ([]crumb, error) { return s.areaCrumbs(r, a, true) })
}

// formWith builds the form in the request's language (404 for errNoForm),
// sets its breadcrumb from crumbs and serves it.
func (s *Server) formWith(w http.ResponseWriter, r *http.Request, build func(lang i18n.Lang) (formSpec, error), crumbs func(lang i18n.Lang) ([]crumb, error)) {
	lang := langOf(r)
	spec, err := build(lang)
	if errors.Is(err, errNoForm) {
		s.notFound(w, r)
		return
	}
	if err == nil {
		spec.Crumbs, err = crumbs(lang)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.serveForm(w, r, spec)
}
