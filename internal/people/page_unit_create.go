package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// unitCreate shows and applies the form that records a stationed unit in a
// community of the user's scope.
func (s *pages) unitCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	def := web.Defaults(s.today(), "rank", string(NoRank))
	if a := r.URL.Query().Get("area"); a != "" {
		def.Set("area_id", a)
	}
	s.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.unit_create.title"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.units.title"), Href: "/units"}},
		Submit:   i18n.T(lang, "ui.unit_create.submit"),
		Back:     "/units",
		Defaults: def,
		Fields: func(url.Values) []web.Field {
			return []web.Field{
				{Name: "name", Label: i18n.T(lang, "ui.col.name"), Type: "text", Required: true},
				{Name: "kind", Label: i18n.T(lang, "ui.col.kind"), Type: "select", Required: true, Options: unitKindOptions(lang)},
				{Name: "rank", Label: i18n.T(lang, "ui.units.rank"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.rank.", "", "division", "section", "none")},
				communityPicker("area_id", i18n.T(lang, "ui.units.community")),
				web.DateField(lang),
				web.NoteField(lang),
			}
		},
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			id, err := s.people.CreateUnit(ctx, UnitInput{Name: v.Get("name"), Kind: UnitKind(v.Get("kind")),
				Rank: Rank(v.Get("rank")), AreaID: web.ParseID(v.Get("area_id")), On: on, Note: v.Get("note")})
			if err != nil {
				return "", nil, err
			}
			return unitURL(id), []string{"ui.flash.unit_created", v.Get("name"), on.String()}, nil
		},
	})
}

func unitKindOptions(lang i18n.Lang) []web.Option {
	kinds := make([]string, 0, len(UnitKinds))
	for _, k := range UnitKinds {
		kinds = append(kinds, string(k))
	}
	return web.EnumOptions(lang, "ui.unit_kind.", "", kinds...)
}
