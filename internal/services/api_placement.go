package services

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

type placementsJSON struct {
	Placements []Placement `json:"placements"`
	Next       string      `json:"next"`
}

// placementList serves GET /api/v1/placements: the placements by areas of
// the scope (or of ?area=) by id, placed from ?from= to ?to=; ID numbers
// masked.
func (h *apiHandlers) placementList(w http.ResponseWriter, r *http.Request) {
	l, err := readList(r, nil)
	out := placementsJSON{}
	if err == nil {
		out.Placements, err = h.s.ListPlacements(r.Context(), PlacementFilter{AreaID: l.AreaID, From: l.From, To: l.To, After: l.After, Limit: 50})
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	if n := len(out.Placements); n > 0 {
		out.Next = next(n, out.Placements[n-1].ID)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// placementRequest is POST /api/v1/placements: a person placed on "on".
type placementRequest struct {
	AreaID       int64        `json:"area_id"`
	Name         string       `json:"name"`
	IDNumber     string       `json:"id_number"`
	BeforeStatus BeforeStatus `json:"before_status"`
	Employer     string       `json:"employer"`
	Work         string       `json:"work"`
	PlacedBy     string       `json:"placed_by"`
	On           string       `json:"on"`
	Note         string       `json:"note"`
}

func (q placementRequest) DateOn() string { return q.On }

// placementCreate serves POST /api/v1/placements (201; the ID number
// answered masked).
func (h *apiHandlers) placementCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req placementRequest) (api.Answer, error) {
		id, err := h.s.CreatePlacement(ctx, PlacementInput{AreaID: req.AreaID, Name: req.Name, IDNumber: req.IDNumber, BeforeStatus: req.BeforeStatus,
			Employer: req.Employer, Work: req.Work, PlacedBy: req.PlacedBy, PlacedOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "placed_on", "on")
		}
		p, err := h.s.Placement(ctx, id)
		return created("/api/v1/placements", id, p), err
	})
}

// placementChangeRequest is POST /api/v1/placements/{id}.
type placementChangeRequest struct {
	Name         string       `json:"name"`
	BeforeStatus BeforeStatus `json:"before_status"`
	Employer     string       `json:"employer"`
	Work         string       `json:"work"`
	PlacedBy     string       `json:"placed_by"`
	Note         string       `json:"note"`
}

func (q placementChangeRequest) DateOn() string { return "" }

// placementUpdate serves POST /api/v1/placements/{id}.
func (h *apiHandlers) placementUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req placementChangeRequest) (api.Answer, error) {
		if err := h.s.UpdatePlacement(ctx, id, PlacementChange(req)); err != nil {
			return api.Answer{}, api.Relabel(err, "placement_id", "id")
		}
		p, err := h.s.Placement(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: p}, err
	})
}

// placementEnd serves POST /api/v1/placements/{id}/end: the job ended on
// "on".
func (h *apiHandlers) placementEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, _ endRequest) (api.Answer, error) {
		if err := h.s.EndPlacement(ctx, id, on); err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "placement_id", "id"), "ended_on", "on")
		}
		p, err := h.s.Placement(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: p}, err
	})
}
