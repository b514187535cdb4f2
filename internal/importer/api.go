package importer

import (
	_ "embed"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
	"dangjian/internal/people"
	"dangjian/internal/xlsx"
)

//go:embed openapi.json
var openAPIDoc []byte

// apiHandlers are the API's handlers of imports and exports.
type apiHandlers struct {
	*api.Handler
	uploads *uploader
}

// API is the import and export part of the JSON API: upload a file, follow
// its import, read its row errors; download the records of one's scope.
func API(d *db.DB, ps *people.Store, rn *jobs.Runner) api.Module {
	return api.Module{
		Name: "importer",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, uploads: newUploader(d, ps, rn, h.Logger())}
			return []api.Route{
				{Method: http.MethodPost, Path: "/api/v1/imports", Perm: RunImports, Handle: s.importStart, Response: importJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/imports/{job}", Perm: RunImports, Handle: s.importGet, Response: importJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/imports/{job}/cancel", Perm: RunImports, Handle: s.importCancel, Response: importJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/exports/{file}", Perm: ReadExports, Handle: s.exportGet},
				{Method: http.MethodPost, Path: "/api/v1/exports/jobs", Perm: ReadExports, Handle: s.exportJobStart, Response: exportJobJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/exports/jobs/{job}", Perm: ReadExports, Handle: s.exportJobGet, Response: exportJobJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/exports/jobs/{job}/cancel", Perm: ReadExports, Handle: s.exportJobCancel, Response: exportJobJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/exports/jobs/{job}/file", Perm: ReadExports, Handle: s.exportJobFile},
			}
		},
	}
}

// importJSON is an import job: running with its progress, or done with
// its counts or every bad row (up to a limit, then how many more).
type importJSON struct {
	ID        string          `json:"id"`
	Kind      string          `json:"kind"`
	DryRun    bool            `json:"dry_run"`
	State     string          `json:"state"` // running, done, refused (bad rows), failed, cancelled
	Rows      int             `json:"rows"`
	Percent   int             `json:"percent"`
	Created   int             `json:"created"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Errors    []importRowJSON `json:"errors"`
	More      int             `json:"more_errors,omitempty"`
	Failure   string          `json:"failure,omitempty"`
}

// importRowJSON is one refused cell: its line, column and message.
type importRowJSON struct {
	Line    int    `json:"line"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// importStart serves POST /api/v1/imports (multipart/form-data: kind,
// file, dry_run): the import runs in the background (202, Location of the
// job).
func (h *apiHandlers) importStart(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes+1<<20)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "multipart/form-data") {
		h.Fail(w, r, i18n.Errf("file", "err.import_file_required"))
		return
	}
	up, err := parseUpload(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	defer r.MultipartForm.RemoveAll()
	defer up.file.Close()
	p := api.PrincipalOf(r)
	job, err := h.uploads.start(r, p, up)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/imports/"+job.ID)
	h.WriteJSON(w, r, http.StatusAccepted, importState(job.ID, importMeta{Kind: up.kind, Dry: up.dry}, job.State(), api.Lang(r)))
}

// importGet serves GET /api/v1/imports/{job}: the caller's own job.
func (h *apiHandlers) importGet(w http.ResponseWriter, r *http.Request) {
	job, meta, err := h.uploads.find(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, importState(job.ID, meta, job.State(), api.Lang(r)))
}

// importCancel serves POST /api/v1/imports/{job}/cancel: the caller's own
// job, cancelled (a running one ends at its worker's next look).
func (h *apiHandlers) importCancel(w http.ResponseWriter, r *http.Request) {
	job, meta, err := h.uploads.cancel(r.Context(), r.PathValue("job"), api.PrincipalOf(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, importState(job.ID, meta, job.State(), api.Lang(r)))
}

// importState describes a job as importJSON.
func importState(id string, meta importMeta, st jobs.State, lang i18n.Lang) importJSON {
	out := importJSON{ID: id, Kind: meta.Kind, DryRun: meta.Dry, State: "running", Errors: []importRowJSON{}}
	var p Progress
	if st.DecodeProgress(&p) {
		out.Rows, out.Percent = p.Rows, int(p.Fraction*100)
	}
	if !st.Done {
		return out
	}
	oc, ok := outcome(st)
	switch {
	case st.Status == jobs.Cancelled:
		out.State = "cancelled"
		out.Failure = failure(st.Err, lang)
		return out
	case st.Err == nil && ok && oc.Refused:
		out.State = "refused"
	case st.Err == nil && ok:
		out.State = "done"
	default:
		out.State = "failed"
		out.Failure = failure(st.Err, lang)
		return out
	}
	res := oc.Result
	out.Rows, out.Percent = res.Rows, 100
	out.Created, out.Updated, out.Unchanged, out.More = res.Created, res.Updated, res.Unchanged, res.MoreErrors
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, importRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
	}
	return out
}

// failure is the message of a failed or cancelled import job in lang.
func failure(err error, lang i18n.Lang) string {
	var ie *i18n.Error
	switch {
	case errors.Is(err, jobs.ErrCancelled):
		return i18n.T(lang, "err.job_cancelled")
	case errors.As(err, &ie):
		return ie.In(lang)
	default:
		return i18n.T(lang, "err.internal")
	}
}

// exportGet serves GET /api/v1/exports/{kind}.{xlsx|csv}?area=: the records
// of the caller's scope (or of area inside it), in the import's columns;
// numbers in full only for an account that may reveal them.
func (h *apiHandlers) exportGet(w http.ResponseWriter, r *http.Request) {
	kind, ext, _ := strings.Cut(r.PathValue("file"), ".")
	if xlsx.SchemaByName(kind) == nil || (ext != xlsx.FormatXLSX && ext != xlsx.FormatCSV) {
		h.Fail(w, r, &i18n.Error{Field: "file", Key: "err.import_kind_invalid", Args: []any{r.PathValue("file")}, Err: fault.NotFound})
		return
	}
	areaID, err := h.queryArea(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	p := api.PrincipalOf(r)
	if err := h.uploads.export(w, r, kind, ext, areaID, p.Can(auth.RevealPII), api.Lang(r)); err != nil {
		h.Fail(w, r, err)
	}
}

// queryArea is the id of the area ?area= names, 0 when absent.
func (h *apiHandlers) queryArea(r *http.Request) (int64, error) {
	v := r.URL.Query().Get("area")
	if v == "" {
		return 0, nil
	}
	a, err := h.uploads.people.Areas.Find(r.Context(), v)
	if err != nil {
		return 0, api.Relabel(err, "area_id", "area")
	}
	return a.ID, nil
}
