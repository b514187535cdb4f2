package coordination

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/api"
	"dangjian/internal/date"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// serve is the one path of part two's change endpoints: read the subject's
// id, decode the body into R, then apply calls the store and says what to
// answer. The first failure is answered with h.Fail. (api.ServeChange
// names every date "on"; part two's bodies carry dates of their own names.)
func serve[R any](h *apiHandlers, w http.ResponseWriter, r *http.Request,
	subject func(*http.Request) (int64, error),
	apply func(ctx context.Context, id int64, req R) (api.Answer, error),
) {
	var req R
	id, err := subject(r)
	if err == nil {
		err = api.DecodeBody(w, r, &req)
	}
	var ans api.Answer
	if err == nil {
		ans, err = apply(r.Context(), id, req)
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

// parse reads the text fields of a request, keeping the first refusal.
type parse struct{ err error }

// date reads a YYYY-MM-DD field (empty: the zero date, which the store
// refuses where one is required).
func (p *parse) date(field, s string) date.Date {
	if p.err != nil {
		return date.Date{}
	}
	d, err := api.ParseDate(field, s)
	p.err = err
	return d
}

// moment reads an RFC 3339 time field.
func (p *parse) moment(field, s string) time.Time {
	if p.err != nil || s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		p.err = i18n.Errf(field, "err.coord_time_invalid", s)
	}
	return t
}

// queryID reads an optional positive id of the query (0 when absent).
func queryID(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, i18n.Errf(name, "err.id_invalid", v)
	}
	return id, nil
}

// queryArea is the ?area= of a list (an id or a name), 0 when absent (the
// caller's scope).
func (h *apiHandlers) queryArea(r *http.Request) (int64, error) {
	v := strings.TrimSpace(r.URL.Query().Get("area"))
	if v == "" {
		return 0, nil
	}
	a, err := h.s.Areas.Find(r.Context(), v)
	return a.ID, api.Relabel(err, "area_id", "area")
}

// areaInScope refuses an area outside the caller's subtree named by a
// body field, before the store validates anything else, so that an
// outsider learns nothing from the other refusals.
func (h *apiHandlers) areaInScope(ctx context.Context, field string, areaID int64) error {
	if _, err := h.s.Areas.Get(ctx, areaID); errors.Is(err, fault.OutOfScope) {
		return api.Relabel(err, "area_id", field)
	}
	return nil
}

// pathInt reads a positive integer path value.
func pathInt(r *http.Request, name string) (int64, error) {
	s := r.PathValue(name)
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, i18n.Errf(name, "err.id_invalid", s)
	}
	return id, nil
}

// itoa is strconv.FormatInt in base 10.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// nonNil turns a nil list into an empty one, so that JSON shows [].
func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
