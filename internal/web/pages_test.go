package web_test

import (
	"dangjian/internal/report"
	"dangjian/internal/testkit"
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

// scenario is the test world's exchange; a page client sends it with
// its own session cookie and the Lang cookie.
type scenario = testkit.Scenario

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
	lang := sc.Lang
	if lang == "" {
		lang = "zh"
	}
	c.jar.SetCookies(u, []*http.Cookie{{Name: "lang", Value: lang, Path: "/"}, {Name: web.SessionCookie, Value: c.session, Path: "/"}})
	req := app.Request(sc, app.srv.URL)
	res, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	c.last, c.lastHeader = string(b), res.Header
	app.Check(t, sc, res.StatusCode, res.Header, c.last)
}

func runScenarios(t *testing.T, c *client, scs []scenario) {
	t.Helper()
	for _, sc := range scs {
		t.Run(sc.Name, func(t *testing.T) { c.run(t, sc) })
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
	// The tree opens at the user's area with its children closed; their
	// own children come with GET /areas/{id}/tree when opened.
	{Name: "tree", Path: "/areas", Status: 200, Want: []string{
		`<html lang="zh-CN">`, "行政区划与党组织", `href="/areas/{示范区}"`, "河东街道党工委",
		"社区 6 个，其中缺党组织 0 个", // 河东: 6 + 金色家园 − 朝阳
		`<details data-children="/areas/{河东街道}/tree?as_of=2025-06-15">`, `href="/areas?root={河东街道}&amp;as_of=2025-06-15">展开下级`,
		`value="2025-06-15"`, "/static/app.css", `<script src="/static/app.js" defer></script>`,
	}, Not: []string{"朝阳社区", "迎宾社区", "<script>", "style="}, Headers: map[string]string{
		"Content-Security-Policy": "default-src 'none'", "Content-Type": "text/html; charset=utf-8",
	}},
	{Name: "tree children", Path: "/areas/{河东街道}/tree?as_of=2025-06-15", Status: 200, Want: []string{
		`<li class="node level-community" id="area-{迎宾社区}">`, "迎宾社区党支部", `<span class="mark covered">有党组织</span>`,
	}, Not: []string{"<html", "朝阳社区", "河东街道党工委"}},
	{Name: "tree from an area", Path: "/areas?root={河东街道}", Status: 200, Want: []string{"河东街道党工委", "迎宾社区党支部", "社区 6 个"},
		Not: []string{"官渡街道"}},
	{Name: "tree as of a past date", Path: "/areas?as_of=2020-06-01", Status: 200, Want: []string{
		"河东街道党委", `value="2020-06-01"`,
	}, Not: []string{"河东街道党工委"}},
	{Name: "tree children as of a past date", Path: "/areas/{河东街道}/tree?as_of=2020-06-01", Status: 200, Want: []string{
		"朝阳社区", "迎宾居民区党支部",
	}, Not: []string{"金色家园社区"}},
	{Name: "tree before the district", Path: "/areas?as_of=2019-01-01", Status: 200, Want: []string{"2019-01-01 时还没有任何区域"}},
	{Name: "tree bad date", Path: "/areas?as_of=bad", Status: 422, Want: []string{"日期“bad”无效"}},
	{Name: "area page", Path: "/areas/{迎宾社区}", Status: 200, Want: []string{
		`<nav class="crumbs"`, `<a href="/areas/{示范区}">示范区</a>`, `<a href="/areas/{河东街道}">河东街道</a>`,
		"迎宾居民区党支部", "迎宾社区党支部", `href="#org-{org:迎宾社区党支部}"`, `href="#org-{org:迎宾居民区党支部}"`,
		`<a href="/areas/{迎宾社区}">迎宾社区</a>设立，隶属<a href="/areas/{河东街道}">河东街道</a>`,
		"/areas/{迎宾社区}/merge", "/party-orgs/{org:迎宾社区党支部}/reform", "沿革",
	}, Not: []string{"/party-orgs/{org:迎宾居民区党支部}/reform", "增设社区"}},
	{Name: "area page of a merge target", Path: "/areas/{东湖社区}", Status: 200, Want: []string{
		`<a href="/areas/{朝阳社区}">朝阳社区</a>并入<a href="/areas/{东湖社区}">东湖社区</a>`,
	}},
	{Name: "area page of a merged area", Path: "/areas/{朝阳社区}", Status: 200, Want: []string{
		`<span class="mark ended">已撤销</span>`, "2021-03-15", `<dt>并入</dt><dd><a href="/areas/{东湖社区}">东湖社区</a>`,
	}, Not: []string{"/areas/{朝阳社区}/merge"}},
	{Name: "area page of a split area", Path: "/areas/{新华社区}", Status: 200, Want: []string{
		"拆分为", `<a href="/areas/{新华东社区}">新华东社区</a>、<a href="/areas/{新华西社区}">新华西社区</a>`,
	}},
	{Name: "area page of a renamed area", Path: "/areas/{红星路社区}", Status: 200, Want: []string{
		`红星社区更名为<a href="/areas/{红星路社区}">红星路社区</a>`,
	}},
	{Name: "area page of a moved area", Path: "/areas/{湖心社区}", Status: 200, Want: []string{
		`<a href="/areas/{湖心社区}">湖心社区</a>由<a href="/areas/{西湖街道}">西湖街道</a>划归<a href="/areas/{南山街道}">南山街道</a>`,
		"（说明：调整隶属街道）",
	}},
	{Name: "area page of a subdistrict", Path: "/areas/{河东街道}", Status: 200, Want: []string{
		"河东街道党委", "河东街道党工委", "党工委", "下级区域", "增设社区", `<a href="/areas/{金色家园社区}">金色家园社区</a>`,
		"/party-orgs/{org:河东街道党工委}/reform",
	}},
	{Name: "area page in English", Path: "/areas/{迎宾社区}", Lang: "en", Status: 200, Want: []string{
		`<html lang="en">`, "History", "Party organisations", "was established under", "branch", `id="lang-zh-CN"`,
	}, Not: []string{"沿革"}},
	{Name: "unknown area", Path: "/areas/99999", Status: 404, Want: []string{"页面不存在"}},
	{Name: "bad area id", Path: "/areas/abc", Status: 404, Want: []string{"页面不存在"}},
	{Name: "unknown area in English", Path: "/areas/99999/merge", Lang: "en", Status: 404, Want: []string{"page not found", `<html lang="en">`}},
	{Name: "unknown party org", Path: "/party-orgs/99999/reform", Status: 404, Want: []string{"页面不存在"}},
	{Name: "unknown page", Path: "/nothing/here", Status: 404, Want: []string{"页面不存在"}},
	{Name: "child of a community", Path: "/areas/{迎宾社区}/children/new", Status: 404},
	{Name: "?lang=en", Path: "/areas?lang=en", Status: 200, Want: []string{`<html lang="en">`, "Administrative areas and party organisations", "lacks party org"},
		Headers: map[string]string{"Set-Cookie": "lang=en"}},
	{Name: "language switch", Path: "/lang/en?next=%2Ffigures%3Farea%3D1", Status: 303, Location: "/figures?area=1", Headers: map[string]string{"Set-Cookie": "lang=en"}},
	{Name: "language switch stays local", Path: "/lang/zh?next=%2F%2Fexample.com", Status: 303, Location: "/"},
	{Name: "language switch unknown", Path: "/lang/fr", Status: 404},
	{Name: "figures", Path: "/figures", Status: 200, Want: []string{
		"统计数据", "“一居一支部”覆盖率", "合并、调整社区居委", "街道党委改为街道党工委",
		`href="/figures/coverage.branch_per_community?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`,
		`<input type="hidden" name="area" value="{示范区}">`, `name="area_q" type="search" value="示范区" data-pick="/pick/areas"`,
		`value="2025-01-01"`, `value="2025-12-31"`,
	}, Not: []string{"<option"}},
	{Name: "figures of a subdistrict over years", Path: "/figures?area={河东街道}&from=2020-01-01&to=2025-12-31", Status: 200, Want: []string{
		`<input type="hidden" name="area" value="{河东街道}">`, `value="河东街道 · 示范区"`, `href="/figures/communities.merged_or_adjusted?area={河东街道}&amp;from=2020-01-01&amp;to=2025-12-31"`,
	}},
	{Name: "figures in English", Path: "/figures", Lang: "en", Status: 200, Want: []string{"Figures", "One branch per community (coverage)", "Compute", "<td>Part 1</td>"}},
	{Name: "figures name their parts as the speech does", Path: "/figures", Status: 200, Want: []string{"<td>第一部分</td>", "<td>第二部分</td>"}, Not: []string{"第1部分"}},
	{Name: "figures inverted period", Path: "/figures?from=2025-12-31&to=2025-01-01", Status: 422, Want: []string{
		`<p class="field-error" id="to-error">开始日期 2025-12-31 晚于结束日期 2025-01-01</p>`, `value="2025-12-31"`,
	}, Not: []string{`<table class="figures"`}},
	{Name: "figures bad date", Path: "/figures?from=2025-02-30", Status: 422, Want: []string{"日期“2025-02-30”无效"}},
	{Name: "figures unknown area", Path: "/figures?area=99999", Status: 422, Want: []string{"区域 99999 不存在"}},
	{Name: "figures inverted period in English", Path: "/figures?from=2025-12-31&to=2025-01-01", Lang: "en", Status: 422, Want: []string{"the start date 2025-12-31 is after the end date 2025-01-01"}},
	{Name: "coverage records", Path: "/figures/coverage.branch_per_community?area={示范区}&from=2025-01-01&to=2025-12-31", Status: 200, Want: []string{
		`<span class="big" id="figure-value">`, `<tr class="lacking">`, "光明社区", "阳光里社区",
	}, InOrder: []string{`<table class="records"`, "缺党组织", "缺党组织", "缺党组织", "有党组织"}},
	{Name: "merged records", Path: "/figures/communities.merged_or_adjusted?from=2020-01-01&to=2025-12-31", Status: 200, Want: []string{
		"朝阳社区", "合并", `href="/areas/{朝阳社区}"`, "湖心社区", "调整",
	}, Not: []string{`<tr class="lacking">`}},
	{Name: "reformed records", Path: "/figures/party_orgs.reformed_as_working_committee?from=2020-01-01&to=2025-12-31", Status: 200, Want: []string{
		"河东街道党工委", "由“河东街道党委”改建",
	}},
	{Name: "records in English", Path: "/figures/coverage.branch_per_community", Lang: "en", Status: 200, Want: []string{"lacks party org", "have no party organisation yet"}},
	{Name: "records of an unknown figure", Path: "/figures/no.such", Status: 404},
	{Name: "records inverted period", Path: "/figures/communities.total?from=2025-12-31&to=2025-01-01", Status: 422, Want: []string{"晚于结束日期"}},
	{Name: "speech", Path: "/speech", Status: 200, Want: []string{
		`<article class="speech">`, `class="figure"`, `href="/figures/communities.total?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`,
		`href="/speech.md?area={示范区}&amp;from=2025-01-01&amp;to=2025-12-31"`, `href="/speech.html?`, `href="/speech.docx?`, "一居一支部",
	}, Not: []string{"{{"}},
	{Name: "speech in English", Path: "/speech?area={河东街道}", Lang: "en", Status: 200, Want: []string{`<html lang="en">`, `<article class="speech">`, "河东街道"}},
	{Name: "speech bad period", Path: "/speech?from=2025-12-31&to=2025-01-01", Status: 422, Want: []string{"晚于结束日期"}, Not: []string{"<article"}},
	{Name: "speech markdown", Path: "/speech.md?area={河东街道}", Status: 200, Want: []string{"# ", "河东街道"},
		Headers: map[string]string{"Content-Type": "text/markdown", "Content-Disposition": "attachment"}},
	{Name: "speech html", Path: "/speech.html", Status: 200, Want: []string{"<!doctype html>", `<html lang="zh-CN">`},
		Headers: map[string]string{"Content-Disposition": ".html"}},
	{Name: "speech word", Path: "/speech.docx?area={河东街道}", Status: 200, Want: []string{"PK", "word/document.xml"},
		Headers: map[string]string{"Content-Type": "wordprocessingml.document", "Content-Disposition": ".docx"}},
	{Name: "speech download bad period", Path: "/speech.md?to=x", Status: 422, Want: []string{"日期“x”无效"}},
	{Name: "style sheet", Path: "/static/app.css", Status: 200, Want: []string{"--red"}, Headers: map[string]string{"Content-Type": "text/css"}},
	{Name: "forged flash ignored", Path: "/", Status: 200, Not: []string{`class="flash"`}},
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
	{Name: "merge form", Path: "/areas/{迎宾社区}/merge", Status: 200, Want: []string{
		"合并“迎宾社区”", `<input type="hidden" name="target_id" value="">`,
		`<input id="f-target_id" name="target_id_q" type="search" value="" data-pick="/pick/areas?level=community"`,
		`value="2025-06-15"`, `name="note"`,
	}, Not: []string{"<select", "东湖社区"}},
	// The picker behind it: communities in the scope, active today, by part of the name.
	{Name: "pick communities", Path: "/pick/areas?level=community&q=" + url.QueryEscape("东湖"), Status: 200,
		Want: []string{`[{"value":"{东湖社区}","label":"东湖社区 · 河东街道"}]`}},
	{Name: "pick ignores ended areas", Path: "/pick/areas?q=" + url.QueryEscape("朝阳"), Status: 200, Want: []string{`[]`}},
	{Name: "merge naming the target by a part of its name (no script)", Method: "POST", Path: "/areas/{宾南社区}/merge",
		Form: form("target_id", "", "target_id_q", "东湖", "on", "2025-06-01"), Status: 422,
		Want: []string{`value="{东湖社区}"`, `value="东湖社区 · 河东街道"`, `id="confirm-error"`}},
	{Name: "merge naming several targets", Method: "POST", Path: "/areas/{宾南社区}/merge",
		Form: form("target_id", "", "target_id_q", "社区", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="target_id-error">有多个记录与“社区”相符`}},
	{Name: "merge naming no target", Method: "POST", Path: "/areas/{宾南社区}/merge",
		Form: form("target_id", "", "target_id_q", "没有这个", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="target_id-error">找不到“没有这个”`}},
	{Name: "merge into an ended area is refused", Method: "POST", Path: "/areas/{迎宾社区}/merge",
		Form: form("target_id", "{朝阳社区}", "on", "2025-06-01", "note", "试点"), Status: 422, Want: []string{
			`<p class="field-error" role="alert" id="target_id-error">不能合并到已撤销的“朝阳社区”（2021-03-15 撤销）</p>`,
			`<input type="hidden" name="target_id" value="{朝阳社区}">`, `value="2025-06-01"`, ">试点</textarea>",
		}},
	{Name: "merge refused in English", Method: "POST", Path: "/areas/{迎宾社区}/merge", Lang: "en",
		Form: form("target_id", "{朝阳社区}", "on", "2025-06-01"), Status: 422, Want: []string{
			"cannot merge into &#34;朝阳社区&#34;, which ended on 2021-03-15",
		}},
	{Name: "merge without target", Method: "POST", Path: "/areas/{迎宾社区}/merge", Form: form("target_id", "", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="target_id-error">请选择合并到的社区`}},
	{Name: "merge with a bad date", Method: "POST", Path: "/areas/{迎宾社区}/merge", Form: form("target_id", "{东湖社区}", "on", "2025-13-01"), Status: 422,
		Want: []string{`id="on-error">日期“2025-13-01”无效`, `value="2025-13-01"`, `<input type="hidden" name="target_id" value="{东湖社区}">`, `value="东湖社区 · 河东街道"`}},
	{Name: "merge in the future", Method: "POST", Path: "/areas/{迎宾社区}/merge", Form: form("target_id", "{东湖社区}", "on", "2025-07-01"), Status: 422,
		Want: []string{"晚于今天"}},
	{Name: "merge without a date", Method: "POST", Path: "/areas/{迎宾社区}/merge", Form: form("target_id", "{东湖社区}", "on", ""), Status: 422,
		Want: []string{`id="on-error">请填写日期`}},
	{Name: "merge of a different level", Method: "POST", Path: "/areas/{迎宾社区}/merge", Form: form("target_id", "{官渡街道}", "on", "2025-06-01"), Status: 422,
		Want: []string{"层级不同"}},
	{Name: "merge form says what moves along", Path: "/areas/{宾南社区}/merge", Status: 200, Want: []string{
		"“宾南社区”目前还有", "名党员", "合并时将转入所选区域", `name="confirm" type="checkbox"`}},
	{Name: "merge not confirmed", Method: "POST", Path: "/areas/{宾南社区}/merge", Form: form("target_id", "{迎宾社区}", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="confirm-error">请勾选确认：上述记录将随之转移`}},
	{Name: "merge", Method: "POST", Path: "/areas/{宾南社区}/merge", Form: form("target_id", "{迎宾社区}", "on", "2025-06-01", "confirm", "1"), Status: 303,
		Location: "/areas/{宾南社区}"},
	{Name: "merge confirmation", Path: "/areas/{宾南社区}", Status: 200, Want: []string{
		`<p class="flash" role="status" id="flash">已将“宾南社区”并入“迎宾社区”（2025-06-01）。</p>`, "已撤销",
		`<a href="/areas/{宾南社区}">宾南社区</a>并入<a href="/areas/{迎宾社区}">迎宾社区</a>`,
	}},
	{Name: "confirmation shown once", Path: "/areas/{宾南社区}", Status: 200, Not: []string{`class="flash"`}},
	{Name: "merge of an ended area", Method: "POST", Path: "/areas/{宾南社区}/merge", Form: form("target_id", "{东湖社区}", "on", "2025-06-10"), Status: 422,
		Want: []string{`<p class="error" role="alert" id="form-error">“宾南社区”已于 2025-06-01 撤销或合并，不能再变更</p>`}},

	// Create a child.
	{Name: "create form", Path: "/areas/{河东街道}/children/new", Status: 200, Want: []string{"在“河东街道”下增设社区", `name="name"`, `name="code"`}},
	{Name: "create without a name", Method: "POST", Path: "/areas/{河东街道}/children/new", Form: form("name", " ", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="name-error">请填写名称`}},
	{Name: "create with a taken name", Method: "POST", Path: "/areas/{河东街道}/children/new", Form: form("name", "迎宾社区", "on", "2025-06-01"), Status: 422,
		Want: []string{"同一上级下在 2025-06-01 已有名为“迎宾社区”的区域", `value="迎宾社区"`}},
	{Name: "create with a bad code", Method: "POST", Path: "/areas/{河东街道}/children/new", Form: form("name", "新城社区", "code", "123", "on", "2025-06-01"), Status: 422,
		Want: []string{`id="code-error">区划代码应为 12 位数字`, `value="123"`}},
	{Name: "create before the parent", Method: "POST", Path: "/areas/{河东街道}/children/new", Form: form("name", "新城社区", "on", "2010-01-01"), Status: 422,
		Want: []string{"不能早于“河东街道”的设立日期"}},
	{Name: "create", Method: "POST", Path: "/areas/{河东街道}/children/new", Form: form("name", "新城社区", "code", "440100000001", "on", "2025-06-01"), Status: 303,
		Location: "/areas/{新城社区}"},
	{Name: "create confirmation", Path: "/areas/{新城社区}", Status: 200, Want: []string{"已增设“新城社区”（2025-06-01）。", "440100000001", "还没有党组织。"}},

	// Rename.
	{Name: "rename form", Path: "/areas/{新城社区}/rename", Status: 200, Want: []string{`value="新城社区"`}},
	{Name: "rename to the same name", Method: "POST", Path: "/areas/{新城社区}/rename", Form: form("name", "新城社区", "on", "2025-06-02"), Status: 422,
		Want: []string{"新名称与原名称“新城社区”相同"}},
	{Name: "rename", Method: "POST", Path: "/areas/{新城社区}/rename", Form: form("name", "新城花园社区", "on", "2025-06-02"), Status: 303, Location: "/areas/{新城花园社区}"},
	{Name: "rename confirmation", Path: "/areas/{新城花园社区}", Status: 200, Want: []string{"已将“新城社区”更名为“新城花园社区”", "新城社区更名为"}},

	// Adjust.
	{Name: "adjust form", Path: "/areas/{新城花园社区}/adjust", Status: 200, Want: []string{
		`<option value="{河东街道}" selected>河东街道（示范区）</option>`, "— 上级不变 —",
	}},
	{Name: "adjust without change or note", Method: "POST", Path: "/areas/{新城花园社区}/adjust", Form: form("new_parent_id", "{河东街道}", "on", "2025-06-03"), Status: 422,
		Want: []string{`id="note-error">只调整边界时请说明调整内容`}},
	{Name: "adjust", Method: "POST", Path: "/areas/{新城花园社区}/adjust", Form: form("new_parent_id", "{官渡街道}", "on", "2025-06-03"), Status: 303, Location: "/areas/{新城花园社区}"},
	{Name: "adjust confirmation", Path: "/areas/{新城花园社区}", Status: 200, Want: []string{"已登记“新城花园社区”的调整", "划归<a href=\"/areas/{官渡街道}\">官渡街道</a>"}},

	// Split.
	{Name: "split form", Path: "/areas/{河滨社区}/split", Status: 200, Want: []string{"每行一个名称"}},
	{Name: "split with one name", Method: "POST", Path: "/areas/{河滨社区}/split", Form: form("names", "河滨北社区\n", "on", "2025-06-04"), Status: 422,
		Want: []string{`id="names-error">拆分至少要填写两个新名称`}},
	{Name: "split", Method: "POST", Path: "/areas/{河滨社区}/split", Form: form("names", "河滨北社区\r\n河滨南社区", "on", "2025-06-04", "target_id", "{迎宾社区}", "confirm", "1"), Status: 303, Location: "/areas/{河滨社区}"},
	{Name: "split confirmation", Path: "/areas/{河滨社区}", Status: 200, Want: []string{"已拆分“河滨社区”", `<a href="/areas/{河滨北社区}">河滨北社区</a>`}},

	// Dissolve.
	{Name: "dissolve with children", Method: "POST", Path: "/areas/{河东街道}/dissolve", Form: form("on", "2025-06-05"), Status: 422,
		Want: []string{"下面还有"}},
	{Name: "dissolve form offers a place for what is attached", Path: "/areas/{望江社区}/dissolve", Status: 200, Want: []string{
		"“望江社区”目前还有", "将于同日转入下面选择的区域", `<input id="f-target_id" name="target_id_q" type="search"`, `name="confirm" type="checkbox"`}},
	{Name: "dissolve refused while records are attached", Method: "POST", Path: "/areas/{望江社区}/dissolve", Form: form("on", "2025-06-05", "confirm", "1"), Status: 422,
		Want: []string{"“望江社区”还有", "条在用记录", "请选择由哪个区域承接"}},
	{Name: "dissolve", Method: "POST", Path: "/areas/{望江社区}/dissolve", Form: form("on", "2025-06-05", "note", "拆迁", "target_id", "{迎宾社区}", "confirm", "1"), Status: 303, Location: "/areas/{望江社区}"},
	{Name: "dissolve confirmation", Path: "/areas/{望江社区}", Status: 200, Want: []string{"已撤销“望江社区”（2025-06-05）。", "望江社区</a>撤销", "（说明：拆迁）"}},

	// Party organisations.
	{Name: "org form", Path: "/areas/{光明社区}/party-orgs/new", Status: 200, Want: []string{
		`<option value="branch" selected>党支部</option>`, `value="光明社区党支部"`,
	}, Not: []string{`value="working_committee"`}},
	{Name: "org of the wrong kind", Method: "POST", Path: "/areas/{光明社区}/party-orgs/new", Form: form("kind", "working_committee", "name", "光明社区党工委", "on", "2025-06-06"), Status: 422,
		Want: []string{`id="kind-error">“光明社区”是社区，不能设党工委`}},
	{Name: "org", Method: "POST", Path: "/areas/{光明社区}/party-orgs/new", Form: form("kind", "branch", "name", "光明社区党支部", "on", "2025-06-06"), Status: 303, Location: "/areas/{光明社区}"},
	{Name: "org confirmation", Path: "/areas/{光明社区}", Status: 200, Want: []string{"已建立“光明社区党支部”（2025-06-06）。", "2025-06-06"}},
	{Name: "reform form", Path: "/party-orgs/{org:南山街道党委}/reform", Status: 200, Want: []string{
		`<option value="working_committee" selected>党工委</option>`, `value="南山街道党工委"`, "改建“南山街道党委”",
	}},
	{Name: "reform to the same", Method: "POST", Path: "/party-orgs/{org:南山街道党委}/reform", Form: form("kind", "committee", "name", "南山街道党委", "on", "2025-06-07"), Status: 422,
		Want: []string{"改建后的党组织类型和名称不能都与原来相同"}},
	{Name: "reform", Method: "POST", Path: "/party-orgs/{org:南山街道党委}/reform", Form: form("kind", "working_committee", "name", "南山街道党工委", "on", "2025-06-07"), Status: 303,
		Location: "/areas/{南山街道}"},
	{Name: "reform confirmation", Path: "/areas/{南山街道}", Status: 200, Want: []string{
		"已将“南山街道党委”改建为“南山街道党工委”（2025-06-07）。", `href="#org-{org:南山街道党工委}">南山街道党工委</a>`,
	}},
	{Name: "reform an ended org", Method: "POST", Path: "/party-orgs/{org:南山街道党委}/reform", Form: form("kind", "working_committee", "name", "南山街道党工委", "on", "2025-06-08"), Status: 422,
		Want: []string{`id="form-error">“南山街道党委”已于 2025-06-07 撤销`}},
	{Name: "dissolve org form", Path: "/party-orgs/{org:光明社区党支部}/dissolve", Status: 200, Want: []string{"撤销“光明社区党支部”"}},
	{Name: "dissolve org before it started", Method: "POST", Path: "/party-orgs/{org:光明社区党支部}/dissolve", Form: form("on", "2025-06-01"), Status: 422,
		Want: []string{`id="on-error">日期不能早于“光明社区党支部”的设立日期 2025-06-06`}},
	{Name: "dissolve org", Method: "POST", Path: "/party-orgs/{org:光明社区党支部}/dissolve", Form: form("on", "2025-06-10"), Status: 303, Location: "/areas/{光明社区}"},
	{Name: "dissolve org confirmation", Path: "/areas/{光明社区}", Status: 200, Want: []string{"已撤销“光明社区党支部”（2025-06-10）。"}},
	{Name: "tree after the changes", Path: "/areas", Status: 200, Want: []string{"南山街道党工委"}},
	{Name: "tree of 官渡 after the changes", Path: "/areas?root={官渡街道}", Status: 200, Want: []string{"新城花园社区"}},
	{Name: "tree of 河东 after the changes", Path: "/areas/{河东街道}/tree", Status: 200, Want: []string{"河滨北社区"}, Not: []string{"望江社区", "宾南社区"}},
	{Name: "figures after the changes", Path: "/figures/communities.merged_or_adjusted", Status: 200, Want: []string{"宾南社区", "新城花园社区", "河滨社区"}},

	// The method and origin rules.
	{Name: "PUT is refused", Method: "PUT", Path: "/areas/{迎宾社区}/rename", Status: 405},
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
			{Name: "two records of many", Path: "/figures/members.total?area={示范区}&from=2025-01-01&to=2025-12-31", Status: 200, Want: []string{
				`<p class="summary" id="records-truncated">记录太多，只列出前 2 条；请选择更小的范围查看其余记录。</p>`,
			}},
		})
		if rows := strings.Count(c.last, "<tr>"); rows != 3 { // the header row and two records
			t.Errorf("%d table rows, want 3", rows)
		}
		runScenarios(t, c, []scenario{
			{Name: "in English", Path: "/figures/members.total", Lang: "en", Status: 200, Want: []string{"only the first 2 are listed"}},
			{Name: "not truncated when they fit", Path: "/figures/communities.created?from=2023-01-01&to=2023-12-31", Status: 200,
				Not: []string{"records-truncated"}},
		})
	})
}
