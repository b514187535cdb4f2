package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// unitMove shows and applies the form that relocates a unit to another
// community.
func (s *Server) unitMove(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, func(u people.Unit, lang i18n.Lang) (formSpec, error) {
		communities, err := s.communityOptions(r.Context(), lang, u.AreaID)
		if err != nil {
			return formSpec{}, err
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.unit_move.title", u.Name),
			Submit:   i18n.T(lang, "ui.unit_move.submit"),
			Back:     unitURL(u.ID),
			Defaults: s.defaults(),
			Fields: func(url.Values) []field {
				return []field{
					{Name: "area_id", Label: i18n.T(lang, "ui.unit.new_community"), Type: "select", Required: true, Options: communities},
					dateField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.MoveUnit(ctx, people.MoveUnitInput{UnitID: u.ID, AreaID: parseID(v.Get("area_id")), On: on}); err != nil {
					return "", nil, err
				}
				return unitURL(u.ID), []string{"ui.flash.unit_moved", u.Name, labelOf(communities, v.Get("area_id")), on.String()}, nil
			},
		}, nil
	})
}
