package area

import (
	"context"
	"dangjian/internal/api"
	"net/http"
	"strconv"

	"dangjian/internal/date"
)

// orgCreateRequest is the body of POST /api/v1/party-orgs. As for areas,
// the subject of a change comes from the path and dates are text.
type orgCreateRequest struct {
	AreaID int64  `json:"area_id"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	On     string `json:"on"`
	Note   string `json:"note"`
}

func (q orgCreateRequest) DateOn() string { return q.On }

// orgReformRequest is the body of POST /api/v1/party-orgs/{id}/reform.
type orgReformRequest struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q orgReformRequest) DateOn() string { return q.On }

// orgDissolveRequest is the body of POST /api/v1/party-orgs/{id}/dissolve.
type orgDissolveRequest struct {
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q orgDissolveRequest) DateOn() string { return q.On }

// orgResult is the answer about one party organisation, with its
// successor after a re-formation.
type orgResult struct {
	PartyOrg  orgJSON  `json:"party_org"`
	Successor *orgJSON `json:"successor,omitempty"`
}

// orgCreate serves POST /api/v1/party-orgs: 201 with the new organisation.
func (h *apiHandlers) orgCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req orgCreateRequest) (api.Answer, error) {
		if err := h.refInScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		id, err := h.Areas.CreateOrg(ctx, OrgInput{AreaID: req.AreaID, Kind: OrgKind(req.Kind), Name: req.Name, On: on, Note: req.Note})
		if err != nil {
			// The area is named in the body, not the path: an unknown one is a 422.
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.orgAnswer(ctx, http.StatusCreated, id, 0)
	})
}

// orgReform serves POST /api/v1/party-orgs/{id}/reform: 201 with the ended
// organisation and its successor.
func (h *apiHandlers) orgReform(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req orgReformRequest) (api.Answer, error) {
		succID, err := h.Areas.Reform(ctx, ReformInput{OrgID: id, Kind: OrgKind(req.Kind), Name: req.Name, On: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, err
		}
		return h.orgAnswer(ctx, http.StatusCreated, id, succID)
	})
}

// orgDissolve serves POST /api/v1/party-orgs/{id}/dissolve.
func (h *apiHandlers) orgDissolve(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req orgDissolveRequest) (api.Answer, error) {
		if err := h.Areas.DissolveOrg(ctx, id, on, req.Note); err != nil {
			return api.Answer{}, err
		}
		return h.orgAnswer(ctx, http.StatusOK, id, 0)
	})
}

// orgAnswer is the answer to a change of a party organisation: the
// organisation id, with its successor when there is one. On 201 Location
// names the organisation created: the successor, or id itself.
func (h *apiHandlers) orgAnswer(ctx context.Context, status int, id, successor int64) (api.Answer, error) {
	o, err := h.Areas.Org(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	out := orgResult{PartyOrg: toOrgJSON(o)}
	created := id
	if successor != 0 {
		s, err := h.Areas.Org(ctx, successor)
		if err != nil {
			return api.Answer{}, err
		}
		sj := toOrgJSON(s)
		out.Successor, created = &sj, successor
	}
	ans := api.Answer{Status: status, Body: out}
	if status == http.StatusCreated {
		ans.Location = "/api/v1/party-orgs/" + strconv.FormatInt(created, 10)
	}
	return ans, nil
}
