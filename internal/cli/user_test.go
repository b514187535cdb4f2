package cli_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestUserAndTokenCommands(t *testing.T) {
	u := demoDB(t, db.SQLite)
	code, out, stderr := run(t, "user", "add", "Li.Ming", "--role", "community", "--area", "迎宾社区", "--db", u)
	pw := regexp.MustCompile(`shown once: (\S+)`).FindStringSubmatch(out)
	if code != 0 || pw == nil || !strings.Contains(out, "li.ming") {
		t.Fatalf("user add: %d %q %q", code, out, stderr)
	}
	if code, out, _ = run(t, "user", "list", "--db", u); code != 0 || !strings.Contains(out, "li.ming") || !strings.Contains(out, "must change password") {
		t.Errorf("user list: %q", out)
	}
	if code, out, _ = run(t, "user", "passwd", "li.ming", "--db", u); code != 0 || strings.Contains(out, pw[1]) || !strings.Contains(out, "shown once") {
		t.Errorf("user passwd: %q", out)
	}
	code, out, _ = run(t, "token", "create", "--user", "li.ming", "--expires", "48h", "--db", u)
	secret := regexp.MustCompile(`(?m)^dj_\S+$`).FindString(out)
	if code != 0 || secret == "" {
		t.Fatalf("token create: %q", out)
	}
	if code, out, _ = run(t, "token", "list", "--db", u); code != 0 || !strings.Contains(out, "li.ming") || strings.Contains(out, secret) {
		t.Errorf("token list shows %q", out)
	}
	if code, _, stderr = run(t, "token", "revoke", "1", "--db", u); code != 0 {
		t.Errorf("token revoke: %s", stderr)
	}
	if code, _, stderr = run(t, "token", "revoke", "1", "--db", u); code == 0 || !strings.Contains(stderr, "令牌 1 不存在或已撤销") {
		t.Errorf("second revoke: %d %s", code, stderr)
	}
	if code, _, _ = run(t, "user", "disable", "li.ming", "--db", u); code != 0 {
		t.Error("user disable failed")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "x1", "--role", "boss", "--db", u}, "角色无效"},
		{[]string{"user", "add", "x2", "--role", "community", "--db", u}, "该角色须指定所辖区域"},
		{[]string{"user", "add", "li.ming", "--role", "viewer", "--area", "示范区", "--db", u}, "已被使用"},
		{[]string{"user", "passwd", "nobody", "--db", u}, "不存在"},
		{[]string{"token", "create", "--db", u}, "needs --user"},
		{[]string{"token", "revoke", "abc", "--db", u}, "not a token id"},
		{[]string{"user"}, "needs a subcommand"},
	} {
		code, _, stderr := run(t, c.args...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

func TestDemoPrintsOneTimePasswords(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"zh_CN.UTF-8", []string{"用户名 admin", "yingbin.wang", "shenji.liu", "演示账号（一次性密码，仅显示这一次）"}},
		{"en_US.UTF-8", []string{"username admin", "yingbin.wang", "shenji.liu", "demo accounts (one-time passwords"}},
	} {
		code, out, stderr := runWith(t, tc.lang, "", "demo", "--db", dbtest.URL(t, db.SQLite))
		if code != 0 {
			t.Fatal(stderr)
		}
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: demo output lacks %q:\n%s", tc.lang, want, out)
			}
		}
	}
}

// TestTokenForAccountWithPendingPassword: a token made on the command line
// for an account that has not set its own password says how to set it
// there; once it is set, a new token needs no such note.
func TestTokenForAccountWithPendingPassword(t *testing.T) {
	u := demoDB(t, db.SQLite)
	code, out, stderr := run(t, "token", "create", "--user", "yingbin.wang", "--db", u)
	if code != 0 || !strings.Contains(out, "dangjian user password yingbin.wang") {
		t.Fatalf("token create: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runWith(t, "zh_CN.UTF-8", "short\n", "user", "password", "yingbin.wang", "--db", u); code == 0 || stderr == "" {
		t.Errorf("a password against the policy was taken: %q", stderr)
	}
	if code, _, stderr := runWith(t, "zh_CN.UTF-8", "", "user", "password", "yingbin.wang", "--db", u); code == 0 || !strings.Contains(stderr, "no password") {
		t.Errorf("no password on standard input: %d %q", code, stderr)
	}
	code, out, stderr = runWith(t, "zh_CN.UTF-8", "Yingbin-Passw0rd-9\n", "user", "password", "yingbin.wang", "--db", u)
	if code != 0 || !strings.Contains(out, "已为 yingbin.wang 设置新密码") || strings.Contains(out+stderr, "Yingbin-Passw0rd-9") {
		t.Fatalf("user password: %d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, "token", "create", "--user", "yingbin.wang", "--db", u)
	if code != 0 || strings.Contains(out, "dangjian user password") {
		t.Errorf("token after the password is set: %d %q", code, out)
	}
}

func TestUserAddUnitLiaison(t *testing.T) {
	u := demoDB(t, db.SQLite)
	code, out, stderr := run(t, "user", "add", "liaison", "--role", "unit", "--unit", "示范市房管所", "--db", u)
	if code != 0 || !strings.Contains(out, "liaison (unit)") {
		t.Fatalf("user add --unit: %d %q %q", code, out, stderr)
	}
	if code, _, stderr = run(t, "user", "add", "liaison2", "--role", "unit", "--db", u); code == 0 || !strings.Contains(stderr, "驻区单位联络员须指定所属单位") {
		t.Errorf("unit liaison without unit: %d %q", code, stderr)
	}
	if code, _, stderr = run(t, "user", "add", "liaison3", "--role", "unit", "--unit", "没有这个单位", "--db", u); code == 0 || !strings.Contains(stderr, "没有这个单位") {
		t.Errorf("unknown unit: %d %q", code, stderr)
	}
	if code, _, stderr = run(t, "user", "add", "viewer9", "--role", "viewer", "--area", "迎宾社区", "--unit", "示范市房管所", "--db", u); code == 0 || !strings.Contains(stderr, "只有驻区单位联络员可以指定单位") {
		t.Errorf("viewer with a unit: %d %q", code, stderr)
	}
}

// TestUserCommandsAreAudited: each account and token command of the
// command line (issue 3 item 6: every write; docs/security.md: account
// management, token creation and revocation) adds an entry to the audit
// trail.
func TestUserCommandsAreAudited(t *testing.T) {
	u := demoDB(t, db.SQLite)
	steps := [][]string{
		{"user", "add", "li.ming", "--role", "community", "--area", "迎宾社区", "--db", u},
		{"user", "passwd", "li.ming", "--db", u},
		{"token", "create", "--user", "li.ming", "--db", u},
		{"token", "revoke", "1", "--db", u},
		{"user", "disable", "li.ming", "--db", u},
		{"user", "enable", "li.ming", "--db", u},
	}
	d, err := db.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	count := func() int {
		_, n, err := audit.Query(context.Background(), d.Reader(), audit.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, s := range steps {
		before := count()
		if code, _, stderr := run(t, s...); code != 0 {
			t.Fatalf("%v: %s", s, stderr)
		}
		if count() == before {
			t.Errorf("%v changed the accounts but added no audit entry", s[:2])
		}
	}
}
