package keyfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCreateThenRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k")
	if err := Create(path, "key file", []byte("secret\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Fatalf("stat = %v, %v; want mode 0600", fi, err)
	}
	if err := Create(path, "key file", []byte("other\n")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Create = %v, want fs.ErrExist", err)
	}
	got, err := Read(path, "key file", 100)
	if err != nil || string(got) != "secret\n" {
		t.Errorf("Read = %q, %v; want the first text, never replaced", got, err)
	}
	if got, _ := Read(path, "key file", 3); len(got) != 4 {
		t.Errorf("Read with max 3 = %q, want 4 bytes (max+1, for the caller to refuse)", got)
	}
}

func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	open := filepath.Join(dir, "open")
	if err := os.WriteFile(open, []byte("k"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
		notExist         bool
	}{
		{"missing", filepath.Join(dir, "none"), "", true},
		{"a folder", dir, "not a regular file", false},
		{"readable by others", open, "UNPROTECTED", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "readable by others" && runtime.GOOS == "windows" {
				t.Skip("no permission bits on Windows")
			}
			_, err := Read(tc.path, "key file", 100)
			if tc.notExist != errors.Is(err, fs.ErrNotExist) || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Read = %v; want %q (not exist: %v)", err, tc.want, tc.notExist)
			}
		})
	}
	if err := Create(filepath.Join(dir, "nope", "k"), "key file", []byte("k")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Create in a missing folder = %v", err)
	}
}
