package services

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

type designationsJSON struct {
	Designations []Designation `json:"designations"`
	Counts       []KindCount   `json:"counts"`
	Next         string        `json:"next"`
}

// designationList serves GET /api/v1/designations: the designations of
// the scope (or of ?area=) by id, of ?kind=, in force on ?to= when given;
// counts by kind.
func (h *apiHandlers) designationList(w http.ResponseWriter, r *http.Request) {
	l, err := readList(r, strs(DesignationKinds))
	f := DesignationFilter{AreaID: l.AreaID, Kind: DesignationKind(l.Kind), On: l.To, After: l.After, Limit: 50}
	out := designationsJSON{}
	if err == nil {
		out.Designations, err = h.s.ListDesignations(r.Context(), f)
	}
	if err == nil {
		out.Counts, err = h.s.CountDesignations(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	if n := len(out.Designations); n > 0 {
		out.Next = next(n, out.Designations[n-1].ID)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// designationRequest is POST /api/v1/designations: a title awarded on "on".
type designationRequest struct {
	AreaID    int64           `json:"area_id"`
	Estate    string          `json:"estate"`
	Kind      DesignationKind `json:"kind"`
	Title     string          `json:"title"`
	AwardedBy string          `json:"awarded_by"`
	On        string          `json:"on"`
	Note      string          `json:"note"`
}

func (q designationRequest) DateOn() string { return q.On }

// designationCreate serves POST /api/v1/designations (201).
func (h *apiHandlers) designationCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req designationRequest) (api.Answer, error) {
		id, err := h.s.CreateDesignation(ctx, DesignationInput{AreaID: req.AreaID, Estate: req.Estate, Kind: req.Kind, Title: req.Title, AwardedBy: req.AwardedBy, FromOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "from_on", "on")
		}
		d, err := h.s.Designation(ctx, id)
		return created("/api/v1/designations", id, d), err
	})
}

// designationChangeRequest is POST /api/v1/designations/{id}.
type designationChangeRequest struct {
	Estate    string          `json:"estate"`
	Kind      DesignationKind `json:"kind"`
	Title     string          `json:"title"`
	AwardedBy string          `json:"awarded_by"`
	Note      string          `json:"note"`
}

func (q designationChangeRequest) DateOn() string { return "" }

// designationUpdate serves POST /api/v1/designations/{id}.
func (h *apiHandlers) designationUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req designationChangeRequest) (api.Answer, error) {
		if err := h.s.UpdateDesignation(ctx, id, DesignationChange(req)); err != nil {
			return api.Answer{}, api.Relabel(err, "designation_id", "id")
		}
		d, err := h.s.Designation(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: d}, err
	})
}

// designationEndRequest is POST /api/v1/designations/{id}/end.
type designationEndRequest struct {
	On        string `json:"on"`
	EndReason string `json:"end_reason"`
}

func (q designationEndRequest) DateOn() string { return q.On }

// designationEnd serves POST /api/v1/designations/{id}/end: revoked or
// expired on "on".
func (h *apiHandlers) designationEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req designationEndRequest) (api.Answer, error) {
		if err := h.s.EndDesignation(ctx, id, on, req.EndReason); err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "designation_id", "id"), "to_on", "on")
		}
		d, err := h.s.Designation(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: d}, err
	})
}
