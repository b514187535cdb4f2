package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"dangjian/internal/keyfile"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
)

// EnvAnchorKey names the environment variable that holds the anchor key
// (the 32-byte Ed25519 seed in base64); it wins over the key file.
const EnvAnchorKey = "DANGJIAN_ANCHOR_KEY"

// AnchorKey signs anchors. It is an Ed25519 key: signatures are small and
// fast, the standard library has it, and above all the verifier needs only
// the public key. The private key stays with the servers (ideally not on
// the database server), while the public key can be published, printed in
// the operations log or kept by an auditor who then checks anchors without
// being able to make them. An HMAC key would have to be shared with every
// verifier, and anyone able to verify could also forge.
type AnchorKey struct {
	priv    ed25519.PrivateKey
	Source  string // "key file PATH" or the environment variable
	Created bool   // the key file was created just now
}

// NewAnchorKey returns a key from a 32-byte Ed25519 seed.
func NewAnchorKey(seed []byte) (*AnchorKey, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("audit: an anchor key is %d bytes, not %d", ed25519.SeedSize, len(seed))
	}
	return &AnchorKey{priv: ed25519.NewKeyFromSeed(seed)}, nil
}

// Public returns the public key that verifies k's anchors.
func (k *AnchorKey) Public() ed25519.PublicKey { return k.priv.Public().(ed25519.PublicKey) }

// PublicText returns the public key in base64, as --anchor-public takes it.
func (k *AnchorKey) PublicText() string { return base64.StdEncoding.EncodeToString(k.Public()) }

// Sign returns a with Key and Sig set.
func (k *AnchorKey) Sign(a Anchor) Anchor {
	a.At = time.UnixMilli(a.At.UnixMilli()).UTC() // the signature covers milliseconds
	a.Key = KeyID(k.Public())
	a.Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(k.priv, a.signedBytes()))
	return a
}

// LoadAnchorKey returns the anchor key from $DANGJIAN_ANCHOR_KEY, else from
// the file at path, which is created (mode 0600, a new random key, with the
// public key beside it in PATH.pub) when absent and create is true. A key
// file readable by group or others is refused.
func LoadAnchorKey(path string, getenv func(string) string, create bool) (*AnchorKey, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	if v := getenv(EnvAnchorKey); v != "" {
		seed, err := parseSeed(v)
		if err != nil {
			return nil, fmt.Errorf("audit: %s must hold %d bytes in base64: %w", EnvAnchorKey, ed25519.SeedSize, err)
		}
		k, err := NewAnchorKey(seed)
		if k != nil {
			k.Source = EnvAnchorKey
		}
		return k, err
	}
	if path == "" {
		return nil, fmt.Errorf("audit: no anchor key: set %s or give --anchor-key", EnvAnchorKey)
	}
	seed, err := readAnchorKeyFile(path)
	created := false
	if errors.Is(err, fs.ErrNotExist) && create {
		seed, err = createAnchorKeyFile(path)
		created = err == nil
		if errors.Is(err, fs.ErrExist) { // another process created it just now
			seed, err = readAnchorKeyFile(path)
		}
	}
	if err != nil {
		return nil, err
	}
	k, err := NewAnchorKey(seed)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	k.Source, k.Created = "key file "+path, created
	if created {
		// The public key beside it, for publishing; losing it is harmless
		// (`dangjian audit anchor` prints it again).
		_ = os.WriteFile(path+".pub", []byte(k.PublicText()+"\n"), 0o644)
	}
	return k, nil
}

// ParsePublicKey decodes an Ed25519 public key written in base64.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("audit: not an anchor public key (%d bytes in base64)", ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

func parseSeed(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	if len(b) != ed25519.SeedSize {
		return nil, fmt.Errorf("it has %d bytes", len(b))
	}
	return b, nil
}

// readAnchorKeyFile reads an existing key file; the error wraps
// fs.ErrNotExist when there is none.
func readAnchorKeyFile(path string) ([]byte, error) {
	data, err := keyfile.Read(path, "anchor key file", 1024)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("audit: %w", err)
	}
	seed, err := parseSeed(string(data))
	if err != nil {
		return nil, fmt.Errorf("audit: anchor key file %s does not hold a %d-byte key in base64 (%v); it is left as it is", path, ed25519.SeedSize, err)
	}
	return seed, nil
}

// createAnchorKeyFile writes a new random key to path with mode 0600. The
// file appears complete or not at all, and an existing one is never
// replaced (the error then wraps fs.ErrExist).
func createAnchorKeyFile(path string) ([]byte, error) {
	seed := make([]byte, ed25519.SeedSize)
	_, _ = rand.Read(seed) // never fails since Go 1.24
	if err := keyfile.Create(path, "anchor key file", []byte(base64.StdEncoding.EncodeToString(seed)+"\n")); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		return nil, fmt.Errorf("audit: %w", err)
	}
	return seed, nil
}
