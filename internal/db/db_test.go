package db_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestDialectsHaveTheSameMigrations(t *testing.T) {
	s, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.Migrations(db.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) == 0 || len(s) != len(p) {
		t.Fatalf("sqlite has %d migrations, postgres %d", len(s), len(p))
	}
	for i := range s {
		if s[i].Version != p[i].Version || s[i].Name != p[i].Name {
			t.Errorf("migration %d: sqlite %s, postgres %s", i, s[i].Name, p[i].Name)
		}
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			d := dbtest.Open(t, e) // migrated once
			n, err := d.Migrate(context.Background())
			if err != nil || n != 0 {
				t.Fatalf("second migrate applied %d, err %v", n, err)
			}
		})
	}
}

func TestOpenErrorsAreClear(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	roFile := filepath.Join(dir, "ro.db")
	if err := os.WriteFile(roFile, nil, 0o400); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, url, want string
		skipRoot        bool
	}{
		{"unknown scheme", "mysql://x", "malformed database URL", false},
		{"empty sqlite path", "sqlite:", "malformed database URL", false},
		{"missing folder", "sqlite:" + filepath.Join(dir, "nope", "x.db"), "does not exist", false},
		{"folder not writable", "sqlite:" + filepath.Join(ro, "x.db"), "not writable", true},
		{"file not writable", "sqlite:" + roFile, "not writable", true},
		{"system folder not writable even by root", "sqlite:/proc/dangjian.db", "not writable", false},
		{"a folder as file", "sqlite:" + dir, "is a folder", false},
		{"postgres without host", "postgres:///x", "malformed database URL", false},
		{"postgres unreachable", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2", "cannot reach PostgreSQL at 127.0.0.1:1", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.skipRoot && os.Geteuid() == 0 {
				t.Skip("root can write anywhere")
			}
			d, err := db.Open(context.Background(), c.url)
			if err == nil {
				d.Close()
				t.Fatalf("opened %s", c.url)
			}
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "goroutine") {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestRebind(t *testing.T) {
	cases := []struct{ in, sqlite, pg string }{
		{"SELECT ? , ?", "SELECT ? , ?", "SELECT $1 , $2"},
		{"x = ?1 AND y = ?2 OR z = ?1", "x = ?1 AND y = ?2 OR z = ?1", "x = $1 AND y = $2 OR z = $1"},
		{"name = '?' AND id = ?", "name = '?' AND id = ?", "name = '?' AND id = $1"},
	}
	for _, c := range cases {
		if got := db.Rebind(db.SQLite, c.in); got != c.sqlite {
			t.Errorf("sqlite %q → %q", c.in, got)
		}
		if got := db.Rebind(db.Postgres, c.in); got != c.pg {
			t.Errorf("postgres %q → %q", c.in, got)
		}
	}
}

func TestTxRollsBackOnError(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := d.Tx(ctx, func(q db.Q) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', 'x', '2020-01-01')"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		var n int
		if err := d.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n); err != nil || n != 0 {
			t.Errorf("rows after rollback = %d, %v", n, err)
		}
	})
}

// TestTxErrRollback: a dry run's ErrRollback rolls back and is no error.
func TestTxErrRollback(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		err := d.Tx(ctx, func(q db.Q) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', 'x', '2020-01-01')"); err != nil {
				return err
			}
			return db.ErrRollback
		})
		if err != nil {
			t.Fatalf("err = %v", err)
		}
		var n int
		if err := d.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n); err != nil || n != 0 {
			t.Errorf("rows after a dry run = %d, %v", n, err)
		}
	})
}

func TestSQLiteIsWAL(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	var mode string
	if err := d.Reader().QueryRowContext(context.Background(), "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	var fk int
	if err := d.Writer().QueryRowContext(context.Background(), "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
}

// TestPostgresPlansEachExecution: reused prepared statements must not fall
// back to a generic plan (see openPostgres).
func TestPostgresPlansEachExecution(t *testing.T) {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		t.Skip(dbtest.EnvPostgres + " not set")
	}
	d := dbtest.Open(t, db.Postgres)
	var mode string
	if err := d.Reader().QueryRowContext(context.Background(), "SHOW plan_cache_mode").Scan(&mode); err != nil || mode != "force_custom_plan" {
		t.Errorf("plan_cache_mode = %q, %v", mode, err)
	}
}

func TestPooled(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		if !d.Reader().Pooled() || !d.Writer().Pooled() {
			t.Error("the pools must say they are pooled")
		}
		err := d.Tx(context.Background(), func(q db.Q) error {
			if q.Pooled() {
				t.Error("a transaction is not pooled")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
