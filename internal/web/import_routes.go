package web

import (
	"context"
	"crypto/rand"
	"dangjian/internal/access"
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
	"dangjian/internal/importer"
	"dangjian/internal/xlsx"
)

// importRoutes lists the pages that import and export members, units and
// posts (issue 4).
func (s *Server) importRoutes() []route {
	return []route{
		{"GET /import", importer.RunImports, nil, s.importShow},
		{"POST /import", importer.RunImports, nil, s.importStart},
		{"GET /import/jobs/{job}", importer.RunImports, nil, s.importJob},
		{"GET /export/{file}", importer.ReadExports, nil, s.exportDownload},
	}
}

// maxImportBytes bounds an uploaded file.
const maxImportBytes = 64 << 20

// bodyLimit is the request body limit of a route: forms get maxFormBytes,
// the import's upload its own.
func bodyLimit(pattern string) int64 {
	if pattern == "POST /import" {
		return maxImportBytes + 1<<20
	}
	return maxFormBytes
}

// importJob is an import running in the background, keyed by a random id
// and visible only to the account that started it.
type importJob struct {
	owner    int64
	kind     string
	dry      bool
	mu       sync.Mutex
	progress importer.Progress
	done     bool
	res      *importer.Result
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
	Res     *importer.Result
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

func (s *Server) importView(r *http.Request, p *importPage) *view {
	pr, _ := principalOf(r)
	p.Kinds = importer.Kinds
	p.Reveal = pr.Can(auth.RevealPII)
	for _, k := range importer.Kinds {
		p.Exports = append(p.Exports, k)
	}
	return &view{Title: i18n.T(langOf(r), "ui.import.title"), Nav: "import", D: p}
}

func (s *Server) importShow(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "import", s.importView(r, &importPage{Kind: "members", DryRun: true}))
}

// importStart saves the upload to a temporary file and starts the import
// in the background; the browser follows to the job's page.
func (s *Server) importStart(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	fail := func(status int, msg string) {
		p := &importPage{Kind: r.FormValue("kind"), Error: msg, DryRun: r.FormValue("dry_run") != ""}
		s.render(w, r, status, "import", s.importView(r, p))
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
		s.serverError(w, r, err)
		return
	}
	if _, err := io.Copy(tmp, up); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		s.serverError(w, r, err)
		return
	}
	p, _ := principalOf(r)
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
		var res *importer.Result
		if err == nil {
			rn := &importer.Runner{DB: s.db, People: s.people}
			res, err = rn.Import(ctx, tmp, st.Size(), name, kind, importer.Options{DryRun: job.dry, OnProgress: func(pr importer.Progress) {
				job.mu.Lock()
				job.progress = pr
				job.mu.Unlock()
			}})
		}
		job.mu.Lock()
		job.res, job.err, job.done, job.ended = res, err, true, time.Now()
		job.mu.Unlock()
		if err != nil && !errors.Is(err, importer.ErrBadRows) {
			s.log.Error("web: import", "err", err)
		}
	}()
	seeOther(w, r, "/import/jobs/"+id)
}

func newJobID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// importJob shows a job's progress (refreshing itself) or its result.
func (s *Server) importJob(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("job")
	p, _ := principalOf(r)
	importJobs.Lock()
	job := importJobs.m[id]
	importJobs.Unlock()
	if job == nil || job.owner != p.ID {
		s.notFound(w, r)
		return
	}
	lang := langOf(r)
	job.mu.Lock()
	defer job.mu.Unlock()
	page := &importPage{Kind: job.kind, Job: id, DryRun: job.dry}
	if !job.done {
		page.Running = true
		page.Rows = job.progress.Rows
		page.Percent = int(job.progress.Fraction * 100)
		w.Header().Set("Refresh", "1") // the CSP allows no script; the browser reloads
		s.render(w, r, http.StatusOK, "import", s.importView(r, page))
		return
	}
	page.Res = job.res
	switch {
	case errors.Is(job.err, importer.ErrBadRows):
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
	s.render(w, r, http.StatusOK, "import", s.importView(r, page))
}

// exportDownload sends /export/members.xlsx?area=ID (or .csv) for the
// user's scope: numbers in full only for a user who may reveal them.
func (s *Server) exportDownload(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	kind, ext, _ := strings.Cut(file, ".")
	if xlsx.SchemaByName(kind) == nil || (ext != xlsx.FormatXLSX && ext != xlsx.FormatCSV) {
		s.notFound(w, r)
		return
	}
	var areaID int64
	if v := r.URL.Query().Get("area"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.notFound(w, r)
			return
		}
		if _, err := s.areas.Get(r.Context(), id); err != nil {
			if errors.Is(err, area.ErrOutOfScope) {
				s.denied(w, r, http.StatusForbidden, "err.out_of_scope")
				return
			}
			s.notFound(w, r)
			return
		}
		areaID = id
	}
	p, _ := principalOf(r)
	h := w.Header()
	if ext == xlsx.FormatXLSX {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	} else {
		h.Set("Content-Type", "text/csv; charset=utf-8")
	}
	h.Set("Content-Disposition", `attachment; filename="`+kind+"-"+time.Now().Format("20060102-150405")+"."+ext+`"`)
	h.Set("Cache-Control", "no-store")
	cw := &countingWriter{w: w}
	rn := &importer.Runner{DB: s.db, People: s.people}
	_, err := rn.Export(r.Context(), cw, importer.ExportOptions{Kind: kind, Format: ext, AreaID: areaID, Reveal: p.Can(auth.RevealPII), Lang: langOf(r)})
	if err != nil {
		if cw.n > 0 {
			s.log.ErrorContext(r.Context(), "web: export", "err", err)
			panic(http.ErrAbortHandler)
		}
		h.Del("Content-Disposition")
		s.serverError(w, r, err)
	}
}
