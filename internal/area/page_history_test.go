package area

import (
	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"testing"
)

// TestDescribeEventEscapes: names in history sentences are escaped.
func TestDescribeEventEscapes(t *testing.T) {
	e := Event{Kind: Merge, On: date.MustParse("2024-01-01"),
		Area: Ref{ID: 1, Name: `<b>甲</b>`}, Target: &Ref{ID: 2, Name: `"乙"&`}}
	got := string(describeEvent(i18n.ZH, e).Sentence)
	want := `<a href="/areas/1">&lt;b&gt;甲&lt;/b&gt;</a>并入<a href="/areas/2">&#34;乙&#34;&amp;</a>`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
