package premises

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// lacksJSON is the communities of a scope lacking something on a day.
type lacksJSON struct {
	Area        area.Area        `json:"area"`
	On          date.Date        `json:"on"`
	Communities []CommunityLacks `json:"communities"`
}

// belowStandardJSON is the communities of a scope below the standard in
// force on a day.
type belowStandardJSON struct {
	Area        area.Area   `json:"area"`
	On          date.Date   `json:"on"`
	Communities []Shortfall `json:"communities"`
}

// scope reads ?area= (an id or a name, as the figures take it) into the
// area asked for: the root of the caller's scope when absent.
func (h *apiHandlers) scope(r *http.Request) (area.Area, error) {
	v := strings.TrimSpace(r.URL.Query().Get("area"))
	var a area.Area
	var err error
	if v == "" {
		a, err = h.s.scopeArea(r.Context(), 0)
	} else {
		a, err = h.s.Areas.Find(r.Context(), v)
	}
	return a, api.Relabel(err, "area_id", "area")
}

// scopeOn reads ?area= and ?on= (today when absent).
func (h *apiHandlers) scopeOn(r *http.Request) (area.Area, date.Date, error) {
	on, err := api.ParseDate("on", r.URL.Query().Get("on"))
	if err != nil {
		return area.Area{}, on, err
	}
	if on.IsZero() {
		on = h.s.Today()
	}
	a, err := h.scope(r)
	return a, on, err
}

// threeLacksGet serves GET /api/v1/three-lacks?area=&from=&to=: the
// three-lacks committees of the scope at the period's start and end, and
// those given office premises in it (the current year by default).
func (h *apiHandlers) threeLacksGet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, to := date.YearBounds(h.s.Today().Year())
	var err error
	if v := q.Get("from"); v != "" {
		from, err = api.ParseDate("from", v)
	}
	if v := q.Get("to"); err == nil && v != "" {
		to, err = api.ParseDate("to", v)
	}
	if err == nil && to.Before(from) {
		err = i18n.Errf("to", "err.period_inverted", from.String(), to.String())
	}
	var a area.Area
	if err == nil {
		a, err = h.scope(r)
	}
	var rep ThreeLacksReport
	if err == nil {
		rep, err = h.s.ThreeLacks(r.Context(), a.ID, from, to)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	rep.AtStart, rep.AtEnd, rep.Solved = nonNil(rep.AtStart), nonNil(rep.AtEnd), nonNil(rep.Solved)
	h.WriteJSON(w, r, http.StatusOK, rep)
}

// lacksList serves GET /api/v1/three-lacks/communities?area=&on=&all=:
// the three-lacks committees of the scope on a day, or with all=true every
// community lacking at least one of the three, by name.
func (h *apiHandlers) lacksList(w http.ResponseWriter, r *http.Request) {
	all := false
	var err error
	if v := r.URL.Query().Get("all"); v != "" {
		if all, err = strconv.ParseBool(v); err != nil {
			err = i18n.Errf("all", "err.premises_bool_invalid", v)
		}
	}
	var a area.Area
	var on date.Date
	if err == nil {
		a, on, err = h.scopeOn(r)
	}
	var rows []CommunityLacks
	if err == nil {
		rows, err = h.s.Lacks(r.Context(), a.ID, on, !all)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, lacksJSON{Area: a, On: on, Communities: nonNil(rows)})
}

// belowStandardList serves GET /api/v1/premises/below-standard?area=&on=:
// the communities of the scope whose floor area is below the standard in
// force that day, largest shortfall first.
func (h *apiHandlers) belowStandardList(w http.ResponseWriter, r *http.Request) {
	a, on, err := h.scopeOn(r)
	var rows []Shortfall
	if err == nil {
		rows, err = h.s.BelowStandard(r.Context(), a.ID, on)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, belowStandardJSON{Area: a, On: on, Communities: nonNil(rows)})
}
