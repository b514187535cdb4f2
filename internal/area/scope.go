package area

import (
	"context"

	"dangjian/internal/access"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// Within reports whether area id is ancestor itself or lies under it in the
// tree as it stands now (an ended area stays where it last was). Access
// checks use it: a user scoped to ancestor may see and change id.
func (s *Store) Within(ctx context.Context, ancestor, id int64) (bool, error) {
	var n int
	err := s.DB.Reader().QueryRowContext(ctx,
		"SELECT COUNT(*) FROM area_closure WHERE ancestor_id = ? AND descendant_id = ? AND to_on IS NULL", ancestor, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("area: within: %w", err)
	}
	return n > 0, nil
}

// ErrOutOfScope marks an area outside the store's scope.
var ErrOutOfScope = fault.OutOfScope

// In returns a copy of s restricted to the subtree of scope: every read and
// write through it refuses areas outside that subtree. Scope 0 is the whole
// tree (the local operator on the command line).
func (s *Store) In(scope int64) *Store {
	c := *s
	c.Scope = scope
	return &c
}

// scope is the subtree a call is restricted to: the store's own (see In),
// else the context's (access.WithScope), else none.
func (s *Store) scope(ctx context.Context) int64 {
	if s.Scope != 0 {
		return s.Scope
	}
	return access.ScopeFrom(ctx)
}

// allow refuses id when the store is scoped and id is not in the scope. It
// runs on q, so inside a write transaction the check and the write agree.
func (s *Store) allow(ctx context.Context, q db.Q, field string, id int64) error {
	sc := s.scope(ctx)
	if sc == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx,
		"SELECT COUNT(*) FROM area_closure WHERE ancestor_id = ? AND descendant_id = ? AND to_on IS NULL", sc, id).Scan(&n); err != nil {
		return fmt.Errorf("area: scope: %w", err)
	}
	if n == 0 {
		return &i18n.Error{Field: field, Key: "err.out_of_scope", Err: ErrOutOfScope}
	}
	return nil
}
