package services

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

type recordsJSON struct {
	Records []Record    `json:"records"`
	Totals  []KindCount `json:"totals"`
	Next    string      `json:"next"`
}

// recordList serves GET /api/v1/service-records: the records of the scope
// (or of ?area=) by id, of ?kind=, dated from ?from= to ?to=; the
// person-times by kind of all of them.
func (h *apiHandlers) recordList(w http.ResponseWriter, r *http.Request) {
	l, err := readList(r, strs(ServiceKinds))
	f := RecordFilter{AreaID: l.AreaID, Kind: ServiceKind(l.Kind), From: l.From, To: l.To, After: l.After, Limit: 50}
	out := recordsJSON{}
	if err == nil {
		out.Records, err = h.s.ListRecords(r.Context(), f)
	}
	if err == nil {
		out.Totals, err = h.s.SumRecords(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	if n := len(out.Records); n > 0 {
		out.Next = next(n, out.Records[n-1].ID)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// recordRequest is POST /api/v1/service-records: the services of an outlet
// or an area on the day "on", or in its month (span "month").
type recordRequest struct {
	OutletID       int64       `json:"outlet_id"`
	AreaID         int64       `json:"area_id"`
	Kind           ServiceKind `json:"kind"`
	Span           Span        `json:"span"`
	On             string      `json:"on"`
	PersonTimes    int64       `json:"person_times"`
	VolunteerHours int64       `json:"volunteer_hours"`
	Note           string      `json:"note"`
}

func (q recordRequest) DateOn() string { return q.On }

// recordCreate serves POST /api/v1/service-records (201).
func (h *apiHandlers) recordCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req recordRequest) (api.Answer, error) {
		id, err := h.s.CreateRecord(ctx, RecordInput{OutletID: req.OutletID, AreaID: req.AreaID, Kind: req.Kind, Span: req.Span, On: on,
			PersonTimes: req.PersonTimes, VolunteerHours: req.VolunteerHours, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "on_date", "on")
		}
		rec, err := h.s.ServiceRecord(ctx, id)
		return created("/api/v1/service-records", id, rec), err
	})
}

// recordChangeRequest is POST /api/v1/service-records/{id}.
type recordChangeRequest struct {
	PersonTimes    int64  `json:"person_times"`
	VolunteerHours int64  `json:"volunteer_hours"`
	Note           string `json:"note"`
}

func (q recordChangeRequest) DateOn() string { return "" }

// recordUpdate serves POST /api/v1/service-records/{id}: a correction.
func (h *apiHandlers) recordUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req recordChangeRequest) (api.Answer, error) {
		if err := h.s.UpdateRecord(ctx, id, RecordChange(req)); err != nil {
			return api.Answer{}, api.Relabel(err, "record_id", "id")
		}
		rec, err := h.s.ServiceRecord(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: rec}, err
	})
}
