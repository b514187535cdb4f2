package report

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strconv"

	"dangjian/internal/access"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
	"dangjian/internal/workbook"
)

// workbookKind is the kind of the statistics workbook's jobs.
const workbookKind = "workbook"

// workbookArgs is what a workbook job builds: the scope and period, the
// level, the language of its headers, and the scope of the account that
// started it (access.Scope), so that it is built in that scope on any
// server, after a restart too.
type workbookArgs struct {
	Area  int64     `json:"area"`
	From  string    `json:"from"`
	To    string    `json:"to"`
	Level string    `json:"level"`
	Lang  i18n.Lang `json:"lang"`
	Scope int64     `json:"scope"`
}

// workbookProgress is a workbook job's progress: the fraction done.
type workbookProgress struct {
	Fraction float64 `json:"fraction"`
}

// workbookResult is a finished workbook job's result; the file itself is
// the job's output (jobs.Output).
type workbookResult struct {
	Name string `json:"name"`
	Size int    `json:"size"`
}

// workbookJobs builds statistics workbooks as jobs, for the pages and the
// API alike: a city's workbook at community level takes seconds, more than
// a request should hold.
type workbookJobs struct {
	db    *db.DB
	areas *area.Store
	jobs  *jobs.Runner
	log   *slog.Logger
}

// newWorkbookJobs returns the workbook jobs over rn and registers their
// function with rn (the pages and the API register the same one).
func newWorkbookJobs(d *db.DB, areas *area.Store, rn *jobs.Runner, log *slog.Logger) *workbookJobs {
	w := &workbookJobs{db: d, areas: areas, jobs: rn, log: log}
	if rn != nil {
		rn.Register(workbookKind, w.run)
	}
	return w
}

// start queues the workbook of s at level, in lang, as a job of p.
func (w *workbookJobs) start(ctx context.Context, p auth.Principal, s figures.Scope, level string, lang i18n.Lang) (*jobs.Job, error) {
	sc, _ := access.Scope(p)
	return w.jobs.Start(ctx, p.ID, workbookKind, workbookArgs{
		Area: s.AreaID, From: s.From.String(), To: s.To.String(), Level: level, Lang: lang, Scope: sc,
	}, nil)
}

// run is the workbook jobs' function. It resolves the scope again in the
// starter's scope, builds the workbook, and stores it with the job in the
// commit that ends the job (jobs.Job.CompleteWithOutput): a run that is
// repeated after a crash, cancelled or lost to another worker leaves no
// file of its own, so running it again is harmless.
func (w *workbookJobs) run(ctx context.Context, j *jobs.Job) (any, error) {
	var m workbookArgs
	if err := j.DecodeArgs(&m); err != nil {
		return nil, err
	}
	ctx = access.WithScope(ctx, m.Scope)
	s, err := ResolveScope(ctx, w.areas, strconv.FormatInt(m.Area, 10), m.From, m.To)
	if err != nil {
		return nil, err
	}
	if err := workbook.CheckLevel("level", s.Level, m.Level); err != nil {
		return nil, err
	}
	j.Report(workbookProgress{})
	d, err := workbook.BuildReporting(ctx, w.db.Reader(), s, m.Level, m.Lang, figures.All(), func(f float64) {
		j.Report(workbookProgress{Fraction: f})
	})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, d, m.Lang); err != nil {
		return nil, err
	}
	j.Report(workbookProgress{Fraction: 1})
	res := workbookResult{Name: workbookName(s, m.Level), Size: b.Len()}
	err = w.db.Tx(ctx, func(q db.Q) error {
		return j.CompleteWithOutput(ctx, q, res, jobs.Output{Name: res.Name, ContentType: workbook.ContentType, Data: b.Bytes()})
	})
	if err != nil {
		if ctx.Err() == nil && !errors.Is(err, jobs.ErrLost) {
			w.log.Error("report: workbook job", "job", j.ID, "err", err)
		}
		return nil, err
	}
	return res, nil
}

// find returns p's workbook job id and its args; anything else (another
// account's job, another kind, a job forgotten) is not found.
func (w *workbookJobs) find(ctx context.Context, id string, p auth.Principal) (*jobs.Job, workbookArgs, error) {
	var m workbookArgs
	job, err := w.jobs.Find(ctx, id, p.ID, workbookKind, &m, errWorkbookJobUnknown())
	return job, m, err
}

// cancel cancels p's workbook job id and returns it as it is now.
func (w *workbookJobs) cancel(ctx context.Context, id string, p auth.Principal) (*jobs.Job, workbookArgs, error) {
	var m workbookArgs
	job, err := w.jobs.CancelFound(ctx, id, p.ID, workbookKind, &m, errWorkbookJobUnknown())
	return job, m, err
}

func errWorkbookJobUnknown() error {
	return &i18n.Error{Field: "job", Key: "err.workbook_job_unknown", Err: fault.NotFound}
}

// file returns the workbook of p's finished job id. The scope is checked
// again as the synchronous download checks it, in the request's ctx (the
// account's scope now): an account moved out of the area since it started
// the job is refused (403, naming "area").
func (w *workbookJobs) file(ctx context.Context, id string, p auth.Principal) (*jobs.Output, error) {
	job, m, err := w.find(ctx, id, p)
	if err != nil {
		return nil, err
	}
	if job.State().Status != jobs.Succeeded {
		return nil, &i18n.Error{Field: "job", Key: "err.workbook_job_not_ready", Err: fault.Conflict}
	}
	if _, err := ResolveScope(ctx, w.areas, strconv.FormatInt(m.Area, 10), m.From, m.To); err != nil {
		return nil, err
	}
	out, ok, err := w.jobs.Output(ctx, id, p.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &i18n.Error{Field: "job", Key: "err.workbook_job_unknown", Err: fault.NotFound}
	}
	return out, nil
}

// workbookJobState is a job's state as the pages and the API show it:
// queued, running, done, failed or cancelled, its percent done, and why it
// failed.
func workbookJobState(st jobs.State, lang i18n.Lang) (state string, percent int, failure string) {
	var p workbookProgress
	if st.DecodeProgress(&p) {
		percent = int(p.Fraction * 100)
	}
	switch st.Status {
	case jobs.Succeeded:
		return "done", 100, ""
	case jobs.Failed, jobs.Cancelled:
		failure = st.Err.Error()
		var ie *i18n.Error
		if errors.As(st.Err, &ie) {
			failure = ie.In(lang)
		}
		if st.Status == jobs.Cancelled {
			failure = i18n.T(lang, "ui.workbook_job.cancelled")
		}
		return map[string]string{jobs.Failed: "failed", jobs.Cancelled: "cancelled"}[st.Status], percent, failure
	}
	return st.Status, percent, ""
}
