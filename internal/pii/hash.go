package pii

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"unicode/utf8"
)

// Hash returns the keyed hash of value for equality lookups in column, as
// 64 lowercase hex digits: HMAC-SHA256 under the lookup subkey of
// column || 0x00 || Normalize(value). The column separates the hashes of
// different columns, so equal values in two columns do not correlate. A value
// that normalises to "" hashes to "", so that callers store NULL and a unique
// index does not treat every missing value as a duplicate.
func (k *Keyring) Hash(column, value string) string {
	value = Normalize(value)
	if value == "" {
		return ""
	}
	m := k.macPool.Get().(*macState)
	m.h.Reset()
	m.buf = append(append(append(m.buf[:0], column...), 0), value...)
	m.h.Write(m.buf)
	out := hex.EncodeToString(m.h.Sum(m.sum[:0]))
	if cap(m.buf) <= 1024 {
		k.macPool.Put(m)
	}
	return out
}

// macState is a reusable HMAC with its buffers, so Hash does not allocate
// beyond its result.
type macState struct {
	h   hash.Hash
	buf []byte
	sum [sha256.Size]byte
}

// Normalize is what Hash and the masks see: surrounding white space
// (ideographic space included) removed, full-width ASCII forms such as
// "１２３Ｘ" turned into "123X", and a trailing "x" of an ID number made "X".
// It does not validate anything.
func Normalize(value string) string {
	value = strings.TrimSpace(value)
	if needsWidthFold(value) {
		var b strings.Builder
		b.Grow(len(value))
		for _, r := range value {
			if r >= 0xFF01 && r <= 0xFF5E {
				r -= 0xFF01 - 0x21
			} else if r == 0x3000 {
				r = ' '
			}
			b.WriteRune(r)
		}
		value = strings.TrimSpace(b.String())
	}
	if n := len(value); n > 0 && value[n-1] == 'x' {
		value = value[:n-1] + "X"
	}
	return value
}

func needsWidthFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
