package importer

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
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

// importKind is the kind of the import jobs.
const importKind = "import"

// newUploader returns the uploader over rn and registers the import jobs'
// function with rn (the pages and the API register the same one).
func newUploader(d *db.DB, ps *people.Store, rn *jobs.Runner, log *slog.Logger) *uploader {
	u := &uploader{db: d, people: ps, jobs: rn, log: log}
	rn.Register(importKind, u.runJob)
	rn.Register(exportKind, u.runExport)
	return u
}

// importMeta is what an import job is about: its args, stored with it.
// Scope and Actor are the starting request's, so that the import runs in
// the same scope and is audited as the same person on any server, after a
// restart too.
type importMeta struct {
	Kind  string      `json:"kind"`
	Dry   bool        `json:"dry_run"`
	Name  string      `json:"name"` // the uploaded file's name
	Scope int64       `json:"scope"`
	Actor audit.Actor `json:"actor"`
}

// importOutcome is an import job's result: the import's result, and
// whether it was refused for bad rows (nothing written).
type importOutcome struct {
	Result  *Result `json:"result"`
	Refused bool    `json:"refused,omitempty"`
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

// meta is the args of an import of kind by the request's account, in its
// scope and as its actor.
func meta(r *http.Request, p auth.Principal, kind string, dry bool, name string) importMeta {
	sc, _ := access.Scope(p)
	return importMeta{Kind: kind, Dry: dry, Name: name, Scope: sc, Actor: audit.ActorFrom(r.Context())}
}

// start queues the import of the upload as a job of p: the file's bytes
// are stored with the job (encrypted), so that the import survives a
// restart and runs on whichever server claims it.
func (u *uploader) start(r *http.Request, p auth.Principal, up *upload) (*jobs.Job, error) {
	data, err := io.ReadAll(io.LimitReader(up.file, maxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxImportBytes {
		return nil, &i18n.Error{Field: "file", Key: "err.import_file_too_large", Args: []any{maxImportBytes >> 20}, Err: errTooLarge}
	}
	return u.jobs.Start(r.Context(), p.ID, importKind, meta(r, p, up.kind, up.dry, up.name), data)
}

// confirm imports for real the file that p's clean dry run job id kept.
func (u *uploader) confirm(r *http.Request, p auth.Principal, id string) (*jobs.Job, error) {
	job, m, err := u.find(r.Context(), id, p)
	if err != nil {
		return nil, err
	}
	st := job.State()
	var out importOutcome
	if st.Status != jobs.Succeeded || !m.Dry || !st.DecodeResult(&out) || out.Result == nil || out.Refused || !out.Result.OK() {
		return nil, &i18n.Error{Field: "job", Key: "err.import_not_confirmable", Err: fault.Conflict}
	}
	next, ok, err := u.jobs.TakeInput(r.Context(), id, p.ID, importKind, meta(r, p, m.Kind, false, m.Name))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &i18n.Error{Field: "job", Key: "err.import_file_gone", Err: fault.Conflict}
	}
	return next, nil
}

// runJob is the import jobs' function: it imports the job's file in the
// scope and as the actor it was started with. A real import ends the job
// in its own transaction (jobs.Job.Complete), so it is applied once: a
// worker that lost the job, or whose job was cancelled, rolls back. A
// clean dry run keeps the file for confirm until the job is forgotten.
func (u *uploader) runJob(ctx context.Context, j *jobs.Job) (any, error) {
	var m importMeta
	if err := j.DecodeArgs(&m); err != nil {
		return nil, err
	}
	ctx = audit.WithActor(access.WithScope(ctx, m.Scope), m.Actor)
	data, err := j.Input(ctx)
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, i18n.Errf("job", "err.import_file_gone")
	}
	rn := &Runner{DB: u.db, People: u.people}
	res, err := rn.Import(ctx, bytes.NewReader(data), int64(len(data)), m.Name, m.Kind, Options{
		DryRun:     m.Dry,
		OnProgress: func(pr Progress) { j.Report(pr) },
		BeforeCommit: func(ctx context.Context, q db.Q, res *Result) error {
			return j.Complete(ctx, q, importOutcome{Result: res})
		},
	})
	switch {
	case errors.Is(err, ErrBadRows):
		return importOutcome{Result: res, Refused: true}, nil
	case err != nil:
		if ctx.Err() == nil && !errors.Is(err, jobs.ErrLost) {
			u.log.Error("importer: import", "err", err)
		}
		return nil, err
	}
	if m.Dry && res.OK() {
		j.KeepInput()
	}
	return importOutcome{Result: res}, nil
}

// find returns p's import job id and its args; anything else is not found.
func (u *uploader) find(ctx context.Context, id string, p auth.Principal) (*jobs.Job, importMeta, error) {
	var m importMeta
	job, err := u.jobs.Find(ctx, id, p.ID, importKind, &m, errImportJobUnknown())
	return job, m, err
}

// cancel cancels p's import job id and returns it as it is now.
func (u *uploader) cancel(ctx context.Context, id string, p auth.Principal) (*jobs.Job, importMeta, error) {
	var m importMeta
	job, err := u.jobs.CancelFound(ctx, id, p.ID, importKind, &m, errImportJobUnknown())
	return job, m, err
}

func errImportJobUnknown() error {
	return &i18n.Error{Field: "job", Key: "err.import_job_unknown", Err: fault.NotFound}
}

// outcome is a finished import job's result, its row errors' arguments
// restored to numbers where they were.
func outcome(st jobs.State) (importOutcome, bool) {
	var out importOutcome
	if !st.DecodeResult(&out) || out.Result == nil {
		return out, false
	}
	for _, e := range out.Result.Errors {
		e.Args = jobs.Numbers(e.Args)
	}
	return out, true
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
