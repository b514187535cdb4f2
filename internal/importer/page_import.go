package importer

import (
	"context"
	"dangjian/internal/access"
	"dangjian/internal/jobs"
	"dangjian/internal/web"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// importMeta is what an import job is about.
type importMeta struct {
	kind string
	dry  bool
}

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
	More    int
	DryRun  bool
	Failed  string
	Reveal  bool
	Exports []string
}

type importErrorRow struct {
	Line            int
	Column, Message string
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

// importStart saves the upload to a temporary file and starts the import
// in the background; the browser follows to the job's page.
func (s *pages) importStart(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	fail := func(status int, msg string) {
		p := &importPage{Kind: r.FormValue("kind"), Error: msg, DryRun: r.FormValue("dry_run") != ""}
		s.Render(w, r, status, "import", s.importView(r, p))
	}
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			fail(http.StatusRequestEntityTooLarge, i18n.T(lang, "err.import_file_too_large", maxImportBytes>>20))
			return
		}
		fail(http.StatusUnprocessableEntity, i18n.T(lang, "err.import_file_required"))
		return
	}
	defer r.MultipartForm.RemoveAll()
	kind := r.FormValue("kind")
	if xlsx.SchemaByName(kind) == nil {
		fail(http.StatusUnprocessableEntity, i18n.T(lang, "err.import_kind_invalid", kind))
		return
	}
	up, hdr, err := r.FormFile("file")
	if err != nil {
		fail(http.StatusUnprocessableEntity, i18n.T(lang, "err.import_file_required"))
		return
	}
	defer up.Close()
	tmp, err := os.CreateTemp("", "dangjian-upload-*"+strings.ToLower(filepath.Ext(hdr.Filename)))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if _, err := io.Copy(tmp, up); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		s.ServerError(w, r, err)
		return
	}
	p, _ := web.Principal(r)
	// The import outlives the request: the job keeps its actor and scope
	// and drops its cancellation; the application's shutdown cancels it.
	sc, _ := access.Scope(p)
	base := audit.WithActor(access.WithScope(r.Context(), sc), audit.ActorFrom(r.Context()))
	meta := importMeta{kind: kind, dry: r.FormValue("dry_run") != ""}
	name := hdr.Filename
	job, err := s.jobs.Start(base, p.ID, meta, func(ctx context.Context, j *jobs.Job) (any, error) {
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		st, err := tmp.Stat()
		if err != nil {
			return nil, err
		}
		rn := &Runner{DB: s.db, People: s.people}
		res, err := rn.Import(ctx, tmp, st.Size(), name, kind, Options{DryRun: meta.dry, OnProgress: func(pr Progress) { j.Report(pr) }})
		if err != nil && !errors.Is(err, ErrBadRows) {
			s.Logger().Error("web: import", "err", err)
		}
		return res, err
	})
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		s.ServerError(w, r, err)
		return
	}
	web.SeeOther(w, r, "/import/jobs/"+job.ID)
}

// importJob shows a job's progress (refreshing itself) or its result.
func (s *pages) importJob(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("job")
	p, _ := web.Principal(r)
	job, ok := s.jobs.Get(id, p.ID)
	var meta importMeta
	if ok {
		meta, ok = job.Meta.(importMeta)
	}
	if !ok {
		s.NotFound(w, r)
		return
	}
	lang := web.Lang(r)
	st := job.State()
	page := &importPage{Kind: meta.kind, Job: id, DryRun: meta.dry}
	if !st.Done {
		page.Running = true
		progress, _ := st.Progress.(Progress)
		page.Rows = progress.Rows
		page.Percent = int(progress.Fraction * 100)
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
		s.Render(w, r, http.StatusOK, "import", s.importView(r, page))
		return
	}
	page.Res, _ = st.Result.(*Result)
	switch {
	case errors.Is(st.Err, ErrBadRows) && page.Res != nil:
		for _, e := range page.Res.Errors {
			page.Errors = append(page.Errors, importErrorRow{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
		}
		page.More = page.Res.MoreErrors
	case st.Err != nil:
		var ie *i18n.Error
		if errors.As(st.Err, &ie) {
			page.Failed = ie.In(lang)
		} else {
			page.Failed = i18n.T(lang, "err.internal")
		}
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
	h := w.Header()
	if ext == xlsx.FormatXLSX {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	} else {
		h.Set("Content-Type", "text/csv; charset=utf-8")
	}
	h.Set("Content-Disposition", `attachment; filename="`+kind+"-"+time.Now().Format("20060102-150405")+"."+ext+`"`)
	h.Set("Cache-Control", "no-store")
	cw := &web.CountingWriter{W: w}
	rn := &Runner{DB: s.db, People: s.people}
	_, err := rn.Export(r.Context(), cw, ExportOptions{Kind: kind, Format: ext, AreaID: areaID, Reveal: p.Can(auth.RevealPII), Lang: web.Lang(r)})
	if err != nil {
		if cw.N > 0 {
			s.Logger().ErrorContext(r.Context(), "web: export", "err", err)
			panic(http.ErrAbortHandler)
		}
		h.Del("Content-Disposition")
		s.ServerError(w, r, err)
	}
}
