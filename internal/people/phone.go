package people

import (
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// ParsePhone checks a phone number and returns its canonical form: a
// mainland mobile number as 11 digits starting 13–19 (an optional +86, 0086
// or 86 country code is dropped), or a landline as "0AA-NNNNNNNN": an area
// code of 3 or 4 digits starting with 0 and a local number of 7 or 8 digits
// not starting with 0 or 1, written with or without "-", spaces or brackets
// around the area code. "" stays "" (no phone).
func ParsePhone(field, raw string) (string, error) {
	v := pii.Normalize(raw)
	if v == "" {
		return "", nil
	}
	d := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')':
			return -1
		}
		return r
	}, v)
	for _, p := range []string{"+86", "0086", "86"} {
		if rest, ok := strings.CutPrefix(d, p); ok && len(rest) == 11 {
			d = rest
			break
		}
	}
	if !allDigits(d) {
		return "", i18n.Errf(field, "err.phone_invalid")
	}
	if len(d) == 11 && d[0] == '1' {
		if d[1] < '3' || d[1] > '9' {
			return "", i18n.Errf(field, "err.phone_invalid")
		}
		return d, nil
	}
	if d[0] != '0' {
		return "", i18n.Errf(field, "err.phone_invalid")
	}
	// Area codes: 010 and 02X are three digits, the rest four.
	areaLen := 4
	if d[1] == '1' || d[1] == '2' {
		areaLen = 3
	}
	if len(d) < areaLen+7 || len(d) > areaLen+8 {
		return "", i18n.Errf(field, "err.phone_invalid")
	}
	local := d[areaLen:]
	if local[0] == '0' || local[0] == '1' {
		return "", i18n.Errf(field, "err.phone_invalid")
	}
	return d[:areaLen] + "-" + local, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
