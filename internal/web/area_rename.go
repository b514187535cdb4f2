package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaRename shows and applies the rename form; the old name stays in the
// area's history.
func (s *Server) areaRename(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (formSpec, error) {
		return formSpec{
			Title:    i18n.T(lang, "ui.rename.title", a.Name),
			Submit:   i18n.T(lang, "ui.rename.submit"),
			Back:     areaURL(a.ID),
			Defaults: s.defaults("name", a.Name),
			Fields: func(url.Values) []field {
				return []field{
					{Name: "name", Label: i18n.T(lang, "ui.field.new_name"), Type: "text", Required: true},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.Rename(ctx, area.RenameInput{AreaID: a.ID, Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.renamed", a.Name, v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
