package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// unitEnd shows and applies the form that ends a unit (and its party
// organisation).
func (s *Server) unitEnd(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, func(u people.Unit, lang i18n.Lang) (formSpec, error) {
		return formSpec{
			Title:    i18n.T(lang, "ui.unit_end.title", u.Name),
			Intro:    i18n.T(lang, "ui.unit_end.intro"),
			Submit:   i18n.T(lang, "ui.unit_end.submit"),
			Danger:   true,
			Back:     unitURL(u.ID),
			Defaults: s.defaults(),
			Fields:   func(url.Values) []field { return []field{dateField(lang), noteField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.EndUnit(ctx, people.EndUnitInput{UnitID: u.ID, On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return unitURL(u.ID), []string{"ui.flash.unit_ended", u.Name, on.String()}, nil
			},
		}, nil
	})
}
