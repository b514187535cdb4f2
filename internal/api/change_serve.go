package api

import (
	"context"
	"net/http"

	"dangjian/internal/date"
)

// changeRequest is a change endpoint's body: each carries the date the
// change happened as text in "on". It is a method rather than an embedded
// struct because encoding/json would then name a bad date "change.on".
type changeRequest interface{ dateOn() string }

// answer is a change endpoint's response: its status, the Location of the
// record it created ("" for none) and its body.
type answer struct {
	status   int
	location string
	body     any
}

// noID is the subject of a creation, which has no {id} in its path.
func noID(*http.Request) (int64, error) { return 0, nil }

// serveChange is the one path of every change endpoint: read the subject's
// id (pathID, or noID), decode the body into R and parse its date; then
// apply calls the domain and says what to answer. The first failure is
// answered with h.fail.
func serveChange[R changeRequest](h *Handler, w http.ResponseWriter, r *http.Request,
	subject func(*http.Request) (int64, error),
	apply func(ctx context.Context, id int64, on date.Date, req R) (answer, error),
) {
	var req R
	id, err := subject(r)
	if err == nil {
		err = decodeBody(w, r, &req)
	}
	var on date.Date
	if err == nil {
		on, err = parseDate("on", req.dateOn())
	}
	var ans answer
	if err == nil {
		ans, err = apply(r.Context(), id, on, req)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if ans.location != "" {
		w.Header().Set("Location", ans.location)
	}
	h.writeJSON(w, r, ans.status, ans.body)
}
