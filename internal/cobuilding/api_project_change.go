package cobuilding

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// storyAnswer answers a project change with the project's story.
func (h *apiHandlers) storyAnswer(ctx context.Context, status int, id int64) (api.Answer, error) {
	st, err := h.s.ProjectStory(ctx, id)
	return api.Answer{Status: status, Location: projectAPIURL(id), Body: st}, err
}

// resourceRequest is POST /api/v1/resources: what a unit, or a named
// department serving area_id, offers from "on".
type resourceRequest struct {
	UnitID      int64  `json:"unit_id"`
	Department  string `json:"department"`
	AreaID      int64  `json:"area_id"`
	Kind        Kind   `json:"kind"`
	Description string `json:"description"`
	On          string `json:"on"`
	ToOn        string `json:"to_on"`
}

func (q resourceRequest) DateOn() string { return q.On }

// resourceCreate serves POST /api/v1/resources (201, the resource).
func (h *apiHandlers) resourceCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req resourceRequest) (api.Answer, error) {
		to, err := api.ParseDate("to_on", req.ToOn)
		if err != nil {
			return api.Answer{}, err
		}
		id, err := h.s.CreateResource(ctx, ResourceInput{UnitID: req.UnitID, Department: req.Department, AreaID: req.AreaID, Kind: req.Kind,
			Description: req.Description, FromOn: on, ToOn: to})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "from_on", "on")
		}
		res, err := h.s.Resource(ctx, id)
		return api.Answer{Status: http.StatusCreated, Body: res}, err
	})
}

// projectRequest is POST /api/v1/co-projects/{id}: the project as it now
// stands; "on" is the day it was done (empty while under way), with its
// actual cost.
type projectRequest struct {
	Title         string `json:"title"`
	EstimatedCost int64  `json:"estimated_cost"`
	ActualCost    *int64 `json:"actual_cost"`
	On            string `json:"on"`
	Note          string `json:"note"`
}

func (q projectRequest) DateOn() string { return q.On }

// projectUpdate serves POST /api/v1/co-projects/{id} (200, the story).
func (h *apiHandlers) projectUpdate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req projectRequest) (api.Answer, error) {
		err := h.s.UpdateProject(ctx, id, ProjectChange{Title: req.Title, EstimatedCost: req.EstimatedCost, ActualCost: req.ActualCost, DoneOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "done_on", "on"), "project_id", "id")
		}
		return h.storyAnswer(ctx, http.StatusOK, id)
	})
}

// contributionRequest is POST /api/v1/co-projects/{id}/contributions.
type contributionRequest struct {
	UnitID      int64            `json:"unit_id"`
	Department  string           `json:"department"`
	Kind        ContributionKind `json:"kind"`
	Value       int64            `json:"value"`
	Description string           `json:"description"`
	On          string           `json:"on"`
}

func (q contributionRequest) DateOn() string { return q.On }

// contributionAdd serves POST /api/v1/co-projects/{id}/contributions (201,
// the story).
func (h *apiHandlers) contributionAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req contributionRequest) (api.Answer, error) {
		_, err := h.s.AddContribution(ctx, ContributionInput{ProjectID: id, UnitID: req.UnitID, Department: req.Department, Kind: req.Kind,
			Value: req.Value, Description: req.Description, GivenOn: on})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "given_on", "on"), "project_id", "id")
		}
		return h.storyAnswer(ctx, http.StatusCreated, id)
	})
}

// resultRequest is POST /api/v1/co-projects/{id}/results: a measure.
type resultRequest struct {
	Name     string  `json:"name"`
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"`
}

func (resultRequest) DateOn() string { return "" }

// resultAdd serves POST /api/v1/co-projects/{id}/results (201, the story).
func (h *apiHandlers) resultAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, _ date.Date, req resultRequest) (api.Answer, error) {
		if _, err := h.s.AddResult(ctx, ResultInput{ProjectID: id, Name: req.Name, Quantity: req.Quantity, Unit: req.Unit}); err != nil {
			return api.Answer{}, api.Relabel(err, "project_id", "id")
		}
		return h.storyAnswer(ctx, http.StatusCreated, id)
	})
}

// feedbackRequest is POST /api/v1/co-projects/{id}/feedback.
type feedbackRequest struct {
	Kind    FeedbackKind `json:"kind"`
	Rating  int          `json:"rating"`
	GivenBy string       `json:"given_by"`
	On      string       `json:"on"`
	Note    string       `json:"note"`
}

func (q feedbackRequest) DateOn() string { return q.On }

// feedbackAdd serves POST /api/v1/co-projects/{id}/feedback (201, the
// story).
func (h *apiHandlers) feedbackAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req feedbackRequest) (api.Answer, error) {
		_, err := h.s.AddFeedback(ctx, FeedbackInput{ProjectID: id, Kind: req.Kind, Rating: req.Rating, GivenBy: req.GivenBy, GivenOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "given_on", "on"), "project_id", "id")
		}
		return h.storyAnswer(ctx, http.StatusCreated, id)
	})
}
