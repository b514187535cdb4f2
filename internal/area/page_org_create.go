package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgCreate shows and applies the form that establishes a party
// organisation on an area.
func (s *pages) orgCreate(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		def := web.Defaults(s.today())
		if a.Level == Community {
			def.Set("kind", string(Branch))
			def.Set("name", a.Name+"党支部")
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.org_create.title", a.Name),
			Submit:   i18n.T(lang, "ui.org_create.submit"),
			Back:     URL(a.ID),
			Defaults: def,
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "kind", Label: i18n.T(lang, "ui.field.kind"), Type: "select", Required: true, Options: kindOptions(lang, a)},
					{Name: "name", Label: i18n.T(lang, "ui.field.org_name"), Type: "text", Required: true},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if _, err := s.areas.CreateOrg(ctx, OrgInput{AreaID: a.ID, Kind: OrgKind(v.Get("kind")), Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.org_created", v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
