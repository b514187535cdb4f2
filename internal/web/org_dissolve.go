package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgDissolve shows and applies the form that ends a party organisation
// without a successor.
func (s *Server) orgDissolve(w http.ResponseWriter, r *http.Request) {
	s.orgForm(w, r, func(o area.PartyOrg, a area.Area, lang i18n.Lang) (formSpec, error) {
		return formSpec{
			Title:    i18n.T(lang, "ui.org_dissolve.title", o.Name),
			Intro:    i18n.T(lang, "ui.org_dissolve.intro", o.Name),
			Submit:   i18n.T(lang, "ui.org_dissolve.submit"),
			Danger:   true,
			Back:     areaURL(a.ID) + "#org-" + itoa(o.ID),
			Defaults: s.defaults(),
			Fields:   func(url.Values) []field { return []field{dateField(lang), noteField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.DissolveOrg(ctx, o.ID, on, v.Get("note")); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.org_dissolved", o.Name, on.String()}, nil
			},
		}, nil
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
