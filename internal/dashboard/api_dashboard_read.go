package dashboard

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/report"
)

// dashboardGet serves GET /api/v1/dashboard?area=&from=&to=: the
// dashboard of the scope (the caller's own area and the current year by
// default) in the request's language.
func (h *apiHandlers) dashboardGet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s, err := report.ResolveScope(r.Context(), h.src.Areas, q.Get("area"), q.Get("from"), q.Get("to"))
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	d, err := h.src.Build(r.Context(), s, api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, d)
}
