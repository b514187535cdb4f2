package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/i18n"
)

// orgDissolve shows and applies the form that ends a party organisation
// without a successor.
func (s *Server) orgDissolve(w http.ResponseWriter, r *http.Request) {
	o, a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	lang := langOf(r)
	crumbs, err := s.areaCrumbs(r, a, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.serveForm(w, r, formSpec{
		Title:    i18n.T(lang, "ui.org_dissolve.title", o.Name),
		Intro:    i18n.T(lang, "ui.org_dissolve.intro", o.Name),
		Crumbs:   crumbs,
		Submit:   i18n.T(lang, "ui.org_dissolve.submit"),
		Danger:   true,
		Back:     areaURL(a.ID) + "#org-" + itoa(o.ID),
		Defaults: s.defaults(),
		Fields:   func(url.Values) []field { return []field{dateField(lang), noteField(lang)} },
		Apply: func(ctx context.Context, v url.Values) (string, []string, error) {
			on, err := parseOn(v, "on")
			if err != nil {
				return "", nil, err
			}
			if err := s.areas.DissolveOrg(ctx, o.ID, on, v.Get("note")); err != nil {
				return "", nil, err
			}
			return areaURL(a.ID), []string{"ui.flash.org_dissolved", o.Name, on.String()}, nil
		},
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
