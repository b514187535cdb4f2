package figures

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/sync/singleflight"
)

// Concurrent requests for the same figures under the same data stamp share
// one computation (issue 15 item 9). Without this, fifty clients asking for
// the whole city's figures after a write each computed them at once on two
// cores; each took seconds, the clients gave up (wrk's 2 s timeout, a
// browser's reload), their cancelled computations kept nothing, and the
// next fifty started over: measured 0.7–2.6 requests a second with timeouts.
// The shared computation runs detached from the cancellation of the request
// that started it, so that its result is kept even when that client leaves;
// each waiting request still gives up when its own context ends.
var flights singleflight.Group

// computeShared returns compute's values for fs and s, sharing one call
// among the requests asking under the same cache and stamp at once. Without
// a cache (in a transaction, or Uncached) it calls compute directly.
func computeShared(ctx context.Context, cache *valueCache, stamp int64, s Scope, fs []*Figure, compute func(context.Context) ([]float64, error)) ([]float64, error) {
	if cache == nil {
		return compute(ctx)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%p\x00", cache) // one cache per database
	b.WriteString(strconv.FormatInt(stamp, 10))
	b.WriteByte('\x00')
	b.WriteString(memoKey("", s))
	for _, f := range fs {
		b.WriteByte('\x00')
		b.WriteString(f.Key)
	}
	ch := flights.DoChan(b.String(), func() (any, error) {
		return compute(context.WithoutCancel(ctx))
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		// A copy: the callers share the computed slice.
		return append([]float64(nil), r.Val.([]float64)...), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
