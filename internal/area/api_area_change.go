package area

import (
	"context"
	"dangjian/internal/api"
	"errors"
	"net/http"
	"strconv"

	"dangjian/internal/date"
)

// createRequest is the body of POST /api/v1/areas. The request bodies
// differ from the domain's inputs: the subject comes from the path and dates
// are text, so that a bad date is refused naming the field it came from.
type createRequest struct {
	ParentID int64  `json:"parent_id"`
	Level    string `json:"level"`
	Name     string `json:"name"`
	Code     string `json:"code"`
	On       string `json:"on"`
	Note     string `json:"note"`
}

func (q createRequest) DateOn() string { return q.On }

// mergeRequest is the body of POST /api/v1/areas/{id}/merge.
type mergeRequest struct {
	TargetID  int64  `json:"target_id"`
	On        string `json:"on"`
	Note      string `json:"note"`
	Confirmed bool   `json:"confirmed"`
}

func (q mergeRequest) DateOn() string { return q.On }

// splitRequest is the body of POST /api/v1/areas/{id}/split.
type splitRequest struct {
	Names     []string `json:"names"`
	On        string   `json:"on"`
	Note      string   `json:"note"`
	TargetID  int64    `json:"target_id"`
	Confirmed bool     `json:"confirmed"`
}

func (q splitRequest) DateOn() string { return q.On }

// adjustRequest is the body of POST /api/v1/areas/{id}/adjust.
type adjustRequest struct {
	NewParentID int64  `json:"new_parent_id"`
	On          string `json:"on"`
	Note        string `json:"note"`
}

func (q adjustRequest) DateOn() string { return q.On }

// renameRequest is the body of POST /api/v1/areas/{id}/rename.
type renameRequest struct {
	Name string `json:"name"`
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q renameRequest) DateOn() string { return q.On }

// dissolveRequest is the body of POST /api/v1/areas/{id}/dissolve.
type dissolveRequest struct {
	On        string `json:"on"`
	Note      string `json:"note"`
	TargetID  int64  `json:"target_id"`
	Confirmed bool   `json:"confirmed"`
}

func (q dissolveRequest) DateOn() string { return q.On }

// areaCreate serves POST /api/v1/areas: 201 with the new area.
func (h *apiHandlers) areaCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req createRequest) (api.Answer, error) {
		if err := h.refInScope(ctx, "parent_id", req.ParentID); err != nil {
			return api.Answer{}, err
		}
		id, err := h.Areas.Create(ctx, CreateInput{
			ParentID: req.ParentID, Level: Level(req.Level), Name: req.Name, Code: req.Code, On: on, Note: req.Note,
		})
		if err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusCreated, id, 0, nil)
	})
}

// areaMerge serves POST /api/v1/areas/{id}/merge: the merged area (now
// ended) and its target.
func (h *apiHandlers) areaMerge(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req mergeRequest) (api.Answer, error) {
		if err := h.Areas.Merge(ctx, MergeInput{AreaID: id, TargetID: req.TargetID, On: on, Note: req.Note, Confirmed: req.Confirmed}); err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, req.TargetID, nil)
	})
}

// areaSplit serves POST /api/v1/areas/{id}/split: 201 with the split area
// (now ended) and the new areas.
func (h *apiHandlers) areaSplit(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req splitRequest) (api.Answer, error) {
		ids, err := h.Areas.Split(ctx, SplitInput{AreaID: id, Names: req.Names, On: on, Note: req.Note, TargetID: req.TargetID, Confirmed: req.Confirmed})
		if err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusCreated, id, 0, ids)
	})
}

// areaAdjust serves POST /api/v1/areas/{id}/adjust: a boundary change, and
// a move when new_parent_id is set.
func (h *apiHandlers) areaAdjust(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req adjustRequest) (api.Answer, error) {
		if err := h.refInScope(ctx, "new_parent_id", req.NewParentID); err != nil {
			return api.Answer{}, err
		}
		if err := h.Areas.Adjust(ctx, AdjustInput{AreaID: id, NewParentID: req.NewParentID, On: on, Note: req.Note}); err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// areaRename serves POST /api/v1/areas/{id}/rename.
func (h *apiHandlers) areaRename(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req renameRequest) (api.Answer, error) {
		if err := h.Areas.Rename(ctx, RenameInput{AreaID: id, Name: req.Name, On: on, Note: req.Note}); err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// areaDissolve serves POST /api/v1/areas/{id}/dissolve.
func (h *apiHandlers) areaDissolve(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req dissolveRequest) (api.Answer, error) {
		if err := h.Areas.Dissolve(ctx, DissolveInput{AreaID: id, On: on, Note: req.Note, TargetID: req.TargetID, Confirmed: req.Confirmed}); err != nil {
			return api.Answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// refInScope refuses a body reference to an area outside the caller's
// subtree before the domain validates it. Store refuses it too, but
// only after checking the referenced area's dates and state, and those
// messages name the area and its dates: an outsider must not learn them.
func (h *apiHandlers) refInScope(ctx context.Context, field string, id int64) error {
	if id == 0 {
		return nil
	}
	if _, err := h.Areas.Get(ctx, id); errors.Is(err, ErrOutOfScope) {
		return api.Relabel(err, "area_id", field)
	}
	return nil // anything else is the domain's to answer
}

// areaAnswer is the answer to a change of the tree: the area id, with the
// merge target or the split's new areas. A created area (201 without new
// areas) is named in Location.
func (h *apiHandlers) areaAnswer(ctx context.Context, status int, id, target int64, results []int64) (api.Answer, error) {
	var out areaResult
	a, err := h.Areas.Get(ctx, id)
	if err != nil {
		return api.Answer{}, err
	}
	out.Area = toAreaJSON(a)
	if target != 0 {
		t, err := h.Areas.Get(ctx, target)
		if err != nil {
			return api.Answer{}, err
		}
		tj := toAreaJSON(t)
		out.Target = &tj
	}
	for _, rid := range results {
		x, err := h.Areas.Get(ctx, rid)
		if err != nil {
			return api.Answer{}, err
		}
		out.Results = append(out.Results, toAreaJSON(x))
	}
	ans := api.Answer{Status: status, Body: out}
	if status == http.StatusCreated && len(results) == 0 {
		ans.Location = "/api/v1/areas/" + strconv.FormatInt(id, 10)
	}
	return ans, nil
}
