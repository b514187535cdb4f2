package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// unitEnd shows and applies the form that ends a unit (and its party
// organisation).
func (s *pages) unitEnd(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, func(u Unit, lang i18n.Lang) (web.FormSpec, error) {
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.unit_end.title", u.Name),
			Intro:    i18n.T(lang, "ui.unit_end.intro"),
			Submit:   i18n.T(lang, "ui.unit_end.submit"),
			Danger:   true,
			Back:     unitURL(u.ID),
			Defaults: web.Defaults(s.today()),
			Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang), web.NoteField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.EndUnit(ctx, EndUnitInput{UnitID: u.ID, On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return unitURL(u.ID), []string{"ui.flash.unit_ended", u.Name, on.String()}, nil
			},
		}, nil
	})
}
