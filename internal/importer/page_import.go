package importer

import (
	"dangjian/internal/fault"
	"dangjian/internal/web"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

type importPage struct {
	Kinds   []string
	Kind    string
	Error   string
	Job     string
	Running bool
	Percent int
	Rows    int
	Res     *Result
	Errors  []importErrorRow
	BadRows int
	More    int
	DryRun  bool
	Failed  string
	Reveal  bool
	Exports []string
}

type importErrorRow struct {
	Line                 int
	Who, Column, Message string
}

func (s *pages) importView(r *http.Request, p *importPage) *web.View {
	pr, _ := web.Principal(r)
	p.Kinds = Kinds
	p.Reveal = pr.Can(auth.RevealPII)
	for _, k := range Kinds {
		p.Exports = append(p.Exports, k)
	}
	return &web.View{Title: i18n.T(web.Lang(r), "ui.import.title"), Nav: "import", D: p}
}

func (s *pages) importShow(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "import", s.importView(r, &importPage{Kind: "members", DryRun: true}))
}

// importStart saves the upload and starts the import in the background;
// the browser follows to the job's page.
func (s *pages) importStart(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	up, err := parseUpload(r)
	if err != nil {
		status := http.StatusUnprocessableEntity
		if errors.Is(err, errTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		p := &importPage{Kind: r.FormValue("kind"), Error: err.(*i18n.Error).In(lang), DryRun: r.FormValue("dry_run") != ""}
		s.Render(w, r, status, "import", s.importView(r, p))
		return
	}
	defer r.MultipartForm.RemoveAll()
	defer up.file.Close()
	p, _ := web.Principal(r)
	job, err := s.uploads.start(r, p, up)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	web.SeeOther(w, r, "/import/jobs/"+job.ID)
}

// importConfirm imports for real the file a clean dry run kept, without
// the user sending it again; the browser follows to the new job's page.
func (s *pages) importConfirm(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, err := s.uploads.confirm(r, p, r.PathValue("job"))
	var ie *i18n.Error
	switch {
	case errors.As(err, &ie) && errors.Is(err, fault.NotFound):
		s.NotFound(w, r)
	case errors.As(err, &ie):
		page := &importPage{Kind: "members", DryRun: true, Error: ie.In(web.Lang(r))}
		s.Render(w, r, http.StatusConflict, "import", s.importView(r, page))
	case err != nil:
		s.ServerError(w, r, err)
	default:
		web.SeeOther(w, r, "/import/jobs/"+job.ID)
	}
}

// importCancel cancels the user's own import job and shows it.
func (s *pages) importCancel(w http.ResponseWriter, r *http.Request) {
	p, _ := web.Principal(r)
	job, _, err := s.uploads.cancel(r.Context(), r.PathValue("job"), p)
	switch {
	case errors.Is(err, fault.NotFound):
		s.NotFound(w, r)
	case err != nil:
		s.ServerError(w, r, err)
	default:
		web.SeeOther(w, r, "/import/jobs/"+job.ID)
	}
}

// importJob shows a job's progress (refreshing itself) or its result.
func (s *pages) importJob(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("job")
	p, _ := web.Principal(r)
	job, meta, err := s.uploads.find(r.Context(), id, p)
	if err != nil {
		if errors.Is(err, fault.NotFound) {
			s.NotFound(w, r)
		} else {
			s.ServerError(w, r, err)
		}
		return
	}
	lang := web.Lang(r)
	st := job.State()
	page := &importPage{Kind: meta.Kind, Job: id, DryRun: meta.Dry}
	if !st.Done {
		page.Running = true
		var progress Progress
		st.DecodeProgress(&progress)
		page.Rows = progress.Rows
		page.Percent = int(progress.Fraction * 100)
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
		s.Render(w, r, http.StatusOK, "import", s.importView(r, page))
		return
	}
	oc, ok := outcome(st)
	page.Res = oc.Result
	switch {
	case st.Err == nil && ok && oc.Refused:
		for _, e := range page.Res.Errors {
			page.Errors = append(page.Errors, importErrorRow{Line: e.Line, Who: page.Res.Who[e.Line], Column: e.Header, Message: e.Message(lang)})
		}
		page.BadRows = page.Res.BadRows()
		page.More = page.Res.MoreErrors
	case st.Err != nil || !ok:
		page.Failed = failure(st.Err, lang)
		page.Res = nil
	}
	s.Render(w, r, http.StatusOK, "import", s.importView(r, page))
}

// exportDownload sends /export/members.xlsx?area=ID (or .csv) for the
// user's scope: numbers in full only for a user who may reveal them.
func (s *pages) exportDownload(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	kind, ext, _ := strings.Cut(file, ".")
	if xlsx.SchemaByName(kind) == nil || (ext != xlsx.FormatXLSX && ext != xlsx.FormatCSV) {
		s.NotFound(w, r)
		return
	}
	var areaID int64
	if v := r.URL.Query().Get("area"); v != "" {
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
	if err := s.uploads.export(w, r, kind, ext, areaID, p.Can(auth.RevealPII), web.Lang(r)); err != nil {
		s.ServerError(w, r, err)
	}
}
