package api

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// speechGet serves GET /api/v1/speech?area=&from=&to=&format=md|html: the
// speech with its figures filled in, as Markdown or a standalone HTML page.
func (h *Handler) speechGet(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "md"
	}
	if format != "md" && format != "html" {
		h.fail(w, r, i18n.Errf("format", "err.format_invalid", format, "md, html"))
		return
	}
	s, err := h.scope(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	t, err := report.LoadTemplate(requestLang(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	filled, err := t.Fill(r.Context(), h.DB.Reader(), s)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if format == "html" {
		writeBody(w, http.StatusOK, "text/html; charset=utf-8", []byte(report.HTMLDocument(filled)))
		return
	}
	writeBody(w, http.StatusOK, "text/markdown; charset=utf-8", []byte(filled.Markdown()))
}
