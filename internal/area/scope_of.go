package area

import "context"

// ScopeOf is the subtree a call through s is restricted to (the store's own
// scope, else the context's; 0 when unrestricted). Other domain packages
// use it to apply the same scope to their own records.
func (s *Store) ScopeOf(ctx context.Context) int64 { return s.scope(ctx) }
