package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
)

// areaRename shows and applies the rename form; the old name stays in the
// area's history.
func (s *Server) areaRename(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadArea(w, r)
	if !ok {
		return
	}
	lang := langOf(r)
	crumbs, err := s.areaCrumbs(r, a, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.serveForm(w, r, formSpec{
		Title:    i18n.T(lang, "ui.rename.title", a.Name),
		Crumbs:   crumbs,
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
		Apply: func(ctx context.Context, v url.Values) (string, []string, error) {
			on, err := parseOn(v, "on")
			if err != nil {
				return "", nil, err
			}
			if err := s.areas.Rename(ctx, area.RenameInput{AreaID: a.ID, Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
				return "", nil, err
			}
			return areaURL(a.ID), []string{"ui.flash.renamed", a.Name, v.Get("name"), on.String()}, nil
		},
	})
}
