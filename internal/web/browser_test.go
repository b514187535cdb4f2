package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// EnvBrowser set to 1 turns a missing browser into a failure instead of a skip.
const envBrowser = "DANGJIAN_TEST_BROWSER"

// envScreenshots names a directory to write full-page screenshots to.
const envScreenshots = "DANGJIAN_TEST_SCREENSHOTS"

// browser is the one headless Chromium the package's tests share; each test
// opens its own tab. It starts on first use and stops in TestMain.
var browser struct {
	once    sync.Once
	ctx     context.Context
	cancel  func()
	dataDir string
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	if browser.dataDir != "" {
		_ = os.RemoveAll(browser.dataDir)
	}
	os.Exit(code)
}

// chromiumPath finds Debian's chromium (or another Chromium-based browser).
func chromiumPath() string {
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if x, err := exec.LookPath(p); err == nil {
			return x
		}
	}
	return ""
}

func startBrowser(path string) {
	dir, err := os.MkdirTemp("", "dangjian-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	browser.dataDir = dir
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("mute-audio", true),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	browser.ctx = bctx
	browser.cancel = func() { bcancel(); acancel() }
	// The first Do binds the browser's life to its context: no timeout here.
	if err := chromedp.Do(bctx); err != nil {
		browser.err = fmt.Errorf("start %s: %w", path, err)
	}
}

// newTab returns a context driving a fresh tab of the shared browser, or
// skips the test when there is no browser (fails under DANGJIAN_TEST_BROWSER=1).
func newTab(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv(envBrowser) == "1" {
			t.Fatalf("%s=1 but no chromium is installed", envBrowser)
		}
		t.Skip("chromium not installed")
	}
	browser.once.Do(func() { startBrowser(path) })
	if browser.err != nil {
		t.Fatalf("browser: %v", browser.err)
	}
	// A browser context of its own per tab, so cookies (the language) do
	// not leak from one test to the next.
	tab, closeTab := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tab); err != nil { // opens the tab; no timeout, see chromedp.Run
		closeTab()
		t.Fatalf("browser tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, 20*time.Second)
	t.Cleanup(func() { cancel(); closeTab() })
	return ctx
}

// run runs chromedp steps in order and fails the test on error.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// get runs one action and returns its value, failing the test on error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// shot saves a full-page screenshot when DANGJIAN_TEST_SCREENSHOTS names a directory.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv(envScreenshots)
	if dir == "" {
		return
	}
	png := get(t, ctx, chromedp.FullScreenshot(100))
	file := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-")+"-"+name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return get(t, ctx, chromedp.Text(chromedp.CSS(sel)))
}

func wantContains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q lacks %q", what, got, w)
		}
	}
}

// eachEngine runs fn with the demo application on every engine, in a tab.
func eachEngine(t *testing.T, fn func(t *testing.T, ctx context.Context, app *testApp)) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		// The application first: the tab's deadline is the browser steps',
		// not the demo's load (slow on PostgreSQL on a busy machine).
		app := newTestApp(t, d)
		fn(t, newTab(t), app)
	})
}

// signInBrowser signs username in through the sign-in form, with the
// password every test account has, and waits for the signed-in layout.
func (a *testApp) signInBrowser(t *testing.T, ctx context.Context, username string) {
	t.Helper()
	a.submitSignIn(t, ctx, username, testPassword)
	run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#user-name")))
}

// submitSignIn opens the sign-in page and sends the form.
func (a *testApp) submitSignIn(t *testing.T, ctx context.Context, username, password string) {
	t.Helper()
	run(t, ctx,
		chromedp.Navigate(a.srv.URL+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#f-username")),
	)
	fillSignIn(t, ctx, username, password)
}

// fillSignIn fills the sign-in form shown in the tab, sends it and waits
// for the answer to replace the page.
func fillSignIn(t *testing.T, ctx context.Context, username, password string) {
	t.Helper()
	run(t, ctx,
		chromedp.Clear(chromedp.CSS("#f-username")),
		chromedp.SendKeys(chromedp.CSS("#f-username"), username),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password),
		clickAndLoad(chromedp.CSS("#submit")),
	)
}

// clickAndLoad clicks sel and waits until the page it was on is gone, so
// the next wait cannot be satisfied by the old page (a re-rendered form
// has the same ids).
func clickAndLoad(sel chromedp.CSS) chromedp.Action[chromedp.Void] {
	mark := chromedp.Evaluate[bool](`document.documentElement.dataset.stale = "1", true`)
	return chromedp.Steps(
		func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := mark(ctx, t)
			return chromedp.Void{}, err
		},
		chromedp.Click(sel),
		chromedp.WaitNotPresent(chromedp.CSS("html[data-stale]")),
		chromedp.WaitReady(chromedp.CSS("html[data-ready]")), // static/app.js has run
	)
}

// pick types text into the picker input sel (web.Picker), waits for the
// match labelled label and chooses it, as a user does.
func pick(sel, text, label string) chromedp.Action[chromedp.Void] {
	match := chromedp.CSS(sel + `-list li[data-label="` + label + `"]`)
	clear := chromedp.Evaluate[bool](`(document.querySelector(` + strconv.Quote(sel) + `).value = "", true)`)
	return chromedp.Steps(
		chromedp.WaitReady(chromedp.CSS("html[data-ready]")), // static/app.js has run
		func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := clear(ctx, t)
			return chromedp.Void{}, err
		},
		chromedp.SendKeys(chromedp.CSS(sel), text),
		chromedp.WaitVisible(match),
		chromedp.Click(match),
	)
}

// css is a CSS selector with {name} references expanded to ids.
func (a *testApp) css(sel string) chromedp.CSS { return chromedp.CSS(a.Expand(sel)) }

func TestBrowserTree(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/areas"),
			chromedp.WaitVisible(chromedp.CSS("#tree")),
		)
		if lang := get(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "zh-CN" {
			t.Errorf("html lang = %q", lang)
		}
		bg := get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("header.top")).backgroundColor`))
		if bg != "rgb(183, 28, 28)" {
			t.Errorf("style sheet not applied: header background %q", bg)
		}
		// The subdistricts stand closed; opening one loads its communities.
		wantContains(t, "河东街道", textOf(t, ctx, app.Expand("#area-{河东街道} .node-line")), "河东街道党工委", "社区 6 个，其中缺党组织 0 个")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#tree .level-community").length`)); n != 0 {
			t.Errorf("%d communities on the closed tree", n)
		}
		run(t, ctx,
			chromedp.Click(app.css("#area-{河东街道} > details > summary .level")),
			chromedp.WaitVisible(app.css("#area-{迎宾社区}")),
			chromedp.Click(app.css("#area-{红旗街道} > details > summary .level")),
			chromedp.WaitVisible(app.css("#area-{光明社区}")),
		)
		wantContains(t, "迎宾社区", textOf(t, ctx, app.Expand("#area-{迎宾社区} > .node-line")), "迎宾社区", "有党组织", "迎宾社区党支部")
		wantContains(t, "光明社区", textOf(t, ctx, app.Expand("#area-{光明社区} > .node-line")), "光明社区", "缺党组织")
		shot(t, ctx, "tree")

		// A past date shows the tree as it stood then.
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS("#as_of"), "2020-06-01"),
			clickAndLoad(chromedp.CSS(`main form.inline button[type="submit"]`)),
			chromedp.WaitVisible(app.css("#area-{河东街道}")),
			chromedp.Click(app.css("#area-{河东街道} > details > summary .level")),
			chromedp.WaitVisible(app.css("#area-{朝阳社区}")),
		)
		wantContains(t, "河东街道 in 2020", textOf(t, ctx, app.Expand("#area-{河东街道} .node-line")), "河东街道党委")

		// Each area links to its page.
		run(t, ctx,
			chromedp.Click(app.css(`#area-{河东街道} .node-line a.area-link`)),
			chromedp.WaitVisible(chromedp.CSS("#history")),
		)
		wantContains(t, "area page", textOf(t, ctx, "h1"), "河东街道")
		wantContains(t, "area history", textOf(t, ctx, "#history"), "河东街道设立，隶属示范区")
		shot(t, ctx, "area")
	})
}

func TestBrowserMerge(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		// A merge through the form, from the area's page.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{宾南社区}")),
			chromedp.Click(chromedp.CSS(`a[href$="/merge"]`)),
			chromedp.WaitVisible(chromedp.CSS("#f-target_id")),
			pick("#f-target_id", "迎宾", "迎宾社区 · 河东街道"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-06-01"),
			chromedp.SendKeys(chromedp.CSS("#f-note"), "两个社区合并办公"),
		)
		// The form says what moves along, and the user confirms it.
		wantContains(t, "merge form", textOf(t, ctx, "main"), "“宾南社区”目前还有", "名党员", "合并时将转入所选区域")
		run(t, ctx, chromedp.Click(chromedp.CSS("#f-confirm")))
		shot(t, ctx, "merge-form")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "已将“宾南社区”并入“迎宾社区”（2025-06-01）")
		wantContains(t, "history", textOf(t, ctx, "#history"), "宾南社区并入迎宾社区", "两个社区合并办公")
		if loc, want := get(t, ctx, chromedp.Location()), app.srv.URL+app.Expand("/areas/{宾南社区}"); loc != want {
			t.Errorf("after merge at %s, want %s", loc, want)
		}

		// A refused merge: the target chosen on the form ends before the
		// form is sent (someone else merged it meanwhile).
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{河滨社区}/merge")),
			chromedp.WaitVisible(chromedp.CSS("#f-target_id")),
			chromedp.SetValue(chromedp.CSS("#f-target_id"), app.Expand("{东湖社区}")),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-06-05"),
		)
		if err := app.App.Areas.Merge(context.Background(), area.MergeInput{
			AreaID: app.AreaID("东湖社区"), TargetID: app.AreaID("望江社区"), On: date.MustParse("2025-06-02"), Confirmed: true,
		}); err != nil {
			t.Fatal(err)
		}
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#target_id-error")),
		)
		wantContains(t, "refusal", textOf(t, ctx, "#target_id-error"), "不能合并到已撤销的“东湖社区”（2025-06-02 撤销）")
		chosen := get(t, ctx, chromedp.Value(chromedp.CSS("#f-target_id")))
		on := get(t, ctx, chromedp.Value(chromedp.CSS("#f-on")))
		if chosen != app.Expand("{东湖社区}") || on != "2025-06-05" {
			t.Errorf("input not kept: target %q, date %q", chosen, on)
		}
		shot(t, ctx, "merge-refused")
		a, err := app.App.Areas.Get(context.Background(), app.AreaID("河滨社区"))
		if err != nil || !a.EndedOn.IsZero() {
			t.Errorf("河滨社区 after the refused merge: %+v, %v", a, err)
		}
	})
}

func TestBrowserFigures(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		const coverageLink = `tr[data-key="coverage.branch_per_community"] a.value`
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS("#figures")),
		)
		coverage := textOf(t, ctx, coverageLink)
		wantContains(t, "figures", textOf(t, ctx, "#figures"), "“一居一支部”覆盖率", "合并、调整社区居委", "街道党委改为街道党工委")
		shot(t, ctx, "figures")

		// Drill down: the communities lacking an organisation come first.
		run(t, ctx,
			chromedp.Click(chromedp.CSS(coverageLink)),
			chromedp.WaitVisible(chromedp.CSS("#records")),
		)
		if value := textOf(t, ctx, "#figure-value"); value != coverage {
			t.Errorf("drill-down value %q, table %q", value, coverage)
		}
		if !get(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#records tbody tr").classList.contains("lacking")`)) {
			t.Error("the first record is not a community lacking an organisation")
		}
		wantContains(t, "records", textOf(t, ctx, "#records tbody tr"), "缺党组织")
		wantContains(t, "summary", textOf(t, ctx, "#lacking-summary"), "尚未建立党组织")
		shot(t, ctx, "figure-coverage")

		// Another scope and period through the pickers.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS("#f-area")),
			pick("#f-area", "河东", "河东街道 · 示范区"),
			chromedp.SetValue(chromedp.CSS("#scope-from"), "2020-01-01"),
			chromedp.Click(chromedp.CSS("#scope-submit")),
			chromedp.WaitVisible(chromedp.CSS(`a.value[href*="from=2020-01-01"]`)),
			chromedp.Click(chromedp.CSS(`tr[data-key="communities.merged_or_adjusted"] a.value`)),
			chromedp.WaitVisible(chromedp.CSS("#records")),
		)
		wantContains(t, "merged records", textOf(t, ctx, "#records"), "朝阳社区", "合并")
	})
}

func TestBrowserSpeech(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		wantContains(t, "speech", textOf(t, ctx, "#speech"), "社区党建工作经验交流会讲话", "一居一支部")
		md := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#download-md"), "href"))
		wantContains(t, "download link", md.Value, "/speech.md?area="+app.Expand("{示范区}"), "from=2025-01-01", "to=2025-12-31")
		shot(t, ctx, "speech")
		// Every figure in the speech opens its records.
		key := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#speech a.figure"), "data-key"))
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#speech a.figure")),
			chromedp.WaitVisible(chromedp.CSS("#figure-value")),
		)
		wantContains(t, "figure link", get(t, ctx, chromedp.Location()), "/figures/"+key.Value+"?")
	})
}

func TestBrowserLanguage(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-CN"] #figures`)),
			chromedp.Click(chromedp.CSS("#lang-en")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #figures`)),
		)
		wantContains(t, "after switch", get(t, ctx, chromedp.Location()), "/figures")
		wantContains(t, "English figures", textOf(t, ctx, "#figures"), "One branch per community (coverage)")
		shot(t, ctx, "figures-en")
		// The choice sticks: other pages are in English too.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #history`)),
		)
		wantContains(t, "English history", textOf(t, ctx, "#history"), "迎宾社区 was established under 河东街道")
		shot(t, ctx, "area-en")
		// And back.
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#lang-zh-CN")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-CN"] #history`)),
		)
		wantContains(t, "Chinese history", textOf(t, ctx, "#history"), "迎宾社区设立，隶属河东街道")
	})
}

// A community secretary reads their community's speech: the title names
// the community once, the election example is told from its records, and
// its numbers open the leadership team behind them.
func TestBrowserCommunitySpeech(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("yingbin-sec", auth.Community, "迎宾社区")
		app.signInBrowser(t, ctx, "yingbin-sec")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech?from=2024-01-01&to=2024-12-31"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		text := textOf(t, ctx, "#speech")
		wantContains(t, "speech", text, "迎宾社区党建工作经验交流会讲话", "去年", "迎宾社区党支部领导班子换届选举时")
		for _, bad := range []string{"迎宾社区社区", "0个", "官渡"} {
			if strings.Contains(text, bad) {
				t.Errorf("the community's speech holds %q", bad)
			}
		}
		shot(t, ctx, "community-speech")
		run(t, ctx,
			chromedp.Click(chromedp.CSS(`#speech a.figure[data-key="latest_unit_election.unit_count"]`)),
			chromedp.WaitVisible(chromedp.CSS("#term-number")),
		)
		wantContains(t, "leadership page", textOf(t, ctx, "main"), "迎宾社区党支部")
	})
}

// Dissolving a community that still has members: the form shows what is
// attached, asks where it goes and for a confirmation, and the members
// arrive in the chosen community's branch.
func TestBrowserDissolveConfirmation(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{望江社区}/dissolve")),
			chromedp.WaitVisible(chromedp.CSS("#f-target_id")),
		)
		wantContains(t, "dissolve form", textOf(t, ctx, "main"), "“望江社区”目前还有", "名党员", "将于同日转入下面选择的区域", "我已了解上述记录的去向")
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS("#f-target_id"), app.Expand("{迎宾社区}")),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-06-05"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#confirm-error")),
		)
		wantContains(t, "unconfirmed", textOf(t, ctx, "#confirm-error"), "请勾选确认")
		shot(t, ctx, "dissolve-confirm")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#f-confirm")),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "已撤销“望江社区”")
		var left, arrived int
		q := app.DB.Reader()
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND m.to_on IS NULL",
			app.AreaID("望江社区")).Scan(&left); err != nil {
			t.Fatal(err)
		}
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND m.to_on IS NULL AND m.from_org_name = '望江社区党支部'",
			app.AreaID("迎宾社区")).Scan(&arrived); err != nil {
			t.Fatal(err)
		}
		if left != 0 || arrived == 0 {
			t.Errorf("after the dissolve: %d members left in 望江社区, %d arrived in 迎宾社区", left, arrived)
		}
	})
}

// The navigation fits on one line at 1280 px for the role with the most
// entries, in both languages.
func TestBrowserNavigationDoesNotWrap(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		for _, lang := range []string{"zh", "en"} {
			run(t, ctx, chromedp.Navigate(app.srv.URL+"/?lang="+lang), chromedp.WaitVisible(chromedp.CSS(".nav")))
			lines := get(t, ctx, chromedp.Evaluate[int](`(() => {
				// What the bar shows: a closed menu's links are not on it.
				const links = [...document.querySelectorAll('header a, header button, header summary')].filter(a => a.checkVisibility());
				// The middle of each entry, in rows of 24 px: one row is one line.
				return new Set(links.map(a => { const r = a.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 48); })).size;
			})()`))
			if lines != 1 {
				shot(t, ctx, "nav-"+lang)
				t.Errorf("%s: the header's links stand on %v lines at 1280 px", lang, lines)
			}
			// The admin menu opens below the bar with its three entries.
			run(t, ctx, chromedp.Click(chromedp.CSS("#navmenu-admin summary")), chromedp.WaitVisible(chromedp.CSS("#nav-audit")))
			below := get(t, ctx, chromedp.Evaluate[int](`(() => {
				const bar = document.querySelector('#navmenu-admin summary').getBoundingClientRect().bottom;
				return ['#nav-import', '#nav-users', '#nav-audit'].filter(id => document.querySelector(id).getBoundingClientRect().top >= bar - 1).length;
			})()`))
			if below != 3 {
				shot(t, ctx, "navmenu-"+lang)
				t.Errorf("%s: %d of the admin menu's 3 entries show below it", lang, below)
			}
		}
	})
}

// A viewer opens a community's page and finds no button they cannot use.
func TestBrowserViewerAreaPage(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("viewer-b", auth.Viewer, "河东街道")
		app.signInBrowser(t, ctx, "viewer-b")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}")),
			chromedp.WaitVisible(chromedp.CSS("#orgs")),
		)
		n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#area-actions, a[href$="/rename"], a[href$="/merge"], a[href$="/dissolve"], a[href$="/reform"], a[href$="/party-orgs/new"]').length`))
		if n != 0 {
			shot(t, ctx, "viewer-area")
			t.Errorf("a viewer's area page shows %d edit buttons", n)
		}
		wantContains(t, "viewer's page", textOf(t, ctx, "main"), "迎宾社区党支部")
	})
}
