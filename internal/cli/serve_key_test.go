package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/pii"
)

// stopWhenServing is standard output that cancels the serve command once
// it says it is serving.
type stopWhenServing struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel context.CancelFunc
}

func (w *stopWhenServing) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if strings.Contains(w.buf.String(), "dangjian 已启动") {
		w.cancel()
	}
	return n, err
}

func (w *stopWhenServing) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// serveOnce runs `serve` on u with the key file at key until it serves,
// and returns its error and output.
func serveOnce(t *testing.T, u, key string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &stopWhenServing{cancel: cancel}
	var errb bytes.Buffer
	env := Env{Stdout: out, Stderr: &errb, Stdin: strings.NewReader(""), Getenv: func(string) string { return "" }}
	dir := t.TempDir() // the anchors' key and file, out of the source tree
	err := runServe(ctx, env, []string{"--db", u, "--addr", "127.0.0.1:0", "--key-file", key,
		"--anchor-key", filepath.Join(dir, "anchor.key"), "--anchor-file", filepath.Join(dir, "anchors.jsonl")})
	return out.String() + errb.String(), err
}

// TestServeRefusesAMissingKeyOnPersonalData: `serve` on a fresh database
// creates the key file (0600); once the database holds the key's check
// value or encrypted personal data, a missing key file stops the start
// with an error naming --key-file, and no new key is written.
func TestServeRefusesAMissingKeyOnPersonalData(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			u := dbtest.URL(t, e)
			key := filepath.Join(t.TempDir(), "dangjian.key")
			out, err := serveOnce(t, u, key)
			if err != nil {
				t.Fatalf("fresh database: %v\n%s", err, out)
			}
			fi, err := os.Stat(key)
			if err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("fresh database: key file %v %v", fi, err)
			}
			if out, err := serveOnce(t, u, key); err != nil {
				t.Fatalf("second start with the key: %v\n%s", err, out)
			}

			// The key file is lost: the key check value stays in the database.
			if err := os.Remove(key); err != nil {
				t.Fatal(err)
			}
			_, err = serveOnce(t, u, key)
			if err == nil || !strings.Contains(message(err, "zh"), "--key-file") || !strings.Contains(err.Error(), pii.SettingKeyCheck) {
				t.Errorf("missing key on a database with a key check: %v", err)
			}
			if _, err := os.Stat(key); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a new key file was written: %v", err)
			}

			// Encrypted data without the check value (a database from
			// before the check, or restored in part) is refused the same way.
			d, err := db.Open(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			w := d.Writer()
			if _, err := w.ExecContext(context.Background(), "DELETE FROM setting WHERE name = ?", pii.SettingKeyCheck); err != nil {
				t.Fatal(err)
			}
			if _, err := w.ExecContext(context.Background(), "INSERT INTO person (name, gender, phone_enc) VALUES ('某人', 'male', 'v1:AAAA')"); err != nil {
				t.Fatal(err)
			}
			d.Close()
			_, err = serveOnce(t, u, key)
			if err == nil || !strings.Contains(err.Error(), "person.phone_enc") {
				t.Errorf("missing key on a database with encrypted phones: %v", err)
			}
			if _, err := os.Stat(key); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a new key file was written: %v", err)
			}
		})
	}
}
