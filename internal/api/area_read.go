package api

import (
	"net/http"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
)

// areaTree serves GET /api/v1/areas/tree?root=&as_of=: the subtree under
// root (id or name; the top area when absent) as it stood on as_of.
func (h *Handler) areaTree(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	on, err := h.asOf(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var root area.Area
	if arg := strings.TrimSpace(r.URL.Query().Get("root")); arg != "" {
		root, err = h.Areas.Find(ctx, arg)
		err = relabel(relabel(err, "area_id", "root"), "area", "root")
	} else {
		root, err = h.Areas.Root(ctx)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	tree, err := h.Areas.Tree(ctx, root.ID, on)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if tree == nil {
		h.fail(w, r, i18n.Errf("as_of", "err.api_area_inactive", root.Name, on.String()))
		return
	}
	h.writeJSON(w, r, http.StatusOK, struct {
		AsOf string   `json:"as_of"`
		Tree nodeJSON `json:"tree"`
	}{on.String(), toNodeJSON(tree)})
}

// areaList serves GET /api/v1/areas?as_of=: every area active that day.
func (h *Handler) areaList(w http.ResponseWriter, r *http.Request) {
	on, err := h.asOf(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	as, err := h.Areas.ListActive(r.Context(), on)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, struct {
		AsOf  string     `json:"as_of"`
		Areas []areaJSON `json:"areas"`
	}{on.String(), listJSON(as, toAreaJSON)})
}

// areaGet serves GET /api/v1/areas/{id}: the area with its current
// ancestors, children and party organisations.
func (h *Handler) areaGet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	anc, err := h.Areas.Ancestors(ctx, a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	kids, err := h.Areas.Children(ctx, a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	orgs, err := h.Areas.Orgs(ctx, a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, struct {
		Area      areaJSON   `json:"area"`
		Ancestors []areaJSON `json:"ancestors"`
		Children  []areaJSON `json:"children"`
		PartyOrgs []orgJSON  `json:"party_orgs"`
	}{toAreaJSON(a), listJSON(anc, toAreaJSON), listJSON(kids, toAreaJSON), listJSON(orgs, toOrgJSON)})
}

// areaEvents serves GET /api/v1/areas/{id}/events: the area's history,
// oldest first.
func (h *Handler) areaEvents(w http.ResponseWriter, r *http.Request) {
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	evs, err := h.Areas.History(r.Context(), a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if evs == nil {
		evs = []area.Event{}
	}
	h.writeJSON(w, r, http.StatusOK, struct {
		Area   areaJSON     `json:"area"`
		Events []area.Event `json:"events"`
	}{toAreaJSON(a), evs})
}

// areaOrgs serves GET /api/v1/areas/{id}/party-orgs: every party
// organisation ever attached to the area, oldest first.
func (h *Handler) areaOrgs(w http.ResponseWriter, r *http.Request) {
	a, ok := h.pathArea(w, r)
	if !ok {
		return
	}
	orgs, err := h.Areas.Orgs(r.Context(), a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, struct {
		Area      areaJSON  `json:"area"`
		PartyOrgs []orgJSON `json:"party_orgs"`
	}{toAreaJSON(a), listJSON(orgs, toOrgJSON)})
}

// pathArea loads the area named by the {id} path value, answering the
// request itself (400 or 404) when it cannot.
func (h *Handler) pathArea(w http.ResponseWriter, r *http.Request) (area.Area, bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return area.Area{}, false
	}
	a, err := h.Areas.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return area.Area{}, false
	}
	return a, true
}
