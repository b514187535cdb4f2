// Package dbtest gives tests a fresh, migrated database on every engine the
// run has: SQLite always, PostgreSQL when DANGJIAN_TEST_POSTGRES is set (one
// schema per test, so tests may run in parallel). It also gates the scale
// checks, which run only when DANGJIAN_TEST_SCALE=1 (CI sets it).
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"dangjian/internal/db"
)

// EnvPostgres names the variable holding the PostgreSQL URL for tests.
const EnvPostgres = "DANGJIAN_TEST_POSTGRES"

// EnvScale names the variable that turns on the scale checks: tests that
// build data of a size (a generated district, 100,000 rows) that the
// README's `go test ./...` should not make a newcomer wait for.
const EnvScale = "DANGJIAN_TEST_SCALE"

// RequireScale skips the test unless DANGJIAN_TEST_SCALE=1.
func RequireScale(t testing.TB) {
	t.Helper()
	if os.Getenv(EnvScale) != "1" {
		t.Skip("scale check: runs with " + EnvScale + "=1")
	}
}

// Engines returns the dialects this run tests.
func Engines() []db.Dialect {
	out := []db.Dialect{db.SQLite}
	if os.Getenv(EnvPostgres) != "" {
		out = append(out, db.Postgres)
	}
	return out
}

// Each runs fn as a subtest on a fresh migrated database of every engine.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	for _, e := range Engines() {
		t.Run(string(e), func(t *testing.T) {
			fn(t, Open(t, e))
		})
	}
}

// Open returns a fresh migrated database of dialect e, closed and removed
// when the test ends.
func Open(t testing.TB, e db.Dialect) *db.DB {
	t.Helper()
	u := URL(t, e)
	d, err := db.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("open %s: %v", e, err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s: %v", e, err)
	}
	// As the test ends: no plain personal data in the audit trail, and no
	// invariant broken, whatever the test wrote.
	t.Cleanup(func() {
		scanAuditForPII(t, d)
		checkInvariants(t, d)
	})
	return d
}

// URL returns the URL of a fresh, empty database of dialect e.
func URL(t testing.TB, e db.Dialect) string {
	t.Helper()
	if e == db.SQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "test.db")
	}
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(EnvPostgres + " not set")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("postgres at %s unreachable or refused: %v", base, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			_, _ = a.Exec("DROP SCHEMA " + schema + " CASCADE")
			a.Close()
		}
	})
	pu, err := url.Parse(base)
	if err != nil {
		t.Fatalf("bad %s: %v", EnvPostgres, err)
	}
	qv := pu.Query()
	qv.Set("search_path", schema)
	pu.RawQuery = qv.Encode()
	return pu.String()
}
