package web_test

import (
	"context"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// TestServerError: a failing database gives the 500 page in the user's
// language, logged, without the error's text.
func TestServerError(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		d.Close()
		for _, c := range []struct{ lang, want string }{{"zh", "服务器内部错误"}, {"en", "internal server error"}} {
			for _, path := range []string{"/", app.Expand("/areas/1"), "/figures", "/speech"} {
				req, _ := http.NewRequest("GET", app.srv.URL+path, nil)
				req.AddCookie(&http.Cookie{Name: "lang", Value: c.lang})
				req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				body := string(b)
				if res.StatusCode != http.StatusInternalServerError {
					t.Errorf("%s: status %d, want 500", path, res.StatusCode)
				}
				if !strings.Contains(body, c.want) {
					t.Errorf("%s (%s): body lacks %q", path, c.lang, c.want)
				}
				if strings.Contains(body, "closed") || strings.Contains(body, "sql") || strings.Contains(body, "goroutine") {
					t.Errorf("%s: body leaks the error: %s", path, testkit.Excerpt(body))
				}
			}
		}
		if logs := app.Logs.String(); !strings.Contains(logs, "request failed") || !strings.Contains(logs, "path=/figures") {
			t.Errorf("500s not logged: %s", logs)
		}
	})
}

// TestCrossOriginPost: a form posted from another site is refused.
func TestCrossOriginPost(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	app := newTestApp(t, d)
	req, _ := http.NewRequest("POST", app.srv.URL+app.Expand("/areas/{迎宾社区}/dissolve"), strings.NewReader("on=2025-06-01"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", res.StatusCode)
	}
	a, err := app.App.Areas.Get(context.Background(), app.AreaID("迎宾社区"))
	if err != nil || !a.EndedOn.IsZero() {
		t.Errorf("迎宾社区 changed by a cross-origin post: %+v %v", a, err)
	}
}

var (
	keyUse = regexp.MustCompile(`\.T "([a-z_.]+)"`)
	// A script is only ever loaded from /static/ (script-src 'self').
	inlineCode = regexp.MustCompile(`(?i)<script(?:>|\s+[^s>])|\sstyle=|\son[a-z]+=|javascript:`)
)

// TestTemplates: every message a template of the application or of a
// domain uses is in both catalogs, and no template has inline script,
// event handlers or style attributes (the Content-Security-Policy forbids
// them).
func TestTemplates(t *testing.T) {
	files, err := filepath.Glob("../*/templates/*.html")
	if err != nil || len(files) < 10 {
		t.Fatalf("templates: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
			if !i18n.Has(m[1]) {
				t.Errorf("%s: key %s is not in both catalogs", f, m[1])
			}
		}
		if m := inlineCode.FindString(string(b)); m != "" {
			t.Errorf("%s: inline code or style %q", f, m)
		}
	}
	// Keys built at run time.
	var keys []string
	for _, l := range area.Levels {
		keys = append(keys, "ui.level."+string(l))
	}
	for _, k := range area.OrgKinds {
		keys = append(keys, "ui.kind."+string(k))
	}
	for _, k := range area.EventKinds {
		keys = append(keys, "ui.event_kind."+string(k))
	}
	for _, r := range auth.Roles {
		keys = append(keys, "ui.role."+string(r))
	}
	for _, st := range []string{"active", "expired", "revoked"} {
		keys = append(keys, "ui.token.state."+st)
	}
	for _, o := range []string{audit.OutcomeOK, audit.OutcomeDenied, audit.OutcomeFailed} {
		keys = append(keys, "ui.audit.outcome."+o)
	}
	for _, k := range keys {
		if !i18n.Has(k) {
			t.Errorf("key %s is not in both catalogs", k)
		}
	}
}
