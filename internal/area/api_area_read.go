package area

import (
	"dangjian/internal/api"
	"net/http"
	"strings"

	"dangjian/internal/i18n"
)

// areaTree serves GET /api/v1/areas/tree?root=&as_of=: the subtree under
// root (id or name; the top area when absent) as it stood on as_of.
func (h *apiHandlers) areaTree(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	on, err := api.AsOf(r, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	var root Area
	if arg := strings.TrimSpace(r.URL.Query().Get("root")); arg != "" {
		root, err = h.Areas.Find(ctx, arg)
		err = api.Relabel(api.Relabel(err, "area_id", "root"), "area", "root")
	} else {
		root, err = h.Areas.Root(ctx)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	tree, err := h.Areas.Tree(ctx, root.ID, on)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if tree == nil {
		h.Fail(w, r, i18n.Errf("as_of", "err.api_area_inactive", root.Name, on.String()))
		return
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		AsOf string   `json:"as_of"`
		Tree nodeJSON `json:"tree"`
	}{on.String(), toNodeJSON(tree)})
}

// areaList serves GET /api/v1/areas?as_of=: every area active that day.
func (h *apiHandlers) areaList(w http.ResponseWriter, r *http.Request) {
	on, err := api.AsOf(r, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	as, err := h.Areas.ListActive(r.Context(), on)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		AsOf  string     `json:"as_of"`
		Areas []areaJSON `json:"areas"`
	}{on.String(), listJSON(as, toAreaJSON)})
}

// areaGet serves GET /api/v1/areas/{id}: the area with its current
// ancestors, children and party organisations.
func (h *apiHandlers) areaGet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	anc, err := h.Areas.Ancestors(ctx, a.ID)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	kids, err := h.Areas.Children(ctx, a.ID)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	orgs, err := h.Areas.Orgs(ctx, a.ID)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		Area      areaJSON   `json:"area"`
		Ancestors []areaJSON `json:"ancestors"`
		Children  []areaJSON `json:"children"`
		PartyOrgs []orgJSON  `json:"party_orgs"`
	}{toAreaJSON(a), listJSON(anc, toAreaJSON), listJSON(kids, toAreaJSON), listJSON(orgs, toOrgJSON)})
}

// areaEvents serves GET /api/v1/areas/{id}/events: the area's history,
// oldest first.
func (h *apiHandlers) areaEvents(w http.ResponseWriter, r *http.Request) {
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	evs, err := h.Areas.History(r.Context(), a.ID)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	if evs == nil {
		evs = []Event{}
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		Area   areaJSON `json:"area"`
		Events []Event  `json:"events"`
	}{toAreaJSON(a), evs})
}

// areaOrgs serves GET /api/v1/areas/{id}/party-orgs: every party
// organisation ever attached to the area, oldest first.
func (h *apiHandlers) areaOrgs(w http.ResponseWriter, r *http.Request) {
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	orgs, err := h.Areas.Orgs(r.Context(), a.ID)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		Area      areaJSON  `json:"area"`
		PartyOrgs []orgJSON `json:"party_orgs"`
	}{toAreaJSON(a), listJSON(orgs, toOrgJSON)})
}

// pathArea loads the area named by the {id} path value, answering the
// request itself (400 or 404) when it cannot.
func (h *apiHandlers) pathArea(w http.ResponseWriter, r *http.Request) (Area, bool) {
	id, err := api.PathID(r)
	if err != nil {
		h.Fail(w, r, err)
		return Area{}, false
	}
	a, err := h.Areas.Get(r.Context(), id)
	if err != nil {
		h.Fail(w, r, err)
		return Area{}, false
	}
	return a, true
}
