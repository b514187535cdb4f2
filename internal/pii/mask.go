package pii

import "strings"

// MaskIDNumber masks a resident ID number for display: the first 6 (region)
// and the last 4 characters stay, every other character becomes "*", so
// "110105199001011234" shows as "110105********1234" and a 15-digit legacy
// number as "110105*****0123". A value shorter than 15 characters (not a
// valid ID number) is masked by Mask. The value is normalised first (see
// Normalize); "" stays "". It counts runes, not bytes.
func MaskIDNumber(s string) string {
	r := []rune(Normalize(s))
	if len(r) >= 15 {
		return keep(r, 6, 4)
	}
	return maskRunes(r)
}

// MaskPhone masks a phone number for display. A mobile number keeps its
// first 3 and last 4 digits ("13812345678" → "138****5678"), after an
// optional "+86"/"0086"/"86" country code. A landline keeps its area code
// and at most the last 4 digits of a 7- or 8-digit local number, at least
// half of which is hidden ("010-12345678" → "010-****5678",
// "0571-8765432" → "0571-****432"). Spaces, "-" and brackets are dropped
// from the shown form. Anything else is masked by Mask; "" stays "".
func MaskPhone(s string) string {
	v := Normalize(s)
	if v == "" {
		return ""
	}
	d := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')':
			return -1
		}
		return r
	}, v)
	country := ""
	for _, p := range []string{"+86", "0086", "86"} {
		if rest, ok := strings.CutPrefix(d, p); ok && isMobile(rest) {
			country, d = p+" ", rest
			break
		}
	}
	switch {
	case isMobile(d):
		return country + d[:3] + "****" + d[7:]
	case country != "" || !allDigits(d):
	case d[0] == '0' && len(d) >= 10 && len(d) <= 12:
		area := 4
		if d[1] == '1' || d[1] == '2' { // 010 and 020–029 are 3 digits long
			area = 3
		}
		if local := d[area:]; len(local) == 7 || len(local) == 8 {
			return d[:area] + "-" + maskLocal(local)
		}
	case d[0] != '0' && (len(d) == 7 || len(d) == 8):
		return maskLocal(d)
	}
	return Mask(v)
}

// Mask masks any value so that more than half of it is hidden: it keeps
// (n-1)/4 runes at each end of an n-rune value and replaces the rest with
// "*", one per rune ("95588" → "9***8"; up to 4 runes are all hidden).
func Mask(s string) string {
	return maskRunes([]rune(s))
}

func maskRunes(r []rune) string {
	k := (len(r) - 1) / 4
	return keep(r, k, k)
}

// maskLocal hides the first max(4, ⌈n/2⌉) digits of a local number.
func maskLocal(d string) string {
	hide := max(4, (len(d)+1)/2)
	return strings.Repeat("*", hide) + d[hide:]
}

// keep shows head runes, then one "*" per hidden rune, then tail runes.
func keep(r []rune, head, tail int) string {
	if len(r) == 0 {
		return ""
	}
	hidden := len(r) - head - tail
	return string(r[:head]) + strings.Repeat("*", hidden) + string(r[len(r)-tail:])
}

func isMobile(d string) bool {
	return len(d) == 11 && d[0] == '1' && allDigits(d)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
