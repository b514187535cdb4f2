package speech

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// maxNames is how many names a list gives before 等.
const maxNames = 3

// When is the time word a sentence about the period opens with: 近年来 for
// a period of more than one year; for a calendar year 去年 when it is the
// year before today, 今年 when it is today's, else 2025年; else the months
// (2026年1月至6月).
func When(l i18n.Lang, from, to, today date.Date) string {
	zh := l != i18n.EN
	switch {
	case from.Year() != to.Year():
		return pick(zh, "近年来", "In recent years")
	case from.Month() == time.January && from.Day() == 1 && to.Month() == time.December && to.Day() == 31:
		switch from.Year() {
		case today.Year() - 1:
			return pick(zh, "去年", "Last year")
		case today.Year():
			return pick(zh, "今年", "This year")
		}
		return pick(zh, fmt.Sprintf("%d年", from.Year()), fmt.Sprintf("In %d", from.Year()))
	case from.Month() == to.Month():
		return pick(zh, Month(l, from), "In "+Month(l, from))
	}
	return pick(zh, fmt.Sprintf("%d年%d月至%d月", from.Year(), from.Month(), to.Month()),
		fmt.Sprintf("From %s to %s %d", from.Month(), to.Month(), from.Year()))
}

// AsOf is when a count at the period's end stands: 目前 when the period
// ends today or later, 截至2024年底 at the end of a year, else the day.
func AsOf(l i18n.Lang, to, today date.Date) string {
	zh := l != i18n.EN
	switch {
	case !to.Before(today):
		return pick(zh, "目前", "today")
	case to.Month() == time.December && to.Day() == 31:
		return pick(zh, fmt.Sprintf("截至%d年底", to.Year()), fmt.Sprintf("at the end of %d", to.Year()))
	}
	return pick(zh, fmt.Sprintf("截至%d年%d月%d日", to.Year(), to.Month(), to.Day()),
		fmt.Sprintf("on %d %s %d", to.Day(), to.Month(), to.Year()))
}

// AtStart is when a count at the period's start stands: 2022年初 when the
// period starts on 1 January, else the day (2022年3月1日).
func AtStart(l i18n.Lang, from date.Date) string {
	if from.Month() == time.January && from.Day() == 1 {
		return pick(l != i18n.EN, fmt.Sprintf("%d年初", from.Year()), fmt.Sprintf("At the start of %d", from.Year()))
	}
	return pick(l != i18n.EN, fmt.Sprintf("%d年%d月%d日", from.Year(), from.Month(), from.Day()),
		fmt.Sprintf("On %d %s %d", from.Day(), from.Month(), from.Year()))
}

// Month names a day's month: 2025年12月, December 2025.
func Month(l i18n.Lang, d date.Date) string {
	if l == i18n.EN {
		return fmt.Sprintf("%s %d", d.Month(), d.Year())
	}
	return fmt.Sprintf("%d年%d月", d.Year(), d.Month())
}

// About writes a count in the "×××多" style: below 100 the number itself;
// from 100 on, rounded down to two significant digits, with 多 ("more
// than") when anything was dropped (2345 → 2300多).
func About(l i18n.Lang, v float64) string {
	n := int64(math.Floor(v))
	if n < 100 {
		return strconv.FormatInt(n, 10)
	}
	step := int64(1)
	for n/step >= 100 {
		step *= 10
	}
	r := n / step * step
	s := strconv.FormatInt(r, 10)
	if r == n {
		return s
	}
	return pick(l != i18n.EN, s+"多", "more than "+s)
}

// Spelled writes a small count in words, as a speech says a few things
// (化解大型集体性上访事件三宗, two banners): in Chinese below 100 (两 for 2,
// as before a measure word), in English up to twelve; a larger count in
// digits.
func Spelled(l i18n.Lang, v float64) string {
	n := int64(math.Floor(v))
	if l == i18n.EN {
		if n >= 0 && n <= 12 {
			return strings.Fields("zero one two three four five six seven eight nine ten eleven twelve")[n]
		}
		return groupThousands(n)
	}
	if n < 0 || n >= 100 {
		return strconv.FormatInt(n, 10)
	}
	digits := []rune("零一二三四五六七八九")
	switch {
	case n == 2:
		return "两"
	case n < 10:
		return string(digits[n])
	case n < 20:
		return "十" + strings.TrimPrefix(string(digits[n%10]), "零")
	case n%10 == 0:
		return string(digits[n/10]) + "十"
	}
	return string(digits[n/10]) + "十" + string(digits[n%10])
}

// Money writes an amount kept in fen as a speech does: below 1 万元 in whole
// 元 (8000元); from 1 万 on, rounded down to whole 万 with 多 when anything was
// dropped (12.34 万 → 12万多元, 12 万 → 12万元).
func Money(l i18n.Lang, fen int64) string {
	yuan := fen / 100
	if yuan < 10_000 {
		return pick(l != i18n.EN, strconv.FormatInt(yuan, 10)+"元", groupThousands(yuan)+" yuan")
	}
	wan := yuan / 10_000
	exact := yuan%10_000 == 0 && fen%100 == 0
	if l == i18n.EN {
		s := groupThousands(wan*10_000) + " yuan"
		if !exact {
			s = "more than " + s
		}
		return s
	}
	if exact {
		return strconv.FormatInt(wan, 10) + "万元"
	}
	return strconv.FormatInt(wan, 10) + "万多元"
}

// groupThousands writes 120000 as 120,000.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// aboutText is About for a field's text, which is left alone unless it is
// a whole number.
func aboutText(l i18n.Lang, s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return s
	}
	return About(l, float64(n))
}

// JoinNames lists names as a speech does: 甲、乙、丙等 when there are more,
// "A, B and C" in English ("A, B, C and others").
func JoinNames(l i18n.Lang, names []string, more bool) string {
	if len(names) > maxNames {
		names, more = names[:maxNames], true
	}
	if l != i18n.EN {
		s := strings.Join(names, "、")
		if more {
			s += "等"
		}
		return s
	}
	switch {
	case len(names) == 0:
		return ""
	case more:
		return strings.Join(names, ", ") + " and others"
	case len(names) == 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// JoinAll lists every item (no 等: the template says it when it wants), with
// 、 or, in English, commas and "and".
func JoinAll(l i18n.Lang, items []string) string {
	if l != i18n.EN {
		return strings.Join(items, "、")
	}
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// JoinAnd lists every item with 和 before the last (党员活动室、电教室、健身室和
// 图书馆; 社区党建和社会治安综合治理), in English as JoinAll.
func JoinAnd(l i18n.Lang, items []string) string {
	if l == i18n.EN || len(items) < 2 {
		return JoinAll(l, items)
	}
	return JoinAll(l, items[:len(items)-1]) + "和" + items[len(items)-1]
}

func pick(zh bool, z, e string) string {
	if zh {
		return z
	}
	return e
}
