package web

import (
	"net/http"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/i18n"
)

// auditExport downloads the entries the auditor's filter selects (every
// page) as an XLSX workbook. The export is itself recorded in the trail.
func (s *Server) auditExport(w http.ResponseWriter, r *http.Request) {
	filter, form, _ := parseAuditFilter(r)
	if len(form.Errors) > 0 {
		lang := Lang(r)
		page := auditPage{Filter: form, Page: 1, Export: "/audit.xlsx" + form.query(1), Invalid: true}
		s.Render(w, r, http.StatusUnprocessableEntity, "audit", &View{Title: i18n.T(lang, "ui.audit.title"), Nav: "audit", D: &page})
		return
	}
	// The export is recorded before any of it is sent; one that cannot be
	// recorded is not made.
	if err := audit.Write(r.Context(), s.db, audit.Entry{Action: "audit.export", TargetType: "audit", Detail: form.query(1)}); err != nil {
		s.ServerError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="audit-`+time.Now().Format("20060102-150405")+`.xlsx"`)
	h.Set("Cache-Control", "no-store")
	cw := &CountingWriter{W: w}
	if err := audit.ExportXLSX(r.Context(), cw, s.db.Reader(), filter); err != nil {
		if cw.N > 0 {
			// Part of the file is sent: all that is left is to log and cut it short.
			s.log.ErrorContext(r.Context(), "web: audit export", "err", err)
			panic(http.ErrAbortHandler)
		}
		h.Del("Content-Disposition")
		s.ServerError(w, r, err)
	}
}
