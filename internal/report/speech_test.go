package report_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/demo"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// demoStore loads the demo district as it would be on 2025-06-30.
func demoStore(t *testing.T, dbh *db.DB) *area.Store {
	t.Helper()
	s := area.NewStore(dbh)
	s.Today = func() date.Date { return date.MustParse("2025-06-30") }
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run with -update if the change is intended\n--- got ---\n%s", name, got)
	}
}

// speechToday is the day the test speeches are given: the demo is built as
// of it, so 2024 is 去年.
var speechToday = date.MustParse("2025-06-30")

// The speech for the district, a subdistrict and a community; for last
// year, five years and a year in which several figures are 0; in zh and en.
func TestSpeechGolden(t *testing.T) {
	scopes := []struct{ area, file string }{{"", "district"}, {"河东街道", "hedong"}, {"迎宾社区", "yingbin"}}
	periods := []struct{ from, to, file string }{
		{"2024-01-01", "2024-12-31", "2024"},
		{"2020-01-01", "2024-12-31", "2020-2024"},
		{"2022-01-01", "2022-12-31", "2022"},
	}
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		for _, sc := range scopes {
			for _, p := range periods {
				for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
					f := fill(t, dbh, s, l, sc.area, p.from, p.to)
					name := fmt.Sprintf("speech_%s_%s_%s.md", sc.file, p.file, l)
					md := f.Markdown()
					readsRight(t, name, md, l, p.file == "2024")
					golden(t, name, md)
					if sc.file == "district" && p.file == "2024" && l == i18n.ZH {
						golden(t, "speech_district_2024_zh.html", report.HTMLDocument(f))
					}
				}
			}
		}
		_ = ctx
	})
}

func fill(t *testing.T, dbh *db.DB, s *area.Store, l i18n.Lang, areaArg, from, to string) *report.Filled {
	t.Helper()
	ctx := context.Background()
	sc, err := report.ResolveScope(ctx, s, areaArg, from, to)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := report.LoadTemplate(l)
	if err != nil {
		t.Fatal(err)
	}
	f, err := tpl.Fill(ctx, dbh.Reader(), sc, speechToday)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// zeroClause finds a count of 0 said as a number: 0个, 0名, 0%, " 0 ".
var zeroClause = regexp.MustCompile(`(^|[^0-9.])0(个|名|%| )`)

// readsRight holds a speech to "How the speech reads": no clause says 0,
// no name is doubled, 去年 / last year only for last year, nothing left
// unfilled.
func readsRight(t *testing.T, name, md string, l i18n.Lang, lastYear bool) {
	t.Helper()
	if m := zeroClause.FindString(md); m != "" {
		t.Errorf("%s says a 0: %q", name, m)
	}
	for _, bad := range []string{"社区社区", "街道街道", "{{", "}}", "××"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s holds %q", name, bad)
		}
	}
	last := strings.Contains(md, "去年") || strings.Contains(md, "Last year")
	if last != lastYear {
		t.Errorf("%s: says 去年/last year = %v, want %v", name, last, lastYear)
	}
}

// A subdistrict other than the seed's names its own records, never 河东街道
// or 迎宾社区, whatever the period.
func TestSpeechNamesTheScopesOwnRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s := demoStore(t, dbh)
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			for _, p := range [][2]string{{"2024-01-01", "2024-12-31"}, {"2020-01-01", "2025-06-30"}} {
				md := fill(t, dbh, s, l, "官渡街道", p[0], p[1]).Markdown()
				for _, seed := range []string{"河东", "迎宾", "宾南"} {
					if strings.Contains(md, seed) {
						t.Errorf("the speech of 官渡街道 (%s, %s..%s) names %s", l, p[0], p[1], seed)
					}
				}
				if !strings.Contains(md, "官渡街道") {
					t.Errorf("the speech of 官渡街道 (%s) does not name it", l)
				}
			}
		}
	})
}

// Every value of the speech links to its records: the figures to their
// record lists, the election example's fields to the leadership page.
func TestSpeechValuesLinkToRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s := demoStore(t, dbh)
		h := fill(t, dbh, s, i18n.ZH, "河东街道", "2024-01-01", "2024-12-31").HTML("/figures/")
		for _, want := range []string{
			`data-key="latest_unit_election.unit_count" href="/party-orgs/`,
			`data-key="latest_unit_election.units" href="/party-orgs/`,
			`data-key="communities.total" href="/figures/communities.total?area=`,
		} {
			if !strings.Contains(h, want) {
				t.Errorf("the speech's HTML lacks %s", want)
			}
		}
		// Every number in the text stands inside a link.
		text := regexp.MustCompile(`<a [^>]*>[^<]*</a>|<h1>[^<]*</h1>`).ReplaceAllString(h, "")
		if m := regexp.MustCompile(`[0-9]+(个|名|%)`).FindString(text); m != "" {
			t.Errorf("a number outside a link: %q", m)
		}
	})
}

// TestSpeechFiguresComeFromData changes the data and sees the speech change.
func TestSpeechFiguresComeFromData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		sc, err := report.ResolveScope(ctx, s, "", "2025-01-01", "2025-06-30")
		if err != nil {
			t.Fatal(err)
		}
		tpl, _ := report.LoadTemplate(i18n.ZH)
		before, err := tpl.Fill(ctx, dbh.Reader(), sc, speechToday)
		if err != nil {
			t.Fatal(err)
		}
		sd, err := s.Find(ctx, "南山街道")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Create(ctx, area.CreateInput{ParentID: sd.ID, Name: "测试新社区", On: date.MustParse("2025-06-01")}); err != nil {
			t.Fatal(err)
		}
		after, err := tpl.Fill(ctx, dbh.Reader(), sc, speechToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"communities.created", "communities.total"} {
			if after.Values[k].Value != before.Values[k].Value+1 {
				t.Errorf("%s: %v then %v, want one more", k, before.Values[k].Value, after.Values[k].Value)
			}
		}
		if !strings.Contains(after.Markdown(), "新增设社区居委"+after.Values["communities.created"].Text+"个") {
			t.Errorf("speech does not carry the new figure:\n%s", after.Markdown())
		}
	})
}

func TestTemplatesReferOnlyToRegisteredFigures(t *testing.T) {
	for _, l := range i18n.Langs {
		tpl, err := report.LoadTemplate(l)
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		keys := tpl.Keys()
		if len(keys) < 7 {
			t.Errorf("%s template uses %d figures, want all seven of part one and the re-formations", l, len(keys))
		}
		for _, k := range keys {
			if figures.Get(k) == nil {
				t.Errorf("%s template refers to unknown figure %s", l, k)
			}
		}
	}
	if _, err := report.ParseTemplate(i18n.ZH, "共有{{no.such.figure}}个"); err == nil {
		t.Error("a template with an unknown figure passed the check")
	}
}

func TestResolveScopeErrors(t *testing.T) {
	dbh := dbtest.Open(t, db.SQLite)
	s := demoStore(t, dbh)
	ctx := context.Background()
	cases := []struct{ area, from, to, key, field string }{
		{"无此街道", "", "", "err.area_name_unknown", "area"},
		{"", "2024-13-01", "", "err.date_invalid", "from"},
		{"", "", "yesterday", "err.date_invalid", "to"},
		{"", "2024-12-31", "2024-01-01", "err.period_inverted", "to"},
		{"99999", "", "", "err.area_not_found", "area"},
	}
	for _, c := range cases {
		_, err := report.ResolveScope(ctx, s, c.area, c.from, c.to)
		ie, ok := err.(*i18n.Error)
		if !ok || ie.Key != c.key || ie.Field != c.field {
			t.Errorf("ResolveScope(%q,%q,%q) = %v, want %s on %s", c.area, c.from, c.to, err, c.key, c.field)
		}
	}
	sc, err := report.ResolveScope(ctx, s, "", "", "")
	if err != nil || sc.From != date.MustParse("2025-01-01") || sc.To != date.MustParse("2025-12-31") || sc.AreaName != "示范区" {
		t.Errorf("default scope = %+v, %v", sc, err)
	}
}

// The API document lists every kind of record a figure's records name.
func TestRecordKindsAreDocumented(t *testing.T) {
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Enum []string `json:"enum"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, k := range doc.Components.Schemas["FigureRecord"].Properties["kind"].Enum {
		documented[k] = true
	}
	for _, f := range figures.All() {
		if !documented[f.RecordKind] {
			t.Errorf("%s names records of kind %q, which FigureRecord.kind does not list", f.Key, f.RecordKind)
		}
	}
}

// Part two names the pilot conference, its convener and units, and the
// subdistricts that followed from the records: renaming them renames them
// in the speech, and nothing of part two is left unfilled.
func TestSpeechPartTwoNamesComeFromData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		part2 := func() string {
			md := fill(t, dbh, s, i18n.ZH, "", "2024-01-01", "2024-12-31").Markdown()
			i, j := strings.Index(md, "## 二、"), strings.Index(md, "## 三、")
			if i < 0 {
				t.Fatalf("no part two in\n%s", md)
			}
			if j < i {
				j = len(md)
			}
			return md[i:j]
		}
		before := part2()
		for _, want := range []string{"“河东街道社区党建工作联席会议”", "由河东街道党工委和社区内示范市委党校", "官渡、新华、红旗街道也参照河东街道的做法", "社区党建和社会治安综合治理", "禁止黄赌毒"} {
			if !strings.Contains(before, want) {
				t.Errorf("part two lacks %q:\n%s", want, before)
			}
		}
		for _, stmt := range []string{
			"UPDATE joint_conference SET name = '河东街道共驻共建联席会议' WHERE name = '河东街道社区党建工作联席会议'",
			"UPDATE unit SET name = '示范市行政学院' WHERE name = '示范市委党校'",
			"UPDATE campaign SET kind = 'theft' WHERE kind = 'vice'",
		} {
			if _, err := dbh.Writer().ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
		after := part2()
		for _, want := range []string{"“河东街道共驻共建联席会议”", "社区内示范市行政学院", "打击盗窃犯罪"} {
			if !strings.Contains(after, want) {
				t.Errorf("after renaming, part two lacks %q:\n%s", want, after)
			}
		}
		for _, gone := range []string{"河东街道社区党建工作联席会议", "示范市委党校", "禁止黄赌毒"} {
			if strings.Contains(after, gone) {
				t.Errorf("after renaming, part two still says %q", gone)
			}
		}
	})
}

// seedFillers are what fills the seed's 23 ××× (shared/docs/domain.md,
// "The 23 ××× of the seed"): a figure's key or an example's field, as the
// rendered speech marks them; then the seed's two literals said from data.
var seedFillers = []string{
	"communities.merged_or_adjusted", "communities.total", "branches.community.total", "latest_unit_election.unit_count",
	"party_orgs.reformed_as_working_committee", "party_orgs.reformed_as_community_branch",
	"three_lacks_at_start.committees", "premises.solved_three_lacks",
	"most_saved.saved", "most_units.units", "largest_money.amount", "result_measure.measure",
	"subdistricts.total", "outlets.sanitation_station", "outlets.cleaning_team", "outlets.elderly_centre", "outlets.family_planning_centre",
	"outlets.housekeeping_centre", "outlets.disability_centre", "designations.safe_neighbourhoods",
	"services.person_times", "placements.total", "good_deeds.total",
	"communities.created", "petitions.collective_resolved",
}

// The demo district's speech for the last five years fills every one of
// the seed's 23 ××× (and says its two literals from data), and leaves no
// ××× anywhere.
func TestDemoSpeechFillsTheSeeds23(t *testing.T) {
	if len(seedFillers) != 25 {
		t.Fatalf("%d fillers listed, want the 23 ××× and the 2 literals", len(seedFillers))
	}
	dbh := dbtest.Open(t, db.SQLite)
	f := fill(t, dbh, demoStore(t, dbh), i18n.ZH, "", "2020-01-01", "2024-12-31")
	html := f.HTML("/figures/")
	for i, key := range seedFillers {
		if !strings.Contains(html, `data-key="`+key+`"`) {
			t.Errorf("the seed's ××× no. %d (%s) is not filled", i+1, key)
		}
	}
	if md := f.Markdown(); strings.Contains(md, "×") {
		t.Errorf("the demo speech still holds ×: %s", md)
	}
}
