package web_test

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// secretPattern finds the one-time password or token on a result page.
var secretPattern = regexp.MustCompile(`<code class="secret" id="secret">([^<]+)</code>`)

// secretOf returns the secret shown by the last response of c.
func secretOf(t *testing.T, c *client) string {
	t.Helper()
	m := secretPattern.FindStringSubmatch(c.last)
	if m == nil {
		t.Fatalf("no secret on the page:\n%s", excerpt(c.last))
	}
	return html.UnescapeString(m[1])
}

// clientAs is a scenario client signed in as username.
func clientAs(app *testApp, username string) *client {
	c := newClient(app)
	c.session = app.signIn(username)
	return c
}

// TestUserManagement: the administrator's user pages, every action's
// refusal, the one-time passwords shown once and never recorded.
func TestUserManagement(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		app := newTestApp(t, d)
		app.account("viewer1", auth.Viewer, "河东街道")
		app.account("yingbin", auth.Community, "迎宾社区")
		app.account("auditor1", auth.Auditor, "")
		admin, viewer, community, auditor := newClient(app), clientAs(app, "viewer1"), clientAs(app, "yingbin"), clientAs(app, "auditor1")
		anonymous := newClient(app)
		anonymous.session = ""
		if _, _, err := app.auth.CreateToken(ctx, app.accountID("viewer1"), "viewer-script", 24*time.Hour); err != nil {
			t.Fatal(err)
		}
		var secrets []string

		runScenarios(t, admin, []scenario{
			{name: "list", path: "/admin/users", status: 200, want: []string{
				"用户管理", `<tr id="user-viewer1">`, "只读", "河东街道", "迎宾社区", "审计员", "全区", `<span class="mark covered">正常</span>`,
				`action="/admin/users/{user:viewer1}/reset"`, `action="/admin/users/{user:viewer1}/disable"`,
				`id="all-tokens"`, "viewer-script", `action="/admin/tokens/{token:viewer-script}/revoke"`, `aria-current="page"`,
			}, notWant: []string{`id="disable-tester"`, "<script", "style="}, header: map[string]string{"Content-Security-Policy": "default-src 'none'"}},
			{name: "list in English", path: "/admin/users", lang: "en", status: 200, want: []string{"Users", "viewer", "whole district", "Reset password"}},
			{name: "new form", path: "/admin/users/new", status: 200, want: []string{
				"新建用户", `name="username"`, `name="display_name"`, `<option value="community" selected>社区</option>`,
				`<option value="" selected>— 不限（系统管理员、审计员）—</option>`, `<option value="{迎宾社区}">`, `type="checkbox"`, `name="can_reveal"`,
			}},
			{name: "new with a bad username", method: "POST", path: "/admin/users/new", form: form("username", "A b", "role", "viewer", "area_id", "{河东街道}"), status: 422,
				want: []string{`id="username-error">用户名应为`, `value="A b"`, `<option value="viewer" selected>`, `<option value="{河东街道}" selected>`}},
			{name: "new without an area", method: "POST", path: "/admin/users/new", form: form("username", "guandu.li", "role", "community"), status: 422,
				want: []string{`id="area_id-error">该角色须指定所辖区域`}},
			{name: "new viewer who may reveal", method: "POST", path: "/admin/users/new", form: form("username", "guandu.li", "role", "viewer", "area_id", "{官渡社区}", "can_reveal", "1"), status: 422,
				want: []string{`id="can_reveal-error">该角色不能授予`, `checked`}},
			{name: "new with a taken username", method: "POST", path: "/admin/users/new", form: form("username", "viewer1", "role", "auditor"), status: 422,
				want: []string{"用户名“viewer1”已被使用"}},
			{name: "new refused in English", method: "POST", path: "/admin/users/new", lang: "en", form: form("username", "guandu.li", "role", "community"), status: 422,
				want: []string{"this role needs an area"}},
			{name: "new", method: "POST", path: "/admin/users/new", form: form("username", "Guandu.Li", "display_name", "李书记", "role", "community", "area_id", "{官渡社区}", "can_reveal", "1"), status: 200,
				want: []string{"已创建用户“guandu.li”", `id="secret"`, "只显示这一次", "官渡社区", "李书记"}, header: map[string]string{"Cache-Control": "no-store"}},
		})
		created := secretOf(t, admin)
		secrets = append(secrets, created)
		if cookies := admin.lastHeader.Values("Set-Cookie"); len(cookies) > 0 && strings.Contains(strings.Join(cookies, ";"), created) {
			t.Errorf("the one-time password is in a cookie: %v", cookies)
		}
		if loc := admin.lastHeader.Get("Location"); loc != "" {
			t.Errorf("the result page redirects to %s", loc)
		}
		_, a, err := app.auth.SignIn(ctx, "guandu.li", created, "127.0.0.1", "test")
		if err != nil || !a.MustChangePassword || a.Role != auth.Community || a.AreaID != app.areaID("官渡社区") || !a.CanReveal || a.DisplayName != "李书记" {
			t.Errorf("created account: %+v, %v", a, err)
		}

		runScenarios(t, admin, []scenario{
			{name: "list shows the new account", path: "/admin/users", status: 200, want: []string{`<tr id="user-guandu.li">`, "待修改初始密码", "可查看完整个人信息"},
				notWant: []string{created}},
			{name: "reset", method: "POST", path: "/admin/users/{user:viewer1}/reset", status: 200, want: []string{"已重置“viewer1”的密码", `id="secret"`}},
		})
		reset := secretOf(t, admin)
		secrets = append(secrets, reset)
		if _, _, err := app.auth.SignIn(ctx, "viewer1", reset, "127.0.0.1", "test"); err != nil {
			t.Errorf("sign in with the reset password: %v", err)
		}
		runScenarios(t, viewer, []scenario{
			{name: "reset ends the sessions", path: "/", status: 303, location: "/signin?next=%2F"},
		})
		viewer.session = app.signIn("auditor1") // any session; viewer1 is re-signed below
		if err := app.auth.ChangePassword(ctx, app.accountID("viewer1"), reset, testPassword, ""); err != nil {
			t.Fatal(err)
		}
		viewer.session = app.signIn("viewer1")

		runScenarios(t, admin, []scenario{
			{name: "disable", method: "POST", path: "/admin/users/{user:yingbin}/disable", status: 303, location: "/admin/users"},
			{name: "disable confirmation", path: "/admin/users", status: 200, want: []string{
				"已停用“yingbin”，其登录会话已结束。", `<tr id="user-yingbin" class="ended">`, `<span class="mark ended">已停用</span>`, `id="enable-yingbin"`,
			}},
			{name: "disable oneself", method: "POST", path: "/admin/users/{user:tester}/disable", status: 422, want: []string{`id="form-error">不能停用自己的账号`}},
			{name: "reset of an unknown account", method: "POST", path: "/admin/users/99999/reset", status: 404},
			{name: "disable with a bad id", method: "POST", path: "/admin/users/x/disable", status: 404},
			{name: "reset by GET", path: "/admin/users/{user:yingbin}/reset", status: 404},
			{name: "PUT on the form", method: "PUT", path: "/admin/users/new", status: 405},
		})
		runScenarios(t, community, []scenario{
			{name: "disabling ends the sessions", path: "/", status: 303, location: "/signin?next=%2F"},
		})
		if _, _, err := app.auth.SignIn(ctx, "yingbin", testPassword, "127.0.0.1", "test"); err == nil {
			t.Error("a disabled account signed in")
		}
		runScenarios(t, admin, []scenario{
			{name: "enable", method: "POST", path: "/admin/users/{user:yingbin}/enable", status: 303, location: "/admin/users"},
			{name: "enable confirmation", path: "/admin/users", status: 200, want: []string{"已启用“yingbin”。", `id="disable-yingbin"`}},
		})
		community.session = app.signIn("yingbin")

		// Nobody but the administrator manages users.
		for _, c := range []struct {
			name string
			c    *client
		}{{"viewer", viewer}, {"community", community}, {"auditor", auditor}} {
			t.Run(c.name, func(t *testing.T) {
				runScenarios(t, c.c, []scenario{
					{name: "list", path: "/admin/users", status: 403, want: []string{"无权进行此操作"}, notWant: []string{"viewer-script"}},
					{name: "form", path: "/admin/users/new", status: 403},
					{name: "create", method: "POST", path: "/admin/users/new", form: form("username", "intruder", "role", "admin"), status: 403},
					{name: "reset", method: "POST", path: "/admin/users/{user:tester}/reset", status: 403},
					{name: "disable", method: "POST", path: "/admin/users/{user:tester}/disable", status: 403},
					{name: "enable", method: "POST", path: "/admin/users/{user:tester}/enable", status: 403},
					{name: "revoke anyone's token", method: "POST", path: "/admin/tokens/{token:viewer-script}/revoke", status: 403},
				})
			})
		}
		if _, err := app.auth.ByUsername(ctx, "intruder"); err == nil {
			t.Error("a non-administrator created an account")
		}
		runScenarios(t, anonymous, []scenario{
			{name: "anonymous list", path: "/admin/users", status: 303, location: "/signin?next=%2Fadmin%2Fusers"},
			{name: "anonymous reset", method: "POST", path: "/admin/users/{user:tester}/reset", status: 401, want: []string{"请先登录"}},
		})
		runScenarios(t, community, []scenario{
			{name: "the community user sees no admin menu", path: "/", status: 200, notWant: []string{`id="nav-users"`, `id="nav-audit"`}, want: []string{`id="nav-tokens"`}},
		})
		runScenarios(t, admin, []scenario{
			{name: "the administrator sees the admin menu", path: "/", status: 200, want: []string{`id="nav-users"`, `id="nav-audit"`}},
		})

		// The administrator revokes anyone's token from the user list.
		runScenarios(t, admin, []scenario{
			{name: "revoke anyone's token", method: "POST", path: "/admin/tokens/{token:viewer-script}/revoke", status: 303, location: "/admin/users"},
			{name: "revoke confirmation", path: "/admin/users", status: 200, want: []string{"已撤销令牌“viewer-script”。", `id="no-tokens"`}},
			{name: "revoke an unknown token", method: "POST", path: "/admin/tokens/99999/revoke", status: 404},
		})

		// Every action is in the trail, with no password in it.
		recs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Limit: audit.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"account.create": "guandu.li", "account.reset": "viewer1", "account.disable": "yingbin", "account.enable": "yingbin", "token.revoke": fmt.Sprint(app.tokenID("viewer-script"))}
		for _, r := range recs {
			if id, ok := want[r.Action]; ok && r.TargetID == id && r.Actor.Username == "tester" {
				delete(want, r.Action)
			}
			for _, s := range secrets {
				if strings.Contains(fmt.Sprintf("%+v", r), s) {
					t.Errorf("audit entry %d (%s) contains a one-time password", r.Seq, r.Action)
				}
			}
		}
		if len(want) > 0 {
			t.Errorf("not audited: %v", want)
		}
		denied, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Action: "access.denied", Actor: "viewer1"})
		if err != nil || len(denied) == 0 {
			t.Errorf("the viewer's refusals are not audited: %v %v", denied, err)
		}
	})
}

// TestTokens: every signed-in user's own API tokens, and only their own.
func TestTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		app := newTestApp(t, d)
		app.account("viewer1", auth.Viewer, "河东街道")
		app.account("auditor1", auth.Auditor, "")
		admin, viewer, auditor := newClient(app), clientAs(app, "viewer1"), clientAs(app, "auditor1")
		if _, _, err := app.auth.CreateToken(ctx, app.accountID("tester"), "admin-script", 24*time.Hour); err != nil {
			t.Fatal(err)
		}
		runScenarios(t, viewer, []scenario{
			{name: "none yet", path: "/account/tokens", status: 200, want: []string{"API 令牌", `id="no-tokens"`, `name="name"`, `name="days"`, `value="90"`}, notWant: []string{"admin-script"}},
			{name: "without a name", method: "POST", path: "/account/tokens", form: form("name", " ", "days", "30"), status: 422, want: []string{`id="name-error">请填写令牌名称`, `value="30"`}},
			{name: "zero days", method: "POST", path: "/account/tokens", form: form("name", "统计脚本", "days", "0"), status: 422, want: []string{`id="days-error">令牌有效期须大于零且不超过 365 天`, `value="统计脚本"`}},
			{name: "too many days", method: "POST", path: "/account/tokens", form: form("name", "统计脚本", "days", "400"), status: 422, want: []string{`id="days-error"`}},
			{name: "not a number", method: "POST", path: "/account/tokens", form: form("name", "统计脚本", "days", "x"), status: 422, want: []string{`id="days-error"`}},
			{name: "refused in English", method: "POST", path: "/account/tokens", lang: "en", form: form("name", "", "days", "30"), status: 422, want: []string{"enter a name for the token"}},
			// The form has no account field; one sent anyway is ignored.
			{name: "create", method: "POST", path: "/account/tokens", form: form("name", "统计脚本", "days", "30", "account_id", "{user:tester}", "username", "tester"), status: 200,
				want: []string{"已生成令牌“统计脚本”", `id="secret">dj_`, "Authorization: Bearer"}, header: map[string]string{"Cache-Control": "no-store"}},
		})
		secret := secretOf(t, viewer)
		p, err := app.auth.TokenPrincipal(ctx, secret)
		if err != nil || p.Username != "viewer1" {
			t.Errorf("the token acts as %q (%v), want viewer1", p.Username, err)
		}
		own, _ := app.auth.Tokens(ctx, app.accountID("tester"))
		for _, tk := range own {
			if tk.Name == "统计脚本" {
				t.Error("a viewer created a token for the administrator")
			}
		}
		runScenarios(t, viewer, []scenario{
			{name: "list", path: "/account/tokens", status: 200, want: []string{"统计脚本", "有效", `action="/account/tokens/{token:统计脚本}/revoke"`}, notWant: []string{secret, "admin-script"}},
			{name: "revoke someone else's", method: "POST", path: "/account/tokens/{token:admin-script}/revoke", status: 403, want: []string{"无权进行此操作"}},
			{name: "revoke an unknown token", method: "POST", path: "/account/tokens/99999/revoke", status: 404},
			{name: "revoke", method: "POST", path: "/account/tokens/{token:统计脚本}/revoke", status: 303, location: "/account/tokens"},
			{name: "revoke confirmation", path: "/account/tokens", status: 200, want: []string{"已撤销令牌“统计脚本”。", `<tr id="token-{token:统计脚本}" class="ended">`, "已撤销"},
				notWant: []string{`action="/account/tokens/{token:统计脚本}/revoke"`}},
			{name: "revoke twice", method: "POST", path: "/account/tokens/{token:统计脚本}/revoke", status: 303, location: "/account/tokens"},
		})
		if _, err := app.auth.TokenPrincipal(ctx, secret); err == nil {
			t.Error("a revoked token still works")
		}
		// Even the administrator revokes another's token only from the user list.
		runScenarios(t, admin, []scenario{
			{name: "admin revokes another's token here", method: "POST", path: "/account/tokens/{token:统计脚本}/revoke", status: 403},
			{name: "admin's own", path: "/account/tokens", status: 200, want: []string{"admin-script"}, notWant: []string{"统计脚本"}},
		})
		all, _ := app.auth.Tokens(ctx, 0)
		for _, tk := range all {
			if tk.Name == "admin-script" && tk.RevokedAt != nil {
				t.Error("the viewer revoked the administrator's token")
			}
		}
		// Every role has its own tokens page, the auditor too.
		runScenarios(t, auditor, []scenario{
			{name: "auditor", path: "/account/tokens", status: 200, want: []string{`id="no-tokens"`}},
		})
		// An account with its initial password creates no token before changing it.
		acct, once, err := app.auth.Create(ctx, auth.NewAccount{Username: "fresh", Role: auth.Viewer, AreaID: app.areaID("河东街道")})
		if err != nil {
			t.Fatal(err)
		}
		fresh := newClient(app)
		fresh.session, _, err = app.auth.SignIn(ctx, acct.Username, once, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		runScenarios(t, fresh, []scenario{
			{name: "initial password: list", path: "/account/tokens", status: 303, location: "/account/password"},
			{name: "initial password: create", method: "POST", path: "/account/tokens", form: form("name", "x", "days", "1"), status: 303, location: "/account/password"},
			{name: "initial password: the password page", path: "/account/password", status: 200},
		})
		if tk, _ := app.auth.Tokens(ctx, acct.ID); len(tk) != 0 {
			t.Errorf("tokens of an account with its initial password: %v", tk)
		}
		anonymous := newClient(app)
		anonymous.session = ""
		runScenarios(t, anonymous, []scenario{
			{name: "anonymous list", path: "/account/tokens", status: 303, location: "/signin?next=%2Faccount%2Ftokens"},
			{name: "anonymous create", method: "POST", path: "/account/tokens", form: form("name", "x", "days", "1"), status: 401},
		})
		recs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Action: "token", Actor: "viewer1"})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, r := range recs {
			got[r.Action] = true
			if strings.Contains(fmt.Sprintf("%+v", r), secret) {
				t.Errorf("audit entry %d contains the token", r.Seq)
			}
		}
		if !got["token.create"] || !got["token.revoke"] {
			t.Errorf("token actions audited: %v", got)
		}
	})
}

// TestAuditPage: the auditor's page filters, pages and exports the trail.
func TestAuditPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		app := newTestApp(t, d)
		app.account("auditor1", auth.Auditor, "")
		app.account("viewer1", auth.Viewer, "河东街道")
		app.account("other", auth.Viewer, "官渡街道")
		auditor, viewer, admin := clientAs(app, "auditor1"), clientAs(app, "viewer1"), newClient(app)
		// Some history: a refusal, an account action and a run of bulk entries.
		runScenarios(t, viewer, []scenario{{name: "refused", path: "/audit", status: 403, want: []string{"无权进行此操作"}}})
		runScenarios(t, admin, []scenario{{name: "reset", method: "POST", path: "/admin/users/{user:other}/reset", status: 200}})
		bulk := audit.WithActor(ctx, audit.Actor{Username: "bulk", Role: "admin", Via: "cli"})
		for i := range 60 {
			if err := audit.Write(bulk, d, audit.Entry{Action: "test.bulk", TargetType: "thing", TargetID: fmt.Sprint(i)}); err != nil {
				t.Fatal(err)
			}
		}
		today := time.Now().Format("2006-01-02")
		runScenarios(t, auditor, []scenario{
			{name: "signed in, the auditor lands here", path: "/", status: 403},
			{name: "page", path: "/audit", status: 200, want: []string{
				"审计日志", `id="audit-filter"`, `name="actor"`, `name="action"`, `name="target_type"`, `name="target_id"`, `name="from"`, `name="to"`,
				`<table class="audit" id="audit">`, "test.bulk", `href="/audit.xlsx"`, `id="page-next"`, "第 1 / ", `aria-current="page"`,
			}, notWant: []string{`id="nav-users"`, `href="/figures"`}},
			{name: "by action prefix", path: "/audit?action=access", status: 200, want: []string{"access.denied", "viewer1", "拒绝", "GET /audit", `href="/audit.xlsx?action=access"`},
				notWant: []string{"test.bulk", "account.reset"}},
			{name: "by actor and action", path: "/audit?actor=tester&action=account", status: 200, want: []string{"account.reset", "共 1 条"}},
			{name: "by target", path: "/audit?target_type=account&target_id=other", status: 200, want: []string{"account.reset"}, notWant: []string{"test.bulk"}},
			{name: "by target id alone", path: "/audit?target_id=7&action=test", status: 200, want: []string{"共 1 条", "<code>7</code>"}},
			{name: "paging", path: "/audit?action=test.bulk", status: 200, want: []string{"共 60 条，显示第 1–50 条（最新在前）", `href="/audit?action=test.bulk&amp;page=2"`, "第 1 / 2 页"},
				inOrder: []string{"<code>59</code>", "<code>58</code>", "<code>10</code>"}, notWant: []string{"<code>9</code>", `id="page-prev"`}},
			{name: "second page", path: "/audit?action=test.bulk&page=2", status: 200, want: []string{"显示第 51–60 条", `href="/audit?action=test.bulk"`, "<code>0</code>"},
				notWant: []string{"<code>10</code>", `id="page-next"`}},
			{name: "period", path: "/audit?action=test&from=" + today + "&to=" + today, status: 200, want: []string{"共 60 条", `value="` + today + `"`}},
			{name: "period without entries", path: "/audit?from=2000-01-01&to=2000-12-31", status: 200, want: []string{"没有符合条件的记录。", `href="/audit.xlsx?from=2000-01-01&amp;to=2000-12-31"`}},
			{name: "bad date", path: "/audit?from=2025-02-30", status: 422, want: []string{`id="from-error">日期“2025-02-30”无效`}, notWant: []string{`id="audit"`}},
			{name: "inverted period", path: "/audit?from=2025-12-31&to=2025-01-01", status: 422, want: []string{`id="to-error">开始日期 2025-12-31 晚于结束日期 2025-01-01`}},
			{name: "in English", path: "/audit?action=access", lang: "en", status: 200, want: []string{"Audit trail", "Export to Excel", "denied"}},
			{name: "export", path: "/audit.xlsx?action=test", status: 200, want: []string{"PK"}, header: map[string]string{
				"Content-Type": "spreadsheetml", "Content-Disposition": "attachment; filename=\"audit-",
			}},
			{name: "export of a bad filter", path: "/audit.xlsx?to=x", status: 422, want: []string{"日期“x”无效"}},
			{name: "the export is audited", path: "/audit?action=audit.export", status: 200, want: []string{"audit.export", "auditor1", "?action=test"}},
		})
		runScenarios(t, viewer, []scenario{
			{name: "viewer export", path: "/audit.xlsx", status: 403},
		})
		runScenarios(t, admin, []scenario{
			{name: "admin reads the trail", path: "/audit?action=audit", status: 200, want: []string{"audit.export"}},
		})
	})
}

// TestAccountWriteNeedsItsAuditEntry: an account page's write and its
// audit entry succeed or fail together. When the trail cannot be written
// the account is not created (500) and no one-time password is shown, as
// the area store writes its entry in the change's transaction. The
// failure is simulated with a trigger, so this runs on SQLite only.
func TestAccountWriteNeedsItsAuditEntry(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	app := newTestApp(t, d)
	if _, err := d.Writer().ExecContext(context.Background(),
		`CREATE TRIGGER audit_down BEFORE INSERT ON audit_entry WHEN NEW.action LIKE 'account.%'
BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END`); err != nil {
		t.Fatal(err)
	}
	c := newClient(app)
	c.run(t, scenario{name: "create while the trail is down", method: "POST", path: "/admin/users/new",
		form: form("username", "ghost", "role", string(auth.Auditor)), status: 500})
	if _, err := app.auth.ByUsername(context.Background(), "ghost"); err == nil {
		t.Errorf("the account was created although its audit entry could not be written")
	}
}
