package report

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/jobs"
)

// workbookJobJSON is a workbook job: queued or running with its percent
// done, or done with its file's URL, or failed/cancelled with why.
type workbookJobJSON struct {
	ID       string `json:"id"`
	State    string `json:"state"` // queued, running, done, failed, cancelled
	Percent  int    `json:"percent"`
	Name     string `json:"name,omitempty"`
	Size     int    `json:"size,omitempty"`
	Download string `json:"download,omitempty"`
	Failure  string `json:"failure,omitempty"`
}

// workbookJobView describes job as workbookJobJSON.
func workbookJobView(r *http.Request, job *jobs.Job) workbookJobJSON {
	st := job.State()
	out := workbookJobJSON{ID: job.ID}
	out.State, out.Percent, out.Failure = workbookJobState(st, api.Lang(r))
	var res workbookResult
	if out.State == "done" && st.DecodeResult(&res) {
		out.Name, out.Size, out.Download = res.Name, res.Size, "/api/v1/workbook/jobs/"+job.ID+"/file"
	}
	return out
}

// workbookJobStart serves POST /api/v1/workbook/jobs?area=&from=&to=&level=:
// the workbook of GET /api/v1/workbook, built in the background (202,
// Location of the job).
func (h *apiHandlers) workbookJobStart(w http.ResponseWriter, r *http.Request) {
	s, level, err := h.workbookScope(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	job, err := h.workbooks.start(r.Context(), api.PrincipalOf(r), s, level, api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/workbook/jobs/"+job.ID)
	h.WriteJSON(w, r, http.StatusAccepted, workbookJobView(r, job))
}

// workbookJobGet serves GET /api/v1/workbook/jobs/{job}: the caller's own
// job.
func (h *apiHandlers) workbookJobGet(w http.ResponseWriter, r *http.Request) {
	job, _, err := h.workbooks.find(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, workbookJobView(r, job))
}

// workbookJobCancel serves POST /api/v1/workbook/jobs/{job}/cancel.
func (h *apiHandlers) workbookJobCancel(w http.ResponseWriter, r *http.Request) {
	job, _, err := h.workbooks.cancel(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, workbookJobView(r, job))
}

// workbookJobFile serves GET /api/v1/workbook/jobs/{job}/file: the
// finished job's workbook, to its owner, in the scope the caller has now.
func (h *apiHandlers) workbookJobFile(w http.ResponseWriter, r *http.Request) {
	out, err := h.workbooks.file(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "area"))
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+out.Name+`"`)
	api.WriteBody(w, http.StatusOK, out.ContentType, out.Data)
}
