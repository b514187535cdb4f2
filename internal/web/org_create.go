package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgCreate shows and applies the form that establishes a party
// organisation on an area.
func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (formSpec, error) {
		def := s.defaults()
		if a.Level == area.Community {
			def.Set("kind", string(area.Branch))
			def.Set("name", a.Name+"党支部")
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.org_create.title", a.Name),
			Submit:   i18n.T(lang, "ui.org_create.submit"),
			Back:     areaURL(a.ID),
			Defaults: def,
			Fields: func(url.Values) []field {
				return []field{
					{Name: "kind", Label: i18n.T(lang, "ui.field.kind"), Type: "select", Required: true, Options: kindOptions(lang, a)},
					{Name: "name", Label: i18n.T(lang, "ui.field.org_name"), Type: "text", Required: true},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if _, err := s.areas.CreateOrg(ctx, area.OrgInput{AreaID: a.ID, Kind: area.OrgKind(v.Get("kind")), Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.org_created", v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
