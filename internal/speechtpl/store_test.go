package speechtpl_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
	"dangjian/internal/testkit"
)

// edited is the default zh template with its first part's opening words
// replaced by marker.
func edited(t *testing.T, marker string) []string {
	t.Helper()
	def, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	parts := slices.Clone(def)
	parts[0] = strings.Replace(parts[0], "我们认为，", marker+"，", 1)
	if parts[0] == def[0] {
		t.Fatal("the default's first part no longer opens with 我们认为")
	}
	return parts
}

// as is a context whose writes are recorded as user's, within scope.
func as(user string, scope int64) context.Context {
	return access.WithScope(audit.WithActor(context.Background(), audit.Actor{Username: user, Via: "web"}), scope)
}

// speechOf fills the speech of area name for 2024 from the template the
// store gives it.
func speechOf(t *testing.T, w *testkit.World, st *speechtpl.Store, name string) string {
	t.Helper()
	ctx := context.Background()
	tpl, err := st.For(ctx, w.ID(name), i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	s := figures.Scope{AreaID: w.ID(name), AreaName: name, From: date.MustParse("2024-01-01"), To: date.MustParse("2024-12-31"), Level: "community"}
	f, err := tpl.Fill(ctx, w.DB.Reader(), s, w.Today)
	if err != nil {
		t.Fatal(err)
	}
	return f.Markdown()
}

// TestVersionsInheritanceAndRestore: versions numbered per area with who
// and when; a community inherits its subdistrict's, a subdistrict its
// district's, until it has its own; a restore and the default restored
// are new versions and history stays as it was.
func TestVersionsInheritanceAndRestore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{})
		st := w.App.Templates
		st.Now = func() time.Time { return time.Date(2025, 6, 30, 2, 3, 4, 0, time.UTC) }
		district, hedong, yingbin := w.ID("示范区"), w.ID("河东街道"), w.ID("迎宾社区")

		if v, err := st.Inherited(context.Background(), yingbin, i18n.ZH); err != nil || v != nil {
			t.Fatalf("before any save: %v %v", v, err)
		}
		if md := speechOf(t, w, st, "迎宾社区"); !strings.Contains(md, "我们认为，加强社区党建") {
			t.Errorf("the default is not the seed's words:\n%s", md)
		}

		d1, err := st.Save(as("district", district), speechtpl.SaveInput{AreaID: district, Lang: i18n.ZH, Parts: edited(t, "区里认为")})
		if err != nil {
			t.Fatal(err)
		}
		if d1.Number != 1 || d1.By != "district" || d1.Origin != speechtpl.Edited || !d1.At.Equal(st.Now()) {
			t.Errorf("the district's first version: %+v", d1)
		}
		for _, name := range []string{"示范区", "河东街道", "迎宾社区", "官渡社区"} {
			if md := speechOf(t, w, st, name); !strings.Contains(md, "区里认为") {
				t.Errorf("%s does not inherit the district's template", name)
			}
		}

		h1, err := st.Save(as("hedong", hedong), speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: edited(t, "街道认为")})
		if err != nil {
			t.Fatal(err)
		}
		if h1.Number != 1 {
			t.Errorf("河东街道's first version is numbered %d", h1.Number)
		}
		inherits := map[string]int64{"示范区": district, "河东街道": hedong, "迎宾社区": hedong, "官渡社区": district}
		for name, from := range inherits {
			v, err := st.Inherited(context.Background(), w.ID(name), i18n.ZH)
			if err != nil || v == nil || v.AreaID != from {
				t.Errorf("%s inherits %+v (%v), want area %d's", name, v, err, from)
			}
		}
		if md := speechOf(t, w, st, "迎宾社区"); !strings.Contains(md, "街道认为") || strings.Contains(md, "区里认为") {
			t.Errorf("迎宾社区 does not inherit 河东街道's template")
		}
		if v, _ := st.Inherited(context.Background(), yingbin, i18n.EN); v != nil {
			t.Errorf("the English speech inherits a Chinese template: %+v", v)
		}

		h2, err := st.Save(as("hedong-deputy", hedong), speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: edited(t, "街道又认为")})
		if err != nil {
			t.Fatal(err)
		}
		h3, err := st.Restore(as("hedong", hedong), h1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if h3.Number != 3 || h3.Origin != speechtpl.Restored || h3.RestoredFrom != 1 || !slices.Equal(h3.Parts, h1.Parts) {
			t.Errorf("the restore: %+v", h3)
		}
		if md := speechOf(t, w, st, "迎宾社区"); !strings.Contains(md, "街道认为") || strings.Contains(md, "街道又认为") {
			t.Errorf("the restored version is not in use")
		}
		h4, err := st.RestoreDefault(as("hedong", hedong), hedong, i18n.ZH)
		if err != nil {
			t.Fatal(err)
		}
		def, _ := report.DefaultParts(i18n.ZH)
		if h4.Number != 4 || h4.Origin != speechtpl.Default || !slices.Equal(h4.Parts, def) {
			t.Errorf("the default restored: %+v", h4)
		}
		if md := speechOf(t, w, st, "迎宾社区"); !strings.Contains(md, "我们认为，加强社区党建") {
			t.Errorf("the seed's words are not in use after the default was restored")
		}
		vs, err := st.Versions(as("hedong", hedong), hedong, i18n.ZH)
		if err != nil {
			t.Fatal(err)
		}
		var nums []int
		for _, v := range vs {
			nums = append(nums, v.Number)
		}
		if !slices.Equal(nums, []int{4, 3, 2, 1}) || !slices.Equal(vs[2].Parts, h2.Parts) || !slices.Equal(vs[3].Parts, h1.Parts) {
			t.Errorf("the history: %v", nums)
		}
		var entries int
		if err := dbh.Reader().QueryRowContext(context.Background(),
			"SELECT COUNT(*) FROM audit_entry WHERE target_type = 'speech_template' AND action IN ('speech_template.save', 'speech_template.restore', 'speech_template.restore_default')").Scan(&entries); err != nil {
			t.Fatal(err)
		}
		if entries != 5 {
			t.Errorf("%d audit entries, want 5", entries)
		}
		names := audit.TargetNames(context.Background(), dbh.Reader(), i18n.ZH, []audit.Record{{TargetType: "speech_template", TargetID: strconv.FormatInt(h2.ID, 10)}})
		if got := names["speech_template:"+strconv.FormatInt(h2.ID, 10)]; got != "河东街道 · zh · 第2版" {
			t.Errorf("the auditor's page names version 2 %q", got)
		}
	})
}

// TestRefusals: a mistake is refused with its part and line and nothing
// is saved; every part's first mistake is listed; a wrong number of parts
// or language is refused naming its field.
func TestRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{})
		st := w.App.Templates
		hedong := w.ID("河东街道")
		ctx := as("hedong", hedong)
		parts := edited(t, "街道认为")
		parts[1] = "## 二、\n\n{{communities.totl}}\n"
		parts[3] = "## 四、\n{{if members.total}}\n\n{{example last_election}}{{end}}{{end}}\n"
		refusals, err := speechtpl.Refusals(i18n.ZH, parts)
		if err != nil {
			t.Fatal(err)
		}
		type at struct {
			key        string
			part, line int
		}
		var got []at
		for _, r := range refusals {
			got = append(got, at{r.Key, r.Args[0].(int), r.Args[1].(int)})
		}
		want := []at{{"err.speech_unknown_figure", 2, 3}, {"err.speech_unknown_rule", 4, 4}}
		if !slices.Equal(got, want) {
			t.Errorf("refusals %v, want %v", got, want)
		}
		if msg := refusals[0].In(i18n.ZH); msg != "第2部分第3行：没有名为“communities.totl”的指标" {
			t.Errorf("the refusal says %q", msg)
		}

		cases := []struct {
			name  string
			in    speechtpl.SaveInput
			key   string
			field string
		}{
			{"a mistake", speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: parts}, "err.speech_unknown_figure", "template"},
			{"too few parts", speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: parts[:2]}, "err.tpl_parts", "parts"},
			{"an unknown language", speechtpl.SaveInput{AreaID: hedong, Lang: "fr", Parts: edited(t, "x")}, "err.tpl_lang", "lang"},
		}
		for _, c := range cases {
			_, err := st.Save(ctx, c.in)
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != c.key || ie.Field != c.field {
				t.Errorf("%s: %v, want %s on %s", c.name, err, c.key, c.field)
			}
		}
		if vs, err := st.Versions(ctx, hedong, i18n.ZH); err != nil || len(vs) != 0 {
			t.Errorf("a refused template was saved: %v %v", vs, err)
		}
	})
}

// TestScope: a user outside an area's subtree can neither read nor write
// its template, and nothing is saved.
func TestScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{})
		st := w.App.Templates
		hedong, guandu := w.ID("河东街道"), w.ID("官渡街道")
		v, err := st.Save(as("hedong", hedong), speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: edited(t, "街道认为")})
		if err != nil {
			t.Fatal(err)
		}
		outsider := as("guandu", guandu)
		yingbinUser := as("yingbin", w.ID("迎宾社区"))
		calls := map[string]func() error{
			"save": func() error {
				_, err := st.Save(outsider, speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: edited(t, "外人认为")})
				return err
			},
			"versions":        func() error { _, err := st.Versions(outsider, hedong, i18n.ZH); return err },
			"version":         func() error { _, err := st.Version(outsider, v.ID); return err },
			"restore":         func() error { _, err := st.Restore(outsider, v.ID); return err },
			"restore default": func() error { _, err := st.RestoreDefault(outsider, hedong, i18n.ZH); return err },
			"save above": func() error {
				_, err := st.Save(yingbinUser, speechtpl.SaveInput{AreaID: hedong, Lang: i18n.ZH, Parts: edited(t, "社区认为")})
				return err
			},
		}
		for name, call := range calls {
			if err := call(); !errors.Is(err, fault.OutOfScope) {
				t.Errorf("%s outside the scope: %v", name, err)
			}
		}
		vs, err := st.Versions(as("hedong", hedong), hedong, i18n.ZH)
		if err != nil || len(vs) != 1 {
			t.Errorf("versions after the refusals: %d %v", len(vs), err)
		}
		// The community's own speech still inherits what lies above it.
		if inh, err := st.Inherited(yingbinUser, w.ID("迎宾社区"), i18n.ZH); err != nil || inh == nil || inh.ID != v.ID {
			t.Errorf("迎宾社区 inherits %+v %v", inh, err)
		}
	})
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     string
	}{
		{"same", "a\nb\n", "a\nb\n", " a| b"},
		{"a line changed", "a\nb\nc", "a\nB\nc", " a|-b|+B| c"},
		{"a line added", "a\nc", "a\nb\nc", " a|+b| c"},
		{"a line removed", "a\nb\nc", "a\nc", " a|-b| c"},
		{"all new", "", "x\ny", "+x|+y"},
	}
	for _, c := range cases {
		d := speechtpl.Diff([]string{c.old}, []string{c.new})
		var got []string
		for _, l := range d[0].Lines {
			got = append(got, l.Op+l.Text)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s: %q, want %q", c.name, strings.Join(got, "|"), c.want)
		}
		if d[0].Changed != (c.old != c.new) {
			t.Errorf("%s: changed = %v", c.name, d[0].Changed)
		}
	}
}
