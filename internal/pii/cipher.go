package pii

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// prefixV1 marks a value encrypted with the v1 subkey and AES-256-GCM.
const prefixV1 = "v1:"

// b64 is strict so that every stored value has exactly one spelling: a
// change to any character, padding bits included, is refused.
var b64 = base64.StdEncoding.Strict()

// Encrypt is EncryptFor with no column: the ciphertext is bound to nothing.
// Prefer EncryptFor for values stored in a column.
func (k *Keyring) Encrypt(plain string) (string, error) {
	return k.EncryptFor("", plain)
}

// Decrypt is DecryptFor with no column; it reads only values from Encrypt.
func (k *Keyring) Decrypt(stored string) (string, error) {
	return k.DecryptFor("", stored)
}

// EncryptFor encrypts plain with AES-256-GCM under a fresh random 96-bit
// nonce and returns "v1:" + base64(nonce || ciphertext || tag). The column
// name (for example "person.id_number") is the additional authenticated data:
// the value decrypts only with the same column, so a ciphertext copied into
// another column is refused. The empty string stays empty, so an optional
// column can hold "" (or NULL) for "no value".
//
// A Keyring must not encrypt more than 2^32 values (random nonces); re-encrypt
// only values that changed.
func (k *Keyring) EncryptFor(column, plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	sealed := k.aead.Seal(nil, nil, []byte(plain), []byte(column))
	out := make([]byte, len(prefixV1), len(prefixV1)+b64.EncodedLen(len(sealed)))
	copy(out, prefixV1)
	out = b64.AppendEncode(out, sealed)
	return string(out), nil
}

// DecryptFor reverses EncryptFor for the same column. It returns ErrFormat
// for a value that is not "v1:" + base64 and ErrDecrypt when authentication
// fails (changed value, other column, other key); on error the plaintext is
// always "", never a partial result. The empty string decrypts to "".
func (k *Keyring) DecryptFor(column, stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	body, ok := strings.CutPrefix(stored, prefixV1)
	if !ok {
		return "", fmt.Errorf("%w: expected the prefix %q", ErrFormat, prefixV1)
	}
	sealed, err := b64.DecodeString(body)
	if err != nil {
		return "", fmt.Errorf("%w: bad base64", ErrFormat)
	}
	if len(sealed) < k.aead.Overhead() {
		return "", fmt.Errorf("%w: too short", ErrFormat)
	}
	plain, err := k.aead.Open(nil, nil, sealed, []byte(column))
	if err != nil {
		return "", fmt.Errorf("%w (column %q)", ErrDecrypt, column)
	}
	return string(plain), nil
}
