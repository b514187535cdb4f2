package jobs

import (
	"context"
	"errors"
	"testing"
	"time"
)

type key struct{}

func TestJobRunsWithTheCallersValuesAndReports(t *testing.T) {
	r := NewRunner()
	base, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "scope-7"))
	j, err := r.Start(base, 1, "members", func(ctx context.Context, j *Job) (any, error) {
		j.Report(50)
		return ctx.Value(key{}), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cancel() // the request that started it ends; the job goes on
	if err := r.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := j.State()
	if !st.Done || st.Result != "scope-7" || st.Err != nil || st.Progress != 50 {
		t.Errorf("state %+v", st)
	}
	if _, ok := r.Get(j.ID, 2); ok {
		t.Error("another account sees the job")
	}
	if got, ok := r.Get(j.ID, 1); !ok || got != j {
		t.Error("the owner does not see the job")
	}
}

func TestShutdownCancelsAndWaits(t *testing.T) {
	r := NewRunner()
	ended := make(chan struct{})
	j, _ := r.Start(context.Background(), 1, "members", func(ctx context.Context, j *Job) (any, error) {
		<-ctx.Done()
		time.Sleep(20 * time.Millisecond) // cleaning up
		close(ended)
		return nil, ctx.Err()
	})
	if err := r.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	default:
		t.Fatal("Shutdown returned before the job ended")
	}
	if st := j.State(); !st.Done || !errors.Is(st.Err, context.Canceled) {
		t.Errorf("state %+v", st)
	}
	if _, err := r.Start(context.Background(), 1, "x", nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Start after Shutdown: %v", err)
	}
}

func TestFinishedJobsAreForgottenAfterAnHour(t *testing.T) {
	r := NewRunner()
	now := time.Now()
	r.now = func() time.Time { return now }
	released := 0
	j, _ := r.Start(context.Background(), 1, "members", func(_ context.Context, j *Job) (any, error) {
		j.OnForget(func() { released++ })
		return nil, nil
	})
	r.wg.Wait()
	now = now.Add(keep + time.Second)
	j2, _ := r.Start(context.Background(), 1, "members", func(context.Context, *Job) (any, error) { return nil, nil })
	r.wg.Wait()
	if _, ok := r.Get(j.ID, 1); ok {
		t.Error("a job ended over an hour ago is still there")
	}
	if _, ok := r.Get(j2.ID, 1); !ok {
		t.Error("the new job is gone")
	}
	if released != 1 {
		t.Errorf("the forgotten job's OnForget ran %d times, want 1", released)
	}
	// What a job still holds is released at shutdown.
	j2.OnForget(func() { released++ })
	if err := r.Shutdown(context.Background()); err != nil || released != 2 {
		t.Errorf("shutdown: %v, released %d, want 2", err, released)
	}
}
