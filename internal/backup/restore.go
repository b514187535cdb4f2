package backup

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
	"dangjian/internal/tally"
)

// Result is what a restore (or a check) found.
type Result struct {
	Manifest Manifest
	// Migrated is the number of migrations applied after the restore, when
	// the backup was taken by an older version.
	Migrated int
	// Entries and Head are the restored audit trail's, verified.
	Entries int
	Head    string
}

// dialectOf is the engine a database URL names.
func dialectOf(rawURL string) db.Dialect {
	if strings.HasPrefix(rawURL, "sqlite:") {
		return db.SQLite
	}
	return db.Postgres
}

// precheck refuses, before anything is written, a backup for another
// engine, from a newer version, or for another key.
func precheck(m Manifest, target db.Dialect, keys *pii.Keyring) error {
	if keys == nil {
		return i18n.Errf("key-file", "err.backup_no_key")
	}
	if m.KeyCheck != "" && m.KeyCheck != keys.CheckValue() {
		return &i18n.Error{Field: "key-file", Key: "err.backup_key_mismatch", Err: ErrKeyMismatch}
	}
	if m.Engine != target {
		return i18n.Errf("db", "err.backup_engine", string(m.Engine), string(target))
	}
	ms, err := db.Migrations(target)
	if err != nil {
		return err
	}
	if latest := ms[len(ms)-1].Version; m.Migration > latest {
		return i18n.Errf("in", "err.backup_newer", m.Migration, latest)
	}
	return nil
}

// verify checks a restored database against its manifest and brings it up
// to date: the key check value and the audit head must be the manifest's;
// then the migrations run, the counts are brought up to date and the whole
// audit trail must verify.
func verify(ctx context.Context, d *db.DB, m Manifest, keys *pii.Keyring) (Result, error) {
	res := Result{Manifest: m}
	r := d.Reader()
	f, err := readFacts(ctx, d.Dialect, func(q string, args ...any) rowScanner { return r.QueryRowContext(ctx, q, args...) })
	if err != nil {
		return res, &i18n.Error{Field: "in", Key: "err.backup_payload", Args: []any{err.Error()}, Err: ErrDamaged}
	}
	// The copy's own key check value decides, whatever the manifest says.
	if f.keyCheck != "" {
		if err := keys.Check(ctx, r); err != nil {
			return res, &i18n.Error{Field: "key-file", Key: "err.backup_key_mismatch", Err: ErrKeyMismatch}
		}
	}
	if f.keyCheck != m.KeyCheck || f.migration != m.Migration || f.auditHead != m.AuditHead {
		return res, &i18n.Error{Field: "in", Key: "err.backup_payload", Args: []any{"the copy does not match its manifest"}, Err: ErrDamaged}
	}
	if res.Migrated, err = d.Migrate(ctx); err != nil {
		return res, err
	}
	if clean, err := tally.Clean(ctx, d.Reader()); err != nil {
		return res, err
	} else if !clean {
		if err := d.Tx(ctx, func(q db.Q) error { _, err := tally.Flush(ctx, q); return err }); err != nil {
			return res, err
		}
	}
	v, err := audit.Verify(ctx, d.Reader())
	if err != nil {
		return res, err
	}
	if !v.OK {
		return res, &i18n.Error{Field: "in", Key: "err.backup_audit_broken", Args: []any{v.FirstBadSeq, v.Reason}, Err: ErrAudit}
	}
	if m.AuditHead != "" {
		seq, hash, _ := strings.Cut(m.AuditHead, ":")
		n, _ := strconv.ParseInt(seq, 10, 64)
		if err := audit.CheckAnchor(ctx, d.Reader(), n, hash); err != nil {
			return res, &i18n.Error{Field: "in", Key: "err.backup_audit_broken", Args: []any{n, err.Error()}, Err: ErrAudit}
		}
	}
	res.Entries = v.Entries
	if v.Entries > 0 {
		res.Head = strconv.FormatInt(v.LastSeq, 10) + ":" + v.LastHash
	}
	return res, nil
}

// isEmpty reports whether d holds no records: no tables yet, or a migrated
// schema with no area, account or audit entry (as `dangjian migrate`
// leaves it).
func isEmpty(ctx context.Context, d *db.DB) (bool, error) {
	r := d.Reader()
	var n int
	var q string
	if d.Dialect == db.SQLite {
		q = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'"
	} else {
		q = "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_entry'"
	}
	if err := r.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return false, fmt.Errorf("backup: look at the target: %w", err)
	}
	if n == 0 {
		if d.Dialect == db.SQLite {
			q = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'"
		} else {
			q = "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'"
		}
		err := r.QueryRowContext(ctx, q).Scan(&n)
		return n == 0, err
	}
	err := r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry LIMIT 1) a)
		+ (SELECT COUNT(*) FROM (SELECT 1 FROM area LIMIT 1) b) + (SELECT COUNT(*) FROM (SELECT 1 FROM account LIMIT 1) c)`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("backup: look at the target: %w", err)
	}
	return n == 0, nil
}

// Restore restores the opened backup into the database at rawURL, which
// must hold no records unless force is set (its records are then replaced).
// keys must be the key the backup's database was set up with. On a failure
// the target is left as it was. The restore is recorded in the restored
// audit trail (backup.restore), after the trail verified.
func Restore(ctx context.Context, o *Opened, rawURL string, keys *pii.Keyring, force bool) (Result, error) {
	target := dialectOf(rawURL)
	if err := precheck(o.Manifest, target, keys); err != nil {
		return Result{}, err
	}
	var res Result
	var err error
	if target == db.SQLite {
		res, err = restoreSQLite(ctx, o, rawURL, keys, force)
	} else {
		res, err = restorePostgres(ctx, o, rawURL, keys, force)
	}
	if err != nil {
		return res, err
	}
	return res, nil
}

// Check verifies the opened backup without a target: the key, and on
// SQLite the whole restore into a temporary file (migrations, audit trail);
// on PostgreSQL that pg_restore reads the archive's table of contents.
func Check(ctx context.Context, o *Opened, keys *pii.Keyring) (Result, error) {
	if err := precheck(o.Manifest, o.Manifest.Engine, keys); err != nil {
		return Result{}, err
	}
	if o.Manifest.Engine == db.Postgres {
		_, env, _ := libpq("postgres://localhost/")
		if err := run(ctx, env, Tools.Restore, "--list", "--file="+os.DevNull, o.payload); err != nil {
			if errors.Is(err, ErrNoTool) {
				return Result{}, err
			}
			return Result{}, &i18n.Error{Field: "in", Key: "err.backup_payload", Args: []any{err.Error()}, Err: ErrDamaged}
		}
		return Result{Manifest: o.Manifest}, nil
	}
	d, file, err := expandSQLite(ctx, o)
	if err != nil {
		return Result{}, err
	}
	defer os.Remove(file)
	defer d.Close()
	return verify(ctx, d, o.Manifest, keys)
}

// expandSQLite expands the payload into the opened backup's folder and
// opens it.
func expandSQLite(ctx context.Context, o *Opened) (*db.DB, string, error) {
	tmp, err := os.CreateTemp(o.work, "restore-*.db")
	if err != nil {
		return nil, "", err
	}
	file := tmp.Name()
	tmp.Close()
	os.Remove(file)
	damaged := func(err error) error {
		return &i18n.Error{Field: "in", Key: "err.backup_payload", Args: []any{err.Error()}, Err: ErrDamaged}
	}
	if err := gunzipFile(o.payload, file); err != nil {
		return nil, "", damaged(err)
	}
	d, err := db.Open(ctx, "sqlite:"+file)
	if err != nil {
		return nil, "", damaged(err)
	}
	var ok string
	if err := d.Reader().QueryRowContext(ctx, "PRAGMA quick_check").Scan(&ok); err != nil || ok != "ok" {
		d.Close()
		if err == nil {
			err = errors.New(ok)
		}
		return nil, "", damaged(err)
	}
	return d, file, nil
}

func restoreSQLite(ctx context.Context, o *Opened, rawURL string, keys *pii.Keyring, force bool) (Result, error) {
	// A target that holds records is refused before the work; one that
	// does not exist yet is created only when the copy has verified.
	if _, err := os.Stat(strings.TrimPrefix(rawURL, "sqlite:")); err == nil && !force {
		td, err := db.Open(ctx, rawURL)
		if err != nil {
			return Result{}, err
		}
		empty, err := isEmpty(ctx, td)
		td.Close()
		if err != nil {
			return Result{}, err
		}
		if !empty {
			return Result{}, &i18n.Error{Field: "force", Key: "err.backup_target_not_empty", Err: ErrNotEmpty}
		}
	}
	sd, file, err := expandSQLite(ctx, o)
	if err != nil {
		return Result{}, err
	}
	defer os.Remove(file)
	res, err := verify(ctx, sd, o.Manifest, keys)
	if cerr := sd.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, err
	}
	td, err := db.Open(ctx, rawURL)
	if err != nil {
		return res, err
	}
	defer td.Close()
	// SQLite's online backup replaces the target's pages in one
	// transaction: the target is the old database or the new one.
	if err := td.RestoreFrom(ctx, file); err != nil {
		return res, err
	}
	return res, recordRestore(ctx, td, o.Manifest)
}

// recordRestore appends the restore to the restored trail.
func recordRestore(ctx context.Context, d *db.DB, m Manifest) error {
	return audit.Write(ctx, d, audit.Entry{Action: "backup.restore", TargetType: "backup", TargetID: m.CreatedAt.Format("2006-01-02T15:04:05Z"),
		Detail: "engine=" + string(m.Engine) + " migration=" + strconv.Itoa(m.Migration) + " head=" + m.AuditHead + " sha256=" + m.Payload.SHA256})
}

func restorePostgres(ctx context.Context, o *Opened, rawURL string, keys *pii.Keyring, force bool) (Result, error) {
	conn, env, err := libpq(rawURL)
	if err != nil {
		return Result{}, err
	}
	td, err := db.Open(ctx, rawURL)
	if err != nil {
		return Result{}, err
	}
	defer td.Close()
	w := td.Writer()
	dst := urlSchema(rawURL)
	src := o.Manifest.Schema
	exists := func(name string) (bool, error) {
		var n int
		err := w.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?", name).Scan(&n)
		return n > 0, err
	}
	dstExists, err := exists(dst)
	if err != nil {
		return Result{}, err
	}
	if dstExists {
		if empty, err := isEmpty(ctx, td); err != nil {
			return Result{}, err
		} else if !empty && !force {
			return Result{}, &i18n.Error{Field: "force", Key: "err.backup_target_not_empty", Err: ErrNotEmpty}
		}
	}
	if src != dst {
		if taken, err := exists(src); err != nil {
			return Result{}, err
		} else if taken {
			return Result{}, i18n.Errf("db", "err.backup_schema_taken", src, dst)
		}
	}
	// The target's schema is moved aside, not dropped, until the restored
	// one has verified: a failure puts it back.
	aside := ""
	if dstExists {
		var b [4]byte
		_, _ = rand.Read(b[:])
		aside = dst + "_before_restore_" + hex.EncodeToString(b[:])
		if _, err := w.ExecContext(ctx, "ALTER SCHEMA "+quoteIdent(dst)+" RENAME TO "+quoteIdent(aside)); err != nil {
			return Result{}, fmt.Errorf("backup: move the target schema aside: %w", err)
		}
	}
	undo := func() {
		bg := context.WithoutCancel(ctx)
		for _, s := range []string{src, dst} {
			_, _ = w.ExecContext(bg, "DROP SCHEMA IF EXISTS "+quoteIdent(s)+" CASCADE")
		}
		if aside != "" {
			_, _ = w.ExecContext(bg, "ALTER SCHEMA "+quoteIdent(aside)+" RENAME TO "+quoteIdent(dst))
		}
	}
	err = run(ctx, env, Tools.Restore, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname="+conn, o.payload)
	if err == nil && src != dst {
		_, err = w.ExecContext(ctx, "ALTER SCHEMA "+quoteIdent(src)+" RENAME TO "+quoteIdent(dst))
	}
	if err != nil {
		undo()
		if errors.Is(err, ErrNoTool) {
			return Result{}, err
		}
		return Result{}, &i18n.Error{Field: "in", Key: "err.backup_payload", Args: []any{err.Error()}, Err: ErrDamaged}
	}
	// A fresh pool: the old one's connections may hold plans of the
	// schema moved aside.
	rd, err := db.Open(ctx, rawURL)
	if err != nil {
		undo()
		return Result{}, err
	}
	defer rd.Close()
	res, err := verify(ctx, rd, o.Manifest, keys)
	if err == nil {
		err = recordRestore(ctx, rd, o.Manifest)
	}
	if err != nil {
		rd.Close()
		undo()
		return res, err
	}
	if aside != "" {
		if _, err := w.ExecContext(ctx, "DROP SCHEMA "+quoteIdent(aside)+" CASCADE"); err != nil {
			return res, fmt.Errorf("backup: restored, but the old schema %s could not be dropped: %w", aside, err)
		}
	}
	return res, nil
}
