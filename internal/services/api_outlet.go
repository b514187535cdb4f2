package services

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

type outletsJSON struct {
	Outlets []Outlet    `json:"outlets"`
	Counts  []KindCount `json:"counts"`
	Next    string      `json:"next"`
}

// outletList serves GET /api/v1/outlets: the outlets of the scope (or of
// ?area=) by id, of ?kind=, open on ?to= when given; counts by kind.
func (h *apiHandlers) outletList(w http.ResponseWriter, r *http.Request) {
	l, err := readList(r, strs(OutletKinds))
	f := OutletFilter{AreaID: l.AreaID, Kind: OutletKind(l.Kind), On: l.To, After: l.After, Limit: 50}
	out := outletsJSON{}
	if err == nil {
		out.Outlets, err = h.s.ListOutlets(r.Context(), f)
	}
	if err == nil {
		out.Counts, err = h.s.CountOutlets(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	if n := len(out.Outlets); n > 0 {
		out.Next = next(n, out.Outlets[n-1].ID)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// outletRequest is POST /api/v1/outlets: an outlet opened on "on".
type outletRequest struct {
	AreaID int64      `json:"area_id"`
	Kind   OutletKind `json:"kind"`
	Name   string     `json:"name"`
	On     string     `json:"on"`
	Note   string     `json:"note"`
}

func (q outletRequest) DateOn() string { return q.On }

// outletCreate serves POST /api/v1/outlets (201, the outlet).
func (h *apiHandlers) outletCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req outletRequest) (api.Answer, error) {
		id, err := h.s.CreateOutlet(ctx, OutletInput{AreaID: req.AreaID, Kind: req.Kind, Name: req.Name, FromOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "from_on", "on")
		}
		o, err := h.s.Outlet(ctx, id)
		return created("/api/v1/outlets", id, o), err
	})
}

// outletChangeRequest is POST /api/v1/outlets/{id}: a correction.
type outletChangeRequest struct {
	Kind OutletKind `json:"kind"`
	Name string     `json:"name"`
	Note string     `json:"note"`
}

func (q outletChangeRequest) DateOn() string { return "" }

// outletUpdate serves POST /api/v1/outlets/{id}.
func (h *apiHandlers) outletUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req outletChangeRequest) (api.Answer, error) {
		if err := h.s.UpdateOutlet(ctx, id, OutletChange(req)); err != nil {
			return api.Answer{}, api.Relabel(err, "outlet_id", "id")
		}
		o, err := h.s.Outlet(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: o}, err
	})
}

// outletEnd serves POST /api/v1/outlets/{id}/end: the outlet closes on "on".
func (h *apiHandlers) outletEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, _ endRequest) (api.Answer, error) {
		if err := h.s.EndOutlet(ctx, id, on); err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "outlet_id", "id"), "to_on", "on")
		}
		o, err := h.s.Outlet(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: o}, err
	})
}
