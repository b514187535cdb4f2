package area

import (
	"dangjian/internal/api"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"dangjian/internal/i18n"
)

// treeDepthMax bounds GET /api/v1/areas/tree (issue 15 item 9): a city's
// whole tree is 710 KB; two levels below any root are a few hundred nodes at
// most, and a client opens a node further with ?root= its id.
const treeDepthMax = 2

// areaTree serves GET /api/v1/areas/tree?root=&as_of=&depth=: the subtree
// under root (id or name; the top area when absent) as it stood on as_of,
// down to depth levels below root (1–2, default 2). A node whose children lie
// deeper says so with children_omitted.
func (h *apiHandlers) areaTree(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	on, err := api.AsOf(r, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	depth := treeDepthMax
	if v := r.URL.Query().Get("depth"); v != "" {
		if depth, err = strconv.Atoi(v); err != nil || depth < 1 || depth > treeDepthMax {
			h.Fail(w, r, i18n.Errf("depth", "err.api_tree_depth", treeDepthMax, v))
			return
		}
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
	// One level more than shown, to tell which shown nodes have children.
	tree, err := h.Areas.TreeTo(ctx, root.ID, on, depth+1)
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
	}{on.String(), toNodeJSONTo(tree, depth)})
}

// Paging of GET /api/v1/areas (issue 15 item 9): a city has thousands of
// areas (538 KB in one answer), so the list comes in pages in id order.
const (
	areaPageDefault = 500
	areaPageMax     = 1000
)

// areaList serves GET /api/v1/areas?as_of=&after=&limit=: the areas active
// that day, in id order, those with an id above ?after= (0), at most ?limit=
// (1–1000, default 500). next is the ?after= of the following page, absent
// on the last; a client pages through by passing it back until it is absent.
func (h *apiHandlers) areaList(w http.ResponseWriter, r *http.Request) {
	on, err := api.AsOf(r, h.Areas.Today())
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	after, limit, err := areaListPage(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	as, err := h.Areas.ListActive(r.Context(), on)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	// ListActive is in id order (and cached): the page is a slice of it.
	i := sort.Search(len(as), func(i int) bool { return as[i].ID > after })
	page := as[i:]
	var next int64
	if len(page) > limit {
		page = page[:limit]
		next = page[limit-1].ID
	}
	h.WriteJSON(w, r, http.StatusOK, struct {
		AsOf  string     `json:"as_of"`
		Areas []areaJSON `json:"areas"`
		Next  int64      `json:"next,omitempty"`
	}{on.String(), listJSON(page, toAreaJSON), next})
}

// areaListPage reads ?after= and ?limit= of the area list, refusing a malformed
// one by its name.
func areaListPage(r *http.Request) (after int64, limit int, err error) {
	q := r.URL.Query()
	limit = areaPageDefault
	if v := q.Get("after"); v != "" {
		if after, err = strconv.ParseInt(v, 10, 64); err != nil || after < 0 {
			return 0, 0, i18n.Errf("after", "err.id_invalid", v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > areaPageMax {
			return 0, 0, i18n.Errf("limit", "err.api_limit", areaPageMax, v)
		}
	}
	return after, limit, nil
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
	if a, ok := keptArea(r, id); ok {
		return a, true
	}
	a, err := h.Areas.Get(r.Context(), id)
	if err != nil {
		h.Fail(w, r, err)
		return Area{}, false
	}
	return a, true
}
