package db

import (
	"context"
	"fmt"
)

// writersLock is the PostgreSQL advisory lock that serialises the writers
// of shared running state (the audit chain, the tally counts); 724310
// serialises migrations.
const writersLock = 724311

// LockWriters serialises q's transaction with every other writer that takes
// this lock, until the transaction ends. On SQLite there is one writer
// connection, so there is nothing to take. Taking it twice in one
// transaction is harmless.
func LockWriters(ctx context.Context, q Q) error {
	if q.Dialect() != Postgres {
		return nil
	}
	if _, err := q.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", writersLock); err != nil {
		return fmt.Errorf("db: lock writers: %w", err)
	}
	return nil
}
