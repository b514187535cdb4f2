package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// unitCreate shows and applies the form that records a stationed unit in a
// community of the user's scope.
func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	communities, err := s.communityOptions(r.Context(), lang, 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	def := s.defaults("rank", string(people.NoRank))
	if a := r.URL.Query().Get("area"); a != "" {
		def.Set("area_id", a)
	}
	s.serveForm(w, r, formSpec{
		Title:    i18n.T(lang, "ui.unit_create.title"),
		Crumbs:   []crumb{{Label: i18n.T(lang, "ui.units.title"), Href: "/units"}},
		Submit:   i18n.T(lang, "ui.unit_create.submit"),
		Back:     "/units",
		Defaults: def,
		Fields: func(url.Values) []field {
			return []field{
				{Name: "name", Label: i18n.T(lang, "ui.col.name"), Type: "text", Required: true},
				{Name: "kind", Label: i18n.T(lang, "ui.col.kind"), Type: "select", Required: true, Options: unitKindOptions(lang)},
				{Name: "rank", Label: i18n.T(lang, "ui.units.rank"), Type: "select", Required: true, Options: enumOptions(lang, "ui.rank.", "", "division", "section", "none")},
				{Name: "area_id", Label: i18n.T(lang, "ui.units.community"), Type: "select", Required: true, Options: communities},
				dateField(lang),
				noteField(lang),
			}
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			id, err := s.people.CreateUnit(ctx, people.UnitInput{Name: v.Get("name"), Kind: people.UnitKind(v.Get("kind")),
				Rank: people.Rank(v.Get("rank")), AreaID: parseID(v.Get("area_id")), On: on, Note: v.Get("note")})
			if err != nil {
				return "", nil, err
			}
			return unitURL(id), []string{"ui.flash.unit_created", v.Get("name"), on.String()}, nil
		},
	})
}

func unitKindOptions(lang i18n.Lang) []option {
	kinds := make([]string, 0, len(people.UnitKinds))
	for _, k := range people.UnitKinds {
		kinds = append(kinds, string(k))
	}
	return enumOptions(lang, "ui.unit_kind.", "", kinds...)
}
