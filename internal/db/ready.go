package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotMigrated is Ready's error when a migration is not applied yet.
var ErrNotMigrated = errors.New("db: migrations not applied")

// Pools returns the reader and writer pools, for the metrics of their use
// (on PostgreSQL both are the same pool).
func (d *DB) Pools() (reader, writer *sql.DB) { return d.read, d.write }

// Ready checks that the database answers and that every embedded migration
// is applied, for the readiness probe. It reads through the reader pool:
// the SQLite writer's one connection may be held by a long import, which
// does not make the server unready. ctx bounds the wait.
func (d *DB) Ready(ctx context.Context) error {
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return err
	}
	rows, err := d.read.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return fmt.Errorf("db: not reachable or not migrated: %s", firstLine(err.Error()))
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return fmt.Errorf("db: schema_migrations: %w", err)
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: schema_migrations: %s", firstLine(err.Error()))
	}
	missing := 0
	for _, m := range ms {
		if !applied[m.Version] {
			missing++
		}
	}
	if missing > 0 {
		return fmt.Errorf("%w: %d of %d", ErrNotMigrated, missing, len(ms))
	}
	return nil
}
