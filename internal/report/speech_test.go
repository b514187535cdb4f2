package report_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
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

func TestSpeechGolden(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		cases := []struct {
			lang           i18n.Lang
			area, from, to string
			md, html       string
		}{
			{i18n.ZH, "", "2024-01-01", "2024-12-31", "speech_demo_2024_zh.md", "speech_demo_2024_zh.html"},
			{i18n.EN, "", "2024-01-01", "2024-12-31", "speech_demo_2024_en.md", ""},
			{i18n.ZH, "河东街道", "2020-01-01", "2025-06-30", "speech_hedong_zh.md", ""},
		}
		for _, c := range cases {
			sc, err := report.ResolveScope(ctx, s, c.area, c.from, c.to)
			if err != nil {
				t.Fatal(err)
			}
			tpl, err := report.LoadTemplate(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			f, err := tpl.Fill(ctx, dbh.Reader(), sc)
			if err != nil {
				t.Fatal(err)
			}
			md := f.Markdown()
			if strings.Contains(md, "{{") {
				t.Errorf("unfilled placeholder in %s", c.md)
			}
			golden(t, c.md, md)
			if c.html != "" {
				golden(t, c.html, report.HTMLDocument(f))
			}
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
		before, err := tpl.Fill(ctx, dbh.Reader(), sc)
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
		after, err := tpl.Fill(ctx, dbh.Reader(), sc)
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
	bad := &report.Template{Lang: i18n.ZH, Parts: []string{"共有{{no.such.figure}}个"}}
	if err := bad.Check(); err == nil {
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
