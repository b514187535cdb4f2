package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// unitOrgCreate shows and applies the form that establishes a unit's own
// party organisation.
func (s *pages) unitOrgCreate(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, func(u Unit, lang i18n.Lang) (web.FormSpec, error) {
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.unit_org.title", u.Name),
			Submit:   i18n.T(lang, "ui.org_create.submit"),
			Back:     unitURL(u.ID),
			Defaults: web.Defaults(s.today(), "kind", "branch", "name", u.Name+i18n.T(lang, "ui.unit_org.suffix")),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "kind", Label: i18n.T(lang, "ui.field.kind"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.kind.", "", "committee", "general_branch", "branch")},
					{Name: "name", Label: i18n.T(lang, "ui.field.org_name"), Type: "text", Required: true},
					web.DateField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if _, err := s.people.CreateUnitOrg(ctx, UnitOrgInput{UnitID: u.ID, Kind: v.Get("kind"), Name: v.Get("name"), On: on}); err != nil {
					return "", nil, err
				}
				return unitURL(u.ID), []string{"ui.flash.org_created", v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
