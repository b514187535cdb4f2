package input

import (
	"errors"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

func TestDate(t *testing.T) {
	today := date.MustParse("2025-06-15")
	cases := []struct {
		on   string
		want string // the refusal's key, "" for none
	}{
		{"", "err.date_required"},
		{"2025-06-16", "err.date_future"},
		{"2025-06-15", ""},
		{"1999-01-01", ""},
	}
	for _, c := range cases {
		var on date.Date
		if c.on != "" {
			on = date.MustParse(c.on)
		}
		if got := key(Date("held_on", on, today), "held_on"); got != c.want {
			t.Errorf("Date(%q) = %q, want %q", c.on, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	cases := []struct {
		v, missing, want, key string
	}{
		{"  楼道  ", "", "楼道", ""},
		{"   ", "err.name_required", "", "err.name_required"},
		{"", "", "", ""},
		{"一二三四五六", "", "", "err.text_too_long"},
		{"一二三四五", "err.name_required", "一二三四五", ""},
	}
	for _, c := range cases {
		got, err := Text("topic", c.v, 5, c.missing)
		if k := key(err, "topic"); k != c.key || got != c.want {
			t.Errorf("Text(%q, %q) = %q, %q; want %q, %q", c.v, c.missing, got, k, c.want, c.key)
		}
	}
}

// key is the message key of err, checking it names field.
func key(err error, field string) string {
	if err == nil {
		return ""
	}
	var e *i18n.Error
	if !errors.As(err, &e) || e.Field != field {
		return "not a refusal of " + field + ": " + err.Error()
	}
	return e.Key
}
