package web_test

import (
	"dangjian/internal/report"
	"dangjian/internal/web"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// scenario is one request and what must come back. Paths, form values
// and expected fragments may name areas as {name} and party organisations
// as {org:name}; they are replaced by ids before use.
type scenario struct {
	name     string
	method   string // GET when empty
	path     string
	form     url.Values
	lang     string // the lang cookie; zh when empty
	status   int
	location string   // expected Location (303)
	want     []string // fragments that must be in the body
	notWant  []string // fragments that must not be
	inOrder  []string // fragments that must appear in this order
	header   map[string]string
}

// client is a browser-like HTTP client with a cookie jar that does not
// follow redirects, so scenarios can check them.
type client struct {
	app *testApp
	hc  *http.Client
	jar *cookiejar.Jar
	// session is the session token sent with every request ("" for none).
	session string
	// last is the body and header of the last response.
	last       string
	lastHeader http.Header
}

func newClient(app *testApp) *client {
	jar, _ := cookiejar.New(nil)
	return &client{app: app, jar: jar, session: app.session, hc: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

func (c *client) run(t *testing.T, sc scenario) {
	t.Helper()
	app := c.app
	u, _ := url.Parse(app.srv.URL)
	lang := sc.lang
	if lang == "" {
		lang = "zh"
	}
	c.jar.SetCookies(u, []*http.Cookie{{Name: "lang", Value: lang, Path: "/"}, {Name: web.SessionCookie, Value: c.session, Path: "/"}})
	method := sc.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if sc.form != nil {
		v := url.Values{}
		for k, vs := range sc.form {
			for _, x := range vs {
				v.Add(k, app.expand(x))
			}
		}
		body = strings.NewReader(v.Encode())
	}
	req, err := http.NewRequest(method, app.srv.URL+app.expand(sc.path), body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	text := string(b)
	c.last, c.lastHeader = text, res.Header
	if res.StatusCode != sc.status {
		t.Errorf("%s %s: status %d, want %d\n%s", method, sc.path, res.StatusCode, sc.status, excerpt(text))
	}
	if sc.location != "" {
		if got, want := res.Header.Get("Location"), app.expand(sc.location); got != want {
			t.Errorf("%s %s: Location %q, want %q", method, sc.path, got, want)
		}
	}
	for k, v := range sc.header {
		if got := res.Header.Get(k); !strings.Contains(got, v) {
			t.Errorf("%s %s: header %s = %q, want it to contain %q", method, sc.path, k, got, v)
		}
	}
	for _, w := range sc.want {
		if w = app.expand(w); !strings.Contains(text, w) {
			t.Errorf("%s %s: body lacks %q\n%s", method, sc.path, w, excerpt(text))
		}
	}
	for _, w := range sc.notWant {
		if w = app.expand(w); strings.Contains(text, w) {
			t.Errorf("%s %s: body has %q", method, sc.path, w)
		}
	}
	at := 0
	for _, w := range sc.inOrder {
		w = app.expand(w)
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s %s: %q missing or out of order", method, sc.path, w)
			break
		}
		at += i + len(w)
	}
}

// excerpt is the <main> of a page, enough to see what went wrong.
func excerpt(s string) string {
	if i := strings.Index(s, "<main>"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		s = s[:3000] + "…"
	}
	return s
}

func runScenarios(t *testing.T, c *client, scs []scenario) {
	t.Helper()
	for _, sc := range scs {
		t.Run(sc.name, func(t *testing.T) { c.run(t, sc) })
	}
}

// TestPages covers every page that only reads, in both languages.
func TestPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		runScenarios(t, newClient(app), readScenarios)
	})
}

var readScenarios = []scenario{
	{name: "tree", path: "/", status: 200, want: []string{
		`<html lang="zh-CN">`, "行政区划与党组织", `href="/areas/{示范区}"`, "河东街道党工委", "迎宾社区", "迎宾社区党支部",
		`<span class="mark lacking">缺党组织</span>`, `<span class="mark covered">有党组织</span>`,
		"社区 6 个，其中缺党组织 0 个", // 河东: 6 + 金色家园 − 朝阳
		`value="2025-06-15"`, "/static/app.css",
	}, notWant: []string{"朝阳社区", "<script", "style="}, header: map[string]string{
		"Content-Security-Policy": "default-src 'none'", "Content-Type": "text/html; charset=utf-8",
	}},
	{name: "tree as of a past date", path: "/?as_of=2020-06-01", status: 200, want: []string{
		"朝阳社区", "河东街道党委", "迎宾居民区党支部", `value="2020-06-01"`,
	}, notWant: []string{"金色家园社区", "河东街道党工委"}},
	{name: "tree before the district", path: "/?as_of=2019-01-01", status: 200, want: []string{"2019-01-01 时还没有任何区域"}},
	{name: "tree bad date", path: "/?as_of=bad", status: 422, want: []string{"日期“bad”无效"}},
	{name: "area page", path: "/areas/{迎宾社区}", status: 200, want: []string{
		`<nav class="crumbs"`, `<a href="/areas/{示范区}">示范区</a>`, `<a href="/areas/{河东街道}">河东街道</a>`,
		"迎宾居民区党支部", "迎宾社区党支部", `href="#org-{org:迎宾社区党支部}"`, `href="#org-{org:迎宾居民区党支部}"`,
		`<a href="/areas/{迎宾社区}">迎宾社区</a>设立，隶属<a href="/areas/{河东街道}">河东街道</a>`,
		"/areas/{迎宾社区}/merge", "/party-orgs/{org:迎宾社区党支部}/reform", "沿革",
	}, notWant: []string{"/party-orgs/{org:迎宾居民区党支部}/reform", "增设社区"}},
	{name: "area page of a merge target", path: "/areas/{东湖社区}", status: 200, want: []string{
		`<a href="/areas/{朝阳社区}">朝阳社区</a>并入<a href="/areas/{东湖社区}">东湖社区</a>`,
	}},
	{name: "area page of a merged area", path: "/areas/{朝阳社区}", status: 200, want: []string{
		`<span class="mark ended">已撤销</span>`, "2021-03-15", `<dt>并入</dt><dd><a href="/areas/{东湖社区}">东湖社区</a>`,
	}, notWant: []string{"/areas/{朝阳社区}/merge"}},
	{name: "area page of a split area", path: "/areas/{新华社区}", status: 200, want: []string{
		"拆分为", `<a href="/areas/{新华东社区}">新华东社区</a>、<a href="/areas/{新华西社区}">新华西社区</a>`,
	}},
	{name: "area page of a renamed area", path: "/areas/{红星路社区}", status: 200, want: []string{
		`红星社区更名为<a href="/areas/{红星路社区}">红星路社区</a>`,
	}},
	{name: "area page of a moved area", path: "/areas/{湖心社区}", status: 200, want: []string{
		`<a href="/areas/{湖心社区}">湖心社区</a>由<a href="/areas/{西湖街道}">西湖街道</a>划归<a href="/areas/{南山街道}">南山街道</a>`,
		"（说明：调整隶属街道）",
	}},
	{name: "area page of a subdistrict", path: "/areas/{河东街道}", status: 200, want: []string{
		"河东街道党委", "河东街道党工委", "党工委", "下级区域", "增设社区", `<a href="/areas/{金色家园社区}">金色家园社区</a>`,
		"/party-orgs/{org:河东街道党工委}/reform",
	}},
	{name: "area page in English", path: "/areas/{迎宾社区}", lang: "en", status: 200, want: []string{
		`<html lang="en">`, "History", "Party organisations", "was established under", "branch", `id="lang-zh-CN"`,
	}, notWant: []string{"沿革"}},
	{name: "unknown area", path: "/areas/99999", status: 404, want: []string{"页面不存在"}},
	{name: "bad area id", path: "/areas/abc", status: 404, want: []string{"页面不存在"}},
	{name: "unknown area in English", path: "/areas/99999/merge", lang: "en", status: 404, want: []string{"page not found", `<html lang="en">`}},
	{name: "unknown party org", path: "/party-orgs/99999/reform", status: 404, want: []string{"页面不存在"}},
	{name: "unknown page", path: "/nothing/here", status: 404, want: []string{"页面不存在"}},
	{name: "child of a community", path: "/areas/{迎宾社区}/children/new", status: 404},
	{name: "?lang=en", path: "/?lang=en", status: 200, want: []string{`<html lang="en">`, "Administrative areas and party organisations", "lacks party org"},
		header: map[string]string{"Set-Cookie": "lang=en"}},
	{name: "language switch", path: "/lang/en?next=%2Ffigures%3Farea%3D1", status: 303, location: "/figures?area=1", header: map[string]string{"Set-Cookie": "lang=en"}},
	{name: "language switch stays local", path: "/lang/zh?next=%2F%2Fexample.com", status: 303, location: "/"},
	{name: "language switch unknown", path: "/lang/fr", status: 404},
	{name: "figures", path: "/figures", status: 200, want: []string{
		"统计数据", "“一居一支部”覆盖率", "合并、调整社区居委", "街道党委改为街道党工委",
		`href="/figures/coverage.branch_per_community?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`,
		`<option value="{示范区}" selected>`, `<option value="{迎宾社区}">`, "\u3000\u3000迎宾社区 · 社区",
		`value="2025-01-01"`, `value="2025-12-31"`,
	}},
	{name: "figures of a subdistrict over years", path: "/figures?area={河东街道}&from=2020-01-01&to=2025-12-31", status: 200, want: []string{
		`<option value="{河东街道}" selected>`, `href="/figures/communities.merged_or_adjusted?area={河东街道}&amp;from=2020-01-01&amp;to=2025-12-31"`,
	}},
	{name: "figures in English", path: "/figures", lang: "en", status: 200, want: []string{"Figures", "One branch per community (coverage)", "Compute"}},
	{name: "figures inverted period", path: "/figures?from=2025-12-31&to=2025-01-01", status: 422, want: []string{
		`<p class="field-error" id="to-error">开始日期 2025-12-31 晚于结束日期 2025-01-01</p>`, `value="2025-12-31"`,
	}, notWant: []string{`<table class="figures"`}},
	{name: "figures bad date", path: "/figures?from=2025-02-30", status: 422, want: []string{"日期“2025-02-30”无效"}},
	{name: "figures unknown area", path: "/figures?area=99999", status: 422, want: []string{"区域 99999 不存在"}},
	{name: "figures inverted period in English", path: "/figures?from=2025-12-31&to=2025-01-01", lang: "en", status: 422, want: []string{"the start date 2025-12-31 is after the end date 2025-01-01"}},
	{name: "coverage records", path: "/figures/coverage.branch_per_community?area={示范区}&from=2025-01-01&to=2025-12-31", status: 200, want: []string{
		`<span class="big" id="figure-value">`, `<tr class="lacking">`, "光明社区", "阳光里社区",
	}, inOrder: []string{`<table class="records"`, "缺党组织", "缺党组织", "缺党组织", "有党组织"}},
	{name: "merged records", path: "/figures/communities.merged_or_adjusted?from=2020-01-01&to=2025-12-31", status: 200, want: []string{
		"朝阳社区", "合并", `href="/areas/{朝阳社区}"`, "湖心社区", "调整",
	}, notWant: []string{`<tr class="lacking">`}},
	{name: "reformed records", path: "/figures/party_orgs.reformed_as_working_committee?from=2020-01-01&to=2025-12-31", status: 200, want: []string{
		"河东街道党工委", "由“河东街道党委”改建",
	}},
	{name: "records in English", path: "/figures/coverage.branch_per_community", lang: "en", status: 200, want: []string{"lacks party org", "have no party organisation yet"}},
	{name: "records of an unknown figure", path: "/figures/no.such", status: 404},
	{name: "records inverted period", path: "/figures/communities.total?from=2025-12-31&to=2025-01-01", status: 422, want: []string{"晚于结束日期"}},
	{name: "speech", path: "/speech", status: 200, want: []string{
		`<article class="speech">`, `class="figure"`, `href="/figures/communities.total?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`,
		`href="/speech.md?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`, `href="/speech.html?`, "一居一支部",
	}, notWant: []string{"{{"}},
	{name: "speech in English", path: "/speech?area={河东街道}", lang: "en", status: 200, want: []string{`<html lang="en">`, `<article class="speech">`, "河东街道"}},
	{name: "speech bad period", path: "/speech?from=2025-12-31&to=2025-01-01", status: 422, want: []string{"晚于结束日期"}, notWant: []string{"<article"}},
	{name: "speech markdown", path: "/speech.md?area={河东街道}", status: 200, want: []string{"# ", "河东街道"},
		header: map[string]string{"Content-Type": "text/markdown", "Content-Disposition": "attachment"}},
	{name: "speech html", path: "/speech.html", status: 200, want: []string{"<!doctype html>", `<html lang="zh-CN">`},
		header: map[string]string{"Content-Disposition": ".html"}},
	{name: "speech download bad period", path: "/speech.md?to=x", status: 422, want: []string{"日期“x”无效"}},
	{name: "style sheet", path: "/static/app.css", status: 200, want: []string{"--red"}, header: map[string]string{"Content-Type": "text/css"}},
	{name: "forged flash ignored", path: "/", status: 200, notWant: []string{`class="flash"`}},
}

// TestForms applies every form in turn on one database, refusals first.
func TestForms(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		runScenarios(t, newClient(app), formScenarios)
	})
}

func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

var formScenarios = []scenario{
	// Merge.
	{name: "merge form", path: "/areas/{迎宾社区}/merge", status: 200, want: []string{
		"合并“迎宾社区”", `<select id="f-target_id" name="target_id"`, `<option value="{东湖社区}">东湖社区（河东街道）</option>`,
		`value="2025-06-15"`, `name="note"`,
	}, notWant: []string{">朝阳社区", `<option value="{迎宾社区}"`, `<option value="{河东街道}"`}},
	{name: "merge into an ended area is refused", method: "POST", path: "/areas/{迎宾社区}/merge",
		form: form("target_id", "{朝阳社区}", "on", "2025-06-01", "note", "试点"), status: 422, want: []string{
			`<p class="field-error" role="alert" id="target_id-error">不能合并到已撤销的“朝阳社区”（2021-03-15 撤销）</p>`,
			`<option value="{朝阳社区}" selected>朝阳社区（已于 2021-03-15 撤销）</option>`, `value="2025-06-01"`, ">试点</textarea>",
		}},
	{name: "merge refused in English", method: "POST", path: "/areas/{迎宾社区}/merge", lang: "en",
		form: form("target_id", "{朝阳社区}", "on", "2025-06-01"), status: 422, want: []string{
			"cannot merge into &#34;朝阳社区&#34;, which ended on 2021-03-15", "(ended 2021-03-15)",
		}},
	{name: "merge without target", method: "POST", path: "/areas/{迎宾社区}/merge", form: form("target_id", "", "on", "2025-06-01"), status: 422,
		want: []string{`id="target_id-error">请选择合并到的社区`}},
	{name: "merge with a bad date", method: "POST", path: "/areas/{迎宾社区}/merge", form: form("target_id", "{东湖社区}", "on", "2025-13-01"), status: 422,
		want: []string{`id="on-error">日期“2025-13-01”无效`, `value="2025-13-01"`, `<option value="{东湖社区}" selected>`}},
	{name: "merge in the future", method: "POST", path: "/areas/{迎宾社区}/merge", form: form("target_id", "{东湖社区}", "on", "2025-07-01"), status: 422,
		want: []string{"晚于今天"}},
	{name: "merge without a date", method: "POST", path: "/areas/{迎宾社区}/merge", form: form("target_id", "{东湖社区}", "on", ""), status: 422,
		want: []string{`id="on-error">请填写日期`}},
	{name: "merge of a different level", method: "POST", path: "/areas/{迎宾社区}/merge", form: form("target_id", "{官渡街道}", "on", "2025-06-01"), status: 422,
		want: []string{"层级不同"}},
	{name: "merge", method: "POST", path: "/areas/{宾南社区}/merge", form: form("target_id", "{迎宾社区}", "on", "2025-06-01"), status: 303,
		location: "/areas/{宾南社区}"},
	{name: "merge confirmation", path: "/areas/{宾南社区}", status: 200, want: []string{
		`<p class="flash" role="status" id="flash">已将“宾南社区”并入“迎宾社区”（2025-06-01）。</p>`, "已撤销",
		`<a href="/areas/{宾南社区}">宾南社区</a>并入<a href="/areas/{迎宾社区}">迎宾社区</a>`,
	}},
	{name: "confirmation shown once", path: "/areas/{宾南社区}", status: 200, notWant: []string{`class="flash"`}},
	{name: "merge of an ended area", method: "POST", path: "/areas/{宾南社区}/merge", form: form("target_id", "{东湖社区}", "on", "2025-06-10"), status: 422,
		want: []string{`<p class="error" role="alert" id="form-error">“宾南社区”已于 2025-06-01 撤销或合并，不能再变更</p>`}},

	// Create a child.
	{name: "create form", path: "/areas/{河东街道}/children/new", status: 200, want: []string{"在“河东街道”下增设社区", `name="name"`, `name="code"`}},
	{name: "create without a name", method: "POST", path: "/areas/{河东街道}/children/new", form: form("name", " ", "on", "2025-06-01"), status: 422,
		want: []string{`id="name-error">请填写名称`}},
	{name: "create with a taken name", method: "POST", path: "/areas/{河东街道}/children/new", form: form("name", "迎宾社区", "on", "2025-06-01"), status: 422,
		want: []string{"同一上级下在 2025-06-01 已有名为“迎宾社区”的区域", `value="迎宾社区"`}},
	{name: "create with a bad code", method: "POST", path: "/areas/{河东街道}/children/new", form: form("name", "新城社区", "code", "123", "on", "2025-06-01"), status: 422,
		want: []string{`id="code-error">区划代码应为 12 位数字`, `value="123"`}},
	{name: "create before the parent", method: "POST", path: "/areas/{河东街道}/children/new", form: form("name", "新城社区", "on", "2010-01-01"), status: 422,
		want: []string{"不能早于“河东街道”的设立日期"}},
	{name: "create", method: "POST", path: "/areas/{河东街道}/children/new", form: form("name", "新城社区", "code", "440100000001", "on", "2025-06-01"), status: 303,
		location: "/areas/{新城社区}"},
	{name: "create confirmation", path: "/areas/{新城社区}", status: 200, want: []string{"已增设“新城社区”（2025-06-01）。", "440100000001", "还没有党组织。"}},

	// Rename.
	{name: "rename form", path: "/areas/{新城社区}/rename", status: 200, want: []string{`value="新城社区"`}},
	{name: "rename to the same name", method: "POST", path: "/areas/{新城社区}/rename", form: form("name", "新城社区", "on", "2025-06-02"), status: 422,
		want: []string{"新名称与原名称“新城社区”相同"}},
	{name: "rename", method: "POST", path: "/areas/{新城社区}/rename", form: form("name", "新城花园社区", "on", "2025-06-02"), status: 303, location: "/areas/{新城花园社区}"},
	{name: "rename confirmation", path: "/areas/{新城花园社区}", status: 200, want: []string{"已将“新城社区”更名为“新城花园社区”", "新城社区更名为"}},

	// Adjust.
	{name: "adjust form", path: "/areas/{新城花园社区}/adjust", status: 200, want: []string{
		`<option value="{河东街道}" selected>河东街道（示范区）</option>`, "— 上级不变 —",
	}},
	{name: "adjust without change or note", method: "POST", path: "/areas/{新城花园社区}/adjust", form: form("new_parent_id", "{河东街道}", "on", "2025-06-03"), status: 422,
		want: []string{`id="note-error">只调整边界时请说明调整内容`}},
	{name: "adjust", method: "POST", path: "/areas/{新城花园社区}/adjust", form: form("new_parent_id", "{官渡街道}", "on", "2025-06-03"), status: 303, location: "/areas/{新城花园社区}"},
	{name: "adjust confirmation", path: "/areas/{新城花园社区}", status: 200, want: []string{"已登记“新城花园社区”的调整", "划归<a href=\"/areas/{官渡街道}\">官渡街道</a>"}},

	// Split.
	{name: "split form", path: "/areas/{河滨社区}/split", status: 200, want: []string{"每行一个名称"}},
	{name: "split with one name", method: "POST", path: "/areas/{河滨社区}/split", form: form("names", "河滨北社区\n", "on", "2025-06-04"), status: 422,
		want: []string{`id="names-error">拆分至少要填写两个新名称`}},
	{name: "split", method: "POST", path: "/areas/{河滨社区}/split", form: form("names", "河滨北社区\r\n河滨南社区", "on", "2025-06-04"), status: 303, location: "/areas/{河滨社区}"},
	{name: "split confirmation", path: "/areas/{河滨社区}", status: 200, want: []string{"已拆分“河滨社区”", `<a href="/areas/{河滨北社区}">河滨北社区</a>`}},

	// Dissolve.
	{name: "dissolve with children", method: "POST", path: "/areas/{河东街道}/dissolve", form: form("on", "2025-06-05"), status: 422,
		want: []string{"下面还有"}},
	{name: "dissolve", method: "POST", path: "/areas/{望江社区}/dissolve", form: form("on", "2025-06-05", "note", "拆迁"), status: 303, location: "/areas/{望江社区}"},
	{name: "dissolve confirmation", path: "/areas/{望江社区}", status: 200, want: []string{"已撤销“望江社区”（2025-06-05）。", "望江社区</a>撤销", "（说明：拆迁）"}},

	// Party organisations.
	{name: "org form", path: "/areas/{光明社区}/party-orgs/new", status: 200, want: []string{
		`<option value="branch" selected>党支部</option>`, `value="光明社区党支部"`,
	}, notWant: []string{`value="working_committee"`}},
	{name: "org of the wrong kind", method: "POST", path: "/areas/{光明社区}/party-orgs/new", form: form("kind", "working_committee", "name", "光明社区党工委", "on", "2025-06-06"), status: 422,
		want: []string{`id="kind-error">“光明社区”是社区，不能设党工委`}},
	{name: "org", method: "POST", path: "/areas/{光明社区}/party-orgs/new", form: form("kind", "branch", "name", "光明社区党支部", "on", "2025-06-06"), status: 303, location: "/areas/{光明社区}"},
	{name: "org confirmation", path: "/areas/{光明社区}", status: 200, want: []string{"已建立“光明社区党支部”（2025-06-06）。", "2025-06-06"}},
	{name: "reform form", path: "/party-orgs/{org:南山街道党委}/reform", status: 200, want: []string{
		`<option value="working_committee" selected>党工委</option>`, `value="南山街道党工委"`, "改建“南山街道党委”",
	}},
	{name: "reform to the same", method: "POST", path: "/party-orgs/{org:南山街道党委}/reform", form: form("kind", "committee", "name", "南山街道党委", "on", "2025-06-07"), status: 422,
		want: []string{"改建后的党组织类型和名称不能都与原来相同"}},
	{name: "reform", method: "POST", path: "/party-orgs/{org:南山街道党委}/reform", form: form("kind", "working_committee", "name", "南山街道党工委", "on", "2025-06-07"), status: 303,
		location: "/areas/{南山街道}"},
	{name: "reform confirmation", path: "/areas/{南山街道}", status: 200, want: []string{
		"已将“南山街道党委”改建为“南山街道党工委”（2025-06-07）。", `href="#org-{org:南山街道党工委}">南山街道党工委</a>`,
	}},
	{name: "reform an ended org", method: "POST", path: "/party-orgs/{org:南山街道党委}/reform", form: form("kind", "working_committee", "name", "南山街道党工委", "on", "2025-06-08"), status: 422,
		want: []string{`id="form-error">“南山街道党委”已于 2025-06-07 撤销`}},
	{name: "dissolve org form", path: "/party-orgs/{org:光明社区党支部}/dissolve", status: 200, want: []string{"撤销“光明社区党支部”"}},
	{name: "dissolve org before it started", method: "POST", path: "/party-orgs/{org:光明社区党支部}/dissolve", form: form("on", "2025-06-01"), status: 422,
		want: []string{`id="on-error">日期不能早于“光明社区党支部”的设立日期 2025-06-06`}},
	{name: "dissolve org", method: "POST", path: "/party-orgs/{org:光明社区党支部}/dissolve", form: form("on", "2025-06-10"), status: 303, location: "/areas/{光明社区}"},
	{name: "dissolve org confirmation", path: "/areas/{光明社区}", status: 200, want: []string{"已撤销“光明社区党支部”（2025-06-10）。"}},
	{name: "tree after the changes", path: "/", status: 200, want: []string{"新城花园社区", "河滨北社区", "南山街道党工委"}, notWant: []string{"望江社区", "宾南社区"}},
	{name: "figures after the changes", path: "/figures/communities.merged_or_adjusted", status: 200, want: []string{"宾南社区", "新城花园社区", "河滨社区"}},

	// The method and origin rules.
	{name: "PUT is refused", method: "PUT", path: "/areas/{迎宾社区}/rename", status: 405},
}

// TestFigureRecordsTruncated lowers the page's record limit below the
// coverage figure's records: the page lists the first ones and says so.
func TestFigureRecordsTruncated(t *testing.T) {
	defer func(n int) { report.MaxFigureRecords = n }(report.MaxFigureRecords)
	report.MaxFigureRecords = 2
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		c := newClient(app)
		runScenarios(t, c, []scenario{
			{name: "two records of many", path: "/figures/members.total?area={示范区}&from=2025-01-01&to=2025-12-31", status: 200, want: []string{
				`<p class="summary" id="records-truncated">记录太多，只列出前 2 条；请选择更小的范围查看其余记录。</p>`,
			}},
		})
		if rows := strings.Count(c.last, "<tr>"); rows != 3 { // the header row and two records
			t.Errorf("%d table rows, want 3", rows)
		}
		runScenarios(t, c, []scenario{
			{name: "in English", path: "/figures/members.total", lang: "en", status: 200, want: []string{"only the first 2 are listed"}},
			{name: "not truncated when they fit", path: "/figures/communities.created?from=2023-01-01&to=2023-12-31", status: 200,
				notWant: []string{"records-truncated"}},
		})
	})
}
