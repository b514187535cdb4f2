package report

import (
	"errors"
	"net/http"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// workbookJobPage is a workbook job's page: its progress (the page
// reloads itself), or its download link, or why it failed.
type workbookJobPage struct {
	Job      string
	State    string // queued, running, done, failed, cancelled
	Percent  int
	Name     string
	Size     int
	Failure  string
	Download string
	Back     string
}

// workbookJobStart serves POST /workbook/jobs?area=&from=&to=&level=: the
// workbook of the scope is built in the background; the browser follows
// to the job's page. A refusal is plain text naming the field, as the
// synchronous download's.
func (s *pages) workbookJobStart(w http.ResponseWriter, r *http.Request) {
	sc, level, ok := s.workbookRequest(w, r)
	if !ok {
		return
	}
	p, _ := web.Principal(r)
	job, err := s.workbooks.start(r.Context(), p, sc, level, web.Lang(r))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	web.SeeOther(w, r, "/workbook/jobs/"+job.ID)
}

// workbookJobShow serves GET /workbook/jobs/{job}: the user's own job.
func (s *pages) workbookJobShow(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, m, err := s.workbooks.find(r.Context(), r.PathValue("job"), p)
	if s.jobError(w, r, err) {
		return
	}
	lang := web.Lang(r)
	st := job.State()
	page := &workbookJobPage{Job: job.ID, Back: "/figures?area=" + web.Itoa(m.Area) + "&from=" + m.From + "&to=" + m.To}
	page.State, page.Percent, page.Failure = workbookJobState(st, lang)
	var res workbookResult
	if page.State == "done" && st.DecodeResult(&res) {
		page.Name, page.Size, page.Download = res.Name, res.Size, "/workbook/jobs/"+job.ID+"/file"
	}
	if !st.Done {
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, http.StatusOK, "workbook_job", &web.View{Title: i18n.T(lang, "ui.workbook_job.title"), Nav: "figures", D: page})
}

// workbookJobCancel serves POST /workbook/jobs/{job}/cancel.
func (s *pages) workbookJobCancel(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, _, err := s.workbooks.cancel(r.Context(), r.PathValue("job"), p)
	if s.jobError(w, r, err) {
		return
	}
	web.SeeOther(w, r, "/workbook/jobs/"+job.ID)
}

// workbookJobFile serves GET /workbook/jobs/{job}/file: the finished job's
// workbook, to its owner, in the scope the user has now.
func (s *pages) workbookJobFile(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	out, err := s.workbooks.file(r.Context(), r.PathValue("job"), p)
	if s.jobError(w, r, err) {
		return
	}
	_ = web.SendFile(w, out.Name, out.ContentType, out.Data)
}

// jobError answers err of a workbook job's route (not found: 404; a
// refusal: plain text naming the field, with its status) and reports
// whether it did.
func (s *pages) jobError(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, fault.NotFound) {
		s.NotFound(w, r)
		return true
	}
	e, isUser := web.UserError(err)
	if !isUser {
		s.ServerError(w, r, err)
		return true
	}
	status := web.UserErrorStatus(e)
	if errors.Is(err, fault.Conflict) {
		status = http.StatusConflict // the job has no file (yet)
	}
	if status == http.StatusForbidden {
		s.AuditDenied(r, e.Key)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(e.In(web.Lang(r)) + "\n"))
	return true
}
