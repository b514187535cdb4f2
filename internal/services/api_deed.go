package services

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

type deedsJSON struct {
	Deeds  []Deed      `json:"good_deeds"`
	Counts []KindCount `json:"counts"`
	Next   string      `json:"next"`
}

// deedList serves GET /api/v1/good-deeds: the good deeds of areas of the
// scope (or of ?area=) by id, of ?kind=, done from ?from= to ?to=; counts
// by kind.
func (h *apiHandlers) deedList(w http.ResponseWriter, r *http.Request) {
	l, err := readList(r, strs(DeedKinds))
	f := DeedFilter{AreaID: l.AreaID, Kind: DeedKind(l.Kind), From: l.From, To: l.To, After: l.After, Limit: 50}
	out := deedsJSON{}
	if err == nil {
		out.Deeds, err = h.s.ListDeeds(r.Context(), f)
	}
	if err == nil {
		out.Counts, err = h.s.CountDeeds(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	if n := len(out.Deeds); n > 0 {
		out.Next = next(n, out.Deeds[n-1].ID)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// deedRequest is POST /api/v1/good-deeds: a good deed done on "on".
type deedRequest struct {
	AreaID        int64    `json:"area_id"`
	Kind          DeedKind `json:"kind"`
	Title         string   `json:"title"`
	Beneficiaries int64    `json:"beneficiaries"`
	DoneBy        string   `json:"done_by"`
	On            string   `json:"on"`
	Note          string   `json:"note"`
}

func (q deedRequest) DateOn() string { return q.On }

// deedCreate serves POST /api/v1/good-deeds (201).
func (h *apiHandlers) deedCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req deedRequest) (api.Answer, error) {
		id, err := h.s.CreateDeed(ctx, DeedInput{AreaID: req.AreaID, Kind: req.Kind, Title: req.Title, Beneficiaries: req.Beneficiaries, DoneBy: req.DoneBy, DoneOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "done_on", "on")
		}
		g, err := h.s.Deed(ctx, id)
		return created("/api/v1/good-deeds", id, g), err
	})
}

// deedChangeRequest is POST /api/v1/good-deeds/{id}.
type deedChangeRequest struct {
	Kind          DeedKind `json:"kind"`
	Title         string   `json:"title"`
	Beneficiaries int64    `json:"beneficiaries"`
	DoneBy        string   `json:"done_by"`
	Note          string   `json:"note"`
}

func (q deedChangeRequest) DateOn() string { return "" }

// deedUpdate serves POST /api/v1/good-deeds/{id}.
func (h *apiHandlers) deedUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req deedChangeRequest) (api.Answer, error) {
		if err := h.s.UpdateDeed(ctx, id, DeedChange(req)); err != nil {
			return api.Answer{}, api.Relabel(err, "deed_id", "id")
		}
		g, err := h.s.Deed(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: g}, err
	})
}
