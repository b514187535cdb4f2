package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"dangjian/internal/backup"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// runBackup is "dangjian backup --out FILE [--db URL]": a consistent copy
// taken while the servers go on writing, without the personal-data key.
func runBackup(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("backup", env)
	out := fs.String("out", "", "the backup file to write (created with mode 0600; never overwritten)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return i18n.Errf("out", "err.backup_out_required")
	}
	if p, ok := strings.CutPrefix(*dbURL, "sqlite:"); ok {
		if _, err := os.Stat(p); err != nil {
			return i18n.Errf("db", "err.backup_no_database", p)
		}
	}
	// Not migrated: a backup copies the database as it is.
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	m, err := backup.Create(ctx, d, *out)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.backup_done", *out, m.Engine, m.Migration, m.AuditEntries, headOrNone(m.AuditHead), m.Payload.SHA256))
	return nil
}

// runRestore is "dangjian restore --in FILE [--db URL] [--key-file FILE]
// [--force] [--check]".
func runRestore(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("restore", env)
	in := fs.String("in", "", "the backup file written by dangjian backup")
	keyPath := fs.String("key-file", defaultKeyFile, "the personal-data key the backed-up database used; $DANGJIAN_KEY wins; never created here")
	force := fs.Bool("force", false, "replace the records of a target database that is not empty")
	check := fs.Bool("check", false, "only verify the backup (checksum, key; on SQLite a trial restore into a temporary file and the audit trail); --db is not touched")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *in == "" {
		return i18n.Errf("in", "err.backup_in_required")
	}
	keys, err := restoreKey(env, *keyPath)
	if err != nil {
		return err
	}
	tmpDir := ""
	if p, ok := strings.CutPrefix(*dbURL, "sqlite:"); ok && !*check {
		tmpDir = filepath.Dir(p)
	}
	o, err := backup.Open(*in, tmpDir)
	if err != nil {
		return err
	}
	defer o.Close()
	l := lang(env)
	if *check {
		res, err := backup.Check(ctx, o, keys)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(l, "ui.cli.backup_checked", *in, res.Manifest.Engine, res.Manifest.CreatedAt.Format("2006-01-02 15:04:05Z"), res.Manifest.AuditEntries, headOrNone(res.Manifest.AuditHead)))
		return nil
	}
	res, err := backup.Restore(ctx, o, *dbURL, keys, *force)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "ui.cli.restore_done", *in, res.Manifest.CreatedAt.Format("2006-01-02 15:04:05Z"), *dbURL, res.Entries, headOrNone(res.Manifest.AuditHead), res.Migrated))
	return nil
}

// restoreKey loads the key a restore checks the backup against. Unlike
// serve, it never creates a key file: a new key could not read the backup.
func restoreKey(env Env, path string) (*pii.Keyring, error) {
	if env.Getenv(pii.EnvKey) == "" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, i18n.Errf("key-file", "err.backup_no_key")
		}
	}
	k, err := pii.LoadKey(path, env.Getenv)
	if err != nil {
		return nil, fmt.Errorf("--key-file: %w", err)
	}
	return k, nil
}

func headOrNone(h string) string {
	if h == "" {
		return "-"
	}
	return h
}
