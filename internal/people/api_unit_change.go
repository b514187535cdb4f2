package people

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/fault"
)

// unitCreateRequest is POST /api/v1/units.
type unitCreateRequest struct {
	Name   string   `json:"name"`
	Kind   UnitKind `json:"kind"`
	Rank   Rank     `json:"rank"`
	AreaID int64    `json:"area_id"`
	On     string   `json:"on"`
	Note   string   `json:"note"`
}

func (q unitCreateRequest) DateOn() string { return q.On }

// unitAPIURL is a unit in the API.
func unitAPIURL(id int64) string { return "/api/v1/units/" + itoa(id) }

// unitAnswer answers a unit change with the unit as it is now.
func (h *apiHandlers) unitAnswer(ctx context.Context, status int, id int64) (api.Answer, error) {
	u, err := h.people.Unit(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	locs, err := h.people.UnitLocations(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	a := api.Answer{Status: status, Body: unitJSON{Unit: u, Locations: nonNil(locs)}}
	if status == http.StatusCreated {
		a.Location = unitAPIURL(id)
	}
	return a, nil
}

// inScope refuses a community outside the caller's subtree named by a body
// field before the store validates anything else.
func (h *apiHandlers) inScope(ctx context.Context, field string, areaID int64) error {
	if _, err := h.people.Areas.Get(ctx, areaID); errors.Is(err, fault.OutOfScope) {
		return api.Relabel(err, fieldOf(err), field)
	}
	return nil
}

// orgInScope refuses a party organisation outside the caller's subtree
// named by a body field, before the store validates anything else.
func (h *apiHandlers) orgInScope(ctx context.Context, field string, orgID int64) error {
	if _, err := h.people.Org(ctx, orgID); errors.Is(err, fault.OutOfScope) {
		return api.Relabel(err, fieldOf(err), field)
	}
	return nil
}

// unitCreate serves POST /api/v1/units: a unit stationed in a community of
// the caller's subtree from "on" (201, Location of the unit).
func (h *apiHandlers) unitCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req unitCreateRequest) (api.Answer, error) {
		if err := h.inScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		id, err := h.people.CreateUnit(ctx, UnitInput{Name: req.Name, Kind: req.Kind, Rank: req.Rank, AreaID: req.AreaID, On: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.unitAnswer(ctx, http.StatusCreated, id)
	})
}

// unitMoveRequest is POST /api/v1/units/{id}/move.
type unitMoveRequest struct {
	AreaID int64  `json:"area_id"`
	On     string `json:"on"`
}

func (q unitMoveRequest) DateOn() string { return q.On }

// unitMove serves POST /api/v1/units/{id}/move: the unit is located in
// another community from "on".
func (h *apiHandlers) unitMove(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req unitMoveRequest) (api.Answer, error) {
		if err := h.inScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		if err := h.people.MoveUnit(ctx, MoveUnitInput{UnitID: id, AreaID: req.AreaID, On: on}); err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return h.unitAnswer(ctx, http.StatusOK, id)
	})
}

// unitEndRequest is POST /api/v1/units/{id}/end.
type unitEndRequest struct {
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q unitEndRequest) DateOn() string { return q.On }

// unitEnd serves POST /api/v1/units/{id}/end: the unit leaves on "on", and
// its party organisation ends with it.
func (h *apiHandlers) unitEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req unitEndRequest) (api.Answer, error) {
		if err := h.people.EndUnit(ctx, EndUnitInput{UnitID: id, On: on, Note: req.Note}); err != nil {
			return api.Answer{}, err
		}
		return h.unitAnswer(ctx, http.StatusOK, id)
	})
}

// unitOrgRequest is POST /api/v1/units/{id}/party-org.
type unitOrgRequest struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	On   string `json:"on"`
}

func (q unitOrgRequest) DateOn() string { return q.On }

// unitOrgCreate serves POST /api/v1/units/{id}/party-org: the unit's own
// party organisation, established on "on". A unit liaison may do it for
// their own unit.
func (h *apiHandlers) unitOrgCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req unitOrgRequest) (api.Answer, error) {
		if _, err := h.people.CreateUnitOrg(ctx, UnitOrgInput{UnitID: id, Kind: req.Kind, Name: req.Name, On: on}); err != nil {
			return api.Answer{}, err
		}
		return h.unitAnswer(ctx, http.StatusCreated, id)
	})
}

// unitListJSON is the units located somewhere on a day.
type unitListJSON struct {
	AsOf  string `json:"as_of"`
	Units []Unit `json:"units"`
}

// unitList serves GET /api/v1/units?area=ID&as_of=: the units located in
// the area's subtree that day (the caller's scope, or the whole tree, when
// no area is given), by name.
func (h *apiHandlers) unitList(w http.ResponseWriter, r *http.Request) {
	on, err := api.AsOf(r, h.people.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	areaID, err := h.listArea(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	units, err := h.people.Units(r.Context(), areaID, on)
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	h.WriteJSON(w, r, http.StatusOK, unitListJSON{on.String(), nonNil(units)})
}

// listArea is the ?area= of a list (an id or a name, as the figures take
// it), or the root of the caller's scope when absent.
func (h *apiHandlers) listArea(r *http.Request) (int64, error) {
	v := strings.TrimSpace(r.URL.Query().Get("area"))
	var a area.Area
	var err error
	if v == "" {
		a, err = h.people.Areas.Root(r.Context())
	} else {
		a, err = h.people.Areas.Find(r.Context(), v)
	}
	return a.ID, api.Relabel(err, "area_id", "area")
}
