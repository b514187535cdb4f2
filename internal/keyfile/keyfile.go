// Package keyfile reads and creates the secret files dangjian keeps beside
// its database: the personal-data key (internal/pii) and the audit
// anchors' signing key (internal/audit). A key file is readable by its
// owner only, appears complete or not at all, and is never replaced.
package keyfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Read returns the contents of the key file at path, at most max+1 bytes
// (a caller refuses a longer file as not a key). what names the file in
// errors ("key file", "anchor key file"). The error wraps fs.ErrNotExist
// when there is no file; a file that is not a regular file, or that group
// or others may access, is refused.
func Read(path, what string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("cannot open %s: %w", what, err)
	}
	defer f.Close()
	fi, err := f.Stat() // the opened file, not the path: no race with a swap
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s is not a regular file", what, path)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("%s %s is UNPROTECTED: permissions %#o are too open: group or others have access to it, so the key is refused. Run `chmod 600 %s` (and consider the key exposed if others could read it)", what, path, perm, path)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return data, nil
}

// Create writes text to a new file at path with mode 0600. The file
// appears complete or not at all; an existing file is never replaced (the
// error then wraps fs.ErrExist). The folder must exist.
func Create(path, what string, text []byte) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("folder %s for the %s %s does not exist", dir, what, filepath.Base(path))
	}
	tmp, err := os.CreateTemp(dir, ".dangjian-key-*")
	if err != nil {
		return fmt.Errorf("cannot create the %s in %s: %w", what, dir, err)
	}
	defer os.Remove(tmp.Name())
	err = tmp.Chmod(0o600)
	if err == nil {
		_, err = tmp.Write(text)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	// A hard link publishes the complete file and fails if path exists.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := writeExclusive(path, what, text); err != nil {
			return err
		}
	}
	SyncDir(dir)
	return nil
}

// writeExclusive is Create's fallback for file systems without hard links.
func writeExclusive(path, what string, text []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("create %s: %w", what, err)
	}
	_, err = f.Write(text)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// SyncDir makes a new entry in dir durable (best effort: not every system
// can sync a folder).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
