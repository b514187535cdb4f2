package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"unicode"

	"golang.org/x/crypto/argon2"

	"dangjian/internal/i18n"
)

// Params are the argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams follow OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane),
// a cost a 2-core server pays in a few tens of milliseconds per sign-in.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

// TestParams are cheap parameters for tests only.
var TestParams = Params{Memory: 64, Time: 1, Threads: 1}

const (
	saltLen = 16
	keyLen  = 32
	// MinPasswordLen is the policy's minimum length.
	MinPasswordLen = 10
)

// HashPassword returns the PHC-style encoding of an argon2id hash.
func HashPassword(p Params, password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

var errBadHash = errors.New("auth: malformed password hash")

// CheckPassword compares password with an encoded hash in constant time.
func CheckPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var v int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, errBadHash
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, errBadHash
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// CheckPolicy refuses a password shorter than ten characters, one with
// fewer than three of the four character classes, one equal to or holding
// the username (forwards or backwards), and a common one: in the embedded
// list of common passwords (also with digits or symbols added), or a pinyin
// name or phrase with digits or symbols added. Errors name the field
// "password".
func CheckPolicy(username, password string) error {
	if len([]rune(password)) < MinPasswordLen {
		return i18n.Errf("password", "err.password_short", MinPasswordLen)
	}
	var lower, upper, digit, other bool
	for _, r := range password {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	classes := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		return i18n.Errf("password", "err.password_classes")
	}
	return checkNotGuessable(username, password)
}

// alphabets of generated passwords, without look-alikes (0/O, 1/l/I).
var alphabets = []string{"abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "-_.!@#%+="}

// GeneratePassword returns a random 16-character password with every
// character class, which passes CheckPolicy.
func GeneratePassword() (string, error) {
	const n = 16
	all := strings.Join(alphabets, "")
	out := make([]byte, n)
	for i := range out {
		set := all
		if i < len(alphabets) {
			set = alphabets[i] // one of each class first
		}
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(set))))
		if err != nil {
			return "", fmt.Errorf("auth: random: %w", err)
		}
		out[i] = set[k.Int64()]
	}
	// Shuffle so the classes are not in a fixed position.
	for i := n - 1; i > 0; i-- {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return "", fmt.Errorf("auth: random: %w", err)
		}
		j := k.Int64()
		out[i], out[j] = out[j], out[i]
	}
	return string(out), nil
}
