package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSessionForm: a session closed with its actions through the
// form, first refused for an action row, then recorded; the conference's
// page shows it and its open action.
func TestBrowserSessionForm(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/conferences/{conf:迎宾社区共驻共建联席会议}")),
			chromedp.WaitVisible(chromedp.CSS("#session-new")),
			clickAndLoad(chromedp.CSS("#session-new")),
			chromedp.WaitVisible(chromedp.CSS("#session-form")),
			chromedp.SetValue(chromedp.CSS("#f-held_on"), "2025-06-12"),
			chromedp.SendKeys(chromedp.CSS("#f-topic"), "楼道堆物清理"),
			chromedp.Click(app.css(`input[name="units_present"][value="{unit:示范市规划设计院}"]`)),
			chromedp.Click(chromedp.CSS(`input[name="tags"][value="mass"]`)),
			chromedp.SendKeys(chromedp.CSS("#f-people_present"), "11"),
			chromedp.SendKeys(chromedp.CSS("#f-title_0"), "清运楼道堆物"),
			chromedp.SetValue(chromedp.CSS("#f-owner_unit_0"), app.Expand("{unit:示范市规划设计院}")),
			chromedp.SetValue(chromedp.CSS("#f-due_on_0"), "2025-06-01"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#action-0-error")),
		)
		wantContains(t, "row refusal", textOf(t, ctx, "#action-0-error"), "办结期限不能早于议定日期")
		if v := get(t, ctx, chromedp.Value(chromedp.CSS("#f-topic"))); v != "楼道堆物清理" {
			t.Errorf("topic not kept: %q", v)
		}
		shot(t, ctx, "session-refused")
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS("#f-due_on_0"), "2025-07-12"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "迎宾社区共驻共建联席会议")
		wantContains(t, "sessions", textOf(t, ctx, "#sessions"), "楼道堆物清理", "群众性")
		wantContains(t, "open actions", textOf(t, ctx, "#open-actions"), "清运楼道堆物", "2025-07-12")
		shot(t, ctx, "conference")
	})
}
