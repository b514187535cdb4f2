package api

import (
	"context"
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

// mergeRequest is the body of POST /api/v1/areas/{id}/merge.
type mergeRequest struct {
	TargetID int64  `json:"target_id"`
	On       string `json:"on"`
	Note     string `json:"note"`
}

// splitRequest is the body of POST /api/v1/areas/{id}/split.
type splitRequest struct {
	Names []string `json:"names"`
	On    string   `json:"on"`
	Note  string   `json:"note"`
}

// adjustRequest is the body of POST /api/v1/areas/{id}/adjust.
type adjustRequest struct {
	NewParentID int64  `json:"new_parent_id"`
	On          string `json:"on"`
	Note        string `json:"note"`
}

// renameRequest is the body of POST /api/v1/areas/{id}/rename.
type renameRequest struct {
	Name string `json:"name"`
	On   string `json:"on"`
	Note string `json:"note"`
}

// dissolveRequest is the body of POST /api/v1/areas/{id}/dissolve.
type dissolveRequest struct {
	On   string `json:"on"`
	Note string `json:"note"`
}

// areaCreate serves POST /api/v1/areas: 201 with the new area.
func (h *Handler) areaCreate(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if err := decodeBody(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	on, err := parseDate("on", req.On)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	id, err := h.Areas.Create(r.Context(), area.CreateInput{
		ParentID: req.ParentID, Level: area.Level(req.Level), Name: req.Name, Code: req.Code, On: on, Note: req.Note,
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusCreated, id, 0, nil)
}

// areaMerge serves POST /api/v1/areas/{id}/merge: the merged area (now
// ended) and its target.
func (h *Handler) areaMerge(w http.ResponseWriter, r *http.Request) {
	var req mergeRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	err := h.Areas.Merge(r.Context(), area.MergeInput{AreaID: id, TargetID: req.TargetID, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusOK, id, req.TargetID, nil)
}

// areaSplit serves POST /api/v1/areas/{id}/split: 201 with the split area
// (now ended) and the new areas.
func (h *Handler) areaSplit(w http.ResponseWriter, r *http.Request) {
	var req splitRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	ids, err := h.Areas.Split(r.Context(), area.SplitInput{AreaID: id, Names: req.Names, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusCreated, id, 0, ids)
}

// areaAdjust serves POST /api/v1/areas/{id}/adjust: a boundary change, and
// a move when new_parent_id is set.
func (h *Handler) areaAdjust(w http.ResponseWriter, r *http.Request) {
	var req adjustRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	err := h.Areas.Adjust(r.Context(), area.AdjustInput{AreaID: id, NewParentID: req.NewParentID, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusOK, id, 0, nil)
}

// areaRename serves POST /api/v1/areas/{id}/rename.
func (h *Handler) areaRename(w http.ResponseWriter, r *http.Request) {
	var req renameRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	err := h.Areas.Rename(r.Context(), area.RenameInput{AreaID: id, Name: req.Name, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusOK, id, 0, nil)
}

// areaDissolve serves POST /api/v1/areas/{id}/dissolve.
func (h *Handler) areaDissolve(w http.ResponseWriter, r *http.Request) {
	var req dissolveRequest
	id, on, ok := h.decodeChange(w, r, &req, func() string { return req.On })
	if !ok {
		return
	}
	err := h.Areas.Dissolve(r.Context(), area.DissolveInput{AreaID: id, On: on, Note: req.Note})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerChange(w, r, http.StatusOK, id, 0, nil)
}

// decodeChange reads the {id} path value and the body into req, then
// parses the body's date (read through on, after decoding). It answers the
// request itself when any of that fails.
func (h *Handler) decodeChange(w http.ResponseWriter, r *http.Request, req any, on func() string) (int64, date.Date, bool) {
	id, err := pathID(r)
	if err == nil {
		err = decodeBody(w, r, req)
	}
	var d date.Date
	if err == nil {
		d, err = parseDate("on", on())
	}
	if err != nil {
		h.fail(w, r, err)
		return 0, d, false
	}
	return id, d, true
}

// answerChange renders the area id after a change, with the merge target
// or the split's new areas.
func (h *Handler) answerChange(w http.ResponseWriter, r *http.Request, status int, id, target int64, results []int64) {
	ctx := r.Context()
	out, err := h.loadAreaResult(ctx, id, target, results)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if status == http.StatusCreated && len(results) == 0 {
		w.Header().Set("Location", "/api/v1/areas/"+strconv.FormatInt(id, 10))
	}
	h.writeJSON(w, r, status, out)
}

// loadAreaResult reads the areas an answer to a change shows.
func (h *Handler) loadAreaResult(ctx context.Context, id, target int64, results []int64) (areaResult, error) {
	var out areaResult
	a, err := h.Areas.Get(ctx, id)
	if err != nil {
		return out, err
	}
	out.Area = toAreaJSON(a)
	if target != 0 {
		t, err := h.Areas.Get(ctx, target)
		if err != nil {
			return out, err
		}
		tj := toAreaJSON(t)
		out.Target = &tj
	}
	for _, rid := range results {
		x, err := h.Areas.Get(ctx, rid)
		if err != nil {
			return out, err
		}
		out.Results = append(out.Results, toAreaJSON(x))
	}
	return out, nil
}
