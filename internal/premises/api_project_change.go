package premises

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// projectRequest is POST /api/v1/areas/{id}/building-projects: a building
// project of the community started on "on"; cost is in fen (0 when not
// known).
type projectRequest struct {
	Name string `json:"name"`
	Cost int64  `json:"cost"`
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q projectRequest) DateOn() string { return q.On }

// projectAnswer answers a project change with the project's page.
func (h *apiHandlers) projectAnswer(ctx context.Context, status int, id int64) (api.Answer, error) {
	v, err := h.s.ProjectView(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	return api.Answer{Status: status, Location: projectAPIURL(id), Body: projectJSON(v)}, nil
}

// projectCreate serves POST /api/v1/areas/{id}/building-projects (201,
// the project; Location: the project).
func (h *apiHandlers) projectCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req projectRequest) (api.Answer, error) {
		id, err := h.s.CreateProject(ctx, ProjectInput{AreaID: areaID, Name: req.Name, Cost: req.Cost, StartedOn: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, communityField(err, "started_on")
		}
		return h.projectAnswer(ctx, http.StatusCreated, id)
	})
}

// builtPremises is the premises a completed project built: the community
// is the project's and they open on the completion day.
type builtPremises struct {
	Address   string `json:"address"`
	Use       Use    `json:"use"`
	FloorArea int64  `json:"floor_area"`
	Tenure    Tenure `json:"tenure"`
}

// stepRequest is POST /api/v1/building-projects/{id}/steps: the next step
// reached on "on"; "completed" takes the premises built.
type stepRequest struct {
	Step     Step           `json:"step"`
	On       string         `json:"on"`
	Note     string         `json:"note"`
	Premises *builtPremises `json:"premises"`
}

func (q stepRequest) DateOn() string { return q.On }

// stepReach serves POST /api/v1/building-projects/{id}/steps: records the
// step; completing opens the premises in the same transaction (201, the
// project).
func (h *apiHandlers) stepReach(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req stepRequest) (api.Answer, error) {
		in := StepInput{ProjectID: id, Step: req.Step, On: on, Note: req.Note}
		if p := req.Premises; p != nil {
			in.Premises = &PremisesInput{Address: p.Address, Use: p.Use, FloorArea: p.FloorArea, Tenure: p.Tenure}
		}
		if err := h.s.ReachStep(ctx, in); err != nil {
			for _, f := range []string{"address", "use", "floor_area", "tenure"} {
				err = api.Relabel(err, f, "premises."+f)
			}
			return api.Answer{}, api.Relabel(err, "project_id", "id")
		}
		return h.projectAnswer(ctx, http.StatusCreated, id)
	})
}

// fundingRequest is POST /api/v1/building-projects/{id}/funding: money
// received from a source on "on", in fen.
type fundingRequest struct {
	Source Source `json:"source"`
	Amount int64  `json:"amount"`
	On     string `json:"on"`
	Note   string `json:"note"`
}

func (q fundingRequest) DateOn() string { return q.On }

// fundingAdd serves POST /api/v1/building-projects/{id}/funding (201, the
// project).
func (h *apiHandlers) fundingAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req fundingRequest) (api.Answer, error) {
		if _, err := h.s.AddFunding(ctx, FundingInput{ProjectID: id, Source: req.Source, Amount: req.Amount, ReceivedOn: on, Note: req.Note}); err != nil {
			return api.Answer{}, api.Relabel(api.Relabel(err, "received_on", "on"), "project_id", "id")
		}
		return h.projectAnswer(ctx, http.StatusCreated, id)
	})
}

// waiverRequest is POST /api/v1/building-projects/{id}/waivers: a fee
// waived on "on", in fen, and by whom.
type waiverRequest struct {
	Amount   int64  `json:"amount"`
	WaivedBy string `json:"waived_by"`
	On       string `json:"on"`
}

func (q waiverRequest) DateOn() string { return q.On }

// waiverAdd serves POST /api/v1/building-projects/{id}/waivers (201, the
// project).
func (h *apiHandlers) waiverAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req waiverRequest) (api.Answer, error) {
		if _, err := h.s.AddWaiver(ctx, WaiverInput{ProjectID: id, Amount: req.Amount, WaivedBy: req.WaivedBy, On: on}); err != nil {
			return api.Answer{}, api.Relabel(err, "project_id", "id")
		}
		return h.projectAnswer(ctx, http.StatusCreated, id)
	})
}
