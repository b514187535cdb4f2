package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// TestBrowserCoBuildingToSpeech: 官渡街道's secretary opens the demand for
// a signal at 官渡路口, ticks the first resource suggested for it and turns
// it into a project; records what 示范商贸有限公司 gave, the project done at
// less than estimated, and a banner from the residents; then this year's
// speech for 官渡街道 tells the project in part four, and its title opens
// the project's page.
func TestBrowserCoBuildingToSpeech(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("guandu-sec", auth.Subdistrict, "官渡街道")
		app.signInBrowser(t, ctx, "guandu-sec")
		var demand string
		if err := app.App.Cobuilding.DB.Reader().QueryRowContext(context.Background(),
			"SELECT CAST(id AS TEXT) FROM demand WHERE title = '官渡路口缺少信号灯'").Scan(&demand); err != nil {
			t.Fatal(err)
		}
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/demands/"+demand),
			chromedp.WaitVisible(chromedp.CSS("#suggestions tbody tr")),
		)
		first := get(t, ctx, chromedp.Evaluate[string](`document.querySelector("#suggestions tbody tr").dataset.id`))
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#demand-match")),
			chromedp.WaitVisible(chromedp.CSS("#f-resource_"+first)),
			chromedp.Click(chromedp.CSS("#f-resource_"+first)),
			chromedp.Clear(chromedp.CSS("#f-title")),
			chromedp.SendKeys(chromedp.CSS("#f-title"), "官渡路口信号灯安装"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-03-01"),
			chromedp.SendKeys(chromedp.CSS("#f-estimated_cost"), "300000"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#project-facts")),
		)
		wantContains(t, "the new project", textOf(t, ctx, "main"), "官渡路口信号灯安装", "官渡路口缺少信号灯")
		project := get(t, ctx, chromedp.Evaluate[string](`location.pathname`))
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#contribution-new")),
			pick("#f-unit_id", "商贸", "示范商贸有限公司 · 渡口社区"),
			chromedp.SetValue(chromedp.CSS("#f-kind"), "money"),
			chromedp.SendKeys(chromedp.CSS("#f-value"), "60000"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-03-05"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#story-givers table")),
			clickAndLoad(chromedp.CSS("#project-edit")),
			chromedp.SendKeys(chromedp.CSS("#f-actual_cost"), "80000"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-03-28"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#saved")),
			clickAndLoad(chromedp.CSS("#feedback-new")),
			chromedp.SendKeys(chromedp.CSS("#f-given_by"), "官渡路口居民"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-04-10"),
			chromedp.SendKeys(chromedp.CSS("#f-note"), "共建平安路口"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#story-thanks li")),
		)
		wantContains(t, "the project's story", textOf(t, ctx, "main"), "示范商贸有限公司", "22.00", "官渡路口居民", "共建平安路口")
		shot(t, ctx, "co-project-done")

		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech?area="+app.Expand("{官渡街道}")+"&from=2025-01-01&to=2025-06-15"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		text := textOf(t, ctx, "#speech")
		i := strings.Index(text, "四、")
		if i < 0 {
			t.Fatalf("no part four in the speech:\n%s", text)
		}
		part := text[i:]
		wantContains(t, "part four", part, "如官渡社区居民反映“官渡路口缺少信号灯”", "受益单位示范商贸有限公司提供资金",
			"完成了“官渡路口信号灯安装”，节约资金22万元", "官渡路口居民给居委送来一面“共建平安路口”锦旗")
		if strings.Contains(part, "×") {
			t.Errorf("part four holds ×××:\n%s", part)
		}
		shot(t, ctx, "speech-part-four")
		run(t, ctx,
			clickAndLoad(chromedp.CSS(`#speech a.figure[data-key="most_saved.title"]`)),
			chromedp.WaitVisible(chromedp.CSS("#project-facts")),
		)
		if got := get(t, ctx, chromedp.Evaluate[string](`location.pathname`)); got != project {
			t.Errorf("the title in the speech opens %s, want %s", got, project)
		}
	})
}
