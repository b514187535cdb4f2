package report

import (
	"bytes"
	"dangjian/internal/api"
	"net/http"

	"dangjian/internal/i18n"
)

// speechGet serves GET /api/v1/speech?area=&from=&to=&format=md|html|docx:
// the speech with its figures filled in, as Markdown, a standalone HTML
// page or a Word document.
func (h *apiHandlers) speechGet(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "md"
	}
	if format != "md" && format != "html" && format != "docx" {
		h.Fail(w, r, i18n.Errf("format", "err.format_invalid", format, "md, html, docx"))
		return
	}
	s, err := h.scope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	t, err := h.tpls.For(r.Context(), s.AreaID, api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	filled, err := t.Fill(r.Context(), h.DB.Reader(), s, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if format == "docx" {
		var b bytes.Buffer
		if err := DOCX(&b, filled); err != nil {
			h.Fail(w, r, err)
			return
		}
		api.WriteBody(w, http.StatusOK, DOCXType, b.Bytes())
		return
	}
	if format == "html" {
		api.WriteBody(w, http.StatusOK, "text/html; charset=utf-8", []byte(HTMLDocument(filled)))
		return
	}
	api.WriteBody(w, http.StatusOK, "text/markdown; charset=utf-8", []byte(filled.Markdown()))
}
