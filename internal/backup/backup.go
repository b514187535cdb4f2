// Package backup takes a consistent copy of a dangjian database while
// writes go on, and restores one.
//
// A backup file is a POSIX tar archive (readable with `tar -tvf`) of two
// entries, in this order:
//
//	manifest.json  what the copy is: format and version, engine, schema
//	               (PostgreSQL), migration level, the key check value of
//	               the personal-data key (never the key), the audit trail's
//	               entry count and head (SEQ:HASH), when it was taken, and
//	               the payload's name, size and SHA-256
//	payload        SQLite: the database as VACUUM INTO wrote it, gzipped
//	               (payload.sqlite.gz); PostgreSQL: a pg_dump archive in its
//	               custom format (payload.pgdump) of the one schema
//
// SQLite's copy is VACUUM INTO on a connection of its own: one read
// transaction in WAL mode, so writers go on while it runs and the copy is
// the database as of its start. PostgreSQL's is pg_dump run on a snapshot
// exported by a REPEATABLE READ transaction (pg_export_snapshot), in which
// the manifest's facts are read too, so the manifest and the payload
// describe the same moment.
//
// Restore verifies the manifest, the payload's checksum and the key before
// it writes anything, restores, runs the migrations a newer binary has,
// verifies the audit trail and compares its head at the backup's moment
// with the manifest's; on a failure the target is left as it was.
package backup

import (
	"archive/tar"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/keyfile"
)

// Format and Version identify a backup file's manifest.
const (
	Format  = "dangjian-backup"
	Version = 1
)

const (
	manifestName = "manifest.json"
	maxManifest  = 64 << 10
	payloadMode  = 0o600
)

// Manifest describes a backup. It never holds the key: KeyCheck is the
// one-way check value the database itself stores (pii.Keyring.CheckValue).
type Manifest struct {
	Format       string     `json:"format"`
	Version      int        `json:"version"`
	Engine       db.Dialect `json:"engine"`
	Schema       string     `json:"schema,omitempty"`
	Migration    int        `json:"migration"`
	KeyCheck     string     `json:"key_check,omitempty"`
	AuditEntries int64      `json:"audit_entries"`
	AuditHead    string     `json:"audit_head,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	Payload      Payload    `json:"payload"`
}

// Payload names the database copy inside the file.
type Payload struct {
	Name     string `json:"name"`
	Encoding string `json:"encoding"` // "sqlite+gzip" or "pg_dump-custom"
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Tool     string `json:"tool,omitempty"` // pg_dump --version
}

// Payload encodings.
const (
	encSQLite   = "sqlite+gzip"
	encPGCustom = "pg_dump-custom"
)

// Sentinel classes of the refusals, for errors.Is; the errors themselves
// are *i18n.Error naming the flag.
var (
	ErrNotBackup   = errors.New("backup: not a dangjian backup")
	ErrDamaged     = errors.New("backup: the backup is damaged")
	ErrKeyMismatch = errors.New("backup: the key does not match the backup")
	ErrNotEmpty    = errors.New("backup: the target database is not empty")
	ErrAudit       = errors.New("backup: the restored audit trail does not verify")
)

// facts are what the manifest says of the database, read in the copy's
// own snapshot.
type facts struct {
	migration    int
	keyCheck     string
	auditEntries int64
	auditHead    string
}

type rowScanner interface{ Scan(dest ...any) error }

// readFacts reads the facts with "?" placeholders rebound for d.
func readFacts(ctx context.Context, d db.Dialect, q func(query string, args ...any) rowScanner) (facts, error) {
	var f facts
	if err := q("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&f.migration); err != nil {
		return f, fmt.Errorf("backup: read the migration level: %w", err)
	}
	err := q(db.Rebind(d, "SELECT value FROM setting WHERE name = ?"), "pii.key_check").Scan(&f.keyCheck)
	if err != nil && !db.IsNotFound(err) {
		return f, fmt.Errorf("backup: read the key check value: %w", err)
	}
	var seq int64
	var hash string
	err = q("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").Scan(&seq, &hash)
	switch {
	case err == nil:
		f.auditEntries, f.auditHead = seq, strconv.FormatInt(seq, 10)+":"+hash
	case !db.IsNotFound(err):
		return f, fmt.Errorf("backup: read the audit head: %w", err)
	}
	return f, nil
}

// Create writes a backup of d to out, which must not exist, and returns its
// manifest. The file is created with mode 0600 and appears complete or not
// at all.
func Create(ctx context.Context, d *db.DB, out string) (Manifest, error) {
	if out == "" {
		return Manifest{}, i18n.Errf("out", "err.backup_out_required")
	}
	if _, err := os.Lstat(out); err == nil {
		return Manifest{}, i18n.Errf("out", "err.backup_out_exists", out)
	}
	dir := filepath.Dir(out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return Manifest{}, i18n.Errf("out", "err.backup_out_folder", dir)
	}
	// The copy before it is wrapped holds the (encrypted) personal data:
	// it lives in a folder only this user can open and is removed after.
	work, err := os.MkdirTemp(dir, ".dangjian-backup-")
	if err != nil {
		return Manifest{}, i18n.Errf("out", "err.backup_out_folder", dir)
	}
	defer os.RemoveAll(work)
	m := Manifest{Format: Format, Version: Version, Engine: d.Dialect, CreatedAt: time.Now().UTC().Truncate(time.Second)}
	payload := filepath.Join(work, "payload")
	var f facts
	switch d.Dialect {
	case db.SQLite:
		m.Payload.Name, m.Payload.Encoding = "payload.sqlite.gz", encSQLite
		f, err = sqliteCopy(ctx, d, work, payload)
	case db.Postgres:
		m.Payload.Name, m.Payload.Encoding = "payload.pgdump", encPGCustom
		f, m.Schema, m.Payload.Tool, err = pgDump(ctx, d, payload)
	default:
		err = fmt.Errorf("backup: unknown engine %s", d.Dialect)
	}
	if err != nil {
		return Manifest{}, err
	}
	m.Migration, m.KeyCheck, m.AuditEntries, m.AuditHead = f.migration, f.keyCheck, f.auditEntries, f.auditHead
	if m.Payload.Size, m.Payload.SHA256, err = hashFile(payload); err != nil {
		return Manifest{}, err
	}
	part := filepath.Join(work, "backup.part")
	if err := writeEnvelope(part, m, payload); err != nil {
		return Manifest{}, err
	}
	// A hard link publishes the whole file and never replaces one that
	// appeared meanwhile.
	if err := os.Link(part, out); err != nil {
		if errors.Is(err, os.ErrExist) {
			return Manifest{}, i18n.Errf("out", "err.backup_out_exists", out)
		}
		if err := os.Rename(part, out); err != nil {
			return Manifest{}, fmt.Errorf("backup: write %s: %w", out, err)
		}
	}
	keyfile.SyncDir(dir)
	return m, nil
}

func writeEnvelope(path string, m Manifest, payload string) error {
	body, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	body = append(body, '\n')
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, payloadMode)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer f.Close()
	tw := tar.NewWriter(f)
	hdr := func(name string, size int64) error {
		return tw.WriteHeader(&tar.Header{Name: name, Mode: payloadMode, Size: size, ModTime: m.CreatedAt, Typeflag: tar.TypeReg, Format: tar.FormatPAX})
	}
	if err := hdr(manifestName, int64(len(body))); err != nil {
		return err
	}
	if _, err := tw.Write(body); err != nil {
		return err
	}
	if err := hdr(m.Payload.Name, m.Payload.Size); err != nil {
		return err
	}
	p, err := os.Open(payload)
	if err != nil {
		return err
	}
	defer p.Close()
	if _, err := io.Copy(tw, p); err != nil {
		return fmt.Errorf("backup: write the payload: %w", err)
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// Opened is a backup file whose manifest and payload checksum verified; the
// payload has been copied to a private temporary file.
type Opened struct {
	Manifest Manifest
	payload  string
	work     string
}

// Close removes the temporary copy.
func (o *Opened) Close() error { return os.RemoveAll(o.work) }

// Open reads the backup file in, checks that it is a dangjian backup this
// version reads and that its payload has the size and SHA-256 its manifest
// says, and copies the payload into a private temporary folder under tmpDir
// ("" for the system's).
func Open(in, tmpDir string) (*Opened, error) {
	if in == "" {
		return nil, i18n.Errf("in", "err.backup_in_required")
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, &i18n.Error{Field: "in", Key: "err.backup_in_unreadable", Args: []any{in}, Err: ErrNotBackup}
	}
	defer f.Close()
	notBackup := &i18n.Error{Field: "in", Key: "err.backup_not_backup", Args: []any{in}, Err: ErrNotBackup}
	tr := tar.NewReader(f)
	h, err := tr.Next()
	if err != nil || h.Name != manifestName || h.Size <= 0 || h.Size > maxManifest {
		return nil, notBackup
	}
	body, err := io.ReadAll(io.LimitReader(tr, maxManifest))
	if err != nil {
		return nil, notBackup
	}
	var m Manifest
	if err := json.Unmarshal(body, &m); err != nil || m.Format != Format {
		return nil, notBackup
	}
	if m.Version != Version {
		return nil, &i18n.Error{Field: "in", Key: "err.backup_version", Args: []any{in, m.Version, Version}, Err: ErrNotBackup}
	}
	switch {
	case m.Engine == db.SQLite && m.Payload.Encoding == encSQLite:
	case m.Engine == db.Postgres && m.Payload.Encoding == encPGCustom:
	default:
		return nil, notBackup
	}
	damaged := &i18n.Error{Field: "in", Key: "err.backup_damaged", Args: []any{in}, Err: ErrDamaged}
	h, err = tr.Next()
	if err != nil || h.Name != m.Payload.Name || h.Size != m.Payload.Size {
		return nil, damaged
	}
	work, err := os.MkdirTemp(tmpDir, ".dangjian-restore-")
	if err != nil {
		return nil, fmt.Errorf("backup: temporary folder: %w", err)
	}
	o := &Opened{Manifest: m, payload: filepath.Join(work, "payload"), work: work}
	p, err := os.OpenFile(o.payload, os.O_WRONLY|os.O_CREATE|os.O_EXCL, payloadMode)
	if err != nil {
		o.Close()
		return nil, fmt.Errorf("backup: %w", err)
	}
	hs := sha256.New()
	n, err := io.Copy(io.MultiWriter(p, hs), tr)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	if err != nil || n != m.Payload.Size || hex.EncodeToString(hs.Sum(nil)) != m.Payload.SHA256 {
		o.Close()
		return nil, damaged
	}
	return o, nil
}
