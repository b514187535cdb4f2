package importer

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
	"dangjian/internal/xlsx"
)

// exportKind is the kind of the export jobs: the records of a scope (a
// city's members take seconds to read, decrypt and write) built in the
// background and stored with the job.
const exportKind = "export"

// exportMeta is what an export job writes: the kind and format, the area
// (0: the starter's scope), whether numbers are in full (decided by the
// starter's permission when it started), the language of the headers, and
// the starter's scope and audit actor, so that it runs in that scope and is
// audited as that person on any server.
type exportMeta struct {
	Kind   string      `json:"kind"`
	Format string      `json:"format"`
	AreaID int64       `json:"area"`
	Reveal bool        `json:"reveal"`
	Lang   i18n.Lang   `json:"lang"`
	Scope  int64       `json:"scope"`
	Actor  audit.Actor `json:"actor"`
}

// exportProgress is an export job's progress.
type exportProgress struct {
	Rows     int     `json:"rows"`
	Fraction float64 `json:"fraction"`
}

// exportOutcome is a finished export job's result; the file is its output.
type exportOutcome struct {
	Name string `json:"name"`
	Rows int    `json:"rows"`
	Size int    `json:"size"`
}

// exportFile splits "members.xlsx" into a kind and a format; ok is false
// for anything else.
func exportFile(file string) (kind, ext string, ok bool) {
	kind, ext, _ = strings.Cut(file, ".")
	return kind, ext, xlsx.SchemaByName(kind) != nil && (ext == xlsx.FormatXLSX || ext == xlsx.FormatCSV)
}

// startExport queues the export of kind as ext for p, of areaID's subtree
// (0: p's scope), which the caller has checked is in p's scope.
func (u *uploader) startExport(r *http.Request, p auth.Principal, kind, ext string, areaID int64, lang i18n.Lang) (*jobs.Job, error) {
	sc, _ := access.Scope(p)
	return u.jobs.Start(r.Context(), p.ID, exportKind, exportMeta{
		Kind: kind, Format: ext, AreaID: areaID, Reveal: p.Can(auth.RevealPII), Lang: lang, Scope: sc, Actor: audit.ActorFrom(r.Context()),
	}, nil)
}

// runExport is the export jobs' function. The export is audited as before
// ("export.<kind>", before any record is read, as the starter), the file
// is written to memory and stored with the job in the commit that ends it
// (jobs.Job.CompleteWithOutput, encrypted): a run repeated after a crash
// writes its file once (and audits again), a cancelled or lost run none.
func (u *uploader) runExport(ctx context.Context, j *jobs.Job) (any, error) {
	var m exportMeta
	if err := j.DecodeArgs(&m); err != nil {
		return nil, err
	}
	ctx = audit.WithActor(access.WithScope(ctx, m.Scope), m.Actor)
	total, err := u.people.ExportCount(ctx, m.Kind, m.AreaID)
	if err != nil {
		return nil, err
	}
	j.Report(exportProgress{})
	var b bytes.Buffer
	rn := &Runner{DB: u.db, People: u.people}
	n, err := rn.Export(ctx, &b, ExportOptions{Kind: m.Kind, Format: m.Format, AreaID: m.AreaID, Reveal: m.Reveal, Lang: m.Lang,
		OnRow: func(n int) {
			if n%500 == 0 && total > 0 {
				j.Report(exportProgress{Rows: n, Fraction: min(float64(n)/float64(total), 0.99)})
			}
		}})
	if err != nil {
		return nil, err
	}
	j.Report(exportProgress{Rows: n, Fraction: 1})
	res := exportOutcome{Name: m.Kind + "-" + time.Now().Format("20060102-150405") + "." + m.Format, Rows: n, Size: b.Len()}
	ct := "text/csv; charset=utf-8"
	if m.Format == xlsx.FormatXLSX {
		ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	err = u.db.Tx(ctx, func(q db.Q) error {
		return j.CompleteWithOutput(ctx, q, res, jobs.Output{Name: res.Name, ContentType: ct, Data: b.Bytes()})
	})
	if err != nil {
		if ctx.Err() == nil && !errors.Is(err, jobs.ErrLost) {
			u.log.Error("importer: export job", "job", j.ID, "err", err)
		}
		return nil, err
	}
	return res, nil
}

// findExport returns p's export job id and its args; anything else is not
// found.
func (u *uploader) findExport(ctx context.Context, id string, p auth.Principal) (*jobs.Job, exportMeta, error) {
	var m exportMeta
	job, err := u.jobs.Find(ctx, id, p.ID, exportKind, &m, errExportJobUnknown())
	return job, m, err
}

// cancelExport cancels p's export job id and returns it as it is now.
func (u *uploader) cancelExport(ctx context.Context, id string, p auth.Principal) (*jobs.Job, exportMeta, error) {
	var m exportMeta
	job, err := u.jobs.CancelFound(ctx, id, p.ID, exportKind, &m, errExportJobUnknown())
	return job, m, err
}

func errExportJobUnknown() error {
	return &i18n.Error{Field: "job", Key: "err.export_job_unknown", Err: fault.NotFound}
}

// exportOutput returns the file of p's finished export job id, after the
// checks of the synchronous export against p as it is now (ctx carries
// p's scope): the area (or the whole scope it was started in) must still
// be in p's scope, and a file with numbers in full needs the permission to
// reveal them. The download is audited ("export.download") before the
// file is returned.
func (u *uploader) exportOutput(ctx context.Context, id string, p auth.Principal) (*jobs.Output, error) {
	job, m, err := u.findExport(ctx, id, p)
	if err != nil {
		return nil, err
	}
	if job.State().Status != jobs.Succeeded {
		return nil, &i18n.Error{Field: "job", Key: "err.export_job_not_ready", Err: fault.Conflict}
	}
	target := m.AreaID
	if target == 0 {
		target = m.Scope
	}
	cur, ok := access.Scope(p)
	switch {
	case !ok || (target == 0 && cur != 0) || (m.Reveal && !p.Can(auth.RevealPII)):
		return nil, &i18n.Error{Field: "job", Key: "err.out_of_scope", Err: fault.Forbidden}
	case target != 0:
		if _, err := u.people.Areas.Get(ctx, target); err != nil {
			if errors.Is(err, area.ErrOutOfScope) {
				return nil, &i18n.Error{Field: "area", Key: "err.out_of_scope", Err: fault.Forbidden}
			}
			return nil, err
		}
	}
	out, ok, err := u.jobs.Output(ctx, id, p.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &i18n.Error{Field: "job", Key: "err.export_job_unknown", Err: fault.NotFound}
	}
	if err := audit.Write(ctx, u.db, audit.Entry{Action: "export.download", TargetType: "job", TargetID: id,
		Detail: "kind=" + m.Kind + " format=" + m.Format + " area=" + strconv.FormatInt(m.AreaID, 10) + " reveal=" + strconv.FormatBool(m.Reveal)}); err != nil {
		return nil, err
	}
	return out, nil
}

// exportJobState is an export job's state as the pages and the API show
// it: queued, running, done, failed or cancelled, its rows and percent
// done, and why it failed.
func exportJobState(st jobs.State, lang i18n.Lang) (state string, rows, percent int, why string) {
	var p exportProgress
	if st.DecodeProgress(&p) {
		rows, percent = p.Rows, int(p.Fraction*100)
	}
	switch st.Status {
	case jobs.Succeeded:
		return "done", rows, 100, ""
	case jobs.Cancelled:
		return "cancelled", rows, percent, failure(st.Err, lang)
	case jobs.Failed:
		return "failed", rows, percent, failure(st.Err, lang)
	}
	return st.Status, rows, percent, ""
}
