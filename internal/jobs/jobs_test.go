package jobs

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

var testKeys = func() *pii.Keyring {
	k, err := pii.New([]byte("0123456789abcdef0123456789abcdeJ"))
	if err != nil {
		panic(err)
	}
	return k
}()

// fast are the timings of the tests' runners.
func fast(o Options) Options {
	if o.Poll == 0 {
		o.Poll = 20 * time.Millisecond
	}
	if o.Heartbeat == 0 {
		o.Heartbeat = 100 * time.Millisecond
	}
	if o.StaleAfter == 0 {
		o.StaleAfter = 400 * time.Millisecond
	}
	o.Keys = testKeys
	return o
}

// runner returns a runner over d with fn for kind "work", not yet running;
// it is shut down as the test ends.
func runner(t *testing.T, d *db.DB, o Options, fn Func) *Runner {
	t.Helper()
	r := NewRunner(d, fast(o))
	if fn != nil {
		r.Register("work", fn)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := r.Shutdown(ctx); err != nil {
			t.Errorf("shutdown %s: %v", r.ID(), err)
		}
	})
	return r
}

// second opens another handle on d's database: another server (on
// SQLite, another process on the same file).
func second(t *testing.T, d *db.DB) *db.DB {
	t.Helper()
	d2, err := db.Open(context.Background(), d.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d2.Close() })
	return d2
}

// wait polls owner's job id on r until cond holds (5 s at most).
func wait(t *testing.T, r *Runner, id string, owner int64, what string, cond func(State) bool) State {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		j, ok, err := r.Get(context.Background(), id, owner)
		if err != nil {
			t.Fatal(err)
		}
		if ok && cond(j.State()) {
			return j.State()
		}
		if time.Now().After(deadline) {
			var st State
			if ok {
				st = j.State()
			}
			t.Fatalf("job %s: still not %s: %+v", id, what, st)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func done(s State) bool { return s.Done }

type args struct {
	N int `json:"n"`
}

// applied is a table the tests' jobs write to, once per application.
func applied(t *testing.T, d *db.DB) func() int {
	t.Helper()
	if _, err := d.Writer().ExecContext(context.Background(), `CREATE TABLE jobs_test_applied (job_id TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return func() int {
		var n int
		if err := d.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM jobs_test_applied`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
}

// apply writes the job's row and ends the job in one transaction.
func apply(ctx context.Context, d *db.DB, j *Job, result any) error {
	return d.Tx(ctx, func(q db.Q) error {
		if _, err := q.ExecContext(ctx, `INSERT INTO jobs_test_applied (job_id) VALUES (?)`, j.ID); err != nil {
			return err
		}
		return j.Complete(ctx, q, result)
	})
}

func TestJobRunsKeepsItsResultAndIsOnlyItsOwners(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := runner(t, d, Options{}, func(ctx context.Context, j *Job) (any, error) {
			var a args
			if err := j.DecodeArgs(&a); err != nil {
				return nil, err
			}
			in, err := j.Input(ctx)
			if err != nil {
				return nil, err
			}
			j.Report(map[string]int{"rows": a.N})
			return map[string]any{"n": a.N, "input": string(in)}, nil
		})
		r.Run()
		j, err := r.Start(ctx, 7, "work", args{N: 3}, []byte("身份证 110101199003070011"))
		if err != nil {
			t.Fatal(err)
		}
		var stored string
		if err := d.Reader().QueryRowContext(ctx, `SELECT data FROM job_file WHERE job_id = ?`, j.ID).Scan(&stored); err == nil && (stored == "" || stored[:3] != "v1:") {
			t.Errorf("input stored as %q, want it encrypted", stored)
		}
		st := wait(t, r, j.ID, 7, "done", done)
		var res struct {
			N     int    `json:"n"`
			Input string `json:"input"`
		}
		var p map[string]int
		if st.Status != Succeeded || st.Err != nil || !st.DecodeResult(&res) || res.N != 3 || res.Input != "身份证 110101199003070011" || !st.DecodeProgress(&p) || p["rows"] != 3 {
			t.Errorf("state %+v, result %+v", st, res)
		}
		// Another account sees nothing and cancels nothing.
		if _, ok, err := r.Get(ctx, j.ID, 8); ok || err != nil {
			t.Errorf("another account sees the job (err %v)", err)
		}
		if err := r.Cancel(ctx, j.ID, 8); !errors.Is(err, ErrNotFound) {
			t.Errorf("another account's cancel: %v, want ErrNotFound", err)
		}
		// The input is dropped with the job's end; the result stays, and a
		// runner started later (after a restart, on another server) shows it.
		var n int
		_ = d.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job_file`).Scan(&n)
		if n != 0 {
			t.Errorf("%d inputs left after the job ended", n)
		}
		r2 := runner(t, second(t, d), Options{}, nil)
		if j2, ok, err := r2.Get(ctx, j.ID, 7); !ok || err != nil || !j2.State().DecodeResult(&res) || res.N != 3 {
			t.Errorf("after a restart: ok %v err %v", ok, err)
		}
	})
}

func TestOrphanedJobIsRetriedAndAppliedOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		count := applied(t, d)
		// Runner A claims the job and then "dies" (kill -9): it never
		// heartbeats again. It wakes up later and tries to commit.
		started, release := make(chan struct{}), make(chan struct{})
		lateErr := make(chan error, 1)
		a := runner(t, d, Options{Heartbeat: time.Hour, Workers: 1}, func(ctx context.Context, j *Job) (any, error) {
			close(started)
			<-release
			err := apply(ctx, d, j, "from A")
			lateErr <- err
			return nil, err
		})
		a.Run()
		j, err := a.Start(ctx, 1, "work", args{N: 1}, []byte("file"))
		if err != nil {
			t.Fatal(err)
		}
		<-started
		// Runner B on the same database finds A's heartbeat stale, runs
		// the job again, reading the same input.
		d2 := second(t, d)
		b := runner(t, d2, Options{}, func(ctx context.Context, j *Job) (any, error) {
			in, err := j.Input(ctx)
			if err != nil || string(in) != "file" {
				return nil, fmt.Errorf("input %q, %v", in, err)
			}
			return nil, apply(ctx, d2, j, fmt.Sprintf("from B, attempt %d", j.Attempt()))
		})
		b.Run()
		st := wait(t, b, j.ID, 1, "done", done)
		var res string
		if st.Status != Succeeded || !st.DecodeResult(&res) || res != "from B, attempt 2" || st.Attempts != 2 {
			t.Errorf("after the retry: %+v (%q)", st, res)
		}
		close(release)
		if err := <-lateErr; !errors.Is(err, ErrLost) {
			t.Errorf("A's late commit: %v, want ErrLost", err)
		}
		if n := count(); n != 1 {
			t.Errorf("applied %d times, want once", n)
		}
		if st := wait(t, b, j.ID, 1, "done", done); st.Status != Succeeded || !st.DecodeResult(&res) || res != "from B, attempt 2" {
			t.Errorf("A's end overwrote B's: %+v", st)
		}
	})
}

func TestOrphanedJobFailsAfterItsAttempts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		started, release := make(chan struct{}), make(chan struct{})
		defer close(release)
		a := runner(t, d, Options{Heartbeat: time.Hour, MaxAttempts: 1, Workers: 1}, func(ctx context.Context, j *Job) (any, error) {
			close(started)
			<-release
			return nil, nil
		})
		a.Run()
		j, err := a.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		<-started
		b := runner(t, second(t, d), Options{}, func(context.Context, *Job) (any, error) {
			t.Error("a job out of attempts ran again")
			return nil, nil
		})
		b.Run()
		st := wait(t, b, j.ID, 1, "failed", done)
		var ie *i18n.Error
		if st.Status != Failed || !errors.As(st.Err, &ie) || ie.Key != "err.job_abandoned" {
			t.Errorf("state %+v", st)
		}
	})
}

func TestTwoRunnersNeverRunTheSameJobTwice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var mu sync.Mutex
		runs := map[string][]string{}
		fn := func(name string) Func {
			return func(ctx context.Context, j *Job) (any, error) {
				mu.Lock()
				runs[j.ID] = append(runs[j.ID], name)
				mu.Unlock()
				time.Sleep(2 * time.Millisecond)
				return name, nil
			}
		}
		// Claims are what is tested: no job is taken for orphaned here,
		// however slowly the heartbeats get written (-race).
		a := runner(t, d, Options{Workers: 3, StaleAfter: time.Minute}, fn("a"))
		b := runner(t, second(t, d), Options{Workers: 3, StaleAfter: time.Minute}, fn("b"))
		var ids []string
		for i := range 40 {
			j, err := a.Start(ctx, 1, "work", args{N: i}, nil)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, j.ID)
		}
		a.Run()
		b.Run()
		for _, id := range ids {
			wait(t, a, id, 1, "done", done)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, id := range ids {
			if len(runs[id]) != 1 {
				t.Errorf("job %s ran %d times (%v)", id, len(runs[id]), runs[id])
			}
		}
		if n, err := a.Depth(ctx); err != nil || n != 0 {
			t.Errorf("depth %d, %v after every job ended", n, err)
		}
	})
}

func TestCancel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		count := applied(t, d)

		// A queued job ends cancelled at once, its input dropped.
		idle := runner(t, d, Options{}, nil)
		q, err := idle.Start(ctx, 1, "work", args{}, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		if n, err := idle.Depth(ctx); err != nil || n != 1 {
			t.Errorf("depth %d, %v; want 1", n, err)
		}
		if err := idle.Cancel(ctx, q.ID, 1); err != nil {
			t.Fatal(err)
		}
		if st := wait(t, idle, q.ID, 1, "cancelled", done); st.Status != Cancelled || !errors.Is(st.Err, ErrCancelled) {
			t.Errorf("queued job: %+v", st)
		}

		// A running job that has written in its transaction is cancelled
		// and rolls back.
		inTx := make(chan struct{})
		r := runner(t, d, Options{}, func(ctx context.Context, j *Job) (any, error) {
			err := d.Tx(ctx, func(q db.Q) error {
				if _, err := q.ExecContext(ctx, `INSERT INTO jobs_test_applied (job_id) VALUES (?)`, j.ID); err != nil {
					return err
				}
				close(inTx)
				<-ctx.Done()
				return ctx.Err()
			})
			return nil, err
		})
		r.Run()
		j, err := r.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		<-inTx
		if err := r.Cancel(ctx, j.ID, 1); err != nil {
			t.Fatal(err)
		}
		if st := wait(t, r, j.ID, 1, "cancelled", done); st.Status != Cancelled {
			t.Errorf("running job: %+v", st)
		}
		if n := count(); n != 0 {
			t.Errorf("a cancelled job left %d rows", n)
		}
	})
}

func TestCancelAndProgressAcrossRunners(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := runner(t, d, Options{}, func(ctx context.Context, j *Job) (any, error) {
			j.Report(map[string]int{"rows": 42})
			<-ctx.Done()
			return nil, ctx.Err()
		})
		a.Run()
		j, err := a.Start(ctx, 3, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Another server sees the stored progress, and cancels the job.
		b := runner(t, second(t, d), Options{}, nil)
		wait(t, b, j.ID, 3, "reporting", func(s State) bool {
			var p map[string]int
			return s.DecodeProgress(&p) && p["rows"] == 42 && s.Status == Running
		})
		if err := b.Cancel(ctx, j.ID, 3); err != nil {
			t.Fatal(err)
		}
		if st := wait(t, b, j.ID, 3, "cancelled", done); st.Status != Cancelled {
			t.Errorf("state %+v", st)
		}
	})
}

func TestShutdownQueuesTheRunningJobAgain(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		started := make(chan struct{})
		a := NewRunner(d, fast(Options{}))
		a.Register("work", func(ctx context.Context, j *Job) (any, error) {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		})
		a.Run()
		j, err := a.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		<-started
		if err := a.Shutdown(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Start(ctx, 1, "work", args{}, nil); !errors.Is(err, ErrClosed) {
			t.Errorf("Start after Shutdown: %v", err)
		}
		b := runner(t, d, Options{}, func(context.Context, *Job) (any, error) { return "b", nil })
		if jb, _, _ := b.Get(ctx, j.ID, 1); jb == nil || jb.State().Status != Queued || jb.State().Attempts != 0 {
			t.Fatalf("after shutdown: %+v", jb)
		}
		b.Run()
		if st := wait(t, b, j.ID, 1, "done", done); st.Status != Succeeded || st.Attempts != 1 {
			t.Errorf("state %+v", st)
		}
	})
}

func TestFinishedJobsAreForgottenAfterKeep(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var shift atomic.Int64
		now := func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }
		r := runner(t, d, Options{Now: now, Keep: time.Hour}, func(_ context.Context, j *Job) (any, error) {
			j.KeepInput()
			return nil, nil
		})
		r.Run()
		j, err := r.Start(ctx, 1, "work", args{}, []byte("kept"))
		if err != nil {
			t.Fatal(err)
		}
		wait(t, r, j.ID, 1, "done", done)
		if err := r.Reap(ctx); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := r.Get(ctx, j.ID, 1); !ok {
			t.Fatal("a job just ended is gone")
		}
		shift.Store(int64(time.Hour + time.Minute))
		if err := r.Reap(ctx); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := r.Get(ctx, j.ID, 1); ok {
			t.Error("a job ended over Keep ago is still there")
		}
		var n int
		_ = d.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job_file`).Scan(&n)
		if n != 0 {
			t.Errorf("%d kept inputs left with their job gone", n)
		}
	})
}

func TestTakeInputOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := runner(t, d, Options{}, func(ctx context.Context, j *Job) (any, error) {
			var a args
			_ = j.DecodeArgs(&a)
			in, err := j.Input(ctx)
			if a.N == 0 {
				j.KeepInput()
			}
			return string(in), err
		})
		r.Run()
		dry, err := r.Start(ctx, 1, "work", args{N: 0}, []byte("sheet"))
		if err != nil {
			t.Fatal(err)
		}
		wait(t, r, dry.ID, 1, "done", done)
		if _, ok, err := r.TakeInput(ctx, dry.ID, 2, "work", args{N: 1}); ok || err != nil {
			t.Errorf("another account took the input (%v)", err)
		}
		real, ok, err := r.TakeInput(ctx, dry.ID, 1, "work", args{N: 1})
		if !ok || err != nil {
			t.Fatalf("take: %v %v", ok, err)
		}
		var got string
		if st := wait(t, r, real.ID, 1, "done", done); !st.DecodeResult(&got) || got != "sheet" {
			t.Errorf("the real run read %q", got)
		}
		if _, ok, err := r.TakeInput(ctx, dry.ID, 1, "work", args{N: 1}); ok || err != nil {
			t.Errorf("the input was taken twice (%v)", err)
		}
	})
}

// A runner never reaps its own running jobs, whatever their stored
// heartbeat says: on SQLite a long import holds the writer the heartbeat
// is written through.
func TestOwnRunningJobIsNotReaped(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		started, release := make(chan struct{}), make(chan struct{})
		r := runner(t, d, Options{Heartbeat: time.Hour, StaleAfter: 50 * time.Millisecond, Workers: 1}, func(ctx context.Context, j *Job) (any, error) {
			close(started)
			<-release
			return "once", nil
		})
		r.Run()
		j, err := r.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		<-started
		time.Sleep(200 * time.Millisecond)
		if err := r.Reap(ctx); err != nil {
			t.Fatal(err)
		}
		if jj, _, _ := r.Get(ctx, j.ID, 1); jj == nil || jj.State().Status != Running {
			t.Fatalf("own job reaped: %+v", jj)
		}
		close(release)
		if st := wait(t, r, j.ID, 1, "done", done); st.Status != Succeeded || st.Attempts != 1 {
			t.Errorf("state %+v", st)
		}
	})
}
