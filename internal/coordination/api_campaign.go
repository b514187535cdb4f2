package coordination

import (
	"context"
	"net/http"

	"dangjian/internal/api"
)

type campaignListJSON struct {
	Campaigns []CampaignListRow `json:"campaigns"`
}

// campaignList serves GET /api/v1/campaigns?area=: the campaigns covering
// an area of the subtree (the caller's scope when absent), latest first.
func (h *apiHandlers) campaignList(w http.ResponseWriter, r *http.Request) {
	areaID, err := h.queryArea(r)
	var rows []CampaignListRow
	if err == nil {
		rows, err = h.s.Campaigns(r.Context(), areaID)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, campaignListJSON{nonNil(rows)})
}

// campaignAnswer answers with campaign id as it is now.
func (h *apiHandlers) campaignAnswer(ctx context.Context, status int, id int64) (api.Answer, error) {
	v, err := h.s.Campaign(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	a := api.Answer{Status: status, Body: v}
	if status == http.StatusCreated {
		a.Location = "/api/v1/campaigns/" + itoa(id)
	}
	return a, nil
}

// campaignGet serves GET /api/v1/campaigns/{id}: the campaign with its
// units and results.
func (h *apiHandlers) campaignGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var a api.Answer
	if err == nil {
		a, err = h.campaignAnswer(r.Context(), http.StatusOK, id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, a.Status, a.Body)
}

// campaignRequest is POST /api/v1/campaigns: a campaign with its
// participating units and its results as measures.
type campaignRequest struct {
	Name         string       `json:"name"`
	Kind         CampaignKind `json:"kind"`
	AreaID       int64        `json:"area_id"`
	ConferenceID int64        `json:"conference_id"`
	StartedOn    string       `json:"started_on"`
	EndedOn      string       `json:"ended_on"`
	Units        []int64      `json:"units"`
	Measures     []Measure    `json:"measures"`
}

// campaignCreate serves POST /api/v1/campaigns (201, Location).
func (h *apiHandlers) campaignCreate(w http.ResponseWriter, r *http.Request) {
	serve(h, w, r, api.NoID, func(ctx context.Context, _ int64, req campaignRequest) (api.Answer, error) {
		if err := h.areaInScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		var p parse
		in := CampaignInput{Name: req.Name, Kind: req.Kind, AreaID: req.AreaID, ConferenceID: req.ConferenceID,
			StartedOn: p.date("started_on", req.StartedOn), EndedOn: p.date("ended_on", req.EndedOn), Units: req.Units, Measures: req.Measures}
		if p.err != nil {
			return api.Answer{}, p.err
		}
		id, err := h.s.CreateCampaign(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.campaignAnswer(ctx, http.StatusCreated, id)
	})
}
