package cobuilding

import (
	"net/http"
	"strconv"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
)

// demandsJSON is a page of demands; next is the "after" of the next page
// ("" on the last).
type demandsJSON struct {
	Demands []Demand `json:"demands"`
	Next    string   `json:"next"`
}

// listArgs reads a list's area (the scope when absent) and its "after" id.
func listArgs(r *http.Request) (areaID, after int64, err error) {
	q := r.URL.Query()
	if v := q.Get("area"); v != "" {
		if areaID = positiveID(v); areaID == 0 {
			return 0, 0, i18n.Errf("area", "err.cob_count_invalid")
		}
	}
	if v := q.Get("after"); v != "" {
		if after = positiveID(v); after == 0 {
			return 0, 0, i18n.Errf("after", "err.cob_count_invalid")
		}
	}
	return areaID, after, nil
}

// positiveID reads a positive id, 0 for anything else.
func positiveID(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// demandList serves GET /api/v1/demands: the demands of the scope (or of
// ?area=) oldest first, of a ?status= and ?category= when given, 50 a page
// (?after= the last id of the previous page).
func (h *apiHandlers) demandList(w http.ResponseWriter, r *http.Request) {
	areaID, after, err := listArgs(r)
	f := DemandFilter{AreaID: areaID, Status: DemandStatus(r.URL.Query().Get("status")), Category: Category(r.URL.Query().Get("category")), Limit: 50}
	if err == nil && f.Status != "" && !oneOf(f.Status, []DemandStatus{Open, Matched, Done, Closed}) {
		err = i18n.Errf("status", "err.demand_status_invalid")
	}
	if err == nil && f.Category != "" && !oneOf(f.Category, Categories) {
		err = i18n.Errf("category", "err.demand_category_invalid")
	}
	if err == nil && after != 0 {
		var last Demand
		if last, err = h.s.Demand(r.Context(), after); err == nil {
			f.After = &last
		}
		err = api.Relabel(err, "demand_id", "after")
	}
	var rows []Demand
	if err == nil {
		rows, err = h.s.ListDemands(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out := demandsJSON{Demands: rows}
	if len(rows) == f.Limit {
		out.Next = itoa(int(rows[len(rows)-1].ID))
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// demandGet serves GET /api/v1/demands/{id}.
func (h *apiHandlers) demandGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var d Demand
	if err == nil {
		d, err = h.s.Demand(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "demand_id", "id"))
		return
	}
	h.WriteJSON(w, r, http.StatusOK, d)
}

// suggestionJSON is a suggested resource with its rank's reasons in the
// request's language.
type suggestionJSON struct {
	Resource Resource `json:"resource"`
	Fits     bool     `json:"fits"`
	Nearness string   `json:"nearness"`
	Promised int      `json:"promised_elsewhere"`
	Reasons  []string `json:"reasons"`
}

type suggestionsJSON struct {
	Suggestions []suggestionJSON `json:"suggestions"`
}

// nearness names a Nearness in the API.
var nearness = [...]string{"above", "same_subdistrict", "same_community"}

// suggestionList serves GET /api/v1/demands/{id}/suggestions: the
// resources that could meet the demand on ?on= (today when absent), best
// first, at most 20.
func (h *apiHandlers) suggestionList(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	on := h.s.Today()
	if err == nil {
		on, err = api.AsOf(r, on)
	}
	var list []Suggestion
	if err == nil {
		list, err = h.s.Suggest(r.Context(), id, on, 20)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "demand_id", "id"))
		return
	}
	lang := api.Lang(r)
	out := suggestionsJSON{Suggestions: []suggestionJSON{}}
	for _, sg := range list {
		j := suggestionJSON{Resource: sg.Resource, Fits: sg.Fits, Nearness: nearness[sg.Near], Promised: sg.Promised, Reasons: []string{}}
		for _, x := range sg.Reasons() {
			j.Reasons = append(j.Reasons, x.Text(lang))
		}
		out.Suggestions = append(out.Suggestions, j)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

type resourcesJSON struct {
	Resources []Resource `json:"resources"`
	Next      string     `json:"next"`
}

// resourceList serves GET /api/v1/resources: the resources offered in the
// scope (or under ?area=), of a ?kind= when given, by id, 50 a page.
func (h *apiHandlers) resourceList(w http.ResponseWriter, r *http.Request) {
	areaID, after, err := listArgs(r)
	f := ResourceFilter{AreaID: areaID, After: after, Kind: Kind(r.URL.Query().Get("kind")), Limit: 50}
	if err == nil && f.Kind != "" && !oneOf(f.Kind, Kinds) {
		err = i18n.Errf("kind", "err.resource_kind_invalid")
	}
	var rows []Resource
	if err == nil {
		rows, err = h.s.ListResources(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out := resourcesJSON{Resources: rows}
	if len(rows) == f.Limit {
		out.Next = itoa(int(rows[len(rows)-1].ID))
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// projectJSON is a project in a list with the money it saved.
type projectJSON struct {
	Project
	Saved int64 `json:"saved"`
}

type projectsJSON struct {
	Projects []projectJSON `json:"projects"`
	Next     string        `json:"next"`
}

// projectList serves GET /api/v1/co-projects: the projects of the scope
// (or under ?area=) by id, 50 a page.
func (h *apiHandlers) projectList(w http.ResponseWriter, r *http.Request) {
	areaID, after, err := listArgs(r)
	f := ProjectFilter{AreaID: areaID, After: after, Limit: 50}
	var rows []Project
	if err == nil {
		rows, err = h.s.ListProjects(r.Context(), f)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out := projectsJSON{Projects: []projectJSON{}}
	for _, p := range rows {
		out.Projects = append(out.Projects, projectJSON{Project: p, Saved: p.Saved()})
	}
	if len(rows) == f.Limit {
		out.Next = itoa(int(rows[len(rows)-1].ID))
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// projectGet serves GET /api/v1/co-projects/{id}: the project's story.
func (h *apiHandlers) projectGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var st Story
	if err == nil {
		st, err = h.s.ProjectStory(r.Context(), id)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "project_id", "id"))
		return
	}
	h.WriteJSON(w, r, http.StatusOK, st)
}
