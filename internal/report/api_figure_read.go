package report

import (
	"dangjian/internal/api"
	"net/http"
	"strconv"

	"dangjian/internal/fault"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// figuresJSON is the answer of GET /api/v1/figures; it has the shape of
// `dangjian figures --format json` (cli.FiguresJSON).
type figuresJSON struct {
	Scope   figures.Scope   `json:"scope"`
	From    string          `json:"from"`
	To      string          `json:"to"`
	Figures []figures.Value `json:"figures"`
}

// figureJSON is one figure with the records behind its value.
type figureJSON struct {
	Scope   figures.Scope    `json:"scope"`
	From    string           `json:"from"`
	To      string           `json:"to"`
	Figure  figures.Value    `json:"figure"`
	Records []figures.Record `json:"records"`
	// Truncated: there are more records than the limit let through.
	Truncated bool `json:"truncated"`
}

// figureList serves GET /api/v1/figures?area=&from=&to=: every registered
// figure for the scope and period, in speech order.
func (h *apiHandlers) figureList(w http.ResponseWriter, r *http.Request) {
	s, err := h.scope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	vals, err := figures.ComputeAll(r.Context(), h.DB.Reader(), s, api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, figuresJSON{Scope: s, From: s.From.String(), To: s.To.String(), Figures: vals})
}

// figureGet serves GET /api/v1/figures/{key}?area=&from=&to=: one figure's
// value and its records.
func (h *apiHandlers) figureGet(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	f := figures.Get(key)
	if f == nil {
		h.Fail(w, r, &i18n.Error{Field: "key", Key: "err.figure_unknown", Args: []any{key}, Err: fault.NotFound})
		return
	}
	s, err := h.scope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	ctx, q, l := r.Context(), h.DB.Reader(), api.Lang(r)
	v, err := f.Compute(ctx, q, s)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	limit, err := recordLimit(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	recs, more, err := f.RecordsUpTo(ctx, q, s, limit)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if recs == nil {
		recs = []figures.Record{}
	}
	h.WriteJSON(w, r, http.StatusOK, figureJSON{
		Scope: s, From: s.From.String(), To: s.To.String(),
		Figure:    figures.Value{Key: f.Key, Label: f.Label(l), Value: v, Unit: f.Unit(l)},
		Records:   recs,
		Truncated: more,
	})
}

// Records of one figure per response: 1,000 unless ?limit= says otherwise,
// at most 100,000 (a city's members are two million).
const (
	defaultRecordLimit = 1_000
	maxRecordLimit     = 100_000
)

// recordLimit reads ?limit=.
func recordLimit(r *http.Request) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return defaultRecordLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxRecordLimit {
		return 0, i18n.Errf("limit", "err.api_limit", maxRecordLimit, v)
	}
	return n, nil
}

// scope reads area, from and to from the query, as the command line does.
func (h *apiHandlers) scope(r *http.Request) (figures.Scope, error) {
	q := r.URL.Query()
	s, err := ResolveScope(r.Context(), h.Areas, q.Get("area"), q.Get("from"), q.Get("to"))
	return s, api.Relabel(err, "area_id", "area")
}
