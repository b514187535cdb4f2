package premises

import (
	"net/http"

	"dangjian/internal/api"
)

// projectJSON is v with its lists rendered as [] when empty.
func projectJSON(v ProjectView) ProjectView {
	v.Steps, v.Timeline, v.Funding, v.Shares = nonNil(v.Steps), nonNil(v.Timeline), nonNil(v.Funding), nonNil(v.Shares)
	v.Waivers, v.Premises = nonNil(v.Waivers), nonNil(v.Premises)
	return v
}

// projectGet serves GET /api/v1/building-projects/{id}: the project's
// steps as a timeline, its funding rows and the shares of each source,
// the fees waived and the premises it built.
func (h *apiHandlers) projectGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var v ProjectView
	if err == nil {
		v, err = h.s.ProjectView(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "project_id", "id"))
		return
	}
	h.WriteJSON(w, r, http.StatusOK, projectJSON(v))
}
