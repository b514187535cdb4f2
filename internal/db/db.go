// Package db opens SQLite or PostgreSQL from one URL, applies the embedded
// migrations and hides the few differences between the two dialects.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"dangjian/internal/fault"
)

// Dialect names the database engine.
type Dialect string

// The two supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DefaultURL is the embedded default database.
const DefaultURL = "sqlite:dangjian.db"

// Shared sentinel errors; driver errors are mapped to these (by code, see
// errcode.go). They are the classes of package fault.
var (
	ErrNotFound = fault.NotFound
	ErrConflict = fault.Conflict
	ErrBadURL   = errors.New("db: malformed database URL")
)

// DB is an open database: a single-connection writer pool and a reader pool.
// On PostgreSQL both are the same pool.
type DB struct {
	Dialect Dialect
	URL     string
	write   *sql.DB
	read    *sql.DB
	// stmts caches the reader's prepared statements on SQLite.
	stmts *stmtCache
	// local is what this process keeps about this database (Q.Local).
	local *sync.Map
}

// Open parses rawURL ("sqlite:PATH" or "postgres://…"), connects, and checks
// the connection. It does not migrate; call Migrate.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	switch {
	case strings.HasPrefix(rawURL, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(rawURL, "sqlite:"), rawURL)
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		return openPostgres(ctx, rawURL)
	default:
		return nil, fmt.Errorf("%w %q: use sqlite:PATH or postgres://user@host:port/dbname", ErrBadURL, rawURL)
	}
}

func openSQLite(ctx context.Context, path, rawURL string) (*DB, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("%w %q: sqlite:PATH needs a plain file path", ErrBadURL, rawURL)
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	// The writer's page cache (64 MB) holds a large import's working set;
	// the default 2 MB spilled dirty pages to the WAL mid-transaction and
	// read them back (an import of 100,000 members took 10 % longer).
	w, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=cache_size(-65536)&"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1) // one writer: SQLite serialises writes anyway
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("db: cannot open SQLite file %s: %v", path, err)
	}
	// Set WAL through the writer before readers open the file.
	if _, err := w.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		w.Close()
		return nil, fmt.Errorf("db: cannot write SQLite file %s: %v", path, err)
	}
	// Readers map the file (up to 1 GB) instead of reading it page by page
	// into each connection's cache: a fresh process's first queries, such
	// as `dangjian figures` for a city, touch thousands of pages.
	r, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	return &DB{Dialect: SQLite, URL: rawURL, write: w, read: r, stmts: newStmtCache(r), local: &sync.Map{}}, nil
}

// createPrivate creates a new SQLite file readable and writable by its
// owner only (0600): it holds personal data, encrypted or not, and the
// audit trail. SQLite gives the -wal and -shm files it creates beside it
// the database file's permissions, so they are 0600 too. An existing file
// is left as it is (the operator chose its mode).
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("db: cannot create SQLite file %s: %v", path, err)
	}
	return f.Close()
}

// checkWritable gives a plain message when the file or its folder cannot be written.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("db: folder %s for the SQLite file does not exist", dir)
	}
	if !st.IsDir() {
		return fmt.Errorf("db: %s is not a folder", dir)
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("db: %s is a folder, not a SQLite file", path)
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return fmt.Errorf("db: SQLite file %s is not writable", path)
		}
		f.Close()
		return nil
	}
	probe, err := os.CreateTemp(dir, ".dangjian-probe-*")
	if err != nil {
		return fmt.Errorf("db: folder %s is not writable, cannot create %s", dir, filepath.Base(path))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func openPostgres(ctx context.Context, rawURL string) (*DB, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: cannot parse the PostgreSQL URL (postgres://user@host:port/dbname)", ErrBadURL)
	}
	// Figures are queries over dates and a scope given as parameters, whose
	// best plans depend on the values; pgx prepares and reuses statements,
	// and after five runs PostgreSQL may switch to one generic plan that is
	// twice as slow here. Plan each execution for its values unless the
	// operator's URL says otherwise.
	q := u.Query()
	if !q.Has("plan_cache_mode") {
		q.Set("plan_cache_mode", "force_custom_plan")
		u.RawQuery = q.Encode()
	}
	p, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	p.SetMaxOpenConns(10)
	p.SetMaxIdleConns(10)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := p.PingContext(pctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("db: cannot reach PostgreSQL at %s: %s", u.Host, firstLine(err.Error()))
	}
	return &DB{Dialect: Postgres, URL: rawURL, write: p, read: p, local: &sync.Map{}}, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Close closes both pools.
func (d *DB) Close() error {
	if d.stmts != nil {
		d.stmts.close()
	}
	err := d.write.Close()
	if d.read != d.write {
		if e := d.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Querier is what both *sql.DB and *sql.Tx offer, with the query already rebound.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Q runs read queries written with "?" placeholders on the reader pool.
type Q struct {
	d Dialect
	q Querier
	// stmts, when set, prepares each query once (the SQLite reader).
	stmts *stmtCache
	local *sync.Map
}

// ExecContext rebinds and executes.
func (q Q) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	r, err := q.q.ExecContext(ctx, Rebind(q.d, query), args...)
	return r, mapErr(err)
}

// QueryContext rebinds and queries.
func (q Q) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := q.prepared(ctx, query); st != nil {
		r, err := st.QueryContext(ctx, args...)
		return r, mapErr(err)
	}
	r, err := q.q.QueryContext(ctx, Rebind(q.d, query), args...)
	return r, mapErr(err)
}

// QueryRowContext rebinds and queries one row.
func (q Q) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := q.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return q.q.QueryRowContext(ctx, Rebind(q.d, query), args...)
}

// prepared is the cached statement of query, or nil to run it unprepared
// (no cache, cache full, or a query that does not prepare: its error then
// comes from running it).
func (q Q) prepared(ctx context.Context, query string) *sql.Stmt {
	if q.stmts == nil {
		return nil
	}
	st, err := q.stmts.get(ctx, query)
	if err != nil {
		return nil
	}
	return st
}

// Dialect is the engine behind q.
func (q Q) Dialect() Dialect { return q.d }

// Pooled reports whether q runs on a connection pool, where queries may run
// side by side; a transaction's queries share one connection and may not.
func (q Q) Pooled() bool {
	_, ok := q.q.(*sql.DB)
	return ok
}

// Local is what this process keeps about the database q reads, shared by
// every reader of it: a cache of values derived from the records, which
// its owner checks against the database before use (internal/figures).
// It is nil on the writer and in a transaction, whose reads may see writes
// not committed yet.
func (q Q) Local() *sync.Map { return q.local }

// Reader returns a querier on the reader pool.
func (d *DB) Reader() Q { return Q{d: d.Dialect, q: d.read, stmts: d.stmts, local: d.local} }

// Writer returns a querier on the writer pool, for single statements.
func (d *DB) Writer() Q { return Q{d: d.Dialect, q: d.write} }

// ErrRollback, returned by a transaction's function, rolls the transaction
// back and makes Tx return nil: a dry run that checked everything and must
// write nothing.
var ErrRollback = errors.New("db: rollback")

// Tx runs fn in one write transaction; it commits when fn returns nil and
// rolls back otherwise, so nothing is half-written (returning nil for
// ErrRollback).
func (d *DB) Tx(ctx context.Context, fn func(tx Q) error) error {
	return d.tx(ctx, fn, true)
}

// beforeCommit are the hooks every write transaction runs last (see
// BeforeCommit).
var beforeCommit []func(ctx context.Context, q Q) error

// BeforeCommit registers a hook that every write transaction runs after
// its work and before it commits, in the same transaction: a package that
// keeps derived rows up to date (internal/tally) registers itself here, so
// that no write path can forget it. A hook's error rolls the transaction
// back. Registered from init functions only.
func BeforeCommit(hook func(ctx context.Context, q Q) error) {
	beforeCommit = append(beforeCommit, hook)
}

// tx runs fn in a write transaction, with the BeforeCommit hooks unless
// the schema may not be there yet (migrations).
func (d *DB) tx(ctx context.Context, fn func(tx Q) error, hooks bool) error {
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	q := Q{d: d.Dialect, q: tx}
	err = fn(q)
	for i := 0; err == nil && hooks && i < len(beforeCommit); i++ {
		err = beforeCommit[i](ctx, q)
	}
	if err != nil {
		_ = tx.Rollback()
		if errors.Is(err, ErrRollback) {
			return nil
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", mapErr(err))
	}
	return nil
}

// Rebind turns "?" placeholders into "$n" for PostgreSQL. "?N" numbered
// placeholders become "$N". Question marks inside quotes are left alone.
func Rebind(d Dialect, q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	inQuote := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '\'' {
			inQuote = !inQuote
		}
		if c != '?' || inQuote {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9' {
			b.WriteByte('$')
			continue
		}
		n++
		fmt.Fprintf(&b, "$%d", n)
	}
	return b.String()
}

// mapErr maps driver errors to the shared sentinels.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	if IsUniqueViolation(err) {
		return fmt.Errorf("%w: %w", ErrConflict, err)
	}
	return err
}

// IsNotFound reports whether err means no row.
func IsNotFound(err error) bool {
	return errors.Is(err, ErrNotFound) || errors.Is(err, sql.ErrNoRows)
}
