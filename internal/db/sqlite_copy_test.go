package db_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// A snapshot taken of one database and restored into another open one
// replaces its rows, and its readers see them; PostgreSQL refuses both.
func TestSnapshotAndRestoreSQLite(t *testing.T) {
	ctx := context.Background()
	src := dbtest.Open(t, db.SQLite)
	if _, err := src.Writer().ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', '快照区', '2020-01-01')"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "snap.db")
	if err := src.SnapshotTo(ctx, file); err != nil {
		t.Fatal(err)
	}
	dst := dbtest.Open(t, db.SQLite)
	count := func() int {
		var n int
		if err := dst.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area WHERE name = '快照区'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count() != 0 {
		t.Fatal("the fresh database already holds the row")
	}
	if err := dst.RestoreFrom(ctx, file); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("after restore the reader sees %d rows, want 1", n)
	}
	if err := dst.RestoreFrom(ctx, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("restoring from a missing file succeeded")
	}
	for _, e := range dbtest.Engines() {
		if e == db.SQLite {
			continue
		}
		pg := dbtest.Open(t, e)
		if err := pg.SnapshotTo(ctx, file+".pg"); !errors.Is(err, db.ErrNotSQLite) {
			t.Errorf("snapshot on %s: %v, want ErrNotSQLite", e, err)
		}
		if err := pg.RestoreFrom(ctx, file); !errors.Is(err, db.ErrNotSQLite) {
			t.Errorf("restore on %s: %v, want ErrNotSQLite", e, err)
		}
	}
}
