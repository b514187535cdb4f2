// Package jobs runs the application's background work (imports started
// from a page, and later exports and long reports) as jobs stored in the
// database (table job, migration 0026), so that:
//
//   - a job survives a restart: a job whose worker stopped heartbeating
//     (the process was killed) is queued again, up to MaxAttempts, then
//     marked failed; a graceful shutdown queues its running jobs again;
//   - a job runs on any server: several application servers share one
//     PostgreSQL and claim queued jobs with an atomic UPDATE … RETURNING
//     (FOR UPDATE SKIP LOCKED), so no job runs twice at once; every write of
//     a running job names the claim (locked_by), so a worker that lost its
//     claim writes nothing;
//   - progress is stored (throttled) and visible from any server;
//   - a job can be cancelled: the worker polls the cancel flag with its
//     heartbeat and cancels the job's context.
//
// A job's function gets its arguments (JSON) and, if any, its input bytes
// (kept encrypted in job_file until the job ends, so a retry reads the same
// file). A job's function runs at least once: it may run again when its
// worker is taken for dead (no heartbeat for StaleAfter). Work that must
// happen once (an import) therefore commits through
// (*Job).Complete in its own transaction: the job's end and the work are
// one commit, and a worker that lost its claim or whose job was cancelled
// rolls back. A job is visible only to the account that started it;
// finished jobs are deleted after Options.Keep, with their output (an
// export's file, stored by (*Job).CompleteWithOutput in the job's own
// commit, read by its owner only with (*Runner).Output).
//
// Why not github.com/riverqueue/river (v0.51.2, riversqlite and the
// PostgreSQL drivers): see docs/operations.md, "Background jobs". In short,
// its SQLite driver ("early testing") wants the pool of one connection that
// an import holds for its whole transaction, its producer, completer and
// maintenance services all write through it, and it keeps its own
// migration line beside ours; this queue is a few hundred lines on the
// two tables of migration 0026.
package jobs

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/metrics"
	"dangjian/internal/pii"
)

// ErrClosed is returned by Start after Shutdown.
var ErrClosed = errors.New("jobs: the runner is shut down")

// ErrLost is returned by Complete when the job is no longer this worker's
// (another worker took it over after a missed heartbeat) or was cancelled:
// the caller's transaction must roll back.
var ErrLost = errors.New("jobs: the job is no longer this worker's, or was cancelled")

// ErrNotFound is returned for a job that does not exist or is another
// account's.
var ErrNotFound = errors.New("jobs: no such job")

// The states of a job.
const (
	Queued    = "queued"
	Running   = "running"
	Succeeded = "succeeded"
	Failed    = "failed"
	Cancelled = "cancelled"
)

// inputColumn is the additional data of job_file.data's encryption.
const inputColumn = "job_file.data"

// outputColumn is the additional data of job_output.data's encryption.
const outputColumn = "job_output.data"

// Func is the work of one kind of job. It returns the job's result
// (marshalled to JSON) or its error; its context is cancelled when the job
// is cancelled, the runner shuts down, or the worker loses its claim.
type Func func(ctx context.Context, j *Job) (any, error)

// Options adjust a Runner; zero values take the defaults.
type Options struct {
	// ID names this runner in locked_by (default host-pid-random).
	ID string
	// Workers is how many jobs this runner runs at once (default 2).
	Workers int
	// Poll is how often an idle runner looks for queued jobs (default 1 s);
	// a job started on this runner wakes it at once.
	Poll time.Duration
	// Heartbeat is how often a running job's heartbeat is written and its
	// cancel flag read (default 5 s); progress is written at most once a
	// Heartbeat/5 (at least 200 ms).
	Heartbeat time.Duration
	// StaleAfter is how old a running job's heartbeat may be before the job
	// is taken to be orphaned (default 1 min).
	StaleAfter time.Duration
	// MaxAttempts bounds the runs of a job orphaned by a crash (default 3);
	// a job whose function returns an error is not retried.
	MaxAttempts int
	// Keep is how long a finished job stays (default 24 h).
	Keep time.Duration
	// Keys encrypt a job's input bytes; without them Start refuses input.
	Keys *pii.Keyring
	Log  *slog.Logger
	// Now is the clock (tests move it).
	Now func() time.Time
}

// Runner claims and runs the jobs of the kinds registered with it.
type Runner struct {
	db   *db.DB
	o    Options
	wake chan struct{}

	mu      sync.Mutex
	kinds   map[string]Func
	running map[string]*Job // jobs running on this runner, by id
	started bool
	closed  bool

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// NewRunner returns a runner over d. Register the kinds, then Run.
func NewRunner(d *db.DB, o Options) *Runner {
	if o.ID == "" {
		host, _ := os.Hostname()
		o.ID = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), newID()[:6])
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = 5 * time.Second
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 3
	}
	if o.Keep <= 0 {
		o.Keep = 24 * time.Hour
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Runner{db: d, o: o, wake: make(chan struct{}, 1), kinds: map[string]Func{}, running: map[string]*Job{}, ctx: ctx, cancel: cancel}
}

// ID is the runner's name in locked_by.
func (r *Runner) ID() string { return r.o.ID }

// Register sets the function of a kind of job (again: replaces it). A
// runner claims only the kinds registered with it.
func (r *Runner) Register(kind string, fn Func) {
	r.mu.Lock()
	r.kinds[kind] = fn
	r.mu.Unlock()
}

// Run starts the runner's workers; calling it again does nothing, and so
// does a runner without a database (an application built to list its
// routes).
func (r *Runner) Run() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started || r.closed || r.db == nil {
		return
	}
	r.started = true
	for range r.o.Workers {
		r.wg.Add(1)
		go r.work()
	}
	r.wg.Add(1)
	go r.maintain()
}

// Shutdown stops claiming, cancels the jobs running here and waits for
// them to end (or for ctx). A job interrupted by the shutdown is queued
// again without counting the attempt, for another server or the restart.
func (r *Runner) Shutdown(ctx context.Context) error {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.cancel()
	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Start queues a job of kind for owner with args (marshalled to JSON) and
// input (the bytes its function reads with Input; nil for none), and
// returns it. The job and its input are committed before Start returns.
func (r *Runner) Start(ctx context.Context, owner int64, kind string, args any, input []byte) (*Job, error) {
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	a, err := json.Marshal(args)
	if err != nil {
		return nil, fmt.Errorf("jobs: args of %s: %w", kind, err)
	}
	var sealed string
	if input != nil {
		if r.o.Keys == nil {
			return nil, errors.New("jobs: input needs Options.Keys")
		}
		if sealed, err = r.o.Keys.EncryptFor(inputColumn, string(input)); err != nil {
			return nil, err
		}
	}
	j := &Job{ID: newID(), Owner: owner, Kind: kind, Args: a, r: r, state: Queued, created: r.o.Now()}
	err = r.db.Tx(ctx, func(q db.Q) error {
		if _, err := q.ExecContext(ctx, `INSERT INTO job (id, kind, owner_id, args, state, max_attempts, created_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
			j.ID, kind, owner, string(a), r.o.MaxAttempts, stamp(j.created)); err != nil {
			return err
		}
		if input != nil {
			_, err := q.ExecContext(ctx, `INSERT INTO job_file (job_id, data) VALUES (?, ?)`, j.ID, sealed)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: queue %s: %w", kind, err)
	}
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return j, nil
}

// Get returns owner's job id as it is now; another account's job, or one
// forgotten, is not found (ok false).
func (r *Runner) Get(ctx context.Context, id string, owner int64) (*Job, bool, error) {
	row := r.db.Reader().QueryRowContext(ctx, `SELECT `+jobColumns+` FROM job WHERE id = ? AND owner_id = ?`, id, owner)
	j, err := r.scan(row)
	if db.IsNotFound(err) || errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	// A job running here reports fresher progress than the stored one
	// (on SQLite an import holds the one writer, so none is stored).
	r.mu.Lock()
	if lj := r.running[id]; lj != nil {
		lj.mu.Lock()
		if lj.progress != nil {
			j.progress = lj.progress
		}
		lj.mu.Unlock()
	}
	r.mu.Unlock()
	return j, true, nil
}

// Find returns owner's job id of kind with its args decoded into args.
// Another account's job, another kind's, one forgotten or one whose args
// do not decode is not found: Find returns notFound (the caller's error
// naming the field, of class fault.NotFound).
func (r *Runner) Find(ctx context.Context, id string, owner int64, kind string, args any, notFound error) (*Job, error) {
	j, ok, err := r.Get(ctx, id, owner)
	if err != nil {
		return nil, err
	}
	if !ok || j.Kind != kind || j.DecodeArgs(args) != nil {
		return nil, notFound
	}
	return j, nil
}

// CancelFound cancels the job Find finds (Cancel) and returns it as it is
// now.
func (r *Runner) CancelFound(ctx context.Context, id string, owner int64, kind string, args any, notFound error) (*Job, error) {
	if _, err := r.Find(ctx, id, owner, kind, args, notFound); err != nil {
		return nil, err
	}
	if err := r.Cancel(ctx, id, owner); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	return r.Find(ctx, id, owner, kind, args, notFound)
}

// Cancel cancels owner's job id: a queued job ends cancelled at once; a
// running one is flagged, and its worker cancels it at its next heartbeat
// (what it wrote rolls back). A finished job is left as it is.
func (r *Runner) Cancel(ctx context.Context, id string, owner int64) error {
	// A job running here stops first: on SQLite it holds the one writer
	// that the flag is written through.
	r.mu.Lock()
	lj := r.running[id]
	r.mu.Unlock()
	if lj != nil && lj.Owner == owner {
		lj.stop(errCancelled)
	}
	now := stamp(r.o.Now())
	res, err := r.db.Writer().ExecContext(ctx, `UPDATE job SET state = 'cancelled', ended_at = ? WHERE id = ? AND owner_id = ? AND state = 'queued'`, now, id, owner)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		_, err := r.db.Writer().ExecContext(ctx, `DELETE FROM job_file WHERE job_id = ?`, id)
		return err
	}
	res, err = r.db.Writer().ExecContext(ctx, `UPDATE job SET cancel_requested = 1 WHERE id = ? AND owner_id = ?`, id, owner)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Depth is how many jobs are queued, waiting for a worker (for metrics).
func (r *Runner) Depth(ctx context.Context) (int, error) {
	var n int
	err := r.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job WHERE state = 'queued'`).Scan(&n)
	return n, err
}

// Job is one piece of background work and what is known of it.
type Job struct {
	ID    string
	Owner int64
	Kind  string
	// Args is the JSON the starter gave; see DecodeArgs.
	Args json.RawMessage

	r        *Runner
	state    string
	attempts int
	progress json.RawMessage
	result   json.RawMessage
	errText  sql.NullString
	created  time.Time

	// Set on the job a worker runs.
	lock      string
	ctxCancel context.CancelCauseFunc
	keepInput bool

	mu    sync.Mutex
	dirty bool
}

// DecodeArgs unmarshals the job's args into v.
func (j *Job) DecodeArgs(v any) error { return json.Unmarshal(j.Args, v) }

// State is a job's state, its progress, or its result and error once done.
type State struct {
	Status   string // queued, running, succeeded, failed, cancelled
	Attempts int
	Done     bool
	Progress json.RawMessage // nil until the first report
	Result   json.RawMessage // nil unless succeeded
	Err      error           // set when failed or cancelled
}

// DecodeProgress unmarshals the progress into v; false when there is none.
func (s State) DecodeProgress(v any) bool {
	return len(s.Progress) > 0 && json.Unmarshal(s.Progress, v) == nil
}

// DecodeResult unmarshals the result into v; false when there is none.
func (s State) DecodeResult(v any) bool {
	return len(s.Result) > 0 && string(s.Result) != "null" && json.Unmarshal(s.Result, v) == nil
}

// ErrCancelled is the Err of a cancelled job.
var ErrCancelled = errors.New("jobs: cancelled")

// State returns what was known of the job when it was read (Get).
func (j *Job) State() State {
	j.mu.Lock()
	defer j.mu.Unlock()
	s := State{Status: j.state, Attempts: j.attempts, Progress: j.progress}
	switch j.state {
	case Succeeded:
		s.Done, s.Result = true, j.result
	case Failed:
		s.Done, s.Err = true, decodeErr(j.errText.String)
	case Cancelled:
		s.Done, s.Err = true, ErrCancelled
	}
	return s
}

// Report records the running job's progress (marshalled to JSON); it is
// stored at most every Heartbeat/5 and seen at once on this server.
func (j *Job) Report(p any) {
	b, err := json.Marshal(p)
	if err != nil {
		return
	}
	j.mu.Lock()
	j.progress, j.dirty = b, true
	j.mu.Unlock()
}

// Attempt is which run of the job this is (1 for the first).
func (j *Job) Attempt() int { return j.attempts }

// Input returns the bytes the job was started with (nil for none).
func (j *Job) Input(ctx context.Context) ([]byte, error) {
	var sealed string
	err := j.r.db.Reader().QueryRowContext(ctx, `SELECT data FROM job_file WHERE job_id = ?`, j.ID).Scan(&sealed)
	if errors.Is(err, sql.ErrNoRows) || db.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if j.r.o.Keys == nil {
		return nil, errors.New("jobs: input needs Options.Keys")
	}
	plain, err := j.r.o.Keys.DecryptFor(inputColumn, sealed)
	if err != nil {
		return nil, err
	}
	return []byte(plain), nil
}

// KeepInput keeps the job's input after it ends, until it is deleted with
// the job (a dry run keeps its file for the real import; see TakeInput).
func (j *Job) KeepInput() { j.keepInput = true }

// TakeInput moves the input kept by owner's finished job from into a new
// job of kind with args, queued now: the input is taken once (ok false
// when it is gone or from is not owner's).
func (r *Runner) TakeInput(ctx context.Context, from string, owner int64, kind string, args any) (*Job, bool, error) {
	a, err := json.Marshal(args)
	if err != nil {
		return nil, false, err
	}
	j := &Job{ID: newID(), Owner: owner, Kind: kind, Args: a, r: r, state: Queued, created: r.o.Now()}
	took := false
	err = r.db.Tx(ctx, func(q db.Q) error {
		if _, err := q.ExecContext(ctx, `INSERT INTO job (id, kind, owner_id, args, state, max_attempts, created_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
			j.ID, kind, owner, string(a), r.o.MaxAttempts, stamp(j.created)); err != nil {
			return err
		}
		res, err := q.ExecContext(ctx, `UPDATE job_file SET job_id = ? WHERE job_id = ? AND job_id IN (SELECT id FROM job WHERE owner_id = ? AND state = 'succeeded')`, j.ID, from, owner)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return db.ErrRollback
		}
		took = true
		return nil
	})
	if err != nil || !took {
		return nil, false, err
	}
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return j, true, nil
}

// Complete ends the job as succeeded with result inside the caller's
// transaction q, so that the job's end and its work are one commit. It
// returns ErrLost when the job is no longer this worker's or was
// cancelled; the caller must then roll back.
func (j *Job) Complete(ctx context.Context, q db.Q, result any) error {
	b, err := json.Marshal(result)
	if err != nil {
		return err
	}
	now := stamp(j.r.o.Now())
	res, err := q.ExecContext(ctx, `UPDATE job SET state = 'succeeded', result = ?, progress = ?, ended_at = ?, heartbeat_at = ?
		WHERE id = ? AND locked_by = ? AND state = 'running' AND cancel_requested = 0`, string(b), nullJSON(j.currentProgress()), now, now, j.ID, j.lock)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrLost
	}
	if !j.keepInput {
		if _, err := q.ExecContext(ctx, `DELETE FROM job_file WHERE job_id = ?`, j.ID); err != nil {
			return err
		}
	}
	return nil
}

// Output is a file a job produced (an export, a long report), stored with
// the job (table job_output, encrypted with the personal-data key) until
// the job is deleted after Options.Keep.
type Output struct {
	Name        string // the download's file name
	ContentType string
	Data        []byte
}

// CompleteWithOutput is Complete that also stores out with the job, in the
// same transaction q: a job retried after a crash, or cancelled, or lost
// to another worker, leaves no output (ErrLost; the caller rolls back).
func (j *Job) CompleteWithOutput(ctx context.Context, q db.Q, result any, out Output) error {
	if j.r.o.Keys == nil {
		return errors.New("jobs: output needs Options.Keys")
	}
	sealed, err := j.r.o.Keys.EncryptFor(outputColumn, string(out.Data))
	if err != nil {
		return err
	}
	if err := j.Complete(ctx, q, result); err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO job_output (job_id, name, content_type, size, data) VALUES (?, ?, ?, ?, ?)`,
		j.ID, out.Name, out.ContentType, len(out.Data), sealed)
	return err
}

// Output returns the output of owner's succeeded job id; ok is false when
// the job is another account's, not succeeded, forgotten or has none.
func (r *Runner) Output(ctx context.Context, id string, owner int64) (*Output, bool, error) {
	var out Output
	var sealed string
	err := r.db.Reader().QueryRowContext(ctx, `SELECT o.name, o.content_type, o.data FROM job_output o JOIN job j ON j.id = o.job_id
		WHERE o.job_id = ? AND j.owner_id = ? AND j.state = 'succeeded'`, id, owner).Scan(&out.Name, &out.ContentType, &sealed)
	if errors.Is(err, sql.ErrNoRows) || db.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if r.o.Keys == nil {
		return nil, false, errors.New("jobs: output needs Options.Keys")
	}
	plain, err := r.o.Keys.DecryptFor(outputColumn, sealed)
	if err != nil {
		return nil, false, err
	}
	out.Data = []byte(plain)
	return &out, true, nil
}

func (j *Job) currentProgress() json.RawMessage {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.progress
}

// Why a running job's context ends.
var (
	errCancelled = errors.New("jobs: cancel requested")
	errLostClaim = errors.New("jobs: claim lost")
)

// stop cancels the running job's context with cause.
func (j *Job) stop(cause error) {
	if j.ctxCancel != nil {
		j.ctxCancel(cause)
	}
}

// jobColumns are the columns scan reads.
const jobColumns = `id, kind, owner_id, args, state, attempts, progress, result, error, created_at`

// scan reads a job of jobColumns.
func (r *Runner) scan(row interface{ Scan(...any) error }) (*Job, error) {
	j := &Job{r: r}
	var args, created string
	var progress, result sql.NullString
	if err := row.Scan(&j.ID, &j.Kind, &j.Owner, &args, &j.state, &j.attempts, &progress, &result, &j.errText, &created); err != nil {
		return nil, err
	}
	j.Args = json.RawMessage(args)
	if progress.Valid {
		j.progress = json.RawMessage(progress.String)
	}
	if result.Valid {
		j.result = json.RawMessage(result.String)
	}
	j.created, _ = time.Parse(stampLayout, created)
	return j, nil
}

// work claims and runs jobs until the runner shuts down.
func (r *Runner) work() {
	defer r.wg.Done()
	t := time.NewTicker(r.o.Poll)
	defer t.Stop()
	for {
		for r.ctx.Err() == nil {
			j, err := r.claim()
			if err != nil {
				if r.ctx.Err() == nil {
					r.o.Log.Error("jobs: claim", "err", err)
				}
				break
			}
			if j == nil {
				break
			}
			r.run(j)
		}
		select {
		case <-r.ctx.Done():
			return
		case <-r.wake:
		case <-t.C:
		}
	}
}

// kindList returns the registered kinds and "?, ?" placeholders for them.
func (r *Runner) kindList() ([]any, string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var kinds []any
	for k := range r.kinds {
		kinds = append(kinds, k)
	}
	return kinds, strings.TrimSuffix(strings.Repeat("?, ", len(kinds)), ", ")
}

// claim takes the oldest queued job of a registered kind, or returns nil.
func (r *Runner) claim() (*Job, error) {
	kinds, marks := r.kindList()
	if len(kinds) == 0 {
		return nil, nil
	}
	ctx := r.ctx
	// Look on the reader first: an idle poll writes nothing (on SQLite the
	// writer is one connection, often an import's).
	var one int
	err := r.db.Reader().QueryRowContext(ctx, `SELECT 1 FROM job WHERE state = 'queued' AND kind IN (`+marks+`) LIMIT 1`, kinds...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) || db.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	lock := r.o.ID + "/" + newID()[:8]
	now := stamp(r.o.Now())
	skip := ""
	if r.db.Dialect == db.Postgres {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	args := append([]any{lock, now, now}, kinds...)
	row := r.db.Writer().QueryRowContext(ctx, `UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = ?, heartbeat_at = ?,
		started_at = ?
		WHERE id = (SELECT id FROM job WHERE state = 'queued' AND kind IN (`+marks+`) ORDER BY created_at, id LIMIT 1`+skip+`)
		RETURNING `+jobColumns, args...)
	j, err := r.scan(row)
	if errors.Is(err, sql.ErrNoRows) || db.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	j.lock = lock
	return j, nil
}

// run runs a claimed job to its end.
func (r *Runner) run(j *Job) {
	ctx, cancel := context.WithCancelCause(r.ctx)
	j.ctxCancel = cancel
	defer cancel(nil)
	r.mu.Lock()
	fn := r.kinds[j.Kind]
	r.running[j.ID] = j
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.running, j.ID)
		r.mu.Unlock()
	}()
	beat := make(chan struct{})
	beatDone := make(chan struct{})
	go func() {
		defer close(beatDone)
		r.heartbeat(j, beat)
	}()
	began := time.Now()
	metrics.JobStarted(j.Kind)
	res, err := r.call(ctx, fn, j)
	metrics.JobEnded(j.Kind, time.Since(began), err)
	close(beat)
	<-beatDone
	r.finish(ctx, j, res, err)
}

// call runs fn, turning a panic into the job's error.
func (r *Runner) call(ctx context.Context, fn Func, j *Job) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.o.Log.Error("jobs: panic", "kind", j.Kind, "job", j.ID, "panic", p)
			err = fmt.Errorf("jobs: %s panicked: %v", j.Kind, p)
		}
	}()
	if fn == nil {
		return nil, fmt.Errorf("jobs: no function for kind %s", j.Kind)
	}
	return fn(ctx, j)
}

// heartbeat writes the job's heartbeat and progress until beat closes,
// and cancels the job when its cancel flag is set or the claim is lost.
// The flag is read on the reader, so that on SQLite a cancel reaches an
// import that holds the one writer.
func (r *Runner) heartbeat(j *Job, beat <-chan struct{}) {
	every := max(r.o.Heartbeat/5, 50*time.Millisecond)
	t := time.NewTicker(every)
	defer t.Stop()
	last := r.o.Now()
	for {
		select {
		case <-beat:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), every)
		var flag int
		var lock sql.NullString
		var state string
		err := r.db.Reader().QueryRowContext(ctx, `SELECT cancel_requested, locked_by, state FROM job WHERE id = ?`, j.ID).Scan(&flag, &lock, &state)
		cancel()
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && (state != Running || lock.String != j.lock)):
			j.stop(errLostClaim)
			return
		case err == nil && flag != 0:
			j.stop(errCancelled)
			return
		}
		j.mu.Lock()
		dirty := j.dirty
		p := j.progress
		j.mu.Unlock()
		if !dirty && r.o.Now().Sub(last) < r.o.Heartbeat {
			continue
		}
		// A short wait: on SQLite a running import holds the one writer,
		// and this write is simply skipped until it is free.
		ctx, cancel = context.WithTimeout(context.Background(), every)
		res, err := r.db.Writer().ExecContext(ctx, `UPDATE job SET heartbeat_at = ?, progress = COALESCE(?, progress)
			WHERE id = ? AND locked_by = ? AND state = 'running'`, stamp(r.o.Now()), nullJSON(p), j.ID, j.lock)
		cancel()
		if err != nil {
			continue
		}
		if n, _ := res.RowsAffected(); n == 0 {
			j.stop(errLostClaim)
			return
		}
		last = r.o.Now()
		j.mu.Lock()
		if string(j.progress) == string(p) {
			j.dirty = false
		}
		j.mu.Unlock()
	}
}

// finish records how the job ended, unless it is no longer this worker's
// or ended already (Complete).
func (r *Runner) finish(ctx context.Context, j *Job, res any, err error) {
	cause := context.Cause(ctx)
	wctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	now := stamp(r.o.Now())
	w := r.db.Writer()
	var q string
	var args []any
	p := nullJSON(j.currentProgress())
	switch {
	case errors.Is(cause, errLostClaim):
		return
	case errors.Is(cause, errCancelled) && err != nil:
		q, args = `UPDATE job SET state = 'cancelled', progress = COALESCE(?, progress), ended_at = ? WHERE id = ? AND locked_by = ? AND state = 'running'`, []any{p, now, j.ID, j.lock}
	case r.ctx.Err() != nil && err != nil:
		// Shut down under it: queue it again, this attempt not counted.
		q, args = `UPDATE job SET state = 'queued', attempts = attempts - 1, locked_by = NULL, heartbeat_at = NULL WHERE id = ? AND locked_by = ? AND state = 'running'`, []any{j.ID, j.lock}
	case err != nil:
		q, args = `UPDATE job SET state = 'failed', error = ?, progress = COALESCE(?, progress), ended_at = ? WHERE id = ? AND locked_by = ? AND state = 'running'`, []any{encodeErr(err), p, now, j.ID, j.lock}
	default:
		b, merr := json.Marshal(res)
		if merr != nil {
			q, args = `UPDATE job SET state = 'failed', error = ?, ended_at = ? WHERE id = ? AND locked_by = ? AND state = 'running'`, []any{encodeErr(merr), now, j.ID, j.lock}
			break
		}
		q, args = `UPDATE job SET state = 'succeeded', result = ?, progress = COALESCE(?, progress), ended_at = ? WHERE id = ? AND locked_by = ? AND state = 'running'`, []any{string(b), p, now, j.ID, j.lock}
	}
	out, werr := w.ExecContext(wctx, q, args...)
	if werr != nil {
		r.o.Log.Error("jobs: finish", "job", j.ID, "err", werr)
		return
	}
	if n, _ := out.RowsAffected(); n == 1 && !j.keepInput && !strings.Contains(q, "'queued'") {
		if _, err := w.ExecContext(wctx, `DELETE FROM job_file WHERE job_id = ?`, j.ID); err != nil {
			r.o.Log.Error("jobs: drop input", "job", j.ID, "err", err)
		}
	}
}

// maintain queues again or fails the jobs whose worker stopped
// heartbeating, and deletes finished jobs older than Keep.
func (r *Runner) maintain() {
	defer r.wg.Done()
	every := min(r.o.StaleAfter/2, r.o.Heartbeat)
	t := time.NewTicker(max(every, 100*time.Millisecond))
	defer t.Stop()
	for {
		if err := r.Reap(r.ctx); err != nil && r.ctx.Err() == nil {
			r.o.Log.Error("jobs: reap", "err", err)
		}
		select {
		case <-r.ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Reap queues again the running jobs of other runners whose heartbeat is
// older than StaleAfter (their worker died) while attempts remain, fails them
// otherwise (or cancels them, if asked), and deletes the jobs that ended
// more than Keep ago with their input.
func (r *Runner) Reap(ctx context.Context) error {
	now := r.o.Now()
	stale := stamp(now.Add(-r.o.StaleAfter))
	old := stamp(now.Add(-r.o.Keep))
	var n int
	// The jobs running on this runner are alive whatever their stored
	// heartbeat says (on SQLite an import holds the writer it is written
	// through): only other runners' jobs are reaped.
	mine := r.o.ID + "/"
	err := r.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job WHERE (state = 'running' AND heartbeat_at < ? AND substr(locked_by, 1, ?) <> ?)
		OR (state IN ('succeeded','failed','cancelled') AND ended_at < ?)`, stale, len(mine), mine, old).Scan(&n)
	if err != nil || n == 0 {
		return err
	}
	w := r.db.Writer()
	ended := stamp(now)
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE job SET state = 'cancelled', ended_at = ?, locked_by = NULL WHERE state = 'running' AND heartbeat_at < ? AND substr(locked_by, 1, ?) <> ? AND cancel_requested = 1`,
			[]any{ended, stale, len(mine), mine}},
		{`UPDATE job SET state = 'failed', error = ?, ended_at = ?, locked_by = NULL WHERE state = 'running' AND heartbeat_at < ? AND substr(locked_by, 1, ?) <> ? AND attempts >= max_attempts`,
			[]any{encodeErr(i18n.Errf("job", "err.job_abandoned")), ended, stale, len(mine), mine}},
		{`UPDATE job SET state = 'queued', locked_by = NULL, heartbeat_at = NULL WHERE state = 'running' AND heartbeat_at < ? AND substr(locked_by, 1, ?) <> ?`,
			[]any{stale, len(mine), mine}},
		{`DELETE FROM job_file WHERE job_id IN (SELECT id FROM job WHERE state IN ('succeeded','failed','cancelled') AND ended_at < ?)`, []any{old}},
		{`DELETE FROM job_output WHERE job_id IN (SELECT id FROM job WHERE state IN ('succeeded','failed','cancelled') AND ended_at < ?)`, []any{old}},
		{`DELETE FROM job WHERE state IN ('succeeded','failed','cancelled') AND ended_at < ?`, []any{old}},
		{`DELETE FROM job_file WHERE job_id IN (SELECT id FROM job WHERE state IN ('failed','cancelled'))`, nil},
	}
	for _, s := range steps {
		if _, err := w.ExecContext(ctx, s.q, s.args...); err != nil {
			return err
		}
	}
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return nil
}

// storedErr is a job's error as stored: a message of the catalogue (key,
// field, args) or plain text.
type storedErr struct {
	Key   string `json:"key,omitempty"`
	Field string `json:"field,omitempty"`
	Args  []any  `json:"args,omitempty"`
	Text  string `json:"text,omitempty"`
}

func encodeErr(err error) string {
	var s storedErr
	var ie *i18n.Error
	if errors.As(err, &ie) {
		s = storedErr{Key: ie.Key, Field: ie.Field, Args: ie.Args}
	} else {
		s.Text = err.Error()
	}
	b, merr := json.Marshal(s)
	if merr != nil {
		b, _ = json.Marshal(storedErr{Text: err.Error()})
	}
	return string(b)
}

// decodeErr rebuilds a stored error: an *i18n.Error for a message, so that
// the page shows it in the reader's language.
func decodeErr(stored string) error {
	var s storedErr
	if err := json.Unmarshal([]byte(stored), &s); err != nil || (s.Key == "" && s.Text == "") {
		return errors.New(stored)
	}
	if s.Key == "" {
		return errors.New(s.Text)
	}
	return &i18n.Error{Field: s.Field, Key: s.Key, Args: Numbers(s.Args)}
}

// Numbers turns the whole float64 numbers of args decoded from JSON back
// into ints, so that messages formatting them with %d read as before.
func Numbers(args []any) []any {
	for i, a := range args {
		if f, ok := a.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			args[i] = int(f)
		}
	}
	return args
}

func nullJSON(b json.RawMessage) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// stampLayout is the fixed-width UTC text of the job's times, compared as
// text.
const stampLayout = "2006-01-02T15:04:05.000000Z"

func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
