package area

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// versionSetting names the row of the setting table that every change to the
// tree or its party organisations bumps, in the change's own transaction.
// Readers compare it with the version their cached lists were built from,
// so a cache is never served stale, even when another process (the command
// line, a second server) made the change.
const versionSetting = "area.version"

// bumpVersion marks the tree as changed; call it inside the write transaction.
func bumpVersion(ctx context.Context, q db.Q) error {
	// One statement, so two first-ever writers cannot both insert the row.
	_, err := q.ExecContext(ctx, `INSERT INTO setting (name, value) VALUES (?, '1')
ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(setting.value AS INTEGER) + 1 AS TEXT)`, versionSetting)
	if err != nil {
		return fmt.Errorf("area: bump version: %w", err)
	}
	return nil
}

// BumpVersion is bumpVersion for writers outside this package (the bulk
// generator), which must invalidate the caches too.
func BumpVersion(ctx context.Context, q db.Q) error { return bumpVersion(ctx, q) }

func readVersion(ctx context.Context, q db.Q) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM setting WHERE name = ?", versionSetting).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "0", nil
	}
	return v, err
}

// listCache keeps recent ListActive answers by scope and date.
type listCache struct {
	mu sync.Mutex
	m  map[listKey]listEntry
}

type listKey struct {
	scope int64
	on    date.Date
}

type listEntry struct {
	version string
	areas   []Area
}

// maxListEntries bounds the cache; past it, it starts over.
const maxListEntries = 256

func (c *listCache) get(k listKey, version string) ([]Area, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || e.version != version {
		return nil, false
	}
	return append([]Area(nil), e.areas...), true
}

func (c *listCache) put(k listKey, version string, areas []Area) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxListEntries {
		c.m = map[listKey]listEntry{}
	}
	c.m[k] = listEntry{version: version, areas: append([]Area(nil), areas...)}
}
