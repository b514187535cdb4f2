package jobs

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestOutputIsStoredWithTheJobForItsOwnerOnly: a job's output is written in
// its completing commit, encrypted, read back by its owner only, and
// deleted with the job after Keep.
func TestOutputIsStoredWithTheJobForItsOwnerOnly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var shift atomic.Int64
		now := func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }
		secret := "110101199003070000 secret"
		r := runner(t, d, Options{Now: now, Keep: time.Hour}, func(ctx context.Context, j *Job) (any, error) {
			return "ok", d.Tx(ctx, func(q db.Q) error {
				return j.CompleteWithOutput(ctx, q, "ok", Output{Name: "out.xlsx", ContentType: "application/x-test", Data: []byte(secret)})
			})
		})
		r.Run()
		j, err := r.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st := wait(t, r, j.ID, 1, "done", done); st.Status != Succeeded {
			t.Fatalf("state %+v", st)
		}
		out, ok, err := r.Output(ctx, j.ID, 1)
		if err != nil || !ok || string(out.Data) != secret || out.Name != "out.xlsx" || out.ContentType != "application/x-test" {
			t.Fatalf("owner's output = %+v, %v, %v", out, ok, err)
		}
		if _, ok, err := r.Output(ctx, j.ID, 2); ok || err != nil {
			t.Errorf("another account read the output: %v, %v", ok, err)
		}
		var stored string
		if err := d.Reader().QueryRowContext(ctx, `SELECT data FROM job_output WHERE job_id = ?`, j.ID).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stored, "110101") || !strings.HasPrefix(stored, "v1:") {
			t.Errorf("output stored in plain text: %.40q", stored)
		}
		shift.Store(int64(time.Hour + time.Minute))
		if err := r.Reap(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		_ = d.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job_output`).Scan(&n)
		if n != 0 {
			t.Errorf("%d outputs left with their job gone", n)
		}
	})
}

// TestCancelledJobLeavesNoOutput: a job cancelled before it completes
// stores nothing (CompleteWithOutput returns ErrLost, the commit rolls
// back).
func TestCancelledJobLeavesNoOutput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		started := make(chan struct{})
		release := make(chan struct{})
		lost := make(chan error, 1)
		r := runner(t, d, Options{}, func(_ context.Context, j *Job) (any, error) {
			close(started)
			<-release
			// Its own context: the job's is cancelled already.
			err := d.Tx(context.Background(), func(q db.Q) error {
				return j.CompleteWithOutput(context.Background(), q, "ok", Output{Name: "x", ContentType: "x", Data: []byte("x")})
			})
			lost <- err
			return nil, err
		})
		r.Run()
		j, err := r.Start(ctx, 1, "work", args{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		<-started
		if err := r.Cancel(ctx, j.ID, 1); err != nil {
			t.Fatal(err)
		}
		close(release)
		if err := <-lost; err != ErrLost {
			t.Errorf("CompleteWithOutput of a cancelled job = %v, want ErrLost", err)
		}
		if st := wait(t, r, j.ID, 1, "done", done); st.Status != Cancelled {
			t.Errorf("state %+v", st)
		}
		if _, ok, err := r.Output(ctx, j.ID, 1); ok || err != nil {
			t.Errorf("a cancelled job has an output: %v, %v", ok, err)
		}
	})
}
