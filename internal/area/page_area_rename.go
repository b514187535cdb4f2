package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaRename shows and applies the rename form; the old name stays in the
// area's history.
func (s *pages) areaRename(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.rename.title", a.Name),
			Submit:   i18n.T(lang, "ui.rename.submit"),
			Back:     URL(a.ID),
			Defaults: web.Defaults(s.today(), "name", a.Name),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "name", Label: i18n.T(lang, "ui.field.new_name"), Type: "text", Required: true},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.Rename(ctx, RenameInput{AreaID: a.ID, Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.renamed", a.Name, v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
