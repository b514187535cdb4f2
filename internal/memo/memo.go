// Package memo keeps what one piece of work (a speech, a report) computes
// once in its context, so that the parts of it that need the same value
// (a figure the template says and an example reads, the projects the
// earlier example slots picked) compute it once. Without a memo in the
// context every call computes afresh.
package memo

import (
	"context"
	"sync"
)

type key struct{}

type memo struct {
	mu     sync.Mutex
	values map[string]any
}

// With returns a context that memoises Do's values until it is dropped.
func With(ctx context.Context) context.Context {
	if ctx.Value(key{}) != nil {
		return ctx
	}
	return context.WithValue(ctx, key{}, &memo{values: map[string]any{}})
}

// Do returns the value kept under k in ctx's memo, or computes it with fn
// and keeps it (an error is not kept).
func Do[T any](ctx context.Context, k string, fn func() (T, error)) (T, error) {
	m, _ := ctx.Value(key{}).(*memo)
	if m == nil {
		return fn()
	}
	m.mu.Lock()
	v, ok := m.values[k]
	m.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	t, err := fn()
	if err == nil {
		Put(ctx, k, t)
	}
	return t, err
}

// Put keeps v under k in ctx's memo, if it has one.
func Put(ctx context.Context, k string, v any) {
	if m, _ := ctx.Value(key{}).(*memo); m != nil {
		m.mu.Lock()
		m.values[k] = v
		m.mu.Unlock()
	}
}
