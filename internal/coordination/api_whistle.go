package coordination

import (
	"context"
	"net/http"
	"time"

	"dangjian/internal/api"
)

// partyJSON is a summoned party: its deadline, when it reported in, its
// score, whether it is late and the minutes left to report in.
type partyJSON struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Deadline    time.Time `json:"deadline"`
	ReportedAt  time.Time `json:"reported_at,omitzero"`
	Score       int       `json:"score,omitempty"`
	Late        bool      `json:"late"`
	MinutesLeft int       `json:"minutes_left"`
}

// whistleJSON is a whistle with its parties and the actions it became.
type whistleJSON struct {
	ID         int64       `json:"id"`
	AreaID     int64       `json:"area_id"`
	AreaName   string      `json:"area_name"`
	Subject    string      `json:"subject"`
	RaisedAt   time.Time   `json:"raised_at"`
	ResolvedOn string      `json:"resolved_on,omitempty"`
	Parties    []partyJSON `json:"parties"`
	Actions    []Action    `json:"actions,omitempty"`
}

func whistleOut(w WhistleRow, resolved string, actions []Action) whistleJSON {
	out := whistleJSON{ID: w.ID, AreaID: w.AreaID, AreaName: w.AreaName, Subject: w.Subject, RaisedAt: w.RaisedAt, ResolvedOn: resolved,
		Parties: []partyJSON{}, Actions: actions}
	for _, p := range w.Parties {
		out.Parties = append(out.Parties, partyJSON{ID: p.ID, Name: p.Name, Deadline: p.Deadline, ReportedAt: p.ReportedAt, Score: p.Score,
			Late: p.Late, MinutesLeft: int(p.Left / time.Minute)})
	}
	return out
}

type whistleListJSON struct {
	Whistles []whistleJSON `json:"whistles"`
}

// whistleList serves GET /api/v1/whistles: the unresolved whistles of the
// scope, newest first, each party with the minutes left; late ones marked.
func (h *apiHandlers) whistleList(w http.ResponseWriter, r *http.Request) {
	rows, err := h.s.OpenWhistles(r.Context(), h.s.Now())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out := whistleListJSON{Whistles: []whistleJSON{}}
	for _, x := range rows {
		out.Whistles = append(out.Whistles, whistleOut(x, "", nil))
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// whistleAnswer answers with whistle id as it is now.
func (h *apiHandlers) whistleAnswer(ctx context.Context, status int, id int64) (api.Answer, error) {
	v, err := h.s.Whistle(ctx, id, h.s.Now())
	if err != nil {
		return api.Answer{}, err
	}
	resolved := ""
	if !v.ResolvedOn.IsZero() {
		resolved = v.ResolvedOn.String()
	}
	a := api.Answer{Status: status, Body: whistleOut(v.WhistleRow, resolved, nonNil(v.Actions))}
	if status == http.StatusCreated {
		a.Location = "/api/v1/whistles/" + itoa(id)
	}
	return a, nil
}

// whistleGet serves GET /api/v1/whistles/{id}.
func (h *apiHandlers) whistleGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var a api.Answer
	if err == nil {
		a, err = h.whistleAnswer(r.Context(), http.StatusOK, id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, a.Status, a.Body)
}

// whistleRequest is POST /api/v1/whistles: a community or subdistrict
// raises an issue and summons parties (a unit or a department each, with
// the hours it has to report in).
type whistleRequest struct {
	AreaID   int64        `json:"area_id"`
	Subject  string       `json:"subject"`
	RaisedAt string       `json:"raised_at"`
	Parties  []PartyInput `json:"parties"`
}

// whistleRaise serves POST /api/v1/whistles (201, Location of the whistle).
func (h *apiHandlers) whistleRaise(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.NoID, func(ctx context.Context, _ int64, req whistleRequest) (api.Answer, error) {
		if err := h.areaInScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		var p parse
		in := WhistleInput{AreaID: req.AreaID, Subject: req.Subject, RaisedAt: p.moment("raised_at", req.RaisedAt), Parties: req.Parties}
		if p.err != nil {
			return api.Answer{}, p.err
		}
		id, err := h.s.RaiseWhistle(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.whistleAnswer(ctx, http.StatusCreated, id)
	})
}

// whistleActionRequest is POST /api/v1/whistles/{id}/actions.
type whistleActionRequest struct {
	actionRequest
	On string `json:"on"`
}

// whistleAction serves POST /api/v1/whistles/{id}/actions: the issue
// becomes an action agreed on "on".
func (h *apiHandlers) whistleAction(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req whistleActionRequest) (api.Answer, error) {
		var p parse
		on, in := p.date("on", req.On), req.input(&p, "")
		if p.err != nil {
			return api.Answer{}, p.err
		}
		if _, err := h.s.WhistleAction(ctx, id, on, in); err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.whistleAnswer(ctx, http.StatusCreated, id)
	})
}

// resolveRequest is POST /api/v1/whistles/{id}/resolve.
type resolveRequest struct {
	On string `json:"on"`
}

// whistleResolve serves POST /api/v1/whistles/{id}/resolve.
func (h *apiHandlers) whistleResolve(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req resolveRequest) (api.Answer, error) {
		var p parse
		on := p.date("on", req.On)
		if p.err != nil {
			return api.Answer{}, p.err
		}
		if err := h.s.ResolveWhistle(ctx, id, on); err != nil {
			return api.Answer{}, err
		}
		return h.whistleAnswer(ctx, http.StatusOK, id)
	})
}

// reportInRequest is POST /api/v1/whistle-parties/{id}/report-in.
type reportInRequest struct {
	ReportedAt string `json:"reported_at"`
}

// partyReportIn serves POST /api/v1/whistle-parties/{id}/report-in: when
// the party reported in (late when after its deadline).
func (h *apiHandlers) partyReportIn(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req reportInRequest) (api.Answer, error) {
		var p parse
		at := p.moment("reported_at", req.ReportedAt)
		if p.err != nil {
			return api.Answer{}, p.err
		}
		if err := h.s.ReportIn(ctx, id, at); err != nil {
			return api.Answer{}, err
		}
		return h.partyWhistle(ctx, id)
	})
}

// scoreRequest is POST /api/v1/whistle-parties/{id}/score: 1–5.
type scoreRequest struct {
	Score int `json:"score"`
}

// partyScore serves POST /api/v1/whistle-parties/{id}/score: the raising
// area's score of the party.
func (h *apiHandlers) partyScore(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req scoreRequest) (api.Answer, error) {
		if err := h.s.Score(ctx, id, req.Score); err != nil {
			return api.Answer{}, err
		}
		return h.partyWhistle(ctx, id)
	})
}

// partyWhistle answers with the whistle of summoned party id.
func (h *apiHandlers) partyWhistle(ctx context.Context, id int64) (api.Answer, error) {
	wid, _, _, err := h.s.whistleOf(ctx, h.s.DB.Reader(), id)
	if err != nil {
		return api.Answer{}, err
	}
	return h.whistleAnswer(ctx, http.StatusOK, wid)
}
