package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaCreate shows and applies the form that establishes a child area.
func (s *Server) areaCreate(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(p area.Area, lang i18n.Lang) (formSpec, error) {
		child := p.Level.ChildLevel()
		if child == "" {
			return formSpec{}, errNoForm
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.create.title", levelName(lang, child), p.Name),
			Intro:    i18n.T(lang, "ui.create.intro"),
			Submit:   i18n.T(lang, "ui.create.submit"),
			Back:     areaURL(p.ID),
			Defaults: s.defaults(),
			Fields: func(url.Values) []field {
				return []field{
					{Name: "name", Label: i18n.T(lang, "ui.field.name"), Type: "text", Required: true},
					{Name: "code", Label: i18n.T(lang, "ui.field.code"), Type: "text", Help: i18n.T(lang, "ui.help.code")},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				id, err := s.areas.Create(ctx, area.CreateInput{ParentID: p.ID, Level: child, Name: v.Get("name"), Code: v.Get("code"), On: on, Note: v.Get("note")})
				if err != nil {
					return "", nil, err
				}
				return areaURL(id), []string{"ui.flash.created", v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
