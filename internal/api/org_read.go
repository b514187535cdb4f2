package api

import (
	"net/http"
)

// orgGet serves GET /api/v1/party-orgs/{id}.
func (h *Handler) orgGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Areas.Org(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, orgResult{PartyOrg: toOrgJSON(o)})
}
