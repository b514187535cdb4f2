package api

import (
	"net/http"
	"strconv"

	"dangjian/internal/area"
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

// orgReformRequest is the body of POST /api/v1/party-orgs/{id}/reform.
type orgReformRequest struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	On   string `json:"on"`
	Note string `json:"note"`
}

// orgDissolveRequest is the body of POST /api/v1/party-orgs/{id}/dissolve.
type orgDissolveRequest struct {
	On   string `json:"on"`
	Note string `json:"note"`
}

// orgResult is the answer about one party organisation, with its
// successor after a re-formation.
type orgResult struct {
	PartyOrg  orgJSON  `json:"party_org"`
	Successor *orgJSON `json:"successor,omitempty"`
}

// orgCreate serves POST /api/v1/party-orgs: 201 with the new organisation.
func (h *Handler) orgCreate(w http.ResponseWriter, r *http.Request) {
	var req orgCreateRequest
	if err := decodeBody(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	on, err := parseDate("on", req.On)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx := r.Context()
	id, err := h.Areas.CreateOrg(ctx, area.OrgInput{AreaID: req.AreaID, Kind: area.OrgKind(req.Kind), Name: req.Name, On: on, Note: req.Note})
	if err != nil {
		// The area is named in the body, not the path: an unknown one is a 422.
		h.fail(w, r, invalidRef(err))
		return
	}
	o, err := h.Areas.Org(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/party-orgs/"+strconv.FormatInt(id, 10))
	h.writeJSON(w, r, http.StatusCreated, orgResult{PartyOrg: toOrgJSON(o)})
}

// orgReform serves POST /api/v1/party-orgs/{id}/reform: 201 with the ended
// organisation and its successor.
func (h *Handler) orgReform(w http.ResponseWriter, r *http.Request) {
	var req orgReformRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	ctx := r.Context()
	succID, err := h.Areas.Reform(ctx, area.ReformInput{OrgID: id, Kind: area.OrgKind(req.Kind), Name: req.Name, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Areas.Org(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, err := h.Areas.Org(ctx, succID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sj := toOrgJSON(s)
	w.Header().Set("Location", "/api/v1/party-orgs/"+strconv.FormatInt(succID, 10))
	h.writeJSON(w, r, http.StatusCreated, orgResult{PartyOrg: toOrgJSON(o), Successor: &sj})
}

// orgDissolve serves POST /api/v1/party-orgs/{id}/dissolve.
func (h *Handler) orgDissolve(w http.ResponseWriter, r *http.Request) {
	var req orgDissolveRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	ctx := r.Context()
	if err := h.Areas.DissolveOrg(ctx, id, on, req.Note); err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Areas.Org(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, orgResult{PartyOrg: toOrgJSON(o)})
}
