package cobuilding

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// demandRequest is POST /api/v1/areas/{id}/demands: a demand of the
// community raised on "on".
type demandRequest struct {
	Title      string   `json:"title"`
	Category   Category `json:"category"`
	Tags       []string `json:"tags"`
	Households int64    `json:"households"`
	RaisedBy   string   `json:"raised_by"`
	On         string   `json:"on"`
	Note       string   `json:"note"`
}

func (q demandRequest) DateOn() string { return q.On }

// demandCreate serves POST /api/v1/areas/{id}/demands (201, the demand;
// Location: the demand).
func (h *apiHandlers) demandCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req demandRequest) (api.Answer, error) {
		id, err := h.s.CreateDemand(ctx, DemandInput{AreaID: areaID, Title: req.Title, Category: req.Category, Tags: req.Tags,
			Households: req.Households, RaisedBy: req.RaisedBy, RaisedOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "raised_on", "on"), "area_id", "id")
		}
		d, err := h.s.Demand(ctx, id)
		return api.Answer{Status: http.StatusCreated, Location: demandAPIURL(id), Body: d}, err
	})
}

// matchRequest is POST /api/v1/demands/{id}/match: the project that meets
// the demand, started on "on", with the resources chosen for it.
type matchRequest struct {
	ResourceIDs   []int64 `json:"resource_ids"`
	OrgID         int64   `json:"org_id"`
	Title         string  `json:"title"`
	EstimatedCost int64   `json:"estimated_cost"`
	On            string  `json:"on"`
	Note          string  `json:"note"`
}

func (q matchRequest) DateOn() string { return q.On }

// demandMatch serves POST /api/v1/demands/{id}/match (201, the project's
// story; Location: the project).
func (h *apiHandlers) demandMatch(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req matchRequest) (api.Answer, error) {
		pid, err := h.s.Match(ctx, MatchInput{DemandID: id, ResourceIDs: req.ResourceIDs, OrgID: req.OrgID, Title: req.Title, StartedOn: on,
			EstimatedCost: req.EstimatedCost, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "started_on", "on"), "demand_id", "id")
		}
		st, err := h.s.ProjectStory(ctx, pid)
		return api.Answer{Status: http.StatusCreated, Location: projectAPIURL(pid), Body: st}, err
	})
}
