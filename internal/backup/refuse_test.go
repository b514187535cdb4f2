package backup_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/backup"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
	"dangjian/internal/testkit"
)

// rewrite writes a copy of the backup file src with its manifest and
// payload changed by edit (the payload's checksum is left as it was
// unless edit changes it too).
func rewrite(t *testing.T, src, dst string, edit func(m map[string]any, payload []byte) []byte) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	var hdrs []*tar.Header
	var bodies [][]byte
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(tr); err != nil {
			t.Fatal(err)
		}
		hdrs, bodies = append(hdrs, h), append(bodies, b.Bytes())
	}
	if len(hdrs) != 2 {
		t.Fatalf("%s has %d entries", src, len(hdrs))
	}
	var m map[string]any
	if err := json.Unmarshal(bodies[0], &m); err != nil {
		t.Fatal(err)
	}
	bodies[1] = edit(m, bodies[1])
	bodies[0], _ = json.Marshal(m)
	var out bytes.Buffer
	tw := tar.NewWriter(&out)
	for i, h := range hdrs {
		h.Size = int64(len(bodies[i]))
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write(bodies[i])
	}
	tw.Close()
	if err := os.WriteFile(dst, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func otherKey(t *testing.T) *pii.Keyring {
	t.Helper()
	k := make([]byte, pii.KeySize)
	for i := range k {
		k[i] = byte(200 - i)
	}
	r, err := pii.New(k)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// head is the last audit entry of d ("" when none).
func head(t *testing.T, rawURL string) string {
	t.Helper()
	d, err := db.Open(context.Background(), rawURL)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	v, err := audit.Verify(context.Background(), d.Reader())
	if err != nil || !v.OK {
		t.Fatalf("the target's trail: %+v %v", v, err)
	}
	return v.LastHash
}

// TestRestoreRefuses: a file that is not a backup, a damaged or edited one,
// the wrong key, a backup from a newer version or with a broken audit trail
// are refused naming the flag, and the target (which holds records, and
// --force is given) is left as it was.
func TestRestoreRefuses(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			requireTools(t, e)
			ctx := context.Background()
			src := dbtest.Open(t, e)
			w := testkit.New(t, src, testkit.Options{})
			keys := w.App.Keys
			if err := keys.Init(ctx, src.Writer()); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			good := filepath.Join(dir, "good.dj")
			if _, err := backup.Create(ctx, src, good); err != nil {
				t.Fatal(err)
			}
			if _, err := backup.Create(ctx, src, good); err == nil || !strings.Contains(err.Error(), "already exists") {
				t.Errorf("a second backup to the same file: %v, want refused", err)
			}
			// A source whose audit trail was changed behind the triggers' back.
			bad := dbtest.Open(t, e)
			testkit.New(t, bad, testkit.Options{})
			if err := keys.Init(ctx, bad.Writer()); err != nil {
				t.Fatal(err)
			}
			drop := []string{"DROP TRIGGER audit_entry_no_update"}
			if e == db.Postgres {
				drop = []string{"DROP TRIGGER audit_entry_no_update ON audit_entry"}
			}
			for _, q := range append(drop, "UPDATE audit_entry SET detail = 'rewritten' WHERE seq = 2") {
				if _, err := bad.Writer().ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			tampered := filepath.Join(dir, "tampered.dj")
			if _, err := backup.Create(ctx, bad, tampered); err != nil {
				t.Fatal(err)
			}

			// The target already holds the good backup's records.
			tgt := target(t, e)
			o, err := backup.Open(good, "")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := backup.Restore(ctx, o, tgt, keys, false); err != nil {
				t.Fatal(err)
			}
			if _, err := backup.Restore(ctx, o, tgt, keys, false); !errors.Is(err, backup.ErrNotEmpty) || field(err) != "force" {
				t.Errorf("restore into a database with records without --force: %v, want refused naming --force", err)
			}
			o.Close()
			before := head(t, tgt)

			file := func(name string, body []byte) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, body, 0o600); err != nil {
					t.Fatal(err)
				}
				return p
			}
			goodBytes, _ := os.ReadFile(good)
			flipped := bytes.Clone(goodBytes)
			flipped[len(flipped)-2048] ^= 0x55 // in the payload, before tar's end blocks
			var notOurs bytes.Buffer
			tw := tar.NewWriter(&notOurs)
			tw.WriteHeader(&tar.Header{Name: "manifest.json", Size: 2, Mode: 0o600})
			tw.Write([]byte("{}"))
			tw.Close()
			edited := func(name string, fn func(m map[string]any, p []byte) []byte) string {
				p := filepath.Join(dir, name)
				rewrite(t, good, p, fn)
				return p
			}
			for _, c := range []struct {
				name  string
				file  string
				keys  *pii.Keyring
				class error
				field string
			}{
				{"a text file", file("notes.txt", []byte("not a backup\n")), keys, backup.ErrNotBackup, "in"},
				{"an empty file", file("empty.dj", nil), keys, backup.ErrNotBackup, "in"},
				{"another tar", file("other.tar", notOurs.Bytes()), keys, backup.ErrNotBackup, "in"},
				{"a missing file", filepath.Join(dir, "absent.dj"), keys, backup.ErrNotBackup, "in"},
				{"a flipped byte", file("flipped.dj", flipped), keys, backup.ErrDamaged, "in"},
				{"a cut file", file("cut.dj", goodBytes[:len(goodBytes)/2]), keys, backup.ErrDamaged, "in"},
				{"the wrong key", good, otherKey(t), backup.ErrKeyMismatch, "key-file"},
				{"a manifest edited for the wrong key", edited("rekeyed.dj", func(m map[string]any, p []byte) []byte {
					m["key_check"] = otherKey(t).CheckValue()
					return p
				}), otherKey(t), backup.ErrKeyMismatch, "key-file"},
				{"a manifest whose head is not the copy's", edited("head.dj", func(m map[string]any, p []byte) []byte {
					m["audit_head"] = "1:" + strings.Repeat("0", 64)
					return p
				}), keys, backup.ErrDamaged, "in"},
				{"a newer version", edited("newer.dj", func(m map[string]any, p []byte) []byte {
					m["migration"] = 9999
					return p
				}), keys, nil, "in"},
				{"a broken audit trail", tampered, keys, backup.ErrAudit, "in"},
			} {
				t.Run(c.name, func(t *testing.T) {
					o, err := backup.Open(c.file, "")
					if err == nil {
						defer o.Close()
						_, err = backup.Restore(ctx, o, tgt, c.keys, true)
					}
					if err == nil {
						t.Fatal("restored, want refused")
					}
					if c.class != nil && !errors.Is(err, c.class) {
						t.Errorf("got %v, want %v", err, c.class)
					}
					if f := field(err); f != c.field {
						t.Errorf("the error names %q (%v), want --%s", f, err, c.field)
					}
					var ie *i18n.Error
					if errors.As(err, &ie) && (ie.In(i18n.ZH) == ie.In(i18n.EN) || !strings.Contains(ie.In(i18n.ZH), "--"+c.field)) {
						t.Errorf("the message is not in Chinese naming --%s: %s", c.field, ie.In(i18n.ZH))
					}
					if got := head(t, tgt); got != before {
						t.Errorf("the target changed: head %s, was %s", got, before)
					}
				})
			}
		})
	}
}

func field(err error) string {
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return ie.Field
	}
	return ""
}

// createsOnly lists the tables a migration creates when it does nothing
// but create tables and indexes (nil otherwise).
func createsOnly(sqlText string) []string {
	var tables []string
	for _, stmt := range strings.Split(sqlText, ";") {
		var lines []string
		for _, l := range strings.Split(stmt, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
				lines = append(lines, l)
			}
		}
		s := strings.Join(lines, " ")
		switch f := strings.Fields(s); {
		case len(f) == 0:
		case len(f) > 2 && strings.EqualFold(f[0], "CREATE") && strings.EqualFold(f[1], "TABLE"):
			tables = append(tables, strings.TrimSuffix(f[2], "("))
		case len(f) > 2 && strings.EqualFold(f[0], "CREATE") && (strings.EqualFold(f[1], "INDEX") || strings.EqualFold(f[1], "UNIQUE")):
		default:
			return nil
		}
	}
	return tables
}

// TestRestoreMigratesAnOlderBackup restores a backup made before the most
// recent migration that only creates tables (its tables dropped and its
// version removed from the copy): the restore applies it, and the trail
// verifies.
func TestRestoreMigratesAnOlderBackup(t *testing.T) {
	ctx := context.Background()
	src := dbtest.Open(t, db.SQLite)
	w := testkit.New(t, src, testkit.Options{})
	keys := w.App.Keys
	if err := keys.Init(ctx, src.Writer()); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	var undo db.Migration
	var tables []string
	for i := len(ms) - 1; i >= 0 && tables == nil; i-- {
		undo, tables = ms[i], createsOnly(ms[i].SQL)
	}
	if tables == nil {
		t.Fatal("no migration only creates tables: this test needs another way to make an older copy")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.dj")
	if _, err := backup.Create(ctx, src, good); err != nil {
		t.Fatal(err)
	}
	older := filepath.Join(dir, "older.dj")
	rewrite(t, good, older, func(m map[string]any, payload []byte) []byte {
		raw := filepath.Join(dir, "raw.db")
		zr, err := gzip.NewReader(bytes.NewReader(payload))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(raw, body, 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := sql.Open("sqlite", "file:"+raw)
		if err != nil {
			t.Fatal(err)
		}
		stmts := []string{fmt.Sprintf("DELETE FROM schema_migrations WHERE version = %d", undo.Version)}
		for _, tb := range tables {
			stmts = append(stmts, "DROP TABLE "+tb)
		}
		for _, q := range stmts {
			if _, err := c.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		var level int
		if err := c.QueryRow("SELECT MAX(version) FROM schema_migrations").Scan(&level); err != nil {
			t.Fatal(err)
		}
		c.Close()
		body, _ = os.ReadFile(raw)
		var out bytes.Buffer
		zw := gzip.NewWriter(&out)
		zw.Write(body)
		zw.Close()
		sum := sha256.Sum256(out.Bytes())
		m["migration"] = level
		p := m["payload"].(map[string]any)
		p["size"], p["sha256"] = out.Len(), hex.EncodeToString(sum[:])
		return out.Bytes()
	})
	o, err := backup.Open(older, "")
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	tgt := target(t, db.SQLite)
	res, err := backup.Restore(ctx, o, tgt, keys, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Migrated != 1 {
		t.Errorf("applied %d migrations, want 1 (%s)", res.Migrated, undo.Name)
	}
	d, err := db.Open(ctx, tgt)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, tb := range tables {
		var n int
		if err := d.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+tb).Scan(&n); err != nil {
			t.Errorf("table %s of %s after the restore: %v", tb, undo.Name, err)
		}
	}
	verifyTrail(t, d)
}
