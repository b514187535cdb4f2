package db

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements of the SQLite reader pool by query
// text. database/sql otherwise prepares, runs and finalises a statement on
// every call, which for SQLite costs more than running a small query.
// (pgx caches PostgreSQL's statements itself.)
type stmtCache struct {
	db *sql.DB
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// maxCachedStmts bounds the cache; queries built from user input (filters)
// past that are run unprepared rather than growing it without end.
const maxCachedStmts = 512

func newStmtCache(db *sql.DB) *stmtCache { return &stmtCache{db: db, m: map[string]*sql.Stmt{}} }

// get returns the prepared statement of query, or nil when the cache is full.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.RLock()
	st, full := c.m[query], len(c.m) >= maxCachedStmts
	c.mu.RUnlock()
	if st != nil || full {
		return st, nil
	}
	// Prepare without the lock: preparing may wait for a free connection,
	// and cached reads must not wait behind it.
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev := c.m[query]; prev != nil { // another caller prepared it meanwhile
		st.Close()
		return prev, nil
	}
	if len(c.m) >= maxCachedStmts {
		st.Close()
		return nil, nil
	}
	c.m[query] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = map[string]*sql.Stmt{}
}
