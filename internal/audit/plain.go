package audit

import "regexp"

// PlainNumber matches a whole JSON string that is an unmasked resident ID
// number (18 characters, the last may be X, or the 15-digit legacy form) or
// a mobile phone number (with an optional +86): what no entry may hold.
var PlainNumber = regexp.MustCompile(`"([0-9]{17}[0-9Xx]|[0-9]{15}|(\+?86)?1[3-9][0-9]{9})"`)

// FindPlainNumber returns the first unmasked ID or phone number standing as
// a string value in the JSON text s, quoted, or "".
func FindPlainNumber(s string) string { return PlainNumber.FindString(s) }
