// Package input holds the checks every domain applies to what a user types
// before it reaches a record: dates that have happened, free text within
// its length. Each refusal is an *i18n.Error naming the field.
package input

import (
	"strings"
	"unicode/utf8"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// Date refuses a missing date or one after today: only what has happened
// is recorded.
func Date(field string, on, today date.Date) error {
	if on.IsZero() {
		return i18n.Errf(field, "err.date_required")
	}
	if on.After(today) {
		return i18n.Errf(field, "err.date_future", on.String())
	}
	return nil
}

// Text trims a free-text field and refuses one longer than max runes. An
// empty one is refused with the message missingKey, unless that is "" (the
// field is optional).
func Text(field, v string, max int, missingKey string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" && missingKey != "" {
		return "", i18n.Errf(field, missingKey)
	}
	if utf8.RuneCountInString(v) > max {
		return "", i18n.Errf(field, "err.text_too_long", max)
	}
	return v, nil
}
