package web_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// dashboardScreens is where the dashboard's browser test writes its
// screenshots, always (the issue asks for them in the test output): the
// directory is logged.
func dashboardScreens(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv(envScreenshots)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "dangjian-screens")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	png := get(t, ctx, chromedp.FullScreenshot(100))
	file := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-")+"-"+name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
}

// waitLoads waits until the dashboard's script has drawn its data n times.
func waitLoads(n int) chromedp.Action[chromedp.Void] {
	return poll(`(window.dashboard && window.dashboard.loads >= `+strconv.Itoa(n)+`) || false`, 15*time.Second)
}

// poll waits until expression is true.
func poll(expression string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	p := chromedp.Poll[bool](expression, chromedp.WithPollingTimeout(timeout))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := p(ctx, t)
		return chromedp.Void{}, err
	}
}

// TestBrowserDashboard: the home page is the dashboard, drawn with ECharts
// from its data; clicking a bar of a chart opens the records behind it.
func TestBrowserDashboard(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#dashboard")),
			waitLoads(1),
			chromedp.WaitVisible(chromedp.CSS("#chart-coverage svg")),
		)
		if loc := location(t, ctx, app); loc != "/" {
			t.Errorf("the dashboard at %s", loc)
		}
		// Every chart with something to draw is an ECharts SVG; the
		// headline and the four lists are there.
		drawn := get(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".dash-chart")].filter(c => c.querySelector(".chart-body svg path")).map(c => c.id)`))
		for _, want := range []string{"chart-coverage", "chart-part1", "chart-part2", "chart-part3", "chart-part4", "chart-outlets", "chart-petitions"} {
			if !strings.Contains(strings.Join(drawn, " "), want) {
				t.Errorf("charts drawn %v, lack %s", drawn, want)
			}
		}
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#dash-headline .dash-card").length`)); n < 10 {
			t.Errorf("%d headline figures", n)
		}
		lists := get(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".dash-list")].map(l => l.id)`))
		if strings.Join(lists, " ") != "list-overdue_actions list-open_whistles list-open_demands list-three_lacks" {
			t.Errorf("lists %v", lists)
		}
		wantContains(t, "coverage chart", textOf(t, ctx, "#chart-coverage h2"), "覆盖率")
		wantContains(t, "members", textOf(t, ctx, "#head-members-total"), "党员", "比上年同期")
		dashboardScreens(t, ctx, "dashboard")

		// A click on the first bar of the coverage chart (a sub-area)
		// opens the records of its coverage.
		first := get(t, ctx, chromedp.Evaluate[string](`window.dashboard.data.charts.find(c => c.key === "coverage").series[0].data[0].link`))
		get(t, ctx, chromedp.Evaluate[bool](`document.getElementById("chart-coverage").scrollIntoView({block: "center"}), true`))
		time.Sleep(1200 * time.Millisecond) // the bars' animation
		xy := get(t, ctx, chromedp.Evaluate[[]float64](`(() => {
			const c = window.dashboard.charts.coverage, p = window.dashboard.data.charts.find(c => c.key === "coverage").series[0].data[0];
			const [x, y] = c.convertToPixel({seriesIndex: 0}, [0, p.value / 4]);
			const r = document.querySelector("#chart-coverage .chart-body").getBoundingClientRect();
			return [r.left + x, r.top + y];
		})()`))
		run(t, ctx,
			chromedp.MouseClickXY(xy[0], xy[1]),
			chromedp.WaitVisible(chromedp.CSS("#figure-value")),
		)
		if loc := location(t, ctx, app); loc != first {
			t.Errorf("the bar opened %s, want %s", loc, first)
		}
		u, _ := url.Parse(first)
		if !strings.HasPrefix(u.Path, "/figures/coverage.branch_per_community") || u.Query().Get("area") != app.Expand("{河东街道}") {
			t.Errorf("the first bar links to %s", first)
		}
		wantContains(t, "records page", textOf(t, ctx, "h1"), "覆盖率")
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#records")))
	})
}

// TestBrowserDashboardScreen: the full-screen mode (数据大屏) loads dark
// without the page's header, reloads its data every second (?refresh=1)
// and enters and leaves full screen by its button.
func TestBrowserDashboardScreen(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/dashboard/screen?refresh=1"),
			chromedp.WaitVisible(chromedp.CSS("#screen")),
			waitLoads(1),
			chromedp.WaitVisible(chromedp.CSS("#chart-part2 svg")),
		)
		if bg := get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`)); bg != "rgb(6, 18, 43)" {
			t.Errorf("the screen's background is %s", bg)
		}
		if shown := get(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("header.top")).display !== "none"`)); shown {
			t.Error("the screen shows the page header")
		}
		run(t, ctx, waitLoads(3))
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#dash-charts .dash-chart").length`)); n != 8 {
			t.Errorf("%d charts after the refreshes, want the same 8", n)
		}
		dashboardScreens(t, ctx, "screen")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#fullscreen-toggle")),
			poll(`document.fullscreenElement !== null`, 5*time.Second),
			// The label changes on the fullscreenchange event, which comes
			// after fullscreenElement is set.
			poll(`document.querySelector("#fullscreen-toggle").textContent.includes("退出")`, 5*time.Second),
		)
		wantContains(t, "toggle", textOf(t, ctx, "#fullscreen-toggle"), "退出全屏")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#fullscreen-toggle")),
			poll(`document.fullscreenElement === null`, 5*time.Second),
		)
	})
}

// TestBrowserDashboardEnglish: a subdistrict officer's own dashboard, in
// English: the charts' titles and the lists' come in the user's language,
// the coverage chart has the subdistrict's communities.
func TestBrowserDashboardEnglish(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("dash-hedong", auth.Subdistrict, "河东街道")
		app.signInBrowser(t, ctx, "dash-hedong")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/?lang=en"),
			waitLoads(1),
			chromedp.WaitVisible(chromedp.CSS("#chart-coverage svg")),
		)
		wantContains(t, "coverage chart", textOf(t, ctx, "#chart-coverage h2"), "One-branch-per-community coverage by sub-area")
		wantContains(t, "lists", textOf(t, ctx, "#dash-lists"), "Overdue actions", "Open whistles")
		if svg := textOf(t, ctx, "#chart-coverage .chart-body"); !strings.Contains(svg, "迎宾社区") {
			t.Errorf("the subdistrict's coverage chart lacks its communities: %q", svg)
		}
		dashboardScreens(t, ctx, "dashboard-en")
	})
}
