package coordination

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
)

// actionListJSON is a page of actions; next is the after= of the next page
// (0 on the last).
type actionListJSON struct {
	Actions []Action `json:"actions"`
	Next    int64    `json:"next,omitempty"`
}

// actionFilter reads the action list's query: due=overdue|soon,
// conference=, area= (a subdistrict or any area, id or name), owner= (a
// unit), owner_name= (a department), on=, soon_days=, after=, limit= (1–500, 50 when absent).
func (h *apiHandlers) actionFilter(r *http.Request) (ActionFilter, error) {
	q := r.URL.Query()
	f := ActionFilter{Due: q.Get("due"), OwnerName: q.Get("owner_name"), Limit: 50}
	var err error
	if f.AreaID, err = h.queryArea(r); err != nil {
		return f, err
	}
	for name, dst := range map[string]*int64{"conference": &f.ConferenceID, "owner": &f.OwnerUnitID, "after": &f.After} {
		if *dst, err = queryID(r, name); err != nil {
			return f, err
		}
	}
	var p parse
	f.On = p.date("on", q.Get("on"))
	if p.err != nil {
		return f, p.err
	}
	for name, dst := range map[string]*int{"limit": &f.Limit, "soon_days": &f.SoonDays} {
		if v := strings.TrimSpace(q.Get(name)); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 500 {
				return f, i18n.Errf(name, "err.coord_query_range", v)
			}
			*dst = n
		}
	}
	return f, nil
}

// actionList serves GET /api/v1/actions: the open actions of the scope, a
// conference, an area or an owner unit, overdue or due soon, a page at a
// time in due order.
func (h *apiHandlers) actionList(w http.ResponseWriter, r *http.Request) {
	f, err := h.actionFilter(r)
	var rows []Action
	if err == nil {
		rows, err = h.s.ListActions(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(api.Relabel(err, "area_id", "area"), "conference_id", "conference"))
		return
	}
	out := actionListJSON{Actions: nonNil(rows)}
	if len(rows) == f.Limit {
		out.Next = rows[len(rows)-1].ID
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// detail answers with the action id as it is now.
func (h *apiHandlers) detail(ctx context.Context, status, id int64) (api.Answer, error) {
	v, err := h.s.ActionDetail(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	v.Parts, v.Timeline = nonNil(v.Parts), nonNil(v.Timeline)
	a := api.Answer{Status: int(status), Body: v}
	if status == http.StatusCreated {
		a.Location = "/api/v1/actions/" + itoa(id)
	}
	return a, nil
}

// actionGet serves GET /api/v1/actions/{id}: the action, where it comes
// from, its parts and its timeline.
func (h *apiHandlers) actionGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var a api.Answer
	if err == nil {
		a, err = h.detail(r.Context(), http.StatusOK, id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, a.Status, a.Body)
}

// progressRequest is a dated progress update: progress 0–100, a status,
// a note (needed when progress goes back) and, when done, the result.
type progressRequest struct {
	On       string       `json:"on"`
	Progress int          `json:"progress"`
	Status   ActionStatus `json:"status"`
	Note     string       `json:"note"`
	Result   string       `json:"result"`
}

func (q progressRequest) input(id int64) (UpdateInput, error) {
	var p parse
	in := UpdateInput{ActionID: id, On: p.date("on", q.On), Progress: q.Progress, Status: q.Status, Note: q.Note, Result: q.Result}
	return in, p.err
}

// actionProgress serves POST /api/v1/actions/{id}/progress: an entry of
// the action's timeline; a done action is at 100 %.
func (h *apiHandlers) actionProgress(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req progressRequest) (api.Answer, error) {
		in, err := req.input(id)
		if err == nil {
			err = h.s.UpdateAction(ctx, in)
		}
		if err != nil {
			return api.Answer{}, err
		}
		return h.detail(ctx, http.StatusOK, id)
	})
}

// partRequest is POST /api/v1/actions/{id}/parts: a sub-action agreed on
// "on", due not after its parent.
type partRequest struct {
	actionRequest
	On string `json:"on"`
}

// actionPart serves POST /api/v1/actions/{id}/parts: the action broken
// down; its progress follows the mean of its parts'.
func (h *apiHandlers) actionPart(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req partRequest) (api.Answer, error) {
		var p parse
		in := SubActionInput{ParentID: id, On: p.date("on", req.On), Action: req.input(&p, "")}
		if p.err != nil {
			return api.Answer{}, p.err
		}
		part, err := h.s.AddSubAction(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.detail(ctx, http.StatusCreated, part)
	})
}

// unitActionList serves GET /api/v1/units/{id}/actions: the actions the
// unit owns, open ones first. A unit liaison reads their own unit's.
func (h *apiHandlers) unitActionList(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var rows []Action
	if err == nil {
		rows, err = h.s.UnitActions(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, actionListJSON{Actions: nonNil(rows)})
}

// unitActionProgress serves POST /api/v1/units/{id}/actions/{action}/progress:
// a progress update of an action the unit owns; one it does not own is
// refused. A unit liaison updates their own unit's.
func (h *apiHandlers) unitActionProgress(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, unit int64, req progressRequest) (api.Answer, error) {
		id, err := pathInt(r, "action")
		if err != nil {
			return api.Answer{}, err
		}
		in, err := req.input(id)
		if err == nil {
			err = h.s.UpdateUnitAction(ctx, unit, in)
		}
		if err != nil {
			return api.Answer{}, err
		}
		return h.detail(ctx, http.StatusOK, id)
	})
}
