package access

import "context"

// located is what a Place's Locate read for Decide, kept for the handler
// of the same request: the record was read through the scoped store a
// moment ago, so the handler need not read it (and check its scope) again.
type located struct {
	id    int64
	value any
}

type locatedKey struct{}

// withLocated gives Locate a place to keep what it read.
func withLocated(ctx context.Context) context.Context {
	return context.WithValue(ctx, locatedKey{}, &located{})
}

// Keep records v as the record id that Locate has just read through the
// caller's scoped store. Outside Decide it does nothing.
func Keep(ctx context.Context, id int64, v any) {
	if l, ok := ctx.Value(locatedKey{}).(*located); ok {
		l.id, l.value = id, v
	}
}

// Kept returns the record id that Decide's Locate kept for this request,
// if it kept one of type T.
func Kept[T any](ctx context.Context, id int64) (T, bool) {
	l, ok := ctx.Value(locatedKey{}).(*located)
	if !ok || l.id != id {
		var zero T
		return zero, false
	}
	v, ok := l.value.(T)
	return v, ok
}
