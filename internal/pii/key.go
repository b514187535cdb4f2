package pii

import (
	"crypto/rand"
	"dangjian/internal/keyfile"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// maxKeyFile bounds what LoadKey reads from a key file.
const maxKeyFile = 4096

// LoadKey returns the Keyring for the master key in DANGJIAN_KEY when env
// reports it set, else for the key in the file at path.
//
// DANGJIAN_KEY holds 32 bytes as 64 hex digits or as base64 (standard or URL
// alphabet, padded or not); anything else is refused. The key file holds the
// same text (LoadKey writes base64 and a newline) or exactly 32 raw bytes.
//
// When the file does not exist, LoadKey creates it with a new random key and
// mode 0600, atomically and without replacing a file another process created
// at the same moment; Created then reports true. Like ssh, LoadKey refuses a
// key file that group or others may read or write. env is usually os.Getenv;
// nil means os.Getenv.
func LoadKey(path string, env func(string) string) (*Keyring, error) {
	if env == nil {
		env = os.Getenv
	}
	if v := env(EnvKey); v != "" {
		key, err := parseKeyText(v)
		if err != nil {
			return nil, fmt.Errorf("%w in %s: it must be %d bytes written as 64 hex digits or as base64 (e.g. from `openssl rand -base64 32`); it has %d characters", ErrBadKey, EnvKey, KeySize, len(strings.TrimSpace(v)))
		}
		return newFrom(key, EnvKey, false)
	}
	if path == "" {
		return nil, fmt.Errorf("pii: no encryption key: set %s or give --key-file", EnvKey)
	}
	key, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		key, err = createKeyFile(path)
		if errors.Is(err, fs.ErrExist) { // another process created it just now
			key, err = readKeyFile(path)
		} else if err == nil {
			return newFrom(key, "key file "+path, true)
		}
	}
	if err != nil {
		return nil, err
	}
	return newFrom(key, "key file "+path, false)
}

func newFrom(key []byte, source string, created bool) (*Keyring, error) {
	defer clear(key)
	k, err := New(key)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, source)
	}
	k.source, k.created = source, created
	return k, nil
}

// parseKeyText decodes 32 bytes written as hex or base64.
func parseKeyText(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if len(s) == 2*KeySize {
		if b, err := hex.DecodeString(s); err == nil {
			return b, nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.Strict().DecodeString(s); err == nil && len(b) == KeySize {
			return b, nil
		}
	}
	return nil, ErrBadKey
}

// readKeyFile reads and checks an existing key file. The error wraps
// fs.ErrNotExist when there is no file.
func readKeyFile(path string) ([]byte, error) {
	data, err := keyfile.Read(path, "key file", maxKeyFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("pii: %w", err)
	}
	if len(data) == KeySize { // raw bytes: no text spelling of a key is 32 long
		return data, nil
	}
	key, err := parseKeyText(string(data))
	clear(data)
	if err != nil {
		return nil, fmt.Errorf("%w: key file %s does not hold %d bytes as base64, hex or raw bytes (it has %d bytes); it is left as it is", ErrBadKey, path, KeySize, len(data))
	}
	return key, nil
}

// createKeyFile writes a new random key to path with mode 0600. The file
// appears complete or not at all; an existing file is never replaced (the
// error then wraps fs.ErrExist).
func createKeyFile(path string) ([]byte, error) {
	key := make([]byte, KeySize)
	_, _ = rand.Read(key) // never fails since Go 1.24
	text := []byte(base64.StdEncoding.EncodeToString(key) + "\n")
	defer clear(text)
	if err := keyfile.Create(path, "key file", text); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		return nil, fmt.Errorf("pii: %w", err)
	}
	return key, nil
}
