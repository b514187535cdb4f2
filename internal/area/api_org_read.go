package area

import (
	"dangjian/internal/api"
	"net/http"
)

// orgGet serves GET /api/v1/party-orgs/{id}.
func (h *apiHandlers) orgGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	o, err := h.Areas.Org(r.Context(), id)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, orgResult{PartyOrg: toOrgJSON(o)})
}
