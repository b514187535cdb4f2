package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// unitMove shows and applies the form that relocates a unit to another
// community.
func (s *pages) unitMove(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, func(u Unit, lang i18n.Lang) (web.FormSpec, error) {
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.unit_move.title", u.Name),
			Submit:   i18n.T(lang, "ui.unit_move.submit"),
			Back:     unitURL(u.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					communityPicker("area_id", i18n.T(lang, "ui.unit.new_community")),
					web.DateField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.MoveUnit(ctx, MoveUnitInput{UnitID: u.ID, AreaID: web.ParseID(v.Get("area_id")), On: on}); err != nil {
					return "", nil, err
				}
				return unitURL(u.ID), []string{"ui.flash.unit_moved", u.Name, v.Get("area_id_q"), on.String()}, nil
			},
		}, nil
	})
}
