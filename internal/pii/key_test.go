package pii

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// sameKey reports whether a and b hold the same master key.
func sameKey(a, b *Keyring) bool {
	return a.check == b.check && a.Hash("c", "v") == b.Hash("c", "v")
}

func TestLoadKeyFromEnv(t *testing.T) {
	key := testKey(9)
	want := testKeyring(t, 9)
	missing := filepath.Join(t.TempDir(), "key") // must not be created
	good := []struct{ name, value string }{
		{"hex", hex.EncodeToString(key)},
		{"HEX", strings.ToUpper(hex.EncodeToString(key))},
		{"base64", base64.StdEncoding.EncodeToString(key)},
		{"base64 raw", base64.RawStdEncoding.EncodeToString(key)},
		{"base64 url", base64.URLEncoding.EncodeToString(key)},
		{"surrounding white space", "  " + base64.StdEncoding.EncodeToString(key) + "\n"},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			k, err := LoadKey(missing, envOf(map[string]string{EnvKey: tt.value}))
			if err != nil {
				t.Fatal(err)
			}
			if !sameKey(k, want) || k.Created() || k.Source() != EnvKey {
				t.Fatalf("wrong key or origin: %v created=%v", k, k.Created())
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("key file created although %s is set", EnvKey)
	}

	bad := []struct{ name, value string }{
		{"short", "secret"},
		{"passphrase", "correct horse battery staple correct horse"},
		{"63 hex digits", hex.EncodeToString(key)[:63]},
		{"66 hex digits", hex.EncodeToString(append(key, 1))},
		{"not hex", strings.Repeat("zz", 32)},
		{"base64 of 31 bytes", base64.StdEncoding.EncodeToString(key[:31])},
		{"base64 of 33 bytes", base64.StdEncoding.EncodeToString(append(key, 1))},
		{"base64 with junk", base64.StdEncoding.EncodeToString(key) + "!"},
		{"all zero", strings.Repeat("00", 32)},
		{"inner space", hex.EncodeToString(key)[:32] + " " + hex.EncodeToString(key)[32:]},
	}
	for _, tt := range bad {
		t.Run("refused "+tt.name, func(t *testing.T) {
			_, err := LoadKey(missing, envOf(map[string]string{EnvKey: tt.value}))
			if !errors.Is(err, ErrBadKey) {
				t.Fatalf("err = %v, want ErrBadKey", err)
			}
			if !strings.Contains(err.Error(), EnvKey) {
				t.Errorf("message does not name %s: %v", EnvKey, err)
			}
			if len(tt.value) > 8 && strings.Contains(err.Error(), strings.TrimSpace(tt.value)) {
				t.Errorf("message repeats the secret: %v", err)
			}
		})
	}
}

func TestLoadKeyCreatesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dangjian.key")
	k1, err := LoadKey(path, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !k1.Created() {
		t.Error("Created() = false for a new key file")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %#o, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	if b, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(string(data), "\n")); err != nil || len(b) != KeySize {
		t.Fatalf("key file holds %q, want base64 of %d bytes and a newline", data, KeySize)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want only the key file", len(entries))
	}

	k2, err := LoadKey(path, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if k2.Created() || !sameKey(k1, k2) {
		t.Fatal("second load did not read the same key")
	}
	k3, err := LoadKey(filepath.Join(t.TempDir(), "other.key"), envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if sameKey(k1, k3) {
		t.Fatal("two new key files hold the same key")
	}
}

func TestLoadKeyConcurrentCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	const n = 16
	ks := make([]*Keyring, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { ks[i], errs[i] = LoadKey(path, envOf(nil)) })
	}
	wg.Wait()
	created := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !sameKey(ks[0], ks[i]) {
			t.Fatal("concurrent starts ended with different keys")
		}
		if ks[i].Created() {
			created++
		}
	}
	if created != 1 {
		t.Fatalf("%d loads say they created the file, want 1", created)
	}
}

func TestLoadKeyFileFormats(t *testing.T) {
	key := testKey(9)
	want := testKeyring(t, 9)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"base64", []byte(base64.StdEncoding.EncodeToString(key) + "\n")},
		{"hex", []byte(hex.EncodeToString(key) + "\r\n")},
		{"raw bytes", key},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "key")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			k, err := LoadKey(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !sameKey(k, want) || k.Created() || k.Source() != "key file "+path {
				t.Fatalf("wrong key or origin: %v", k)
			}
		})
	}
}

func TestLoadKeyFileRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	good := []byte(base64.StdEncoding.EncodeToString(testKey(9)) + "\n")
	tests := []struct {
		name    string
		mode    fs.FileMode
		data    []byte
		wantMsg string
	}{
		{"group readable", 0o640, good, "chmod 600"},
		{"world readable", 0o604, good, "too open"},
		{"group writable", 0o620, good, "too open"},
		{"0644", 0o644, good, "0644"},
		{"empty", 0o600, nil, "does not hold"},
		{"garbage", 0o600, []byte("not a key at all\n"), "does not hold"},
		{"31 raw bytes", 0o600, testKey(9)[:31], "does not hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "key")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			_, err := LoadKey(path, envOf(nil))
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) || !strings.Contains(err.Error(), path) {
				t.Fatalf("err = %v, want a message naming %s and containing %q", err, path, tt.wantMsg)
			}
			after, _ := os.ReadFile(path)
			if string(after) != string(tt.data) {
				t.Fatal("refused key file was changed")
			}
		})
	}
	t.Run("read-only 0400 accepted", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "key")
		if err := os.WriteFile(path, good, 0o400); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadKey(path, envOf(nil)); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLoadKeyOtherErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, path, wantMsg string }{
		{"no key at all", "", "--key-file"},
		{"missing folder", filepath.Join(dir, "nope", "key"), "does not exist"},
		{"a folder", dir, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadKey(tt.path, envOf(nil))
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want %q", err, tt.wantMsg)
			}
		})
	}
}

func TestNewRefusesBadKeys(t *testing.T) {
	for _, key := range [][]byte{nil, make([]byte, 16), make([]byte, 33), make([]byte, 32)} {
		if _, err := New(key); !errors.Is(err, ErrBadKey) {
			t.Errorf("New(%d bytes) err = %v", len(key), err)
		}
	}
}
