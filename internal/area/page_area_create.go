package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaCreate shows and applies the form that establishes a child area.
func (s *pages) areaCreate(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(p Area, lang i18n.Lang) (web.FormSpec, error) {
		child := p.Level.ChildLevel()
		if child == "" {
			return web.FormSpec{}, web.ErrNoForm
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.create.title", levelName(lang, child), p.Name),
			Intro:    i18n.T(lang, "ui.create.intro"),
			Submit:   i18n.T(lang, "ui.create.submit"),
			Back:     URL(p.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "name", Label: i18n.T(lang, "ui.field.name"), Type: "text", Required: true},
					{Name: "code", Label: i18n.T(lang, "ui.field.code"), Type: "text", Help: i18n.T(lang, "ui.help.code")},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				id, err := s.areas.Create(ctx, CreateInput{ParentID: p.ID, Level: child, Name: v.Get("name"), Code: v.Get("code"), On: on, Note: v.Get("note")})
				if err != nil {
					return "", nil, err
				}
				return URL(id), []string{"ui.flash.created", v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
