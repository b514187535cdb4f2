// Package jobs runs the application's background work (imports started
// from a page) under one owner: the application starts the runner, every
// job runs on the runner's context, and shutting down cancels them and
// waits for them to end. A job is visible only to the account that started
// it, and forgotten an hour after it ended.
//
// Jobs live in this process's memory: a restart forgets a finished job's
// page (an import is one transaction, so nothing is ever half-written).
// Durable jobs that survive restarts and run on any server are issue 15's.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"dangjian/internal/metrics"
)

// ErrClosed is returned by Start after Shutdown.
var ErrClosed = errors.New("jobs: the runner is shut down")

// keep is how long a finished job stays visible.
const keep = time.Hour

// Job is one piece of background work and what is known of it so far.
type Job struct {
	ID    string
	Owner int64
	// Meta is what the starter keeps with the job (what it is about).
	Meta any

	mu       sync.Mutex
	progress any
	done     bool
	result   any
	err      error
	ended    time.Time
	forget   func()
}

// OnForget sets what to release when the runner forgets the job (an hour
// after it ended) or shuts down: a file kept for a later step, say.
func (j *Job) OnForget(f func()) {
	j.mu.Lock()
	j.forget = f
	j.mu.Unlock()
}

// release runs the job's OnForget function once.
func (j *Job) release() {
	j.mu.Lock()
	f := j.forget
	j.forget = nil
	j.mu.Unlock()
	if f != nil {
		f()
	}
}

// State is a job's progress, or its result and error once done.
type State struct {
	Progress any
	Done     bool
	Result   any
	Err      error
}

// State returns what is known of the job now.
func (j *Job) State() State {
	j.mu.Lock()
	defer j.mu.Unlock()
	return State{Progress: j.progress, Done: j.done, Result: j.result, Err: j.err}
}

// Report records the job's progress; the job's function calls it.
func (j *Job) Report(p any) {
	j.mu.Lock()
	j.progress = p
	j.mu.Unlock()
}

// Runner owns the running jobs.
type Runner struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	now    func() time.Time

	mu     sync.Mutex
	jobs   map[string]*Job
	closed bool
}

// NewRunner returns a runner whose jobs run until Shutdown.
func NewRunner() *Runner {
	ctx, cancel := context.WithCancel(context.Background())
	return &Runner{ctx: ctx, cancel: cancel, now: time.Now, jobs: map[string]*Job{}}
}

// Start runs fn in the background for owner and returns its job. fn gets a
// context that carries the values of base (the caller's scope and audit
// actor) but is cancelled by Shutdown, not by the request that started it.
func (r *Runner) Start(base context.Context, owner int64, meta any, fn func(ctx context.Context, j *Job) (any, error)) (*Job, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	r.forgetOld()
	j := &Job{ID: newID(), Owner: owner, Meta: meta}
	r.jobs[j.ID] = j
	ctx, stop := context.WithCancel(context.WithoutCancel(base))
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer stop()
		// The runner's shutdown cancels the job.
		go func() {
			select {
			case <-r.ctx.Done():
				stop()
			case <-ctx.Done():
			}
		}()
		kind, began := metrics.KindOf(meta), time.Now()
		metrics.JobStarted(kind)
		res, err := fn(ctx, j)
		metrics.JobEnded(kind, time.Since(began), err)
		j.mu.Lock()
		j.result, j.err, j.done, j.ended = res, err, true, r.now()
		j.mu.Unlock()
	}()
	return j, nil
}

// Get returns owner's job id; another account's job is not found.
func (r *Runner) Get(id string, owner int64) (*Job, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	j := r.jobs[id]
	if j == nil || j.Owner != owner {
		return nil, false
	}
	return j, true
}

// Shutdown cancels every running job and waits for them to end, or for ctx.
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
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, j := range r.jobs {
			j.release()
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// forgetOld drops jobs that ended more than keep ago; r.mu is held.
func (r *Runner) forgetOld() {
	now := r.now()
	for id, j := range r.jobs {
		j.mu.Lock()
		old := j.done && now.Sub(j.ended) > keep
		j.mu.Unlock()
		if old {
			delete(r.jobs, id)
			j.release()
		}
	}
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
