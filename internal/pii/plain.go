package pii

import (
	"strings"

	"dangjian/internal/audit"
)

// MaskPlainInJSON masks every unmasked ID or phone number standing as a
// string value in the JSON text s (audit.PlainNumber), as the screens mask
// them.
func MaskPlainInJSON(s string) string {
	return audit.PlainNumber.ReplaceAllStringFunc(s, func(q string) string {
		v := strings.Trim(q, `"`)
		if len(v) >= 15 && !strings.HasPrefix(v, "+") && !(len(v) == 13 && strings.HasPrefix(v, "86")) {
			return `"` + MaskIDNumber(v) + `"`
		}
		return `"` + MaskPhone(v) + `"`
	})
}
