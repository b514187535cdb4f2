package web

import (
	"fmt"
	"net/http"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// figureRow is one figure of the table.
type figureRow struct {
	Key   string
	Label string
	Value string
	Unit  string
	Part  int
	Href  string
}

// figuresPage is the data of the figures page.
type figuresPage struct {
	Scope     *scopeForm
	ScopeName string
	Rows      []figureRow
}

// figuresShow renders the scope and period pickers and every registered
// figure for them, each value linked to the records behind it.
func (s *Server) figuresShow(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	sc, form, ok, err := s.resolveScope(r, "/figures")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	page := &figuresPage{Scope: form}
	v := &view{Title: i18n.T(lang, "ui.figures.title"), Nav: "figures", D: page}
	if !ok {
		s.render(w, r, form.Status, "figures", v)
		return
	}
	page.ScopeName = sc.AreaName
	q := s.db.Reader()
	for _, f := range figures.All() {
		val, err := f.Compute(r.Context(), q, sc)
		if err != nil {
			s.serverError(w, r, fmt.Errorf("web: figure %s: %w", f.Key, err))
			return
		}
		page.Rows = append(page.Rows, figureRow{
			Key: f.Key, Label: f.Label(lang), Value: f.Format(val), Unit: f.Unit(lang), Part: f.Part,
			Href: form.Link("/figures/" + f.Key),
		})
	}
	s.render(w, r, http.StatusOK, "figures", v)
}
