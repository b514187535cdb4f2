package api

import (
	"context"
	"net/http"

	"dangjian/internal/date"
)

// ChangeRequest is a change endpoint's body: each carries the date the
// change happened as text in "on". It is a method rather than an embedded
// struct because encoding/json would then name a bad date "change.on".
type ChangeRequest interface{ DateOn() string }

// Answer is a change endpoint's response: its status, the Location of the
// record it created ("" for none) and its body.
type Answer struct {
	Status   int
	Location string
	Body     any
}

// NoID is the subject of a creation, which has no {id} in its path.
func NoID(*http.Request) (int64, error) { return 0, nil }

// ServeChange is the one path of every change endpoint: read the subject's
// id (pathID, or noID), decode the body into R and parse its date; then
// apply calls the domain and says what to answer. The first failure is
// answered with h.fail.
func ServeChange[R ChangeRequest](h *Handler, w http.ResponseWriter, r *http.Request,
	subject func(*http.Request) (int64, error),
	apply func(ctx context.Context, id int64, on date.Date, req R) (Answer, error),
) {
	var req R
	id, err := subject(r)
	if err == nil {
		err = DecodeBody(w, r, &req)
	}
	var on date.Date
	if err == nil {
		on, err = ParseDate("on", req.DateOn())
	}
	var ans Answer
	if err == nil {
		ans, err = apply(r.Context(), id, on, req)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if ans.Location != "" {
		w.Header().Set("Location", ans.Location)
	}
	h.WriteJSON(w, r, ans.Status, ans.Body)
}
