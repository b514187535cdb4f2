package report

import (
	"dangjian/internal/api"
	"net/http"

	"dangjian/internal/i18n"
)

// speechGet serves GET /api/v1/speech?area=&from=&to=&format=md|html: the
// speech with its figures filled in, as Markdown or a standalone HTML page.
func (h *apiHandlers) speechGet(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "md"
	}
	if format != "md" && format != "html" {
		h.Fail(w, r, i18n.Errf("format", "err.format_invalid", format, "md, html"))
		return
	}
	s, err := h.scope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	t, err := LoadTemplate(api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	filled, err := t.Fill(r.Context(), h.DB.Reader(), s, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if format == "html" {
		api.WriteBody(w, http.StatusOK, "text/html; charset=utf-8", []byte(HTMLDocument(filled)))
		return
	}
	api.WriteBody(w, http.StatusOK, "text/markdown; charset=utf-8", []byte(filled.Markdown()))
}
