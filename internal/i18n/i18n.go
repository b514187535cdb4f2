// Package i18n holds the catalogs of user-facing messages in Simplified
// Chinese (the default) and English, and the error type the domain returns so
// that the edge can say what is wrong in the user's language. Each package
// registers its own messages, both languages side by side, in its
// messages.go (see Register); generic ones are in this package's messages.go.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a UI language.
type Lang string

// Supported languages; ZH is the default.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Langs lists the supported languages in menu order.
var Langs = []Lang{ZH, EN}

// Parse maps an Accept-Language-like tag to a supported language, defaulting to ZH.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "en") {
		return EN
	}
	return ZH
}

// T returns the message for key in lang, formatted with args. A missing key
// returns the key itself so it shows up in tests, never a blank.
func T(lang Lang, key string, args ...any) string {
	cat := zh
	if lang == EN {
		cat = en
	}
	msg, ok := cat[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether both catalogs define key.
func Has(key string) bool {
	_, a := zh[key]
	_, b := en[key]
	return a && b
}

// Keys returns the keys of one catalog, for completeness tests. It sees the
// messages of every package linked into the program (or test).
func Keys(lang Lang) []string {
	cat := zh
	if lang == EN {
		cat = en
	}
	out := make([]string, 0, len(cat))
	for k := range cat {
		out = append(out, k)
	}
	return out
}

// Error is a validation or rule error: which input field (may be empty), the
// message key and its arguments.
type Error struct {
	Field string
	Key   string
	Args  []any
	// Err is an underlying sentinel such as db.ErrNotFound, for errors.Is.
	Err error
}

// Unwrap returns the underlying sentinel, if any.
func (e *Error) Unwrap() error { return e.Err }

// Errf builds an Error.
func Errf(field, key string, args ...any) *Error { return &Error{Field: field, Key: key, Args: args} }

// Error renders the message in English, for logs and the command line default.
func (e *Error) Error() string { return T(EN, e.Key, e.Args...) }

// In renders the message in lang.
func (e *Error) In(lang Lang) string { return T(lang, e.Key, e.Args...) }
