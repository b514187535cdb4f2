package dashboard

import (
	"encoding/json"
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/web"
)

// dataRead serves GET /dashboard.json?area=&from=&to=: the document of
// GET /api/v1/dashboard, behind the session, for the pages' script. A
// refusal is {"error": …, "field": …} with its status, in the user's
// language.
func (p *pages) dataRead(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	q := r.URL.Query()
	s, err := report.ResolveScope(r.Context(), p.src.Areas, q.Get("area"), q.Get("from"), q.Get("to"))
	var d *Data
	if err == nil {
		d, err = p.src.Build(r.Context(), s, lang)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		e, isUser := web.UserError(err)
		if !isUser {
			p.Logger().Error("dashboard data", "err", err)
			w.WriteHeader(http.StatusInternalServerError)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": i18n.T(lang, "err.internal")})
			return
		}
		status := web.UserErrorStatus(e)
		if status == http.StatusForbidden {
			p.AuditDenied(r, e.Key)
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": e.In(lang), "field": e.Field})
		return
	}
	_ = json.NewEncoder(w).Encode(d)
}
