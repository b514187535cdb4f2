package premises

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"dangjian/internal/i18n"
)

// SquareMetres shows an area kept in 0.01 m² as m² (120.5).
func SquareMetres(v int64) string {
	return strconv.FormatFloat(float64(v)/100, 'f', -1, 64)
}

// Wan shows money kept in fen as 万元 with two decimals (12.34).
func Wan(fen int64) string {
	return fmt.Sprintf("%.2f", float64(fen)/1e6)
}

// ParseSquareMetres reads an area typed in m² (at most two decimals) into
// 0.01 m²; field names the input in the refusal.
func ParseSquareMetres(field, s string) (int64, error) {
	return parseHundredths(field, s, "err.premises_area_invalid")
}

// ParseYuan reads money typed in 元 (at most two decimals) into fen.
func ParseYuan(field, s string) (int64, error) {
	return parseHundredths(field, s, "err.premises_money_invalid")
}

func parseHundredths(field, s, key string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || f > 1e13 {
		return 0, i18n.Errf(field, key)
	}
	v := math.Round(f * 100)
	if math.Abs(v-f*100) > 1e-6 {
		return 0, i18n.Errf(field, key)
	}
	return int64(v), nil
}
