package db

import (
	"context"
	"errors"
	"fmt"

	"modernc.org/sqlite"
)

// ErrNotSQLite is returned by the SQLite-only copy operations on another engine.
var ErrNotSQLite = errors.New("db: only a SQLite database can be copied this way")

// SnapshotTo writes a consistent copy of the SQLite database to file, which
// must not exist, while writes may go on (VACUUM INTO).
func (d *DB) SnapshotTo(ctx context.Context, file string) error {
	if d.Dialect != SQLite {
		return ErrNotSQLite
	}
	if _, err := d.write.ExecContext(ctx, "VACUUM INTO ?", file); err != nil {
		return fmt.Errorf("db: snapshot to %s: %w", file, err)
	}
	return nil
}

// restorer is what modernc's connection offers for SQLite's online backup.
type restorer interface {
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// RestoreFrom replaces the content of the open SQLite database with that of
// file (a database of the same schema, such as one SnapshotTo wrote),
// through SQLite's online backup API on the writer connection. Readers see
// the new content from their next query.
func (d *DB) RestoreFrom(ctx context.Context, file string) error {
	if d.Dialect != SQLite {
		return ErrNotSQLite
	}
	c, err := d.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Raw(func(dc any) error {
		r, ok := dc.(restorer)
		if !ok {
			return fmt.Errorf("db: the SQLite driver (%T) cannot restore", dc)
		}
		b, err := r.NewRestore("file:" + file + "?mode=ro")
		if err != nil {
			return fmt.Errorf("db: restore from %s: %w", file, err)
		}
		// Step reports whether pages remain; -1 copies them all at once.
		for more := true; more; {
			if more, err = b.Step(-1); err != nil {
				_ = b.Finish()
				return fmt.Errorf("db: restore from %s: %w", file, err)
			}
		}
		return b.Finish()
	})
}
