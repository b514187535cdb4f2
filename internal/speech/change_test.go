package speech_test

import (
	"testing"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

func init() {
	figures.Register(
		&figures.Figure{Key: "test.members", Part: 9, UnitZH: "名", SQL: "SELECT 1"},
		&figures.Figure{Key: "test.rate", Part: 9, UnitZH: "%", UnitEN: "%", Agg: figures.Percent, SQL: "SELECT 1"},
		&figures.Figure{Key: "test.money", Part: 9, UnitZH: "万元", UnitEN: "10k yuan", Agg: figures.Sum, Scale: 1e6, SQL: "SELECT 1"},
		&figures.Figure{Key: "test.visits", Part: 9, UnitZH: "人次", UnitEN: "person-times", Agg: figures.Sum, Scale: 1, SQL: "SELECT 1"},
	)
}

// TestChange: {{change key}} says a figure's change from a year earlier,
// with the figure's unit, percentages in points and money in 万元.
func TestChange(t *testing.T) {
	d := data{
		values:  map[string]float64{"test.members": 45, "test.rate": 87.5, "test.money": 12.5, "test.visits": 300, "test.some": 7},
		earlier: map[string]float64{"test.members": 42, "test.rate": 90, "test.money": 11.25, "test.visits": 300, "test.some": 9},
	}
	cases := []struct {
		name, src, want string
		lang            i18n.Lang
	}{
		{"up", "党员{{test.members}}名，{{change test.members}}", "党员45名，比上年增加3名", i18n.ZH},
		{"down", "{{change test.some}}", "比上年减少2", i18n.ZH},
		{"equal", "{{change test.visits}}", "与上年持平", i18n.ZH},
		{"percent", "{{change test.rate}}", "比上年减少2.5个百分点", i18n.ZH},
		{"money", "{{change test.money}}", "比上年增加1.25万元", i18n.ZH},
		{"en up", "{{change test.members}}", "3 more than a year earlier", i18n.EN},
		{"en down", "{{change test.some}}", "2 fewer than a year earlier", i18n.EN},
		{"en equal", "{{change test.visits}}", "the same as a year earlier", i18n.EN},
		{"en percent", "{{change test.rate}}", "2.5 percentage points less than a year earlier", i18n.EN},
		{"en money", "{{change test.money}}", "12,500 yuan more than a year earlier", i18n.EN},
		{"inside a clause", "{{if test.members}}（{{change test.members}}）{{end}}", "（比上年增加3名）", i18n.ZH},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := render(t, c.lang, c.src, d)
			if got != c.want {
				t.Errorf("%q in %s = %q, want %q", c.src, c.lang, got, c.want)
			}
		})
	}
}

// TestChangeNamesTheYearBefore: a change stands for the figure's records
// a year earlier.
func TestChangeNamesTheYearBefore(t *testing.T) {
	d := data{values: map[string]float64{"test.members": 5}, earlier: map[string]float64{"test.members": 2}}
	_, segs := render(t, i18n.ZH, "{{change test.members}}", d)
	if len(segs) != 1 || segs[0].Key != "test.members" || !segs[0].Earlier || segs[0].Text != "比上年增加3名" {
		t.Errorf("segments %+v, want the change standing for test.members a year earlier", segs)
	}
}

func TestChangesListed(t *testing.T) {
	tpl, err := speech.Parse("{{change test.members}}{{if test.some}}{{change test.rate}}{{end}}", "{{change test.members}}{{test.money}}")
	if err != nil {
		t.Fatal(err)
	}
	got := tpl.Changes()
	if len(got) != 2 || got[0] != "test.members" || got[1] != "test.rate" {
		t.Errorf("Changes() = %v", got)
	}
}
