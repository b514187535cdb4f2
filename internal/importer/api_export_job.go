package importer

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
)

// exportJobJSON is an export job: queued or running with its rows and
// percent done, or done with its file's URL, or failed/cancelled with why.
type exportJobJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Format   string `json:"format"`
	State    string `json:"state"` // queued, running, done, failed, cancelled
	Rows     int    `json:"rows"`
	Percent  int    `json:"percent"`
	Name     string `json:"name,omitempty"`
	Size     int    `json:"size,omitempty"`
	Download string `json:"download,omitempty"`
	Failure  string `json:"failure,omitempty"`
}

// exportJobView describes job as exportJobJSON.
func exportJobView(r *http.Request, job *jobs.Job, m exportMeta) exportJobJSON {
	st := job.State()
	out := exportJobJSON{ID: job.ID, Kind: m.Kind, Format: m.Format}
	out.State, out.Rows, out.Percent, out.Failure = exportJobState(st, api.Lang(r))
	var res exportOutcome
	if out.State == "done" && st.DecodeResult(&res) {
		out.Name, out.Rows, out.Size, out.Download = res.Name, res.Rows, res.Size, "/api/v1/exports/jobs/"+job.ID+"/file"
	}
	return out
}

// exportJobStart serves POST /api/v1/exports/jobs?file=members.xlsx&area=:
// the export of GET /api/v1/exports/{file}, with its checks, built in the
// background (202, Location of the job).
func (h *apiHandlers) exportJobStart(w http.ResponseWriter, r *http.Request) {
	areaID, err := h.queryArea(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	file := r.URL.Query().Get("file")
	kind, ext, ok := exportFile(file)
	if !ok {
		h.Fail(w, r, i18n.Errf("file", "err.import_kind_invalid", file))
		return
	}
	m := exportMeta{Kind: kind, Format: ext}
	job, err := h.uploads.startExport(r, api.PrincipalOf(r), kind, ext, areaID, api.Lang(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/exports/jobs/"+job.ID)
	h.WriteJSON(w, r, http.StatusAccepted, exportJobView(r, job, m))
}

// exportJobGet serves GET /api/v1/exports/jobs/{job}: the caller's own job.
func (h *apiHandlers) exportJobGet(w http.ResponseWriter, r *http.Request) {
	job, m, err := h.uploads.findExport(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, exportJobView(r, job, m))
}

// exportJobCancel serves POST /api/v1/exports/jobs/{job}/cancel.
func (h *apiHandlers) exportJobCancel(w http.ResponseWriter, r *http.Request) {
	job, m, err := h.uploads.cancelExport(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, exportJobView(r, job, m))
}

// exportJobFile serves GET /api/v1/exports/jobs/{job}/file: the finished
// job's file, to its owner, with the synchronous export's checks against
// the caller as they are now; audited before it is sent.
func (h *apiHandlers) exportJobFile(w http.ResponseWriter, r *http.Request) {
	out, err := h.uploads.exportOutput(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+out.Name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	api.WriteBody(w, http.StatusOK, out.ContentType, out.Data)
}
