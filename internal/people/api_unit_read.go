package people

import (
	"net/http"

	"dangjian/internal/api"
)

// unitJSON is a stationed unit with where it was located.
type unitJSON struct {
	Unit      Unit           `json:"unit"`
	Locations []UnitLocation `json:"locations"`
}

// unitGet serves GET /api/v1/units/{id}: the unit and its locations,
// oldest first. A unit liaison reads their own unit.
func (h *apiHandlers) unitGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	var out unitJSON
	if out.Unit, err = h.people.Unit(r.Context(), id); err == nil {
		out.Locations, err = h.people.UnitLocations(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out.Locations = nonNil(out.Locations)
	h.WriteJSON(w, r, http.StatusOK, out)
}
