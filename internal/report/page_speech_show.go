package report

import (
	"dangjian/internal/web"
	"fmt"
	"html/template"
	"net/http"

	"dangjian/internal/i18n"
)

// speechPage is the data of the speech page.
type speechPage struct {
	Scope  *scopeForm
	Speech template.HTML
}

// speechShow renders the speech for the chosen scope and period, every
// figure linked to its records, with download links for Markdown and HTML.
func (s *pages) speechShow(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	sc, form, ok, err := s.resolveScope(r, "/speech")
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page := &speechPage{Scope: form}
	v := &web.View{Title: i18n.T(lang, "ui.speech.title"), Nav: "speech", D: page}
	if !ok {
		s.Render(w, r, form.Status, "speech", v)
		return
	}
	t, err := s.tpls.For(r.Context(), sc.AreaID, lang)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	filled, err := t.Fill(r.Context(), s.db.Reader(), sc, s.areas.Today())
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: speech: %w", err))
		return
	}
	// HTML escapes the template's text and the scope name itself.
	page.Speech = template.HTML(filled.HTML("/figures/"))
	s.Render(w, r, http.StatusOK, "speech", v)
}
