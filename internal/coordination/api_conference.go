package coordination

import (
	"context"
	"net/http"

	"dangjian/internal/api"
)

// conferenceListJSON is the conferences of an area.
type conferenceListJSON struct {
	Conferences []ConferenceRow `json:"conferences"`
}

// conferenceList serves GET /api/v1/conferences?area=: the conferences
// placed in the area's subtree (the caller's scope when absent), active
// ones first, by name.
func (h *apiHandlers) conferenceList(w http.ResponseWriter, r *http.Request) {
	areaID, err := h.queryArea(r)
	var rows []ConferenceRow
	if err == nil {
		rows, err = h.s.ConferencesUnder(r.Context(), areaID)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, conferenceListJSON{nonNil(rows)})
}

// view reads the conference of the path.
func (h *apiHandlers) view(w http.ResponseWriter, r *http.Request) (ConferenceView, bool) {
	id, err := api.PathID(r)
	var v ConferenceView
	if err == nil {
		v, err = h.s.View(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return v, false
	}
	v.Members, v.Sessions, v.Open, v.Campaigns = nonNil(v.Members), nonNil(v.Sessions), nonNil(v.Open), nonNil(v.Campaigns)
	for i := range v.Sessions {
		v.Sessions[i].Tags = nonNil(v.Sessions[i].Tags)
	}
	return v, true
}

// conferenceGet serves GET /api/v1/conferences/{id}: the conference with
// its members, sessions, open actions and campaigns.
func (h *apiHandlers) conferenceGet(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.view(w, r); ok {
		h.WriteJSON(w, r, http.StatusOK, v)
	}
}

type memberListJSON struct {
	Members []MemberRow `json:"members"`
}

// conferenceMembers serves GET /api/v1/conferences/{id}/members: the
// units that sit or sat in it, current ones first.
func (h *apiHandlers) conferenceMembers(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.view(w, r); ok {
		h.WriteJSON(w, r, http.StatusOK, memberListJSON{v.Members})
	}
}

type sessionListJSON struct {
	Sessions []SessionRow `json:"sessions"`
}

// conferenceSessions serves GET /api/v1/conferences/{id}/sessions, latest
// first.
func (h *apiHandlers) conferenceSessions(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.view(w, r); ok {
		h.WriteJSON(w, r, http.StatusOK, sessionListJSON{v.Sessions})
	}
}

// conferenceActions serves GET /api/v1/conferences/{id}/actions: its open
// actions in due order.
func (h *apiHandlers) conferenceActions(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.view(w, r); ok {
		h.WriteJSON(w, r, http.StatusOK, actionListJSON{Actions: v.Open})
	}
}

type conferenceCampaignsJSON struct {
	Campaigns []CampaignRow `json:"campaigns"`
}

// conferenceCampaigns serves GET /api/v1/conferences/{id}/campaigns, the
// campaigns it led, latest first.
func (h *apiHandlers) conferenceCampaigns(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.view(w, r); ok {
		h.WriteJSON(w, r, http.StatusOK, conferenceCampaignsJSON{v.Campaigns})
	}
}

// actionRequest is an action agreed, in a request.
type actionRequest struct {
	Title       string `json:"title"`
	OwnerUnitID int64  `json:"owner_unit_id"`
	OwnerName   string `json:"owner_name"`
	DueOn       string `json:"due_on"`
}

func (a actionRequest) input(p *parse, field string) ActionInput {
	return ActionInput{Title: a.Title, OwnerUnitID: a.OwnerUnitID, OwnerName: a.OwnerName, DueOn: p.date(field+"due_on", a.DueOn)}
}

// sessionRequest is POST /api/v1/conferences/{id}/sessions: a meeting as
// it closes, with the actions agreed.
type sessionRequest struct {
	HeldOn        string          `json:"held_on"`
	Topic         string          `json:"topic"`
	Tags          []string        `json:"tags"`
	UnitsPresent  []int64         `json:"units_present"`
	PeoplePresent int             `json:"people_present"`
	Minutes       string          `json:"minutes"`
	Actions       []actionRequest `json:"actions"`
}

// sessionJSON answers a recorded session with the actions it agreed.
type sessionJSON struct {
	ID           int64    `json:"id"`
	ConferenceID int64    `json:"conference_id"`
	Actions      []Action `json:"actions"`
}

// sessionCreate serves POST /api/v1/conferences/{id}/sessions: the same
// store call as the session form (RecordSession), all or nothing.
func (h *apiHandlers) sessionCreate(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.PathID, func(ctx context.Context, id int64, req sessionRequest) (api.Answer, error) {
		var p parse
		in := SessionInput{ConferenceID: id, HeldOn: p.date("held_on", req.HeldOn), Topic: req.Topic, Tags: req.Tags,
			UnitsPresent: req.UnitsPresent, PeoplePresent: req.PeoplePresent, Minutes: req.Minutes}
		for i, a := range req.Actions {
			in.Actions = append(in.Actions, a.input(&p, "actions["+itoa(int64(i))+"]."))
		}
		if p.err != nil {
			return api.Answer{}, p.err
		}
		sid, err := h.s.RecordSession(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		acts, err := h.s.scanActions(ctx, h.s.DB.Reader(), "x.session_id = ? AND x.parent_id IS NULL", sid)
		if err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusCreated, Location: "/api/v1/conferences/" + itoa(id) + "/sessions",
			Body: sessionJSON{ID: sid, ConferenceID: id, Actions: acts}}, nil
	})
}
