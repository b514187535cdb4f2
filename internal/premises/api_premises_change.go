package premises

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// roomRequest is POST /api/v1/premises/{id}/rooms: a room in the premises
// from "on" (to "to_on"); floor_area is in 0.01 m².
type roomRequest struct {
	Kind      RoomKind `json:"kind"`
	FloorArea int64    `json:"floor_area"`
	On        string   `json:"on"`
	ToOn      string   `json:"to_on"`
}

func (q roomRequest) DateOn() string { return q.On }

// roomAdd serves POST /api/v1/premises/{id}/rooms: the room, no larger
// than its premises and within their dates (201; Location: the
// community's premises).
func (h *apiHandlers) roomAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, premisesID int64, on date.Date, req roomRequest) (api.Answer, error) {
		to, err := api.ParseDate("to_on", req.ToOn)
		if err != nil {
			return api.Answer{}, err
		}
		id, err := h.s.AddRoom(ctx, RoomInput{PremisesID: premisesID, Kind: req.Kind, FloorArea: req.FloorArea, FromOn: on, ToOn: to})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "from_on", "on"), "premises_id", "id")
		}
		p, err := h.s.loadPremises(ctx, h.s.DB.Reader(), premisesID)
		if err != nil {
			return api.Answer{}, err
		}
		room := Room{ID: id, PremisesID: premisesID, Kind: req.Kind, FloorArea: req.FloorArea, FromOn: on, ToOn: to}
		return api.Answer{Status: http.StatusCreated, Location: communityAPIURL(p.AreaID), Body: room}, nil
	})
}

// closeRequest is POST /api/v1/premises/{id}/close: the premises (and
// the rooms still in them) end on "on".
type closeRequest struct {
	On string `json:"on"`
}

func (q closeRequest) DateOn() string { return q.On }

// premisesClose serves POST /api/v1/premises/{id}/close (200, the
// premises as they are now).
func (h *apiHandlers) premisesClose(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, _ closeRequest) (api.Answer, error) {
		if err := h.s.ClosePremises(ctx, id, on); err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "to_on", "on"), "premises_id", "id")
		}
		p, err := h.s.loadPremises(ctx, h.s.DB.Reader(), id)
		if err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusOK, Body: p}, nil
	})
}
