package xlsx

import (
	"strconv"
	"strings"
	"time"
)

// NeedsEscape reports whether a spreadsheet could evaluate v as a formula
// when it is written to CSV: it starts with =, +, -, @, a tab or a carriage
// return, or it is such a value with a leading single quote already (so
// that the quote the writer adds is the only one the reader strips).
func NeedsEscape(v string) bool {
	for len(v) > 0 && v[0] == '\'' {
		v = v[1:]
	}
	if v == "" {
		return false
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// escapeCSV prefixes v with a single quote when NeedsEscape.
func escapeCSV(v string) string {
	if NeedsEscape(v) {
		return "'" + v
	}
	return v
}

// unescapeCSV strips exactly the quote escapeCSV added.
func unescapeCSV(v string) string {
	if len(v) > 1 && v[0] == '\'' && NeedsEscape(v[1:]) {
		return v[1:]
	}
	return v
}

// isFloatMangled reports whether v is a number as Excel writes a float:
// scientific notation ("1.10105E+17"), which is what a long digit string
// becomes in a column not formatted as text. Its digits are lost.
func isFloatMangled(v string) bool {
	e := strings.IndexAny(v, "eE")
	if e <= 0 || e == len(v)-1 {
		return false
	}
	mant, exp := v[:e], v[e+1:]
	if exp[0] == '+' || exp[0] == '-' {
		exp = exp[1:]
	}
	if exp == "" || !allDigits(exp) {
		return false
	}
	mant = strings.TrimPrefix(mant, "-")
	intPart, frac, _ := strings.Cut(mant, ".")
	return intPart != "" && allDigits(intPart) && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Excel's serial dates: day 1 is 1900-01-01 and day 60 the 1900-02-29 that
// never was, so from day 61 on a serial counts from 1899-12-30. A serial
// needs five digits (from 10000, 1927-05-18): a four-digit number in a date
// column is a year someone typed, not a day in 1905.
const (
	minSerial = 10000
	maxSerial = 2958465 // 9999-12-31
)

// NormalizeDate turns a date as offices write it into YYYY-MM-DD: an Excel
// serial (45352, 45352.5), ISO text with an optional time (2024-03-01,
// 2024-03-01T00:00:00Z), slashes or dots (2024/3/1, 2024.3.1), Chinese
// (2024年3月1日) or eight digits (20240301). ok is false for anything else
// and for dates that do not exist (2023-02-29).
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if allDigits(s) && len(s) == 8 {
		return ymd(s[0:4], s[4:6], s[6:8])
	}
	if n, frac, _ := strings.Cut(s, "."); allDigits(n) && allDigits(frac) && len(n) <= 7 {
		days, err := strconv.Atoi(n)
		if err != nil || days < minSerial || days > maxSerial {
			return "", false
		}
		return time.Date(1899, 12, 30+days, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), true
	}
	// Drop a time part: "2024-03-01 08:00", "2024-03-01T00:00:00Z".
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.TrimSuffix(s, "号")
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == '年' || r == '月'
	})
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return "", false
	}
	return ymd(parts[0], parts[1], parts[2])
}

func ymd(ys, ms, ds string) (string, bool) {
	if !allDigits(ys) || !allDigits(ms) || !allDigits(ds) || ms == "" || ds == "" {
		return "", false
	}
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1800 || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", false
	}
	var b [10]byte
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[5], b[6] = '-', byte('0'+m/10), byte('0'+m%10)
	b[7], b[8], b[9] = '-', byte('0'+d/10), byte('0'+d%10)
	return string(b[:]), true
}
