// Package pii protects personal data at rest: ID numbers and phone numbers
// are stored encrypted (AES-256-GCM), found again through a keyed hash
// (HMAC-SHA256) and shown masked.
//
// One 32-byte master key, from DANGJIAN_KEY or a key file (see LoadKey), is
// never used directly: HKDF-SHA256 derives one subkey for encryption, one for
// the lookup hash and one for the key check value stored in the database
// (see Keyring.Init), so none of the three uses can weaken another. HKDF is
// the standard library's crypto/hkdf (RFC 5869; golang.org/x/crypto/hkdf is
// now a wrapper around it), so the package needs no module of its own.
//
// Stored formats:
//
//	ciphertext  "v1:" + base64(nonce[12] || AES-256-GCM ciphertext || tag[16])
//	            standard alphabet, padded; the additional data is the column
//	            name given to EncryptFor ("" for Encrypt)
//	hash        64 lowercase hex digits: HMAC-SHA256(lookup subkey,
//	            column || 0x00 || Normalize(value))
//	key check   setting "pii.key_check" = "v1:" + hex of the 32-byte HKDF
//	            output for the check (a one-way function of the key)
//
// The subkeys are HKDF-SHA256(master key, no salt, info) with the info
// strings "dangjian pii v1 aes-256-gcm", "dangjian pii v1 hmac-sha256
// lookup" and "dangjian pii v1 key check".
//
// Use: at start, LoadKey then Keyring.Init on a writable connection; store
// EncryptFor("person.id_number", v) in the column and
// Hash("person.id_number", v) in an indexed lookup column (NULL when ""); show
// MaskIDNumber(v) or MaskPhone(v) unless the user may reveal. Column names
// are constants in code and contain no NUL byte.
//
// The "v1:" prefix names the key and algorithm, so a later key rotation can
// write "v2:" values while v1 values are still read.
package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
)

// KeySize is the length of the master key in bytes.
const KeySize = 32

// EnvKey names the environment variable that holds the master key.
const EnvKey = "DANGJIAN_KEY"

// HKDF info strings; changing one makes every stored value unreadable.
const (
	infoEncrypt = "dangjian pii v1 aes-256-gcm"
	infoLookup  = "dangjian pii v1 hmac-sha256 lookup"
	infoCheck   = "dangjian pii v1 key check"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrKeyMismatch means the key is not the one the database was set up with.
	ErrKeyMismatch = errors.New("pii: the encryption key does not match this database: was it started with another --key-file or DANGJIAN_KEY?")
	// ErrNoKeyCheck means the database holds no key check value yet.
	ErrNoKeyCheck = errors.New("pii: this database has no key check value yet")
	// ErrFormat means a stored value is not in a format this version reads.
	ErrFormat = errors.New("pii: not an encrypted value in a known format")
	// ErrDecrypt means the ciphertext failed authentication: it was changed,
	// belongs to another column, or was written with another key.
	ErrDecrypt = errors.New("pii: cannot decrypt: the value was changed, belongs to another column, or was encrypted with another key")
	// ErrBadKey means the key material given is not a 32-byte key.
	ErrBadKey = errors.New("pii: not a valid key")
)

// Keyring holds the subkeys derived from one master key. It is safe for
// concurrent use. It never prints its key material (see String).
type Keyring struct {
	aead    cipher.AEAD
	macPool sync.Pool // of *macState keyed with the lookup subkey
	check   string    // stored key check value, "v1:<hex>"
	created bool      // LoadKey created the key file
	source  string    // where the key came from, for messages
}

// New returns a Keyring for a 32-byte master key. The caller may clear key
// afterwards; the Keyring keeps only derived subkeys.
func New(key []byte) (*Keyring, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("%w: need %d bytes, got %d", ErrBadKey, KeySize, len(key))
	}
	if allSame(key) {
		return nil, fmt.Errorf("%w: all %d bytes are the same; generate one with `openssl rand -base64 32`", ErrBadKey, KeySize)
	}
	encKey, err := hkdf.Key(sha256.New, key, nil, infoEncrypt, 32)
	if err != nil {
		return nil, fmt.Errorf("pii: derive encryption key: %w", err)
	}
	macKey, err := hkdf.Key(sha256.New, key, nil, infoLookup, 32)
	if err != nil {
		return nil, fmt.Errorf("pii: derive lookup key: %w", err)
	}
	checkKey, err := hkdf.Key(sha256.New, key, nil, infoCheck, 32)
	if err != nil {
		return nil, fmt.Errorf("pii: derive check value: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, fmt.Errorf("pii: aes: %w", err)
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, fmt.Errorf("pii: gcm: %w", err)
	}
	clear(encKey)
	k := &Keyring{aead: aead, check: "v1:" + hex.EncodeToString(checkKey), source: "key"}
	k.macPool.New = func() any {
		return &macState{h: hmac.New(sha256.New, macKey), buf: make([]byte, 0, 64)}
	}
	return k, nil
}

// Created reports whether LoadKey generated a new key file. The caller should
// then tell the operator to back the file up: without it the encrypted data
// cannot be read.
func (k *Keyring) Created() bool { return k.created }

// Source says where the key came from ("DANGJIAN_KEY" or "key file PATH").
func (k *Keyring) Source() string { return k.source }

// String describes the Keyring without revealing any key material.
func (k *Keyring) String() string { return "pii.Keyring(" + k.source + ")" }

// GoString is String, so %#v does not print key material either.
func (k *Keyring) GoString() string { return k.String() }

// LogValue keeps key material out of slog output.
func (k *Keyring) LogValue() slog.Value { return slog.StringValue(k.String()) }

func allSame(b []byte) bool {
	for _, c := range b[1:] {
		if c != b[0] {
			return false
		}
	}
	return true
}
