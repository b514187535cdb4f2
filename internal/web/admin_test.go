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
	"dangjian/internal/testkit"
)

// secretPattern finds the one-time password or token on a result page.
var secretPattern = regexp.MustCompile(`<code class="secret" id="secret">([^<]+)</code>`)

// secretOf returns the secret shown by the last response of c.
func secretOf(t *testing.T, c *client) string {
	t.Helper()
	m := secretPattern.FindStringSubmatch(c.last)
	if m == nil {
		t.Fatalf("no secret on the page:\n%s", testkit.Excerpt(c.last))
	}
	return html.UnescapeString(m[1])
}

// clientAs is a scenario client signed in as username.
func clientAs(app *testApp, username string) *client {
	c := newClient(app)
	c.session = app.SignIn(username)
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
		if _, _, err := app.App.Auth.CreateToken(ctx, app.AccountID("viewer1"), "viewer-script", 24*time.Hour); err != nil {
			t.Fatal(err)
		}
		var secrets []string

		runScenarios(t, admin, []scenario{
			{Name: "list", Path: "/admin/users", Status: 200, Want: []string{
				"用户管理", `<tr id="user-viewer1">`, "只读", "河东街道", "迎宾社区", "审计员", "全区", `<span class="mark covered">正常</span>`,
				`action="/admin/users/{user:viewer1}/reset"`, `action="/admin/users/{user:viewer1}/disable"`,
				`id="all-tokens"`, "viewer-script", `action="/admin/tokens/{tokenid:viewer-script}/revoke"`, `aria-current="page"`,
			}, Not: []string{`id="disable-tester"`, "<script>", "style="}, Headers: map[string]string{"Content-Security-Policy": "default-src 'none'"}},
			{Name: "list in English", Path: "/admin/users", Lang: "en", Status: 200, Want: []string{"Users", "viewer", "whole district", "Reset password"}},
			{Name: "new form", Path: "/admin/users/new", Status: 200, Want: []string{
				"新建用户", `name="username"`, `name="display_name"`, `<option value="community" selected>社区</option>`,
				`<option value="" selected>— 不限（系统管理员、审计员）—</option>`, `<option value="{迎宾社区}">`, `type="checkbox"`, `name="can_reveal"`,
			}},
			{Name: "new with a bad username", Method: "POST", Path: "/admin/users/new", Form: form("username", "A b", "role", "viewer", "area_id", "{河东街道}"), Status: 422,
				Want: []string{`id="username-error">用户名应为`, `value="A b"`, `<option value="viewer" selected>`, `<option value="{河东街道}" selected>`}},
			{Name: "new without an area", Method: "POST", Path: "/admin/users/new", Form: form("username", "guandu.li", "role", "community"), Status: 422,
				Want: []string{`id="area_id-error">该角色须指定所辖区域`}},
			{Name: "new viewer who may reveal", Method: "POST", Path: "/admin/users/new", Form: form("username", "guandu.li", "role", "viewer", "area_id", "{官渡社区}", "can_reveal", "1"), Status: 422,
				Want: []string{`id="can_reveal-error">该角色不能授予`, `checked`}},
			{Name: "new with a taken username", Method: "POST", Path: "/admin/users/new", Form: form("username", "viewer1", "role", "auditor"), Status: 422,
				Want: []string{"用户名“viewer1”已被使用"}},
			{Name: "new refused in English", Method: "POST", Path: "/admin/users/new", Lang: "en", Form: form("username", "guandu.li", "role", "community"), Status: 422,
				Want: []string{"this role needs an area"}},
			{Name: "new", Method: "POST", Path: "/admin/users/new", Form: form("username", "Guandu.Li", "display_name", "李书记", "role", "community", "area_id", "{官渡社区}", "can_reveal", "1"), Status: 200,
				Want: []string{"已创建用户“guandu.li”", `id="secret"`, "只显示这一次", "官渡社区", "李书记"}, Headers: map[string]string{"Cache-Control": "no-store"}},
		})
		created := secretOf(t, admin)
		secrets = append(secrets, created)
		if cookies := admin.lastHeader.Values("Set-Cookie"); len(cookies) > 0 && strings.Contains(strings.Join(cookies, ";"), created) {
			t.Errorf("the one-time password is in a cookie: %v", cookies)
		}
		if loc := admin.lastHeader.Get("Location"); loc != "" {
			t.Errorf("the result page redirects to %s", loc)
		}
		_, a, err := app.App.Auth.SignIn(ctx, "guandu.li", created, "127.0.0.1", "test")
		if err != nil || !a.MustChangePassword || a.Role != auth.Community || a.AreaID != app.AreaID("官渡社区") || !a.CanReveal || a.DisplayName != "李书记" {
			t.Errorf("created account: %+v, %v", a, err)
		}

		runScenarios(t, admin, []scenario{
			{Name: "list shows the new account", Path: "/admin/users", Status: 200, Want: []string{`<tr id="user-guandu.li">`, "待修改初始密码", "可查看完整个人信息"},
				Not: []string{created}},
			{Name: "reset", Method: "POST", Path: "/admin/users/{user:viewer1}/reset", Status: 200, Want: []string{"已重置“viewer1”的密码", `id="secret"`}},
		})
		reset := secretOf(t, admin)
		secrets = append(secrets, reset)
		if _, _, err := app.App.Auth.SignIn(ctx, "viewer1", reset, "127.0.0.1", "test"); err != nil {
			t.Errorf("sign in with the reset password: %v", err)
		}
		runScenarios(t, viewer, []scenario{
			{Name: "reset ends the sessions", Path: "/", Status: 303, Location: "/signin?next=%2F"},
		})
		viewer.session = app.SignIn("auditor1") // any session; viewer1 is re-signed below
		if err := app.App.Auth.ChangePassword(ctx, app.AccountID("viewer1"), reset, testPassword, ""); err != nil {
			t.Fatal(err)
		}
		viewer.session = app.SignIn("viewer1")

		runScenarios(t, admin, []scenario{
			{Name: "disable", Method: "POST", Path: "/admin/users/{user:yingbin}/disable", Status: 303, Location: "/admin/users"},
			{Name: "disable confirmation", Path: "/admin/users", Status: 200, Want: []string{
				"已停用“yingbin”，其登录会话已结束。", `<tr id="user-yingbin" class="ended">`, `<span class="mark ended">已停用</span>`, `id="enable-yingbin"`,
			}},
			{Name: "disable oneself", Method: "POST", Path: "/admin/users/{user:tester}/disable", Status: 422, Want: []string{`id="form-error">不能停用自己的账号`}},
			{Name: "reset of an unknown account", Method: "POST", Path: "/admin/users/99999/reset", Status: 404},
			{Name: "disable with a bad id", Method: "POST", Path: "/admin/users/x/disable", Status: 404},
			{Name: "reset by GET", Path: "/admin/users/{user:yingbin}/reset", Status: 404},
			{Name: "PUT on the form", Method: "PUT", Path: "/admin/users/new", Status: 405},
		})
		runScenarios(t, community, []scenario{
			{Name: "disabling ends the sessions", Path: "/", Status: 303, Location: "/signin?next=%2F"},
		})
		if _, _, err := app.App.Auth.SignIn(ctx, "yingbin", testPassword, "127.0.0.1", "test"); err == nil {
			t.Error("a disabled account signed in")
		}
		runScenarios(t, admin, []scenario{
			{Name: "enable", Method: "POST", Path: "/admin/users/{user:yingbin}/enable", Status: 303, Location: "/admin/users"},
			{Name: "enable confirmation", Path: "/admin/users", Status: 200, Want: []string{"已启用“yingbin”。", `id="disable-yingbin"`}},
		})
		community.session = app.SignIn("yingbin")

		// Nobody but the administrator manages users.
		for _, c := range []struct {
			name string
			c    *client
		}{{"viewer", viewer}, {"community", community}, {"auditor", auditor}} {
			t.Run(c.name, func(t *testing.T) {
				runScenarios(t, c.c, []scenario{
					{Name: "list", Path: "/admin/users", Status: 403, Want: []string{"无权进行此操作"}, Not: []string{"viewer-script"}},
					{Name: "form", Path: "/admin/users/new", Status: 403},
					{Name: "create", Method: "POST", Path: "/admin/users/new", Form: form("username", "intruder", "role", "admin"), Status: 403},
					{Name: "reset", Method: "POST", Path: "/admin/users/{user:tester}/reset", Status: 403},
					{Name: "disable", Method: "POST", Path: "/admin/users/{user:tester}/disable", Status: 403},
					{Name: "enable", Method: "POST", Path: "/admin/users/{user:tester}/enable", Status: 403},
					{Name: "revoke anyone's token", Method: "POST", Path: "/admin/tokens/{tokenid:viewer-script}/revoke", Status: 403},
				})
			})
		}
		if _, err := app.App.Auth.ByUsername(ctx, "intruder"); err == nil {
			t.Error("a non-administrator created an account")
		}
		runScenarios(t, anonymous, []scenario{
			{Name: "anonymous list", Path: "/admin/users", Status: 303, Location: "/signin?next=%2Fadmin%2Fusers"},
			{Name: "anonymous reset", Method: "POST", Path: "/admin/users/{user:tester}/reset", Status: 401, Want: []string{"请先登录"}},
		})
		runScenarios(t, community, []scenario{
			{Name: "the community user sees no admin menu", Path: "/", Status: 200, Not: []string{`id="nav-users"`, `id="nav-audit"`}, Want: []string{`id="nav-tokens"`}},
		})
		runScenarios(t, admin, []scenario{
			{Name: "the administrator sees the admin menu", Path: "/", Status: 200, Want: []string{`id="nav-users"`, `id="nav-audit"`}},
		})

		// The administrator revokes anyone's token from the user list.
		runScenarios(t, admin, []scenario{
			{Name: "revoke anyone's token", Method: "POST", Path: "/admin/tokens/{tokenid:viewer-script}/revoke", Status: 303, Location: "/admin/users"},
			{Name: "revoke confirmation", Path: "/admin/users", Status: 200, Want: []string{"已撤销令牌“viewer-script”。", `id="no-tokens"`}},
			{Name: "revoke an unknown token", Method: "POST", Path: "/admin/tokens/99999/revoke", Status: 404},
		})

		// Every action is in the trail, with no password in it.
		recs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Limit: audit.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"account.create": "guandu.li", "account.reset": "viewer1", "account.disable": "yingbin", "account.enable": "yingbin", "token.revoke": fmt.Sprint(app.TokenID("viewer-script"))}
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
		if _, _, err := app.App.Auth.CreateToken(ctx, app.AccountID("tester"), "admin-script", 24*time.Hour); err != nil {
			t.Fatal(err)
		}
		runScenarios(t, viewer, []scenario{
			{Name: "none yet", Path: "/account/tokens", Status: 200, Want: []string{"API 令牌", `id="no-tokens"`, `name="name"`, `name="days"`, `value="90"`}, Not: []string{"admin-script"}},
			{Name: "without a name", Method: "POST", Path: "/account/tokens", Form: form("name", " ", "days", "30"), Status: 422, Want: []string{`id="name-error">请填写令牌名称`, `value="30"`}},
			{Name: "zero days", Method: "POST", Path: "/account/tokens", Form: form("name", "统计脚本", "days", "0"), Status: 422, Want: []string{`id="days-error">令牌有效期须大于零且不超过 365 天`, `value="统计脚本"`}},
			{Name: "too many days", Method: "POST", Path: "/account/tokens", Form: form("name", "统计脚本", "days", "400"), Status: 422, Want: []string{`id="days-error"`}},
			{Name: "not a number", Method: "POST", Path: "/account/tokens", Form: form("name", "统计脚本", "days", "x"), Status: 422, Want: []string{`id="days-error"`}},
			{Name: "refused in English", Method: "POST", Path: "/account/tokens", Lang: "en", Form: form("name", "", "days", "30"), Status: 422, Want: []string{"enter a name for the token"}},
			// The form has no account field; one sent anyway is ignored.
			{Name: "create", Method: "POST", Path: "/account/tokens", Form: form("name", "统计脚本", "days", "30", "account_id", "{user:tester}", "username", "tester"), Status: 200,
				Want: []string{"已生成令牌“统计脚本”", `id="secret">dj_`, "Authorization: Bearer"}, Headers: map[string]string{"Cache-Control": "no-store"}},
		})
		secret := secretOf(t, viewer)
		p, err := app.App.Auth.TokenPrincipal(ctx, secret)
		if err != nil || p.Username != "viewer1" {
			t.Errorf("the token acts as %q (%v), want viewer1", p.Username, err)
		}
		own, _ := app.App.Auth.Tokens(ctx, app.AccountID("tester"))
		for _, tk := range own {
			if tk.Name == "统计脚本" {
				t.Error("a viewer created a token for the administrator")
			}
		}
		runScenarios(t, viewer, []scenario{
			{Name: "list", Path: "/account/tokens", Status: 200, Want: []string{"统计脚本", "有效", `action="/account/tokens/{tokenid:统计脚本}/revoke"`}, Not: []string{secret, "admin-script"}},
			{Name: "revoke someone else's", Method: "POST", Path: "/account/tokens/{tokenid:admin-script}/revoke", Status: 403, Want: []string{"无权进行此操作"}},
			{Name: "revoke an unknown token", Method: "POST", Path: "/account/tokens/99999/revoke", Status: 404},
			{Name: "revoke", Method: "POST", Path: "/account/tokens/{tokenid:统计脚本}/revoke", Status: 303, Location: "/account/tokens"},
			{Name: "revoke confirmation", Path: "/account/tokens", Status: 200, Want: []string{"已撤销令牌“统计脚本”。", `<tr id="token-{tokenid:统计脚本}" class="ended">`, "已撤销"},
				Not: []string{`action="/account/tokens/{tokenid:统计脚本}/revoke"`}},
			{Name: "revoke twice", Method: "POST", Path: "/account/tokens/{tokenid:统计脚本}/revoke", Status: 303, Location: "/account/tokens"},
		})
		if _, err := app.App.Auth.TokenPrincipal(ctx, secret); err == nil {
			t.Error("a revoked token still works")
		}
		// Even the administrator revokes another's token only from the user list.
		runScenarios(t, admin, []scenario{
			{Name: "admin revokes another's token here", Method: "POST", Path: "/account/tokens/{tokenid:统计脚本}/revoke", Status: 403},
			{Name: "admin's own", Path: "/account/tokens", Status: 200, Want: []string{"admin-script"}, Not: []string{"统计脚本"}},
		})
		all, _ := app.App.Auth.Tokens(ctx, 0)
		for _, tk := range all {
			if tk.Name == "admin-script" && tk.RevokedAt != nil {
				t.Error("the viewer revoked the administrator's token")
			}
		}
		// Every role has its own tokens page, the auditor too.
		runScenarios(t, auditor, []scenario{
			{Name: "auditor", Path: "/account/tokens", Status: 200, Want: []string{`id="no-tokens"`}},
		})
		// An account with its initial password creates no token before changing it.
		acct, once, err := app.App.Auth.Create(ctx, auth.NewAccount{Username: "fresh", Role: auth.Viewer, AreaID: app.AreaID("河东街道")})
		if err != nil {
			t.Fatal(err)
		}
		fresh := newClient(app)
		fresh.session, _, err = app.App.Auth.SignIn(ctx, acct.Username, once, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		runScenarios(t, fresh, []scenario{
			{Name: "initial password: list", Path: "/account/tokens", Status: 303, Location: "/account/password"},
			{Name: "initial password: create", Method: "POST", Path: "/account/tokens", Form: form("name", "x", "days", "1"), Status: 303, Location: "/account/password"},
			{Name: "initial password: the password page", Path: "/account/password", Status: 200},
		})
		if tk, _ := app.App.Auth.Tokens(ctx, acct.ID); len(tk) != 0 {
			t.Errorf("tokens of an account with its initial password: %v", tk)
		}
		anonymous := newClient(app)
		anonymous.session = ""
		runScenarios(t, anonymous, []scenario{
			{Name: "anonymous list", Path: "/account/tokens", Status: 303, Location: "/signin?next=%2Faccount%2Ftokens"},
			{Name: "anonymous create", Method: "POST", Path: "/account/tokens", Form: form("name", "x", "days", "1"), Status: 401},
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
		runScenarios(t, viewer, []scenario{{Name: "refused", Path: "/audit", Status: 403, Want: []string{"无权进行此操作"}}})
		runScenarios(t, admin, []scenario{{Name: "reset", Method: "POST", Path: "/admin/users/{user:other}/reset", Status: 200}})
		bulk := audit.WithActor(ctx, audit.Actor{Username: "bulk", Role: "admin", Via: "cli"})
		for i := range 60 {
			if err := audit.Write(bulk, d, audit.Entry{Action: "test.bulk", TargetType: "thing", TargetID: fmt.Sprint(i)}); err != nil {
				t.Fatal(err)
			}
		}
		today := time.Now().Format("2006-01-02")
		runScenarios(t, auditor, []scenario{
			{Name: "signed in, the auditor lands here", Path: "/", Status: 403},
			{Name: "page", Path: "/audit", Status: 200, Want: []string{
				"审计日志", `id="audit-filter"`, `name="actor"`, `name="action"`, `name="target_type"`, `name="target_id"`, `name="from"`, `name="to"`,
				`<table class="audit" id="audit">`, "test.bulk", `href="/audit.xlsx"`, `id="page-next"`, "第 1 / ", `aria-current="page"`,
			}, Not: []string{`id="nav-users"`, `href="/figures"`}},
			{Name: "by action prefix", Path: "/audit?action=access", Status: 200, Want: []string{"access.denied", "viewer1", "拒绝", "GET /audit", `href="/audit.xlsx?action=access"`},
				Not: []string{"test.bulk", "account.reset"}},
			{Name: "by actor and action", Path: "/audit?actor=tester&action=account", Status: 200, Want: []string{"account.reset", "共 1 条"}},
			{Name: "by target", Path: "/audit?target_type=account&target_id=other", Status: 200, Want: []string{"account.reset"}, Not: []string{"test.bulk"}},
			{Name: "by target id alone", Path: "/audit?target_id=7&action=test", Status: 200, Want: []string{"共 1 条", "<code>7</code>"}},
			{Name: "paging", Path: "/audit?action=test.bulk", Status: 200, Want: []string{"共 60 条，显示第 1–50 条（最新在前）", `href="/audit?action=test.bulk&amp;page=2"`, "第 1 / 2 页"},
				InOrder: []string{"<code>59</code>", "<code>58</code>", "<code>10</code>"}, Not: []string{"<code>9</code>", `id="page-prev"`}},
			{Name: "second page", Path: "/audit?action=test.bulk&page=2", Status: 200, Want: []string{"显示第 51–60 条", `href="/audit?action=test.bulk"`, "<code>0</code>"},
				Not: []string{"<code>10</code>", `id="page-next"`}},
			{Name: "period", Path: "/audit?action=test&from=" + today + "&to=" + today, Status: 200, Want: []string{"共 60 条", `value="` + today + `"`}},
			{Name: "period without entries", Path: "/audit?from=2000-01-01&to=2000-12-31", Status: 200, Want: []string{"没有符合条件的记录。", `href="/audit.xlsx?from=2000-01-01&amp;to=2000-12-31"`}},
			{Name: "bad date", Path: "/audit?from=2025-02-30", Status: 422, Want: []string{`id="from-error">日期“2025-02-30”无效`}, Not: []string{`id="audit"`}},
			{Name: "inverted period", Path: "/audit?from=2025-12-31&to=2025-01-01", Status: 422, Want: []string{`id="to-error">开始日期 2025-12-31 晚于结束日期 2025-01-01`}},
			{Name: "in English", Path: "/audit?action=access", Lang: "en", Status: 200, Want: []string{"Audit trail", "Export to Excel", "denied"}},
			{Name: "export", Path: "/audit.xlsx?action=test", Status: 200, Want: []string{"PK"}, Headers: map[string]string{
				"Content-Type": "spreadsheetml", "Content-Disposition": "attachment; filename=\"audit-",
			}},
			{Name: "export of a bad filter", Path: "/audit.xlsx?to=x", Status: 422, Want: []string{"日期“x”无效"}},
			{Name: "the export is audited", Path: "/audit?action=audit.export", Status: 200, Want: []string{"audit.export", "auditor1", "?action=test"}},
		})
		runScenarios(t, viewer, []scenario{
			{Name: "viewer export", Path: "/audit.xlsx", Status: 403},
		})
		runScenarios(t, admin, []scenario{
			{Name: "admin reads the trail", Path: "/audit?action=audit", Status: 200, Want: []string{"audit.export"}},
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
	c.run(t, scenario{Name: "create while the trail is down", Method: "POST", Path: "/admin/users/new",
		Form: form("username", "ghost", "role", string(auth.Auditor)), Status: 500})
	if _, err := app.App.Auth.ByUsername(context.Background(), "ghost"); err == nil {
		t.Errorf("the account was created although its audit entry could not be written")
	}
}
