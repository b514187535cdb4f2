package importer

import (
	"context"
	"log/slog"

	"dangjian/internal/access"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/jobs"
	"dangjian/internal/people"
)

// ImportKind is the kind of the import jobs.
const ImportKind = importKind

// ImportJobFunc is the import jobs' function over d and ps (tests).
func ImportJobFunc(d *db.DB, ps *people.Store) jobs.Func {
	return (&uploader{db: d, people: ps, log: slog.New(slog.DiscardHandler)}).runJob
}

// StartImportJob queues the import of file as owner's job on rn, in the
// scope and as the actor of ctx, as the pages do.
func StartImportJob(ctx context.Context, rn *jobs.Runner, owner int64, kind, name string, dry bool, file []byte) (*jobs.Job, error) {
	m := importMeta{Kind: kind, Dry: dry, Name: name, Scope: access.ScopeFrom(ctx), Actor: audit.ActorFrom(ctx)}
	return rn.Start(ctx, owner, importKind, m, file)
}

// ImportJobResult is a finished import job's result and whether it was
// refused for bad rows.
func ImportJobResult(st jobs.State) (res *Result, refused, ok bool) {
	oc, ok := outcome(st)
	return oc.Result, oc.Refused, ok
}

// ExportKind is the kind of the export jobs.
const ExportKind = exportKind

// ExportJobFunc is the export jobs' function over d and ps (tests).
func ExportJobFunc(d *db.DB, ps *people.Store) jobs.Func {
	return (&uploader{db: d, people: ps, log: slog.New(slog.DiscardHandler)}).runExport
}

// StartExportJob queues the export of kind as format for owner on rn, in
// the scope and as the actor of ctx, as the pages do.
func StartExportJob(ctx context.Context, rn *jobs.Runner, owner int64, kind, format string) (*jobs.Job, error) {
	m := exportMeta{Kind: kind, Format: format, Scope: access.ScopeFrom(ctx), Actor: audit.ActorFrom(ctx)}
	return rn.Start(ctx, owner, exportKind, m, nil)
}
