package figures

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestComputeSharedOnceAndDetached: requests asking at once under one stamp
// share one computation; a requester that gives up gets its context's error
// while the computation goes on uncancelled for the others; another stamp or
// scope computes afresh, and without a cache nothing is shared.
func TestComputeSharedOnceAndDetached(t *testing.T) {
	fs := []*Figure{{Key: "a"}, {Key: "b"}}
	cache := &valueCache{}
	tests := []struct {
		name      string
		cache     *valueCache
		callers   int
		wantCalls int32
	}{
		{"fifty callers under one stamp share one computation", cache, 50, 1},
		{"without a cache each computes", nil, 5, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			release := make(chan struct{})
			compute := func(ctx context.Context) ([]float64, error) {
				calls.Add(1)
				<-release
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				return []float64{1, 2}, nil
			}
			var wg sync.WaitGroup
			errs := make(chan error, tc.callers)
			for range tc.callers {
				wg.Go(func() {
					v, err := computeShared(context.Background(), tc.cache, 7, Scope{AreaID: 1}, fs, compute)
					if err == nil && (len(v) != 2 || v[1] != 2) {
						err = errors.New("wrong values")
					}
					errs <- err
				})
			}
			time.Sleep(100 * time.Millisecond) // let every caller join
			close(release)
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := calls.Load(); got != tc.wantCalls {
				t.Errorf("computations = %d, want %d", got, tc.wantCalls)
			}
		})
	}

	t.Run("a leaving requester does not cancel the shared computation", func(t *testing.T) {
		release, done := make(chan struct{}), make(chan error, 1)
		compute := func(ctx context.Context) ([]float64, error) {
			<-release
			done <- ctx.Err()
			return []float64{1, 2}, nil
		}
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() {
			_, err := computeShared(ctx, cache, 8, Scope{AreaID: 2}, fs, compute)
			errc <- err
		}()
		time.Sleep(50 * time.Millisecond)
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Errorf("the leaving requester got %v, want context.Canceled", err)
		}
		close(release)
		if err := <-done; err != nil {
			t.Errorf("the computation saw %v: it must run detached", err)
		}
	})
}
