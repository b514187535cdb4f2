package speech

import (
	"fmt"
	"math"
	"strings"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Change says a figure's change from a year earlier as a speech does:
// 比上年增加3个, 比上年减少2名, 与上年持平; percentages in 个百分点, money in
// 万元 with two decimals. In English: "3 more than a year earlier", "2
// fewer than a year earlier", "the same as a year earlier" (percentage
// points, and money in yuan).
func Change(l i18n.Lang, f *figures.Figure, now, before float64) string {
	diff := now - before
	var text, unitZH, unitEN string
	less := "fewer"
	switch {
	case f != nil && f.Agg == figures.Percent:
		text = fmt.Sprintf("%.1f", math.Abs(diff))
		unitZH, unitEN, less = "个百分点", " percentage points", "less"
	case f != nil && f.Agg == figures.Sum && f.Scale != 1:
		text = fmt.Sprintf("%.2f", math.Abs(diff))
		unitZH, less = f.UnitZH, "less"
		// In English the 万元 are said in yuan: 1.25 万元 → 12,500 yuan.
		unitEN = " yuan"
	default:
		text = fmt.Sprintf("%d", int64(math.Abs(math.Round(diff))))
		if f != nil {
			unitZH = f.UnitZH
		}
	}
	if strings.Trim(text, "0.") == "" {
		return pick(l != i18n.EN, "与上年持平", "the same as a year earlier")
	}
	if l == i18n.EN {
		if unitEN == " yuan" {
			text = groupThousands(int64(math.Round(math.Abs(diff) * 10_000)))
		}
		more := "more"
		if diff < 0 {
			more = less
		}
		return text + unitEN + " " + more + " than a year earlier"
	}
	if diff < 0 {
		return "比上年减少" + text + unitZH
	}
	return "比上年增加" + text + unitZH
}
