package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgReform shows and applies the re-formation form: the organisation ends
// and its successor of the chosen kind starts the same day
// (街道党委 → 街道党工委).
func (s *Server) orgReform(w http.ResponseWriter, r *http.Request) {
	s.orgForm(w, r, func(o area.PartyOrg, a area.Area, lang i18n.Lang) (formSpec, error) {
		def := s.defaults("kind", string(o.Kind), "name", o.Name)
		switch {
		case o.Kind == area.Committee && a.Level == area.Subdistrict:
			def.Set("kind", string(area.WorkingCommittee))
			def.Set("name", a.Name+"党工委")
		case o.Kind == area.Branch && a.Level == area.Community:
			def.Set("name", a.Name+"党支部")
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.reform.title", o.Name),
			Intro:    i18n.T(lang, "ui.reform.intro", o.Name, orgKindName(lang, o.Kind)),
			Submit:   i18n.T(lang, "ui.reform.submit"),
			Back:     areaURL(a.ID) + "#org-" + itoa(o.ID),
			Defaults: def,
			Fields: func(url.Values) []field {
				return []field{
					{Name: "kind", Label: i18n.T(lang, "ui.field.new_kind"), Type: "select", Required: true, Options: kindOptions(lang, a)},
					{Name: "name", Label: i18n.T(lang, "ui.field.new_org_name"), Type: "text", Required: true},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if _, err := s.areas.Reform(ctx, area.ReformInput{OrgID: o.ID, Kind: area.OrgKind(v.Get("kind")), Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.reformed", o.Name, v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
