package importer

import (
	"errors"
	"net/http"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// exportJobPage is an export job's page: its progress (the page reloads
// itself), or its download link, or why it failed.
type exportJobPage struct {
	Job      string
	Kind     string
	State    string // queued, running, done, failed, cancelled
	Rows     int
	Percent  int
	Name     string
	Size     int
	Failure  string
	Download string
}

// exportJobStart serves POST /export/jobs?file=members.xlsx&area=ID: the
// export of /export/{file} built in the background, with the same checks;
// the browser follows to the job's page.
func (s *pages) exportJobStart(w http.ResponseWriter, r *http.Request) {
	kind, ext, ok := exportFile(r.FormValue("file"))
	if !ok {
		s.NotFound(w, r)
		return
	}
	var areaID int64
	if v := r.FormValue("area"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.NotFound(w, r)
			return
		}
		if _, err := s.people.Areas.Get(r.Context(), id); err != nil {
			if errors.Is(err, area.ErrOutOfScope) {
				s.Denied(w, r, http.StatusForbidden, "err.out_of_scope")
				return
			}
			s.NotFound(w, r)
			return
		}
		areaID = id
	}
	p, _ := web.Principal(r)
	job, err := s.uploads.startExport(r, p, kind, ext, areaID, web.Lang(r))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	web.SeeOther(w, r, "/export/jobs/"+job.ID)
}

// exportJobShow serves GET /export/jobs/{job}: the user's own job.
func (s *pages) exportJobShow(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, m, err := s.uploads.findExport(r.Context(), r.PathValue("job"), p)
	if s.exportJobError(w, r, err) {
		return
	}
	lang := web.Lang(r)
	st := job.State()
	page := &exportJobPage{Job: job.ID, Kind: m.Kind}
	page.State, page.Rows, page.Percent, page.Failure = exportJobState(st, lang)
	var res exportOutcome
	if page.State == "done" && st.DecodeResult(&res) {
		page.Name, page.Rows, page.Size, page.Download = res.Name, res.Rows, res.Size, "/export/jobs/"+job.ID+"/file"
	}
	if !st.Done {
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, http.StatusOK, "export_job", &web.View{Title: i18n.T(lang, "ui.export_job.title"), Nav: "import", D: page})
}

// exportJobCancel serves POST /export/jobs/{job}/cancel.
func (s *pages) exportJobCancel(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, _, err := s.uploads.cancelExport(r.Context(), r.PathValue("job"), p)
	if s.exportJobError(w, r, err) {
		return
	}
	web.SeeOther(w, r, "/export/jobs/"+job.ID)
}

// exportJobFile serves GET /export/jobs/{job}/file: the finished job's
// file, to its owner, with the synchronous export's checks against the
// user as they are now; audited before it is sent.
func (s *pages) exportJobFile(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	out, err := s.uploads.exportOutput(r.Context(), r.PathValue("job"), p)
	if s.exportJobError(w, r, err) {
		return
	}
	_ = web.SendFile(w, out.Name, out.ContentType, out.Data)
}

// exportJobError answers err of an export job's route and reports whether
// it did: not found 404, refused 403 (audited), not ready 409.
func (s *pages) exportJobError(w http.ResponseWriter, r *http.Request, err error) bool {
	var ie *i18n.Error
	switch {
	case err == nil:
		return false
	case errors.Is(err, fault.NotFound):
		s.NotFound(w, r)
	case errors.Is(err, fault.Forbidden) && errors.As(err, &ie):
		s.Denied(w, r, http.StatusForbidden, ie.Key)
	case errors.Is(err, fault.Conflict) && errors.As(err, &ie):
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusConflict)
		_, _ = w.Write([]byte(ie.In(web.Lang(r)) + "\n"))
	default:
		s.ServerError(w, r, err)
	}
	return true
}
