package report

import (
	"bytes"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/figures"
	"dangjian/internal/workbook"
)

// workbookGet serves GET /api/v1/workbook?area=&from=&to=&level=: the
// statistics workbook of the scope and period as XLSX.
func (h *apiHandlers) workbookGet(w http.ResponseWriter, r *http.Request) {
	s, level, err := h.workbookScope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	var b bytes.Buffer
	if err := writeWorkbook(r.Context(), h.DB.Reader(), s, level, api.Lang(r), &b); err != nil {
		h.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+workbookName(s, level)+`"`)
	api.WriteBody(w, http.StatusOK, workbook.ContentType, b.Bytes())
}

// workbookScope is the scope, period and breakdown level a workbook
// request names (?area=&from=&to=&level=).
func (h *apiHandlers) workbookScope(r *http.Request) (figures.Scope, string, error) {
	s, err := h.scope(r)
	if err != nil {
		return s, "", err
	}
	level, err := breakdownLevel(r.URL.Query(), s)
	return s, level, err
}
