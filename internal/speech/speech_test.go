package speech_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

func init() {
	figures.Register(
		&figures.Figure{Key: "test.zero", Part: 9, SQL: "SELECT 1"},
		&figures.Figure{Key: "test.some", Part: 9, SQL: "SELECT 1"},
		&figures.Figure{Key: "test.many", Part: 9, SQL: "SELECT 1"},
		&figures.Figure{Key: "test.one", Part: 9, SQL: "SELECT 1"},
	)
	speech.Register(&speech.Rule{Name: "test_pick", Fields: []string{"name", "count", "empty"},
		Find: func(context.Context, db.Q, figures.Scope, i18n.Lang) (speech.Fields, error) { return nil, nil }})
}

// data is a fixed Data: values, names and examples by key.
type data struct {
	values   map[string]float64
	names    map[string][]string
	examples map[string]speech.Fields
	// earlier are the values a year earlier ({{change key}}).
	earlier map[string]float64
}

func (d data) Value(key string) (figures.Value, error) {
	v, ok := d.values[key]
	if !ok {
		return figures.Value{}, fmt.Errorf("no value %s", key)
	}
	return figures.Value{Key: key, Value: v, Text: fmt.Sprint(v)}, nil
}

func (d data) Names(key string, max int) ([]string, bool, error) {
	n := d.names[key]
	if len(n) > max {
		return n[:max], true, nil
	}
	return n, false, nil
}

func (d data) Example(rule string) (speech.Fields, error) { return d.examples[rule], nil }

func (d data) Earlier(key string) (figures.Value, error) {
	v, ok := d.earlier[key]
	if !ok {
		return figures.Value{}, fmt.Errorf("no earlier value %s", key)
	}
	return figures.Value{Key: key, Value: v, Text: fmt.Sprint(v)}, nil
}

var testData = data{
	values: map[string]float64{"test.zero": 0, "test.some": 7, "test.many": 2345, "test.one": 1},
	names:  map[string][]string{"test.some": {"官渡街道", "新华街道", "红旗街道", "河东街道"}, "test.zero": nil},
	examples: map[string]speech.Fields{"test_pick": {
		"name":  {Text: "迎宾社区党支部", Link: "/party-orgs/3/leadership"},
		"count": {Text: "1234", Link: "/party-orgs/3/leadership"},
		"empty": {Text: "0", Zero: true},
	}},
}

func render(t *testing.T, lang i18n.Lang, src string, d data) (string, []speech.Segment) {
	t.Helper()
	tpl, err := speech.Parse(src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	if err := tpl.Check(); err != nil {
		t.Fatalf("check %q: %v", src, err)
	}
	c := speech.Context{Lang: lang, Level: "subdistrict", Today: date.MustParse("2026-12-02"),
		Scope: figures.Scope{AreaName: "河东街道", From: date.MustParse("2025-01-01"), To: date.MustParse("2025-12-31")},
		Link:  func(key string) string { return "/figures/" + key }}
	parts, err := tpl.Render(c, d)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range parts[0] {
		b.WriteString(s.Text)
	}
	return b.String(), parts[0]
}

func TestRender(t *testing.T) {
	cases := []struct {
		name, src, want string
		lang            i18n.Lang
	}{
		{"a figure", "有{{test.some}}个", "有7个", i18n.ZH},
		{"about", "{{about test.many}}人次，{{about test.some}}件", "2300多人次，7件", i18n.ZH},
		{"about in English", "{{about test.many}} visits", "more than 2300 visits", i18n.EN},
		{"names with more", "{{names test.some}}街道", "官渡街道、新华街道、红旗街道等街道", i18n.ZH},
		{"names in English", "{{names test.some}}", "官渡街道, 新华街道, 红旗街道 and others", i18n.EN},
		{"a zero clause left out", "甲{{if test.zero}}合并{{test.zero}}个，{{end}}乙", "甲乙", i18n.ZH},
		{"a non-zero clause kept", "甲{{if test.some}}合并{{test.some}}个，{{end}}乙", "甲合并7个，乙", i18n.ZH},
		{"else", "{{if test.zero}}有{{else}}尚无{{end}}", "尚无", i18n.ZH},
		{"or", "{{if test.zero or test.some}}有{{end}}", "有", i18n.ZH},
		{"not", "{{if not test.zero}}无{{end}}", "无", i18n.ZH},
		{"the scope's level", "{{if community}}社区{{else}}{{if subdistrict}}街道{{end}}{{end}}", "街道", i18n.ZH},
		{"words", "{{when}}，{{scope}}{{as_of}}（{{from}}至{{to}}）", "去年，河东街道截至2025年底（2025-01-01至2025-12-31）", i18n.ZH},
		{"an example", "{{example test_pick}}{{.name}}有{{about .count}}人{{if .empty}}，空{{end}}。{{end}}", "迎宾社区党支部有1200多人。", i18n.ZH},
		{"an example with no record", "甲{{example test_pick}}{{.name}}{{else}}无{{end}}乙", "甲无乙", i18n.ZH},
		{"spaces inside braces", "{{ test.some }}", "7", i18n.ZH},
		{"and", "{{if test.some and test.zero}}两者{{else}}不全{{end}}", "不全", i18n.ZH},
		{"and, both", "{{if test.some and not test.zero}}两者{{end}}", "两者", i18n.ZH},
		{"one", "{{test.some}} {{if one test.some}}member{{else}}members{{end}}", "7 members", i18n.EN},
		{"one, singular", "{{test.one}} {{if one test.one}}member{{else}}members{{end}}", "1 member", i18n.EN},
		{"one, a field", "{{example test_pick}}{{if one .count}}x{{else}}y{{end}}{{end}}", "y", i18n.EN},
		{"else if", "{{if test.zero}}零{{else if test.some}}七{{else}}无{{end}}", "七", i18n.ZH},
		{"else if, neither", "{{if test.zero}}零{{else if not test.some}}七{{else}}无{{end}}", "无", i18n.ZH},
		{"trim markers", "甲\n  {{- if test.some -}}\n  乙\n{{- end -}}\n  丙 {{test.some}} 丁", "甲乙丙 7 丁", i18n.ZH},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testData
			if c.name == "an example with no record" {
				d = data{values: testData.values}
			}
			got, _ := render(t, c.lang, c.src, d)
			if got != c.want {
				t.Errorf("%q → %q, want %q", c.src, got, c.want)
			}
		})
	}
}

// Every value stands for its records: figures link to theirs, an example's
// fields to the record's page; prose links nowhere.
func TestSegmentsLink(t *testing.T) {
	_, segs := render(t, i18n.ZH, "有{{test.some}}个，{{example test_pick}}{{.count}}{{end}}", testData)
	want := []speech.Segment{
		{Text: "有"},
		{Text: "7", Key: "test.some", Link: "/figures/test.some"},
		{Text: "个，"},
		{Text: "1234", Key: "test_pick.count", Link: "/party-orgs/3/leadership"},
	}
	if fmt.Sprint(segs) != fmt.Sprint(want) {
		t.Errorf("segments %v, want %v", segs, want)
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct {
		src, key string
		line     int
	}{
		{"第一行\n{{test.nothing}}", "err.speech_unknown_figure", 2},
		{"{{names scope}}", "err.speech_unknown_figure", 1},
		{"{{example no_such_rule}}{{end}}", "err.speech_unknown_rule", 1},
		{"\n\n{{example test_pick}}{{.nothing}}{{end}}", "err.speech_unknown_field", 3},
		{"{{.name}}", "err.speech_field_outside", 1},
		{"{{- if test.some -}}\n\n  {{test.nothing}}{{end}}", "err.speech_unknown_figure", 3},
		{"{{if .name}}{{end}}", "err.speech_field_outside", 1},
		{"{{whenever}}", "err.speech_unknown_word", 1},
		{"{{if when}}x{{end}}", "err.speech_unknown_word", 1},
		{"{{community}}", "err.speech_unknown_word", 1},
		{"{{test.some and more}}", "err.speech_unknown_word", 1},
		{"甲\n{{test.some", "err.speech_unclosed", 2},
		{"{{test.some {{test.some}}", "err.speech_unclosed", 1},
		{"{{  }}", "err.speech_empty", 1},
		{"x{{end}}", "err.speech_misplaced", 1},
		{"{{if test.some}}\n\nx", "err.speech_unended", 1},
		{"{{if test.some}}a{{else}}b{{else}}c{{end}}", "err.speech_misplaced", 1},
		{"{{if}}x{{end}}", "err.speech_syntax", 1},
		{"{{if test.some and test.zero or test.many}}x{{end}}", "err.speech_syntax", 1},
		{"{{if test.some}}a{{else if}}b{{end}}", "err.speech_syntax", 1},
		{"{{if test.some}}a{{else if test.nothing}}b{{end}}", "err.speech_unknown_figure", 1},
		{"{{if test.some or}}x{{end}}", "err.speech_syntax", 1},
		{"{{about}}", "err.speech_syntax", 1},
		{"{{example}}{{end}}", "err.speech_syntax", 1},
		{"{{end extra}}", "err.speech_syntax", 1},
		{"\n{{change test.nothing}}", "err.speech_unknown_figure", 2},
		{"{{change scope}}", "err.speech_unknown_figure", 1},
		{"{{example test_pick}}\n{{change .count}}{{end}}", "err.speech_unknown_figure", 2},
		{"{{change}}", "err.speech_syntax", 1},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			tpl, err := speech.Parse("ok", c.src)
			if err == nil {
				err = tpl.Check()
			}
			var ie *i18n.Error
			if !errors.As(err, &ie) {
				t.Fatalf("%q: err %v, want %s", c.src, err, c.key)
			}
			if ie.Key != c.key || ie.Field != "template" || ie.Args[0] != 2 || ie.Args[1] != c.line {
				t.Errorf("%q: %s %v on %q, want %s at part 2 line %d", c.src, ie.Key, ie.Args, ie.Field, c.key, c.line)
			}
			for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
				if msg := ie.In(l); strings.Contains(msg, "%!") || msg == ie.Key {
					t.Errorf("%s in %s: %q", ie.Key, l, msg)
				}
			}
		})
	}
}

func TestWords(t *testing.T) {
	d := date.MustParse
	today := d("2026-12-02")
	when := []struct {
		from, to, zh, en string
	}{
		{"2021-01-01", "2025-12-31", "近年来", "In recent years"},
		{"2025-01-01", "2025-12-31", "去年", "Last year"},
		{"2026-01-01", "2026-12-31", "今年", "This year"},
		{"2024-01-01", "2024-12-31", "2024年", "In 2024"},
		{"2026-01-01", "2026-06-30", "2026年1月至6月", "From January to June 2026"},
		{"2026-03-01", "2026-03-31", "2026年3月", "In March 2026"},
	}
	for _, c := range when {
		if got := speech.When(i18n.ZH, d(c.from), d(c.to), today); got != c.zh {
			t.Errorf("When %s..%s = %q, want %q", c.from, c.to, got, c.zh)
		}
		if got := speech.When(i18n.EN, d(c.from), d(c.to), today); got != c.en {
			t.Errorf("When %s..%s = %q, want %q", c.from, c.to, got, c.en)
		}
	}
	asOf := []struct{ to, zh, en string }{
		{"2026-12-31", "目前", "today"},
		{"2026-12-02", "目前", "today"},
		{"2024-12-31", "截至2024年底", "at the end of 2024"},
		{"2025-06-30", "截至2025年6月30日", "on 30 June 2025"},
	}
	for _, c := range asOf {
		if got := speech.AsOf(i18n.ZH, d(c.to), today); got != c.zh {
			t.Errorf("AsOf %s = %q, want %q", c.to, got, c.zh)
		}
		if got := speech.AsOf(i18n.EN, d(c.to), today); got != c.en {
			t.Errorf("AsOf %s = %q, want %q", c.to, got, c.en)
		}
	}
	for _, c := range []struct{ from, zh, en string }{
		{"2022-01-01", "2022年初", "At the start of 2022"},
		{"2022-03-01", "2022年3月1日", "On 1 March 2022"},
	} {
		if got := speech.AtStart(i18n.ZH, d(c.from)); got != c.zh {
			t.Errorf("AtStart %s = %q, want %q", c.from, got, c.zh)
		}
		if got := speech.AtStart(i18n.EN, d(c.from)); got != c.en {
			t.Errorf("AtStart %s (en) = %q, want %q", c.from, got, c.en)
		}
	}
	about := []struct {
		v  float64
		zh string
	}{{0, "0"}, {99, "99"}, {100, "100"}, {101, "100多"}, {2345, "2300多"}, {2300, "2300"}, {20999, "20000多"}, {15.7, "15"}}
	for _, c := range about {
		if got := speech.About(i18n.ZH, c.v); got != c.zh {
			t.Errorf("About(%v) = %q, want %q", c.v, got, c.zh)
		}
	}
	money := []struct {
		fen    int64
		zh, en string
	}{
		{0, "0元", "0 yuan"},
		{800_000, "8000元", "8,000 yuan"},
		{999_999, "9999元", "9,999 yuan"},
		{9_999_999, "9万多元", "more than 90,000 yuan"},
		{1_000_000, "1万元", "10,000 yuan"},
		{12_340_000, "12万多元", "more than 120,000 yuan"},
		{12_000_000, "12万元", "120,000 yuan"},
		{12_000_001, "12万多元", "more than 120,000 yuan"},
		{1_234_500_000, "1234万多元", "more than 12,340,000 yuan"},
	}
	for _, c := range money {
		if got := speech.Money(i18n.ZH, c.fen); got != c.zh {
			t.Errorf("Money(%d) = %q, want %q", c.fen, got, c.zh)
		}
		if got := speech.Money(i18n.EN, c.fen); got != c.en {
			t.Errorf("Money(%d, en) = %q, want %q", c.fen, got, c.en)
		}
	}
	names := []struct {
		names  []string
		more   bool
		zh, en string
	}{
		{nil, false, "", ""},
		{[]string{"甲"}, false, "甲", "甲"},
		{[]string{"甲", "乙"}, false, "甲、乙", "甲 and 乙"},
		{[]string{"甲", "乙", "丙"}, false, "甲、乙、丙", "甲, 乙 and 丙"},
		{[]string{"甲", "乙", "丙", "丁"}, false, "甲、乙、丙等", "甲, 乙, 丙 and others"},
		{[]string{"甲", "乙"}, true, "甲、乙等", "甲, 乙 and others"},
	}
	for _, c := range names {
		if got := speech.JoinNames(i18n.ZH, c.names, c.more); got != c.zh {
			t.Errorf("JoinNames %v = %q, want %q", c.names, got, c.zh)
		}
		if got := speech.JoinNames(i18n.EN, c.names, c.more); got != c.en {
			t.Errorf("JoinNames %v = %q, want %q", c.names, got, c.en)
		}
	}
}

func TestSpelled(t *testing.T) {
	for _, c := range []struct {
		v      float64
		zh, en string
	}{
		{1, "一", "one"}, {2, "两", "two"}, {3, "三", "three"}, {10, "十", "ten"}, {12, "十二", "twelve"},
		{20, "二十", "20"}, {35, "三十五", "35"}, {99, "九十九", "99"}, {100, "100", "100"}, {2345, "2345", "2,345"},
	} {
		if got := speech.Spelled(i18n.ZH, c.v); got != c.zh {
			t.Errorf("Spelled(%v) = %q, want %q", c.v, got, c.zh)
		}
		if got := speech.Spelled(i18n.EN, c.v); got != c.en {
			t.Errorf("Spelled(%v, en) = %q, want %q", c.v, got, c.en)
		}
	}
}

// TestUses lists the rules and the named figures a template reads, once
// each in order of first use, inside conditions and examples too, and not
// a field named like a verb's argument.
func TestUses(t *testing.T) {
	cases := []struct {
		src          string
		rules, names []string
	}{
		{"{{test.some}}", nil, nil},
		{"{{names test.many}} and {{names test.some}}, {{names test.many}}", nil, []string{"test.many", "test.some"}},
		{"{{if test.some}}{{names test.one}}{{else}}{{example test_pick}}{{.name}}{{end}}{{end}}", []string{"test_pick"}, []string{"test.one"}},
		{"{{example test_pick}}{{names test.many}}{{end}} {{example test_pick}}{{.count}}{{end}}", []string{"test_pick"}, []string{"test.many"}},
	}
	for _, c := range cases {
		tpl, err := speech.Parse(c.src)
		if err != nil {
			t.Fatal(err)
		}
		rules, names := tpl.Uses()
		if fmt.Sprint(rules) != fmt.Sprint(c.rules) || fmt.Sprint(names) != fmt.Sprint(c.names) {
			t.Errorf("%s: rules %v names %v, want %v %v", c.src, rules, names, c.rules, c.names)
		}
	}
}
