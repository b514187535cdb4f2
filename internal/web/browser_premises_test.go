package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserBuildingProject: 古井社区, three-lacks since the demo began,
// gets a building project through the forms — siting, the four shares of
// money, the permit, construction and completion with the premises it
// built — after which the three-lacks report lists it as solved and no
// longer as three-lacks at the end.
func TestBrowserBuildingProject(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		report := app.srv.URL + "/premises?from=2025-01-01&to=2025-06-15"
		run(t, ctx,
			chromedp.Navigate(report),
			chromedp.WaitVisible(chromedp.CSS("#at-end")),
		)
		wantContains(t, "three-lacks at the end, before", textOf(t, ctx, "#at-end"), "古井社区")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{古井社区}/premises")),
			chromedp.WaitVisible(chromedp.CSS("#three-lacks-mark")),
			clickAndLoad(chromedp.CSS("#project-new")),
			chromedp.SendKeys(chromedp.CSS("#f-name"), "古井社区办公用房"),
			chromedp.SendKeys(chromedp.CSS("#f-cost"), "400000"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-01-06"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#timeline")),
		)
		step := func(on string) {
			t.Helper()
			run(t, ctx,
				clickAndLoad(chromedp.CSS("#step-new")),
				chromedp.SetValue(chromedp.CSS("#f-on"), on),
				clickAndLoad(chromedp.CSS("#submit")),
				chromedp.WaitVisible(chromedp.CSS("#flash")),
			)
		}
		step("2025-01-10") // siting
		for _, share := range []struct{ source, yuan, on string }{
			{"city", "150000", "2025-02-01"}, {"district", "120000", "2025-02-10"},
			{"subdistrict", "80000", "2025-02-20"}, {"self", "50000", "2025-03-01"},
		} {
			run(t, ctx,
				clickAndLoad(chromedp.CSS("#funding-new")),
				chromedp.SetValue(chromedp.CSS("#f-source"), share.source),
				chromedp.SendKeys(chromedp.CSS("#f-amount"), share.yuan),
				chromedp.SetValue(chromedp.CSS("#f-on"), share.on),
				clickAndLoad(chromedp.CSS("#submit")),
				chromedp.WaitVisible(chromedp.CSS(`#shares tr[data-source="`+share.source+`"]`)),
			)
		}
		step("2025-03-01") // funding secured
		step("2025-03-20") // permit
		step("2025-04-01") // construction
		// Completion without the premises is refused next to the area.
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#step-new")),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-06-01"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#floor_area-error")),
			chromedp.SendKeys(chromedp.CSS("#f-address"), "古井路18号"),
			chromedp.SendKeys(chromedp.CSS("#f-floor_area"), "160"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS(`#timeline li.reached[data-step="completed"]`)),
		)
		page := textOf(t, ctx, "main")
		wantContains(t, "project page", page, "市出一点", "区出一点", "街道出一点", "居委自筹一点", "37.5%", "古井路18号", "40.00")
		shot(t, ctx, "building-project")
		run(t, ctx,
			chromedp.Navigate(report),
			chromedp.WaitVisible(chromedp.CSS("#solved")),
		)
		wantContains(t, "solved", textOf(t, ctx, "#solved"), "古井社区", "2025-06-01", "古井路18号")
		if strings.Contains(textOf(t, ctx, "#at-end"), "古井社区") {
			t.Error("古井社区 is still three-lacks at the end of the period")
		}
		shot(t, ctx, "three-lacks-after")
	})
}

// TestBrowserBelowStandard: the district's list of communities below the
// premises standard shows each one's shortfall, and a name opens the
// community's premises page.
func TestBrowserBelowStandard(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		row := `#below-standard-list tr[data-id="` + app.Expand("{宾南社区}") + `"]`
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/premises"),
			chromedp.WaitVisible(chromedp.CSS("#below-standard")),
			clickAndLoad(chromedp.CSS("#below-standard")),
			chromedp.WaitVisible(chromedp.CSS(row)),
		)
		// 宾南 rents 60 m²; 河东's standard asks 15 m² per 100 households of
		// its 900.
		wantContains(t, "宾南's row", textOf(t, ctx, row), "宾南社区", "60", "900", "135", "75")
		shot(t, ctx, "below-standard")
		run(t, ctx,
			clickAndLoad(chromedp.CSS(row+" a")),
			chromedp.WaitVisible(chromedp.CSS("#state")),
		)
		wantContains(t, "community page", textOf(t, ctx, "main"), "宾南路8号", "租用")
	})
}

// TestBrowserSpeechPartThree: the district's speech over the demo's five
// years tells part three from the records: the three-lacks committees at
// the start, the four shares with their amounts, the rooms built.
func TestBrowserSpeechPartThree(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech?from=2020-01-01&to=2024-12-31"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		text := textOf(t, ctx, "#speech")
		i := strings.Index(text, "三、")
		if i < 0 {
			t.Fatalf("no part three in the speech:\n%s", text)
		}
		part := text[i:]
		if j := strings.Index(part, "四、"); j > 0 {
			part = part[:j]
		}
		wantContains(t, "part three", part, "个是“三无居委”", "“四个一点”的办法，即市出一点（", "万元）", "个“三无”社区居委解决了办公用房", "党员活动室、电教室、健身室和图书馆等")
		if strings.Contains(part, "×") {
			t.Errorf("part three holds ×××:\n%s", part)
		}
		shot(t, ctx, "speech-part-three")
	})
}
