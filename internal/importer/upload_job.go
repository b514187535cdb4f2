package importer

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
	"dangjian/internal/people"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// maxImportBytes bounds an uploaded file.
const maxImportBytes = 64 << 20

// uploader starts the imports of uploaded files as jobs, for the pages and
// the API alike.
type uploader struct {
	db     *db.DB
	people *people.Store
	jobs   *jobs.Runner
	log    *slog.Logger
}

// importMeta is what an import job is about.
type importMeta struct {
	kind string
	dry  bool
	name string // the uploaded file's name
	// kept is the uploaded file a clean dry run keeps, so that the user
	// can confirm the import without sending the file again.
	kept *keptFile
}

// keptFile is an uploaded file that one later import may take.
type keptFile struct {
	mu   sync.Mutex
	path string
}

// take hands the file to the caller, once.
func (k *keptFile) take() (string, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	p := k.path
	k.path = ""
	return p, p != ""
}

// drop removes the file unless it was taken.
func (k *keptFile) drop() {
	if p, ok := k.take(); ok {
		os.Remove(p)
	}
}

// upload is a parsed import request: the kind, the file and the dry-run
// flag of a multipart form (fields kind, file, dry_run).
type upload struct {
	kind string
	dry  bool
	file multipart.File
	name string
}

// parseUpload reads the multipart form of r, whose body the caller has
// bounded: a file too large, a missing file or an unknown kind is refused
// with its message, naming the field.
func parseUpload(r *http.Request) (*upload, error) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, &i18n.Error{Field: "file", Key: "err.import_file_too_large", Args: []any{maxImportBytes >> 20}, Err: errTooLarge}
		}
		return nil, i18n.Errf("file", "err.import_file_required")
	}
	u := &upload{kind: r.FormValue("kind"), dry: r.FormValue("dry_run") != "" && r.FormValue("dry_run") != "false"}
	if xlsx.SchemaByName(u.kind) == nil {
		return nil, i18n.Errf("kind", "err.import_kind_invalid", u.kind)
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, i18n.Errf("file", "err.import_file_required")
	}
	u.file, u.name = f, hdr.Filename
	return u, nil
}

// errTooLarge marks an upload over maxImportBytes.
var errTooLarge = errors.New("importer: upload too large")

// start saves the upload to a temporary file and imports it as a job of p
// (see run).
func (u *uploader) start(r *http.Request, p auth.Principal, up *upload) (*jobs.Job, error) {
	tmp, err := os.CreateTemp("", "dangjian-upload-*"+strings.ToLower(filepath.Ext(up.name)))
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(tmp, up.file)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return nil, err
	}
	return u.run(r, p, tmp.Name(), importMeta{kind: up.kind, dry: up.dry, name: up.name})
}

// confirm imports for real the file that p's clean dry run job id kept.
func (u *uploader) confirm(r *http.Request, p auth.Principal, id string) (*jobs.Job, error) {
	job, meta, err := u.find(id, p)
	if err != nil {
		return nil, err
	}
	st := job.State()
	res, _ := st.Result.(*Result)
	if !st.Done || !meta.dry || st.Err != nil || res == nil || !res.OK() || meta.kept == nil {
		return nil, &i18n.Error{Field: "job", Key: "err.import_not_confirmable", Err: fault.Conflict}
	}
	path, ok := meta.kept.take()
	if !ok {
		return nil, &i18n.Error{Field: "job", Key: "err.import_file_gone", Err: fault.Conflict}
	}
	return u.run(r, p, path, importMeta{kind: meta.kind, name: meta.name})
}

// run imports the file at path, which it owns, as a job of p, in p's
// scope and as the request's actor: the import outlives the request (it
// drops the request's cancellation; the application's shutdown cancels it)
// and is one transaction, so nothing is half-written. A clean dry run keeps
// the file for confirm until the job is forgotten; otherwise it is removed.
func (u *uploader) run(r *http.Request, p auth.Principal, path string, meta importMeta) (*jobs.Job, error) {
	sc, _ := access.Scope(p)
	base := audit.WithActor(access.WithScope(r.Context(), sc), audit.ActorFrom(r.Context()))
	if meta.dry {
		meta.kept = &keptFile{path: path}
	}
	job, err := u.jobs.Start(base, p.ID, meta, func(ctx context.Context, j *jobs.Job) (any, error) {
		res, err := u.importFile(ctx, j, path, meta)
		if meta.dry && err == nil && res != nil && res.OK() {
			j.OnForget(meta.kept.drop)
		} else {
			os.Remove(path)
		}
		return res, err
	})
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return job, nil
}

// importFile runs the import of the file at path, reporting progress to j.
func (u *uploader) importFile(ctx context.Context, j *jobs.Job, path string, meta importMeta) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	rn := &Runner{DB: u.db, People: u.people}
	res, err := rn.Import(ctx, f, st.Size(), meta.name, meta.kind, Options{DryRun: meta.dry, OnProgress: func(pr Progress) { j.Report(pr) }})
	if err != nil && !errors.Is(err, ErrBadRows) {
		u.log.Error("importer: import", "err", err)
	}
	return res, err
}

// find returns p's import job id; anything else is not found.
func (u *uploader) find(id string, p auth.Principal) (*jobs.Job, importMeta, error) {
	job, ok := u.jobs.Get(id, p.ID)
	var meta importMeta
	if ok {
		meta, ok = job.Meta.(importMeta)
	}
	if !ok {
		return nil, meta, &i18n.Error{Field: "job", Key: "err.import_job_unknown", Err: fault.NotFound}
	}
	return job, meta, nil
}

// export writes the records of kind in the caller's scope (or areaID's
// subtree) as ext (xlsx or csv): numbers in full only when reveal. An
// error before anything was written is returned for the caller to answer;
// one after the first byte aborts the response, which the client sees as a
// broken download rather than a truncated file.
func (u *uploader) export(w http.ResponseWriter, r *http.Request, kind, ext string, areaID int64, reveal bool, lang i18n.Lang) error {
	h := w.Header()
	if ext == xlsx.FormatXLSX {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	} else {
		h.Set("Content-Type", "text/csv; charset=utf-8")
	}
	h.Set("Content-Disposition", `attachment; filename="`+kind+"-"+time.Now().Format("20060102-150405")+"."+ext+`"`)
	h.Set("Cache-Control", "no-store")
	cw := &web.CountingWriter{W: w}
	rn := &Runner{DB: u.db, People: u.people}
	_, err := rn.Export(r.Context(), cw, ExportOptions{Kind: kind, Format: ext, AreaID: areaID, Reveal: reveal, Lang: lang})
	if err != nil {
		if cw.N > 0 {
			u.log.ErrorContext(r.Context(), "importer: export", "err", err)
			panic(http.ErrAbortHandler)
		}
		h.Del("Content-Disposition")
		h.Del("Content-Type")
	}
	return err
}
