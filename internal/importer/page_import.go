package importer

import (
	"context"
	"crypto/rand"
	"dangjian/internal/access"
	"dangjian/internal/web"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// importJob is an import running in the background, keyed by a random id
// and visible only to the account that started it.
type importJob struct {
	owner    int64
	kind     string
	dry      bool
	mu       sync.Mutex
	progress Progress
	done     bool
	res      *Result
	err      error
	ended    time.Time
}

var importJobs = struct {
	sync.Mutex
	m map[string]*importJob
}{m: map[string]*importJob{}}

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
	job := &importJob{owner: p.ID, kind: kind, dry: r.FormValue("dry_run") != ""}
	id := newJobID()
	importJobs.Lock()
	for k, j := range importJobs.m { // forget finished jobs after an hour
		if j.done && time.Since(j.ended) > time.Hour {
			delete(importJobs.m, k)
		}
	}
	importJobs.m[id] = job
	importJobs.Unlock()
	// The import outlives the request: keep its actor and scope, drop its
	// cancellation.
	ctx := context.WithoutCancel(r.Context())
	sc, _ := access.Scope(p)
	ctx = access.WithScope(ctx, sc)
	ctx = audit.WithActor(ctx, audit.ActorFrom(r.Context()))
	name := hdr.Filename
	go func() {
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		st, err := tmp.Stat()
		var res *Result
		if err == nil {
			rn := &Runner{DB: s.db, People: s.people}
			res, err = rn.Import(ctx, tmp, st.Size(), name, kind, Options{DryRun: job.dry, OnProgress: func(pr Progress) {
				job.mu.Lock()
				job.progress = pr
				job.mu.Unlock()
			}})
		}
		job.mu.Lock()
		job.res, job.err, job.done, job.ended = res, err, true, time.Now()
		job.mu.Unlock()
		if err != nil && !errors.Is(err, ErrBadRows) {
			s.Logger().Error("web: import", "err", err)
		}
	}()
	web.SeeOther(w, r, "/import/jobs/"+id)
}

func newJobID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// importJob shows a job's progress (refreshing itself) or its result.
func (s *pages) importJob(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("job")
	p, _ := web.Principal(r)
	importJobs.Lock()
	job := importJobs.m[id]
	importJobs.Unlock()
	if job == nil || job.owner != p.ID {
		s.NotFound(w, r)
		return
	}
	lang := web.Lang(r)
	job.mu.Lock()
	defer job.mu.Unlock()
	page := &importPage{Kind: job.kind, Job: id, DryRun: job.dry}
	if !job.done {
		page.Running = true
		page.Rows = job.progress.Rows
		page.Percent = int(job.progress.Fraction * 100)
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
		s.Render(w, r, http.StatusOK, "import", s.importView(r, page))
		return
	}
	page.Res = job.res
	switch {
	case errors.Is(job.err, ErrBadRows):
		for _, e := range job.res.Errors {
			page.Errors = append(page.Errors, importErrorRow{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
		}
		page.More = job.res.MoreErrors
	case job.err != nil:
		var ie *i18n.Error
		if errors.As(job.err, &ie) {
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
