package services

import (
	"context"
	"net/http"
	"time"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// receiveRequest is POST /api/v1/petitions: a resident's request that
// opens a new case received by area_id.
type receiveRequest struct {
	AreaID      int64           `json:"area_id"`
	Title       string          `json:"title"`
	Type        PetitionType    `json:"type"`
	Collective  bool            `json:"collective"`
	Headcount   int             `json:"headcount"`
	Note        string          `json:"note"`
	ReceivedAt  string          `json:"received_at"`
	Channel     PetitionChannel `json:"channel"`
	CallerName  string          `json:"caller_name"`
	CallerPhone string          `json:"caller_phone"`
	Content     string          `json:"content"`
}

// requestRequest is POST /api/v1/petitions/{id}/requests: one more
// resident's request about an open case.
type requestRequest struct {
	ReceivedAt  string          `json:"received_at"`
	Channel     PetitionChannel `json:"channel"`
	CallerName  string          `json:"caller_name"`
	CallerPhone string          `json:"caller_phone"`
	Content     string          `json:"content"`
}

// dispatchRequest sends a case to a department or a unit at a time.
type dispatchRequest struct {
	At         string `json:"at"`
	Department string `json:"department"`
	UnitID     int64  `json:"unit_id"`
}

// momentRequest is a step taken at a time (accept).
type momentRequest struct {
	At string `json:"at"`
}

// replyRequest is the answer given to the resident at a time.
type replyRequest struct {
	At    string `json:"at"`
	Reply string `json:"reply"`
}

// dayRequest is a step taken on a day (resolve, verify).
type dayRequest struct {
	On string `json:"on"`
}

func (q dayRequest) DateOn() string { return q.On }

// callbackRequest is the resident's satisfaction asked on a day.
type callbackRequest struct {
	On           string       `json:"on"`
	Satisfaction Satisfaction `json:"satisfaction"`
}

func (q callbackRequest) DateOn() string { return q.On }

// receive serves POST /api/v1/petitions (201, the case; Location: it).
func (a *petitionAPI) receive(w http.ResponseWriter, r *http.Request) {
	var req receiveRequest
	err := api.DecodeBody(w, r, &req)
	var at time.Time
	if err == nil {
		at, err = ParsePetitionTime("received_at", req.ReceivedAt)
	}
	var id int64
	if err == nil {
		id, err = a.s.Receive(r.Context(), PetitionReceipt{AreaID: req.AreaID, Title: req.Title, Type: req.Type, Collective: req.Collective, Headcount: req.Headcount,
			Note: req.Note, ReceivedAt: at, Channel: req.Channel, CallerName: req.CallerName, CallerPhone: req.CallerPhone, Content: req.Content})
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.answer(w, r, http.StatusCreated, id)
}

// attach serves POST /api/v1/petitions/{id}/requests (201, the case).
func (a *petitionAPI) attach(w http.ResponseWriter, r *http.Request) {
	var req requestRequest
	id, err := api.PathID(r)
	if err == nil {
		err = api.DecodeBody(w, r, &req)
	}
	var at time.Time
	if err == nil {
		at, err = ParsePetitionTime("received_at", req.ReceivedAt)
	}
	if err == nil {
		_, err = a.s.Receive(r.Context(), PetitionReceipt{CaseID: id, ReceivedAt: at, Channel: req.Channel, CallerName: req.CallerName, CallerPhone: req.CallerPhone, Content: req.Content})
	}
	if err != nil {
		a.Fail(w, r, api.Relabel(err, "case_id", "id"))
		return
	}
	a.answer(w, r, http.StatusCreated, id)
}

// timed serves a step taken at a time: decode the body into req, read its
// time and apply the step.
func timed[R any](a *petitionAPI, w http.ResponseWriter, r *http.Request, at func(R) string, apply func(ctx context.Context, id int64, at time.Time, req R) error) {
	var req R
	id, err := api.PathID(r)
	if err == nil {
		err = api.DecodeBody(w, r, &req)
	}
	var t time.Time
	if err == nil {
		t, err = ParsePetitionTime("at", at(req))
	}
	if err == nil {
		err = apply(r.Context(), id, t, req)
	}
	if err != nil {
		a.Fail(w, r, api.Relabel(err, "case_id", "id"))
		return
	}
	a.answer(w, r, http.StatusOK, id)
}

// dispatch serves POST /api/v1/petitions/{id}/dispatch.
func (a *petitionAPI) dispatch(w http.ResponseWriter, r *http.Request) {
	timed(a, w, r, func(q dispatchRequest) string { return q.At }, func(ctx context.Context, id int64, at time.Time, q dispatchRequest) error {
		return a.s.Dispatch(ctx, id, PetitionStep{At: at, Department: q.Department, UnitID: q.UnitID})
	})
}

// accept serves POST /api/v1/petitions/{id}/accept.
func (a *petitionAPI) accept(w http.ResponseWriter, r *http.Request) {
	timed(a, w, r, func(q momentRequest) string { return q.At }, func(ctx context.Context, id int64, at time.Time, _ momentRequest) error {
		return a.s.Accept(ctx, id, at)
	})
}

// reply serves POST /api/v1/petitions/{id}/reply.
func (a *petitionAPI) reply(w http.ResponseWriter, r *http.Request) {
	timed(a, w, r, func(q replyRequest) string { return q.At }, func(ctx context.Context, id int64, at time.Time, q replyRequest) error {
		return a.s.Reply(ctx, id, at, q.Reply)
	})
}

// dated serves a step taken on a day.
func dated[R api.ChangeRequest](a *petitionAPI, w http.ResponseWriter, r *http.Request, apply func(ctx context.Context, id int64, on date.Date, req R) error) {
	api.ServeChange(a.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req R) (api.Answer, error) {
		if err := apply(ctx, id, on, req); err != nil {
			return api.Answer{}, api.Relabel(err, "case_id", "id")
		}
		p, err := a.s.Petition(ctx, id)
		return api.Answer{Status: http.StatusOK, Body: petitionOut(p, a.s.Now())}, err
	})
}

// resolve serves POST /api/v1/petitions/{id}/resolve.
func (a *petitionAPI) resolve(w http.ResponseWriter, r *http.Request) {
	dated(a, w, r, func(ctx context.Context, id int64, on date.Date, _ dayRequest) error { return a.s.Resolve(ctx, id, on) })
}

// verify serves POST /api/v1/petitions/{id}/verify.
func (a *petitionAPI) verify(w http.ResponseWriter, r *http.Request) {
	dated(a, w, r, func(ctx context.Context, id int64, on date.Date, _ dayRequest) error { return a.s.Verify(ctx, id, on) })
}

// callback serves POST /api/v1/petitions/{id}/callback.
func (a *petitionAPI) callback(w http.ResponseWriter, r *http.Request) {
	dated(a, w, r, func(ctx context.Context, id int64, on date.Date, q callbackRequest) error {
		return a.s.CallBack(ctx, id, on, q.Satisfaction)
	})
}
