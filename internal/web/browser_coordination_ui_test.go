package web_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// queryID runs a query for one id against the test database.
func (a *testApp) queryID(t *testing.T, query string, args ...any) string {
	t.Helper()
	var id int64
	if err := a.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&id); err != nil || id == 0 {
		t.Fatalf("%s: %d %v", query, id, err)
	}
	return strconv.FormatInt(id, 10)
}

// TestBrowserUnitLiaisonProgress: the liaison of 示范市委党校 signs in to
// their unit's page, opens the actions it owns (the overdue one marked)
// and records progress on one through the form, first refused above
// 100 %; the list then shows the new progress.
func TestBrowserUnitLiaisonProgress(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("dangxiao-liaison", auth.Unit, "示范市委党校")
		act := app.queryID(t, "SELECT MAX(id) FROM agreed_action WHERE title = ?", "背街小巷环境整治：设立便民服务点")
		app.signInBrowser(t, ctx, "dangxiao-liaison")
		row := `#unit-actions tr[data-id="` + act + `"]`
		run(t, ctx,
			chromedp.WaitVisible(chromedp.CSS("#unit-actions-link")),
			clickAndLoad(chromedp.CSS("#unit-actions-link")),
			chromedp.WaitVisible(chromedp.CSS(row)),
		)
		wantContains(t, "the overdue action", textOf(t, ctx, row+".overdue"), "设立便民服务点", "逾期", "30%")
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#progress-"+act)),
			chromedp.WaitVisible(chromedp.CSS("#f-progress")),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-06-10"),
			chromedp.SetValue(chromedp.CSS("#f-progress"), "120"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#progress-error")),
		)
		wantContains(t, "refusal", textOf(t, ctx, "#progress-error"), "进度应在 0 到 100 之间")
		shot(t, ctx, "progress-refused")
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS("#f-progress"), "80"),
			chromedp.SendKeys(chromedp.CSS("#f-note"), "服务点场地已落实"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
			chromedp.WaitVisible(chromedp.CSS(row)),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "设立便民服务点")
		wantContains(t, "the row", textOf(t, ctx, row), "80%", "推进中")
		shot(t, ctx, "unit-actions")
	})
}

// TestBrowserWhistleLateReport: a whistle raised through the form (a
// department by name, a unit picked), a report-in before the whistle
// refused on its row, then one late and one on time recorded; the whistles
// page marks the late one only.
func TestBrowserWhistleLateReport(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/whistles"),
			chromedp.WaitVisible(chromedp.CSS("#whistle-new")),
			clickAndLoad(chromedp.CSS("#whistle-new")),
			chromedp.WaitVisible(chromedp.CSS("#whistle-form")),
			pick("#f-area_id", "迎宾", "迎宾社区 · 河东街道"),
			chromedp.SendKeys(chromedp.CSS("#f-subject"), "楼道堆物堵塞消防通道"),
			chromedp.SetValue(chromedp.CSS("#f-raised_on"), "2025-06-14"),
			chromedp.SetValue(chromedp.CSS("#f-raised_time"), "08:00"),
			chromedp.SendKeys(chromedp.CSS("#f-party_dept_0"), "街道城管科"),
			chromedp.SendKeys(chromedp.CSS("#f-party_hours_0"), "2"),
			pick("#f-party_unit_1", "规划", "示范市规划设计院 · 迎宾社区"),
			chromedp.SendKeys(chromedp.CSS("#f-party_hours_1"), "4"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "whistle page", textOf(t, ctx, "main"), "楼道堆物堵塞消防通道", "2025-06-14 08:00", "2025-06-14 10:00", "2025-06-14 12:00")
		w := app.queryID(t, "SELECT MAX(id) FROM whistle WHERE subject = ?", "楼道堆物堵塞消防通道")
		dept := app.queryID(t, "SELECT id FROM whistle_party WHERE whistle_id = ? AND department = ?", w, "街道城管科")
		unit := app.queryID(t, "SELECT id FROM whistle_party WHERE whistle_id = ? AND unit_id IS NOT NULL", w)
		run(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#f-reported_at-"+dept), "2025-06-14 07:30"),
			clickAndLoad(chromedp.CSS("#report-submit-"+dept)),
			chromedp.WaitVisible(chromedp.CSS("#reported_at-error")),
		)
		wantContains(t, "refused on its row", textOf(t, ctx, "#party-"+dept), "报到时间不能早于吹哨时间（2025-06-14 08:00）")
		shot(t, ctx, "report-refused")
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS("#f-reported_at-"+dept), "2025-06-14 11:30"),
			clickAndLoad(chromedp.CSS("#report-submit-"+dept)),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
			chromedp.SendKeys(chromedp.CSS("#f-reported_at-"+unit), "2025-06-14 08:45"),
			clickAndLoad(chromedp.CSS("#report-submit-"+unit)),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
			chromedp.Navigate(app.srv.URL+"/whistles"),
			chromedp.WaitVisible(chromedp.CSS("#whistle-"+w)),
		)
		wantContains(t, "the late report-in", textOf(t, ctx, `#whistle-`+w+` tr.late[data-id="`+dept+`"]`), "街道城管科", "2025-06-14 11:30", "逾期")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#whistle-`+w+` tr.late').length`)); n != 1 {
			t.Errorf("late rows: %d, want 1 (the unit reported in on time)", n)
		}
		wantContains(t, "the one on time", textOf(t, ctx, `#whistle-`+w+` tr[data-id="`+unit+`"]`), "示范市规划设计院", "2025-06-14 08:45")
		shot(t, ctx, "whistles")
	})
}
