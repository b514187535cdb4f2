package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"dangjian/internal/area"
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

func (q createRequest) dateOn() string { return q.On }

// mergeRequest is the body of POST /api/v1/areas/{id}/merge.
type mergeRequest struct {
	TargetID int64  `json:"target_id"`
	On       string `json:"on"`
	Note     string `json:"note"`
}

func (q mergeRequest) dateOn() string { return q.On }

// splitRequest is the body of POST /api/v1/areas/{id}/split.
type splitRequest struct {
	Names []string `json:"names"`
	On    string   `json:"on"`
	Note  string   `json:"note"`
}

func (q splitRequest) dateOn() string { return q.On }

// adjustRequest is the body of POST /api/v1/areas/{id}/adjust.
type adjustRequest struct {
	NewParentID int64  `json:"new_parent_id"`
	On          string `json:"on"`
	Note        string `json:"note"`
}

func (q adjustRequest) dateOn() string { return q.On }

// renameRequest is the body of POST /api/v1/areas/{id}/rename.
type renameRequest struct {
	Name string `json:"name"`
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q renameRequest) dateOn() string { return q.On }

// dissolveRequest is the body of POST /api/v1/areas/{id}/dissolve.
type dissolveRequest struct {
	On   string `json:"on"`
	Note string `json:"note"`
}

func (q dissolveRequest) dateOn() string { return q.On }

// areaCreate serves POST /api/v1/areas: 201 with the new area.
func (h *Handler) areaCreate(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, noID, func(ctx context.Context, _ int64, on date.Date, req createRequest) (answer, error) {
		if err := h.refInScope(ctx, "parent_id", req.ParentID); err != nil {
			return answer{}, err
		}
		id, err := h.Areas.Create(ctx, area.CreateInput{
			ParentID: req.ParentID, Level: area.Level(req.Level), Name: req.Name, Code: req.Code, On: on, Note: req.Note,
		})
		if err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusCreated, id, 0, nil)
	})
}

// areaMerge serves POST /api/v1/areas/{id}/merge: the merged area (now
// ended) and its target.
func (h *Handler) areaMerge(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, pathID, func(ctx context.Context, id int64, on date.Date, req mergeRequest) (answer, error) {
		if err := h.Areas.Merge(ctx, area.MergeInput{AreaID: id, TargetID: req.TargetID, On: on, Note: req.Note}); err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, req.TargetID, nil)
	})
}

// areaSplit serves POST /api/v1/areas/{id}/split: 201 with the split area
// (now ended) and the new areas.
func (h *Handler) areaSplit(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, pathID, func(ctx context.Context, id int64, on date.Date, req splitRequest) (answer, error) {
		ids, err := h.Areas.Split(ctx, area.SplitInput{AreaID: id, Names: req.Names, On: on, Note: req.Note})
		if err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusCreated, id, 0, ids)
	})
}

// areaAdjust serves POST /api/v1/areas/{id}/adjust: a boundary change, and
// a move when new_parent_id is set.
func (h *Handler) areaAdjust(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, pathID, func(ctx context.Context, id int64, on date.Date, req adjustRequest) (answer, error) {
		if err := h.refInScope(ctx, "new_parent_id", req.NewParentID); err != nil {
			return answer{}, err
		}
		if err := h.Areas.Adjust(ctx, area.AdjustInput{AreaID: id, NewParentID: req.NewParentID, On: on, Note: req.Note}); err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// areaRename serves POST /api/v1/areas/{id}/rename.
func (h *Handler) areaRename(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, pathID, func(ctx context.Context, id int64, on date.Date, req renameRequest) (answer, error) {
		if err := h.Areas.Rename(ctx, area.RenameInput{AreaID: id, Name: req.Name, On: on, Note: req.Note}); err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// areaDissolve serves POST /api/v1/areas/{id}/dissolve.
func (h *Handler) areaDissolve(w http.ResponseWriter, r *http.Request) {
	serveChange(h, w, r, pathID, func(ctx context.Context, id int64, on date.Date, req dissolveRequest) (answer, error) {
		if err := h.Areas.Dissolve(ctx, area.DissolveInput{AreaID: id, On: on, Note: req.Note}); err != nil {
			return answer{}, err
		}
		return h.areaAnswer(ctx, http.StatusOK, id, 0, nil)
	})
}

// refInScope refuses a body reference to an area outside the caller's
// subtree before the domain validates it. area.Store refuses it too, but
// only after checking the referenced area's dates and state, and those
// messages name the area and its dates: an outsider must not learn them.
func (h *Handler) refInScope(ctx context.Context, field string, id int64) error {
	if id == 0 {
		return nil
	}
	if _, err := h.Areas.Get(ctx, id); errors.Is(err, area.ErrOutOfScope) {
		return relabel(err, "area_id", field)
	}
	return nil // anything else is the domain's to answer
}

// areaAnswer is the answer to a change of the tree: the area id, with the
// merge target or the split's new areas. A created area (201 without new
// areas) is named in Location.
func (h *Handler) areaAnswer(ctx context.Context, status int, id, target int64, results []int64) (answer, error) {
	var out areaResult
	a, err := h.Areas.Get(ctx, id)
	if err != nil {
		return answer{}, err
	}
	out.Area = toAreaJSON(a)
	if target != 0 {
		t, err := h.Areas.Get(ctx, target)
		if err != nil {
			return answer{}, err
		}
		tj := toAreaJSON(t)
		out.Target = &tj
	}
	for _, rid := range results {
		x, err := h.Areas.Get(ctx, rid)
		if err != nil {
			return answer{}, err
		}
		out.Results = append(out.Results, toAreaJSON(x))
	}
	ans := answer{status: status, body: out}
	if status == http.StatusCreated && len(results) == 0 {
		ans.location = "/api/v1/areas/" + strconv.FormatInt(id, 10)
	}
	return ans, nil
}
