package report

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"dangjian/internal/figures"
	"dangjian/internal/web"
	"dangjian/internal/workbook"
)

// workbookRequest reads the scope form's parameters and ?level= of a
// workbook request; on a refusal it answers in plain text naming the field
// and returns ok false.
func (s *pages) workbookRequest(w http.ResponseWriter, r *http.Request) (figures.Scope, string, bool) {
	sc, form, ok, err := s.resolveScope(r, "/figures")
	if err != nil {
		s.ServerError(w, r, err)
		return sc, "", false
	}
	var msg string
	status := form.Status
	if !ok {
		msg = strings.Join(nonEmpty(form.AreaError, form.FromError, form.ToError, form.Error), "\n")
	}
	level, err := breakdownLevel(r.URL.Query(), sc)
	if ok && err != nil {
		e, isUser := web.UserError(err)
		if !isUser {
			s.ServerError(w, r, err)
			return sc, "", false
		}
		msg, status = e.In(web.Lang(r)), web.UserErrorStatus(e)
	}
	if msg != "" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(msg + "\n"))
		return sc, "", false
	}
	return sc, level, true
}

// workbookDownload serves GET /workbook.xlsx?area=&from=&to=&level=: the
// statistics workbook of the scope and period (workbook), with the scope
// form's parameters; a refusal is plain text naming the field. It is built
// within the request: fine for a subdistrict, seconds for a city at
// community level, which POST /workbook/jobs builds in the background.
func (s *pages) workbookDownload(w http.ResponseWriter, r *http.Request) {
	sc, level, ok := s.workbookRequest(w, r)
	if !ok {
		return
	}
	var body bytes.Buffer
	if err := writeWorkbook(r.Context(), s.db.Reader(), sc, level, web.Lang(r), &body); err != nil {
		s.ServerError(w, r, fmt.Errorf("web: workbook: %w", err))
		return
	}
	w.Header().Set("Content-Type", workbook.ContentType)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+workbookName(sc, level)+`"`)
	_, _ = w.Write(body.Bytes())
}
