package speechtpl_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// form is the editor's form with the default zh parts, part n replaced by
// text (n 0: none).
func form(t *testing.T, n int, text string, extra ...string) url.Values {
	t.Helper()
	def, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	v := url.Values{"tpl_lang": {"zh"}, "from": {"2024-01-01"}, "to": {"2024-12-31"}}
	for i, p := range def {
		v.Set("part"+strconv.Itoa(i+1), p)
	}
	if n > 0 {
		v.Set("part"+strconv.Itoa(n), text)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

// TestTemplatePages: the editor in both languages, a refused template
// shown again with its refusal beside its part and nothing saved, the
// live preview's fragment, a save that the subdistrict's and its
// communities' speech (page, download, API) then use, the diff, a restore,
// the default restored, and the refusals of a viewer and of users outside
// the scope.
func TestTemplatePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{})
		w.Callers()
		w.Caller("guandu", auth.Subdistrict, "官渡街道", true)
		h := w.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions[user]}
		}
		def, _ := report.DefaultParts(i18n.ZH)
		mine := strings.Replace(def[0], "我们认为，", "河东街道认为，", 1)
		bad := strings.Replace(def[1], "{{when}}", "{{when}}\n{{communities.totl}}", 1)
		badLine := strings.Count(bad[:strings.Index(bad, "{{communities.totl}}")], "\n") + 1
		speechQuery := "?area={迎宾社区}&from=2024-01-01&to=2024-12-31"
		for _, sc := range []testkit.Scenario{
			{Name: "the editor shows the seed's words", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 200,
				Want: []string{`id="f-part1"`, `id="f-part4"`, "我们认为，加强社区党建", "默认模板", `id="tpl-save"`, `id="tpl-no-versions"`, `class="speech-body"`}},
			{Name: "in English", Path: "/areas/{河东街道}/speech-template?lang=en&tpl_lang=en", Header: as("hedong"), Status: 200,
				Want: []string{"Speech template of 河东街道", "Save as a new version", "Part 1"}},
			{Name: "the menu opens one's own area", Path: "/speech-template", Header: as("hedong"), Status: 303, Location: "/areas/{河东街道}/speech-template?tpl_lang=zh"},
			{Name: "a refused line", Method: "POST", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 422,
				Form: form(t, 2, bad, "part1", mine), Want: []string{`id="refusal-2"`, "第2部分第" + strconv.Itoa(badLine) + "行：没有名为“communities.totl”的指标", "河东街道认为"}},
			{Name: "nothing was saved", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 200, Want: []string{`id="tpl-no-versions"`}},
			{Name: "the live preview's refusals", Method: "POST", Path: "/areas/{河东街道}/speech-template/preview?fragment=1", Header: as("hedong"), Status: 200,
				Form: form(t, 2, bad), Want: []string{`<div id="refusal-2"`, "communities.totl", `id="tpl-preview-note"`}, Not: []string{"<html", `id="tpl-save"`}},
			{Name: "the live preview", Method: "POST", Path: "/areas/{河东街道}/speech-template/preview?fragment=1", Header: as("hedong"), Status: 200,
				Form: form(t, 1, mine), Want: []string{`<div id="tpl-preview">`, "河东街道认为", `class="figure"`}},
			{Name: "the preview button without the script", Method: "POST", Path: "/areas/{河东街道}/speech-template/preview", Header: as("hedong"), Status: 200,
				Form: form(t, 1, mine), Want: []string{"<html", "河东街道认为", `id="tpl-no-versions"`}},
			{Name: "saved", Method: "POST", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 303,
				Form: form(t, 1, mine), Location: "/areas/{河东街道}/speech-template?tpl_lang=zh"},
			{Name: "the version listed with who", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 200,
				Want: []string{`id="version-1"`, "<td>hedong</td>", "本级第1版", `id="restore-1"`}},
			{Name: "the community inherits it", Path: "/areas/{迎宾社区}/speech-template", Header: as("yingbin"), Status: 200, Want: []string{"继承自河东街道的第1版", "河东街道认为"}},
			{Name: "the community's speech", Path: "/speech" + speechQuery, Header: as("yingbin"), Status: 200, Want: []string{"河东街道认为"}},
			{Name: "its download", Path: "/speech.md" + speechQuery, Header: as("yingbin"), Status: 200, Want: []string{"河东街道认为"}},
			{Name: "the API's speech", As: "yingbin", Path: "/api/v1/speech" + speechQuery, Status: 200, Want: []string{"河东街道认为"}},
			{Name: "another subdistrict keeps the seed's words", Path: "/speech?area={官渡街道}&from=2024-01-01&to=2024-12-31", Header: as("district"), Status: 200,
				Want: []string{"我们认为，加强社区党建"}, Not: []string{"河东街道认为"}},
			// Refusals by role and scope.
			{Name: "a viewer reads without buttons", Path: "/areas/{河东街道}/speech-template", Header: as("viewer"), Status: 200, Want: []string{`id="version-1"`}, Not: []string{`id="tpl-save"`, `id="restore-1"`}},
			{Name: "a viewer may not save", Method: "POST", Path: "/areas/{河东街道}/speech-template", Header: as("viewer"), Status: 403, Form: form(t, 0, "")},
			{Name: "another subdistrict's template", Path: "/areas/{官渡街道}/speech-template", Header: as("hedong"), Status: 403},
			{Name: "a community may not save above itself", Method: "POST", Path: "/areas/{河东街道}/speech-template", Header: as("yingbin"), Status: 403, Form: form(t, 0, "")},
			// The API.
			{Name: "the API refuses a mistake", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Status: 422,
				Body: `{"lang":"zh","parts":["{{communities.totl}}","","",""]}`, Want: []string{"第1部分第1行", `"field":"template"`}},
			{Name: "the API's template", As: "yingbin", Path: "/api/v1/areas/{迎宾社区}/speech-template?tpl_lang=zh", Status: 200,
				Want: []string{`"source":"inherited"`, `"from_area_id":{河东街道}`, `"number":1`, `"versions":[]`}},
			{Name: "the API outside the scope", As: "hedong", Path: "/api/v1/areas/{官渡街道}/speech-template", Status: 403},
		} {
			w.Serve(t, h, sc)
		}

		// A second version, the diff, a restore and the default restored.
		again := strings.Replace(def[0], "我们认为，", "河东街道又认为，", 1)
		w.Serve(t, h, testkit.Scenario{Name: "a second version", Method: "POST", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 303, Form: form(t, 1, again)})
		vs, err := w.App.Templates.Versions(context.Background(), w.ID("河东街道"), i18n.ZH)
		if err != nil || len(vs) != 2 {
			t.Fatalf("versions: %v %v", vs, err)
		}
		w.IDs["v1"], w.IDs["v2"] = vs[1].ID, vs[0].ID
		for _, sc := range []testkit.Scenario{
			{Name: "the diff from the one before", Path: "/speech-template-versions/{v2}", Header: as("viewer"), Status: 200,
				Want: []string{"第1版与第2版的差异", `<div class="del">- 河东街道认为，`, `<div class="add">+ 河东街道又认为，`, "（未改动）"}},
			{Name: "the diff with a chosen version", Path: "/speech-template-versions/{v1}?with={v2}", Header: as("hedong"), Status: 200, Want: []string{"第1版与第2版的差异"}},
			{Name: "another area's version is no comparison", Path: "/speech-template-versions/{v1}?with=999999", Header: as("hedong"), Status: 404},
			{Name: "a version outside the scope", Path: "/speech-template-versions/{v1}", Header: as("guandu"), Status: 403},
			{Name: "a restore outside the scope", Method: "POST", Path: "/speech-template-versions/{v1}/restore", Header: as("guandu"), Status: 403, Form: url.Values{}},
			{Name: "a viewer may not restore", Method: "POST", Path: "/speech-template-versions/{v1}/restore", Header: as("viewer"), Status: 403, Form: url.Values{}},
			{Name: "version 1 restored", Method: "POST", Path: "/speech-template-versions/{v1}/restore", Header: as("hedong"), Status: 303, Form: url.Values{},
				Location: "/areas/{河东街道}/speech-template?tpl_lang=zh"},
			{Name: "listed as restored", Path: "/areas/{河东街道}/speech-template", Header: as("hedong"), Status: 200, Want: []string{`id="version-3"`, "恢复自第1版"}},
			{Name: "the speech has the old words again", Path: "/speech" + speechQuery, Header: as("yingbin"), Status: 200, Want: []string{"河东街道认为"}, Not: []string{"河东街道又认为"}},
			{Name: "the default restored", Method: "POST", Path: "/areas/{河东街道}/speech-template/default", Header: as("hedong"), Status: 303, Form: url.Values{"tpl_lang": {"zh"}}},
			{Name: "the speech has the seed's words", Path: "/speech" + speechQuery, Header: as("yingbin"), Status: 200, Want: []string{"我们认为，加强社区党建"}, Not: []string{"河东街道认为"}},
			{Name: "the API's version", As: "hedong", Path: "/api/v1/speech-template-versions/{v2}", Status: 200, Want: []string{`"number":2`, `"by":"hedong"`, "河东街道又认为"}},
			{Name: "the API restores", As: "hedong", Method: "POST", Path: "/api/v1/speech-template-versions/{v2}/restore", Status: 201, Want: []string{`"number":5`, `"origin":"restore"`, `"restored_from":2`}},
			{Name: "the API restores the default", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template/default", Body: `{"lang":"zh"}`, Status: 201, Want: []string{`"number":6`, `"origin":"default"`}},
			{Name: "the API saves", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Body: `{"lang":"en","parts":["## 1\n{{members.total}}","## 2","## 3","## 4"]}`, Status: 201,
				Want: []string{`"number":1`, `"lang":"en"`}},
		} {
			w.Serve(t, h, sc)
		}
	})
}
