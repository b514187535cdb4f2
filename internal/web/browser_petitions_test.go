package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// TestBrowserPetitionToCallback: 迎宾社区's secretary receives a
// collective petition from the community's work list, adds a second
// resident's call to it, and takes it through every step on its page —
// dispatched to a department, accepted, replied, resolved, verified and
// called back — then the rates page counts it. The clock stands at noon
// of 2025-06-15.
func TestBrowserPetitionToCallback(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("yingbin-sec", auth.Community, "迎宾社区")
		app.signInBrowser(t, ctx, "yingbin-sec")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}/petitions")),
			chromedp.WaitVisible(chromedp.CSS("#petition-new")),
			clickAndLoad(chromedp.CSS("#petition-new")),
			chromedp.WaitVisible(chromedp.CSS("#f-title")),
			chromedp.SendKeys(chromedp.CSS("#f-title"), "迎宾三巷加装电梯"),
			chromedp.SetValue(chromedp.CSS("#f-type"), "suggestion"),
			chromedp.Click(chromedp.CSS("#f-collective")),
			chromedp.SendKeys(chromedp.CSS("#f-headcount"), "15"),
			chromedp.SetValue(chromedp.CSS("#f-received_at"), "2025-06-15 08:30"),
			chromedp.SetValue(chromedp.CSS("#f-channel"), "visit"),
			chromedp.SendKeys(chromedp.CSS("#f-caller_name"), "周某"),
			chromedp.SendKeys(chromedp.CSS("#f-caller_phone"), "13600002468"),
			chromedp.SendKeys(chromedp.CSS("#f-content"), "三巷老楼无电梯，老人上下楼难"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#petition-facts")),
		)
		wantContains(t, "the new case", textOf(t, ctx, "main"), "迎宾三巷加装电梯", "已受理", "集体 15 人", "136****2468", "剩余 14 天 20 小时")
		case_ := get(t, ctx, chromedp.Evaluate[string](`location.pathname`))
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#request-new")),
			chromedp.WaitVisible(chromedp.CSS("#f-received_at")),
			chromedp.SetValue(chromedp.CSS("#f-received_at"), "2025-06-15 09:10"),
			chromedp.SetValue(chromedp.CSS("#f-channel"), "hotline"),
			chromedp.SendKeys(chromedp.CSS("#f-caller_name"), "吴某"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#step-form")),
		)
		wantContains(t, "two requests", textOf(t, ctx, "#requests"), "群众来电（2 件）", "周某", "吴某")
		steps := []struct {
			step  string
			fill  []chromedp.Action[chromedp.Void]
			stage string
		}{
			{"dispatch", []chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.CSS("#f-at"), "2025-06-15 09:00"), chromedp.SendKeys(chromedp.CSS("#f-department"), "区住建局")}, "已派单"},
			{"accept", []chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.CSS("#f-at"), "2025-06-15 10:00")}, "已接单"},
			{"reply", []chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.CSS("#f-at"), "2025-06-15 11:00"), chromedp.SendKeys(chromedp.CSS("#f-reply"), "已列入老旧小区加装电梯计划")}, "已答复"},
			{"resolve", nil, "已办结"},
			{"verify", nil, "已核查"},
			{"callback", []chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.CSS("#f-satisfaction"), "basically")}, "已回访"},
		}
		for _, s := range steps {
			run(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#step-form[action="`+case_+`/steps/`+s.step+`"]`)))
			run(t, ctx, s.fill...)
			run(t, ctx,
				clickAndLoad(chromedp.CSS("#step-submit")),
				chromedp.WaitVisible(chromedp.CSS("#petition-stage")),
			)
			if got := textOf(t, ctx, "#petition-stage"); got != s.stage {
				shot(t, ctx, "petition-"+s.step)
				t.Fatalf("after %s the case is %q, want %q:\n%s", s.step, got, s.stage, textOf(t, ctx, "main"))
			}
		}
		wantContains(t, "the case called back", textOf(t, ctx, "main"), "区住建局", "已列入老旧小区加装电梯计划", "基本满意",
			"派单 2025-06-15 09:00", "接单 2025-06-15 10:00", "办结 2025-06-15", "回访 2025-06-15")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#step-form").length`)); n != 0 {
			t.Errorf("a case through every step still offers a step form")
		}
		shot(t, ctx, "petition-called-back")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/petition-rates?from=2025-06-15&to=2025-06-15"),
			chromedp.WaitVisible(chromedp.CSS("#rates")),
		)
		wantContains(t, "the rates", textOf(t, ctx, "#rates"), "1", "100.0%")
	})
}
