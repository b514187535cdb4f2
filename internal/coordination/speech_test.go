package coordination

import (
	"testing"

	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

func TestSpeechLists(t *testing.T) {
	cases := []struct {
		lang       i18n.Lang
		names      []string
		subs, ands string
	}{
		{i18n.ZH, []string{"官渡街道"}, "官渡街道", "官渡街道"},
		{i18n.ZH, []string{"官渡街道", "新华街道"}, "官渡、新华街道", "官渡街道和新华街道"},
		{i18n.ZH, []string{"官渡街道", "新华街道", "红旗街道", "南山街道"}, "官渡、新华、红旗等街道", "官渡街道、新华街道、红旗街道和南山街道"},
		{i18n.ZH, []string{"官渡街道", "东城镇"}, "官渡街道、东城镇", "官渡街道和东城镇"},
		{i18n.ZH, []string{"街道", "新华街道"}, "街道、新华街道", "街道和新华街道"},
		{i18n.EN, []string{"A", "B", "C"}, "A, B and C", "A, B and C"},
		{i18n.EN, []string{"A", "B", "C", "D"}, "A, B, C and others", "A, B, C and D"},
		{i18n.ZH, nil, "", ""},
	}
	for _, c := range cases {
		if got := subdistrictNames(c.lang, c.names); got != c.subs {
			t.Errorf("subdistrictNames(%v) = %q, want %q", c.names, got, c.subs)
		}
		if got := speech.JoinAnd(c.lang, c.names); got != c.ands {
			t.Errorf("JoinAnd(%v) = %q, want %q", c.names, got, c.ands)
		}
	}
}
