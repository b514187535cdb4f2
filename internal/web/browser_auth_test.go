package web_test

import (
	"context"
	"dangjian/internal/web"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// location is the tab's URL without the server's address.
func location(t *testing.T, ctx context.Context, app *testApp) string {
	t.Helper()
	return strings.TrimPrefix(get(t, ctx, chromedp.Location()), app.srv.URL)
}

func TestBrowserSignIn(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		// A page asked for without a session leads to the sign-in form.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)
		if loc := location(t, ctx, app); loc != "/signin?next=%2F" {
			t.Errorf("anonymous / at %s", loc)
		}
		// A wrong password and an unknown user get the same message.
		fillSignIn(t, ctx, "tester", "Wrong-Password-1")
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#form-error")))
		wrong := textOf(t, ctx, "#form-error")
		wantContains(t, "wrong password", wrong, "用户名或密码不正确")
		if v := get(t, ctx, chromedp.Value(chromedp.CSS("#f-password"))); v != "" {
			t.Errorf("the password field keeps %q", v)
		}
		shot(t, ctx, "signin-failed")
		fillSignIn(t, ctx, "nobody", "Wrong-Password-1")
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#form-error")))
		if unknown := textOf(t, ctx, "#form-error"); unknown != wrong {
			t.Errorf("unknown user: %q, wrong password: %q", unknown, wrong)
		}
		// The right one lands on the dashboard.
		fillSignIn(t, ctx, "tester", testPassword)
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#dashboard")))
		if loc := location(t, ctx, app); loc != "/" {
			t.Errorf("signed in at %s", loc)
		}
		wantContains(t, "user", textOf(t, ctx, "header .user"), "tester", "系统管理员")
	})
}

func TestBrowserForcedPasswordChange(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		// The administrator creates the account through the form.
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#navmenu-admin summary")),
			chromedp.Click(chromedp.CSS("#nav-users")),
			chromedp.WaitVisible(chromedp.CSS("#users")),
		)
		shot(t, ctx, "users")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#user-new")),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
			chromedp.SendKeys(chromedp.CSS("#f-username"), "yingbin.li"),
			chromedp.SendKeys(chromedp.CSS("#f-display_name"), "李委员"),
			chromedp.SetValue(chromedp.CSS("#f-role"), "community"),
			chromedp.SetValue(chromedp.CSS("#f-area_id"), app.Expand("{迎宾社区}")),
			chromedp.Click(chromedp.CSS("#f-can_reveal")),
		)
		shot(t, ctx, "user-new")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#secret")),
		)
		once := textOf(t, ctx, "#secret")
		if len(once) < 10 {
			t.Fatalf("one-time password %q", once)
		}
		if strings.Contains(get(t, ctx, chromedp.Location()), once) {
			t.Error("the one-time password is in the URL")
		}
		wantContains(t, "result page", textOf(t, ctx, "main"), "已创建用户“yingbin.li”", "只显示这一次", "迎宾社区")
		shot(t, ctx, "user-created")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#signout")),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)

		// The new user signs in with it and is sent to change it.
		app.submitSignIn(t, ctx, "yingbin.li", once)
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#forced")))
		if loc := location(t, ctx, app); loc != "/account/password" {
			t.Errorf("first sign-in at %s", loc)
		}
		// Nothing else opens before the change.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS("#forced")),
		)
		// A weak password is refused next to its field.
		run(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#f-old_password"), once),
			chromedp.SendKeys(chromedp.CSS("#f-password"), "weakpass"),
			chromedp.SendKeys(chromedp.CSS("#f-password_again"), "weakpass"),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#password-error")),
		)
		wantContains(t, "weak password", textOf(t, ctx, "#password-error"), "至少需要 10 个字符")
		shot(t, ctx, "password-weak")
		// A good one lets the user in.
		const good = "Lantern-Quay-2025!"
		run(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#f-old_password"), once),
			chromedp.SendKeys(chromedp.CSS("#f-password"), good),
			chromedp.SendKeys(chromedp.CSS("#f-password_again"), good),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#dashboard")),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "密码已修改")
		wantContains(t, "user", textOf(t, ctx, "#user-name"), "李委员")
		if _, _, err := app.App.Auth.SignIn(context.Background(), "yingbin.li", once, "127.0.0.1", "test"); err == nil {
			t.Error("the one-time password still works")
		}
	})
}

func TestBrowserSignOut(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}")),
			chromedp.WaitVisible(chromedp.CSS("#history")),
			chromedp.Click(chromedp.CSS("#signout")),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "您已退出登录")
		if loc := location(t, ctx, app); loc != "/signin" {
			t.Errorf("after sign-out at %s", loc)
		}
		// The back button does not bring the page back: the session is gone.
		run(t, ctx,
			chromedp.NavigateBack(),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)
		wantContains(t, "back", location(t, ctx, app), "/signin?next=")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#history, #user-name").length`)); n != 0 {
			t.Error("a signed-in page is shown after going back")
		}
		run(t, ctx,
			chromedp.Reload(),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)
		wantContains(t, "reload", location(t, ctx, app), "/signin")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS("#f-username")),
		)
		if loc := location(t, ctx, app); loc != "/signin?next=%2Ffigures" {
			t.Errorf("/figures after sign-out at %s", loc)
		}
	})
}

func TestBrowserCommunityScope(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("yingbin", auth.Community, "迎宾社区")
		app.signInBrowser(t, ctx, "yingbin")
		run(t, ctx, chromedp.Navigate(app.srv.URL+"/areas"), chromedp.WaitVisible(app.css("#area-{迎宾社区}")))
		// The tree is their community, nothing around it.
		ids := get(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#tree [id^='area-']")].map(e => e.id)`))
		if want := app.Expand("area-{迎宾社区}"); len(ids) != 1 || ids[0] != want {
			t.Errorf("tree areas %v, want only %s", ids, want)
		}
		wantContains(t, "tree", textOf(t, ctx, "#tree"), "迎宾社区党支部")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#nav-users, #nav-audit").length`)); n != 0 {
			t.Error("a community user sees the administration menu")
		}
		shot(t, ctx, "tree")
		// The neighbouring community answers 403 with the reason.
		res, err := chromedp.RunResponse(ctx, chromedp.Navigate(app.srv.URL+app.Expand("/areas/{官渡社区}")))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != 403 {
			t.Errorf("官渡社区: status %d, want 403", res.Status)
		}
		main := textOf(t, ctx, "main")
		wantContains(t, "refusal", main, "无权访问", "该区域不在您的管辖范围内")
		if strings.Contains(main, "官渡社区党支部") {
			t.Error("the refusal shows the neighbour's records")
		}
		shot(t, ctx, "out-of-scope")
		// So does its figures scope.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/figures?area={官渡社区}")),
			chromedp.WaitVisible(chromedp.CSS("#area-error")),
		)
		wantContains(t, "figures refusal", textOf(t, ctx, "#area-error"), "不在您的管辖范围内")

		// Their own API token, created and revoked through the page.
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#nav-tokens")),
			chromedp.WaitVisible(chromedp.CSS("#no-tokens")),
			chromedp.SendKeys(chromedp.CSS("#f-name"), "社区报表脚本"),
			chromedp.SetValue(chromedp.CSS("#f-days"), "30"),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#secret")),
		)
		secret := textOf(t, ctx, "#secret")
		if p, err := app.App.Auth.TokenPrincipal(context.Background(), secret); err != nil || p.Username != "yingbin" {
			t.Errorf("token: %q %v", p.Username, err)
		}
		shot(t, ctx, "token-created")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#back")),
			chromedp.WaitVisible(chromedp.CSS("#tokens")),
		)
		shot(t, ctx, "tokens")
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#tokens button.danger")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "revoked", textOf(t, ctx, "#tokens"), "已撤销")
		if _, err := app.App.Auth.TokenPrincipal(context.Background(), secret); err == nil {
			t.Error("the revoked token still works")
		}
	})
}

func TestBrowserAuditor(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("shenji", auth.Auditor, "")
		// A failed sign-in to find in the trail.
		app.submitSignIn(t, ctx, "tester", "Wrong-Password-1")
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#form-error")))
		// The auditor lands on the trail.
		app.signInBrowser(t, ctx, "shenji")
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#audit")))
		if loc := location(t, ctx, app); loc != "/audit" {
			t.Errorf("auditor signed in at %s", loc)
		}
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#nav-users, a[href='/figures']").length`)); n != 0 {
			t.Error("the auditor sees pages they cannot open")
		}
		shot(t, ctx, "audit")

		// Filter by action prefix and period.
		today := time.Now().Format("2006-01-02")
		run(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#f-action"), "auth"),
			chromedp.SetValue(chromedp.CSS("#f-from"), today),
			chromedp.SetValue(chromedp.CSS("#f-to"), today),
			chromedp.Click(chromedp.CSS("#filter-submit")),
			chromedp.WaitVisible(chromedp.CSS(`#export[href*="action=auth"]`)),
		)
		// The page says each action in words; its code stands in the title.
		actions := get(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#audit td.action")].map(e => e.getAttribute("title"))`))
		if len(actions) == 0 {
			t.Fatal("no entries for auth")
		}
		seen := map[string]bool{}
		for _, a := range actions {
			if !strings.HasPrefix(a, "auth.") {
				t.Errorf("filter auth shows %s", a)
			}
			seen[a] = true
		}
		if !seen["auth.signin_failed"] || !seen["auth.signin"] {
			t.Errorf("entries %v lack the failed and the successful sign-in", actions)
		}
		// Newest first: the auditor's own sign-in tops the list.
		wantContains(t, "first row", textOf(t, ctx, "#audit tbody tr"), "登录", "shenji")
		shot(t, ctx, "audit-filtered")

		// Narrow to one actor; the export link carries the same filter.
		run(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#f-actor"), "tester"),
			chromedp.Click(chromedp.CSS("#filter-submit")),
			chromedp.WaitVisible(chromedp.CSS(`#export[href*="actor=tester"]`)),
		)
		// tester's failed sign-in in the browser, and the sign-in the test
		// set-up made for tester (now audited by the account store itself).
		wantContains(t, "count", textOf(t, ctx, "#audit-count"), "共 2 条")
		wantContains(t, "failed sign-in", textOf(t, ctx, "#audit tbody"), "登录失败", "失败", "登录")
		if body := textOf(t, ctx, "#audit tbody"); strings.Contains(body, "auth.signin") {
			t.Errorf("the page shows an action's code: %s", body)
		}
		href := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#export"), "href")).Value
		wantContains(t, "export link", href, "/audit.xlsx?", "action=auth", "actor=tester", "from="+today, "to="+today)

		// The link downloads the workbook.
		req, _ := http.NewRequest("GET", app.srv.URL+href, nil)
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.SignIn("shenji")})
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") || !strings.HasPrefix(string(body), "PK") {
			t.Errorf("export: %d %q %q", res.StatusCode, res.Header.Get("Content-Disposition"), body[:min(len(body), 20)])
		}
		// And the export is itself in the trail.
		run(t, ctx,
			chromedp.Click(chromedp.CSS("#filter-reset")),
			chromedp.WaitVisible(chromedp.CSS(`#export[href="/audit.xlsx"]`)),
			chromedp.SendKeys(chromedp.CSS("#f-action"), "audit"),
			chromedp.Click(chromedp.CSS("#filter-submit")),
			chromedp.WaitVisible(chromedp.CSS(`#export[href="/audit.xlsx?action=audit"]`)),
		)
		wantContains(t, "export entry", textOf(t, ctx, "#audit tbody tr"), "导出审计日志", "shenji")
	})
}
