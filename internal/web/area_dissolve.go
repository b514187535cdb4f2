package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaDissolve shows and applies the dissolve form: the area ends without
// a successor.
func (s *Server) areaDissolve(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (formSpec, error) {
		return formSpec{
			Title:    i18n.T(lang, "ui.dissolve.title", a.Name),
			Intro:    i18n.T(lang, "ui.dissolve.intro", a.Name),
			Submit:   i18n.T(lang, "ui.dissolve.submit"),
			Danger:   true,
			Back:     areaURL(a.ID),
			Defaults: s.defaults(),
			Fields:   func(url.Values) []field { return []field{dateField(lang), noteField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.Dissolve(ctx, area.DissolveInput{AreaID: a.ID, On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.dissolved", a.Name, on.String()}, nil
			},
		}, nil
	})
}
