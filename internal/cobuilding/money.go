package cobuilding

import (
	"strconv"
	"strings"

	"dangjian/internal/i18n"
)

// ParseYuan reads money typed in 元 (at most two decimals, empty for 0)
// into fen; field names the input in the refusal.
func ParseYuan(field, s string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" && frac == "" {
		return 0, i18n.Errf(field, "err.cob_money_invalid")
	}
	frac += strings.Repeat("0", 2-len(frac))
	if whole == "" {
		whole = "0"
	}
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || strings.HasPrefix(whole, "+") {
		return 0, i18n.Errf(field, "err.cob_money_invalid")
	}
	if n < 0 {
		return 0, i18n.Errf(field, "err.cob_negative")
	}
	return n, nil
}
