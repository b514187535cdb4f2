package web

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/date"
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
			for _, path := range []string{"/", app.expand("/areas/1"), "/figures", "/speech"} {
				req, _ := http.NewRequest("GET", app.srv.URL+path, nil)
				req.AddCookie(&http.Cookie{Name: "lang", Value: c.lang})
				req.AddCookie(&http.Cookie{Name: sessionCookie, Value: app.session})
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
					t.Errorf("%s: body leaks the error: %s", path, excerpt(body))
				}
			}
		}
		if logs := app.logs.String(); !strings.Contains(logs, "request failed") || !strings.Contains(logs, "path=/figures") {
			t.Errorf("500s not logged: %s", logs)
		}
	})
}

// TestPanicRecovered: a panicking handler gives the 500 page, not a
// dropped connection.
func TestPanicRecovered(t *testing.T) {
	var logs syncBuffer
	s := &Server{log: slog.New(slog.NewTextHandler(&logs, nil)), pages: mustParsePages()}
	h := s.withLang(s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/?lang=en", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "internal server error") || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("status %d, body %s", rec.Code, excerpt(rec.Body.String()))
	}
	if !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

// TestCrossOriginPost: a form posted from another site is refused.
func TestCrossOriginPost(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	app := newTestApp(t, d)
	req, _ := http.NewRequest("POST", app.srv.URL+app.expand("/areas/{迎宾社区}/dissolve"), strings.NewReader("on=2025-06-01"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: app.session})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", res.StatusCode)
	}
	a, err := app.store.Get(context.Background(), app.areaID("迎宾社区"))
	if err != nil || !a.EndedOn.IsZero() {
		t.Errorf("迎宾社区 changed by a cross-origin post: %+v %v", a, err)
	}
}

var (
	keyUse     = regexp.MustCompile(`\.T "([a-z_.]+)"`)
	inlineCode = regexp.MustCompile(`(?i)<script|\sstyle=|\son[a-z]+=|javascript:`)
)

// TestTemplates: every message a template uses is in both catalogs, and no
// template has inline script, event handlers or style attributes (the
// Content-Security-Policy forbids them).
func TestTemplates(t *testing.T) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v %v", files, err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(templateFS, f)
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

// TestDescribeEventEscapes: names in history sentences are escaped.
func TestDescribeEventEscapes(t *testing.T) {
	e := area.Event{Kind: area.Merge, On: date.MustParse("2024-01-01"),
		Area: area.Ref{ID: 1, Name: `<b>甲</b>`}, Target: &area.Ref{ID: 2, Name: `"乙"&`}}
	got := string(describeEvent(i18n.ZH, e).Sentence)
	want := `<a href="/areas/1">&lt;b&gt;甲&lt;/b&gt;</a>并入<a href="/areas/2">&#34;乙&#34;&amp;</a>`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/figures?a=1": "/figures?a=1", "": "/", "//evil.example": "/", "/\\evil": "/", "https://evil.example": "/", "/a\nb": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
