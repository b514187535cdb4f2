package web_test

import (
	"bytes"
	"context"
	"dangjian/internal/web"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"

	"github.com/xuri/excelize/v2"
)

func importTestID(seq int) string {
	first17 := fmt.Sprintf("11010519700506%03d", seq)
	return first17 + string(people.CheckDigit(first17))
}

// importCSV is a member file with a good row and a bad one (line 3).
func importCSV(branch string) string {
	return "姓名,身份证号,所在支部,党员状态,党员类别,入党日期\n" +
		"王芳," + importTestID(1) + "," + branch + ",正式,居民,1995-07-01\n" +
		"李强," + importTestID(2)[:17] + "0," + branch + ",正式,居民,1995-07-01\n"
}

// upload posts file to /import as session and follows the job to its end.
func (a *testApp) upload(t *testing.T, session, kind, name, body string, dry bool) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("kind", kind)
	if dry {
		mw.WriteField("dry_run", "1")
	}
	fw, _ := mw.CreateFormFile("file", name)
	io.WriteString(fw, body)
	mw.Close()
	req, _ := http.NewRequest("POST", a.srv.URL+"/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return a.startJob(t, session, req)
}

// confirmImport confirms the clean dry run whose page is body, as session,
// and follows the real import to its end.
func (a *testApp) confirmImport(t *testing.T, session, body string) (int, string) {
	t.Helper()
	m := regexp.MustCompile(`action="(/import/jobs/[^"]+/confirm)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no confirm button on the dry run's page:\n%s", body)
	}
	req, _ := http.NewRequest("POST", a.srv.URL+m[1], nil)
	return a.startJob(t, session, req)
}

// noRedirect is a client that hands back a redirect instead of following it.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// startJob sends req as session; when it starts a job (303 to the job's
// page) it follows the job to its end, else it returns the answer.
func (a *testApp) startJob(t *testing.T, session string, req *http.Request) (int, string) {
	t.Helper()
	req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: session})
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return resp.StatusCode, string(b)
	}
	return a.followJob(t, session, resp.Header.Get("Location"))
}

// followJob reads the job page at loc until the job is done.
func (a *testApp) followJob(t *testing.T, session, loc string) (int, string) {
	t.Helper()
	cl := noRedirect
	for range 200 {
		req, _ := http.NewRequest("GET", a.srv.URL+loc, nil)
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: session})
		resp, err := cl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("Refresh") == "" {
			return resp.StatusCode, string(b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("import did not finish")
	return 0, ""
}

func TestImportPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		status, body := app.upload(t, app.session, "members", "m.csv", importCSV("迎宾社区党支部"), true)
		if status != 200 || !strings.Contains(body, `id="import-errors"`) || !strings.Contains(body, "<td>3</td><td>李强 ") || !strings.Contains(body, "</td><td>身份证号</td>") || !strings.Contains(body, "1 行共有 1 处问题") {
			t.Fatalf("dry run with a bad row: %d\n%s", status, body)
		}
		good := strings.Join(strings.Split(importCSV("迎宾社区党支部"), "\n")[:2], "\n") + "\n"
		status, body = app.upload(t, app.session, "members", "m.csv", good, true)
		if status != 200 || !strings.Contains(body, `id="import-ready"`) {
			t.Fatalf("dry run: %d\n%s", status, body)
		}
		status, body = app.upload(t, app.session, "members", "m.csv", good, false)
		if status != 200 || !strings.Contains(body, `id="import-done"`) || !strings.Contains(body, "新增 1") {
			t.Fatalf("import: %d\n%s", status, body)
		}
		// Another user cannot see the job; a wrong kind is refused.
		if status, _ := app.upload(t, app.session, "nonsense", "m.csv", good, true); status != http.StatusUnprocessableEntity {
			t.Errorf("bad kind: %d", status)
		}
		// A community user importing into a branch outside their scope gets row errors.
		app.account("yb", auth.Community, "迎宾社区")
		other := app.SignIn("yb")
		_, body = app.upload(t, other, "members", "m.csv", strings.ReplaceAll(good, "迎宾社区党支部", "光明社区党支部"), true)
		if !strings.Contains(body, "所在支部") {
			t.Errorf("outside the scope: %s", body)
		}
		// Export: masked for a user who may not reveal.
		req, _ := http.NewRequest("GET", app.srv.URL+"/export/members.csv", nil)
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), "王芳") || strings.Contains(string(b), importTestID(1)) {
			t.Errorf("export: %d\n%s", resp.StatusCode, b)
		}
	})
}

// After a clean dry run, 确认导入 imports the same upload without sending
// it again, once; a dry run with problems cannot be confirmed.
func TestImportConfirm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		good := strings.Join(strings.Split(importCSV("迎宾社区党支部"), "\n")[:2], "\n") + "\n"
		_, dry := app.upload(t, app.session, "members", "m.csv", good, true)
		if !strings.Contains(dry, `id="import-ready"`) || !strings.Contains(dry, "确认导入") {
			t.Fatalf("clean dry run:\n%s", dry)
		}
		if n := countPersons(t, app, "王芳"); n != 0 {
			t.Fatalf("the dry run wrote %d persons", n)
		}
		status, body := app.confirmImport(t, app.session, dry)
		if status != 200 || !strings.Contains(body, `id="import-done"`) || !strings.Contains(body, "新增 1") {
			t.Fatalf("confirmed import: %d\n%s", status, body)
		}
		if n := countPersons(t, app, "王芳"); n != 1 {
			t.Errorf("after the confirmation %d persons named 王芳, want 1", n)
		}
		if status, body := app.confirmImport(t, app.session, dry); status != http.StatusConflict || !strings.Contains(body, "该文件已经导入或已过期") {
			t.Errorf("a second confirmation: %d\n%s", status, body)
		}
		// Another account cannot confirm someone else's dry run.
		app.account("other-importer", auth.District, "示范区")
		if status, _ := app.confirmImport(t, app.SignIn("other-importer"), dry); status != http.StatusNotFound {
			t.Errorf("another account's confirmation: %d, want 404", status)
		}
	})
}

func countPersons(t *testing.T, app *testApp, name string) int {
	t.Helper()
	var n int
	if err := app.DB.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM person WHERE name = ?", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Each kind's template has its headers, an example row and the allowed
// values; the members' example row, sent back as it is, passes a dry run.
func TestImportTemplates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		for _, kind := range []string{"members", "units", "posts"} {
			req, _ := http.NewRequest("GET", app.srv.URL+"/import/templates/"+kind+".xlsx", nil)
			req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), kind+"-template.xlsx") {
				t.Fatalf("%s template: %d %v", kind, resp.StatusCode, resp.Header)
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			sheets := f.GetSheetList()
			rows, _ := f.GetRows(sheets[0])
			values, _ := f.GetRows("可选值")
			f.Close()
			if len(sheets) != 2 || sheets[1] != "可选值" || len(rows) != 2 || len(values) < 2 {
				t.Fatalf("%s template: sheets %v, %d rows, %d rows of values", kind, sheets, len(rows), len(values))
			}
			if kind == "members" {
				all := fmt.Sprint(values)
				for _, want := range []string{"党员状态", "正式", "预备", "学历", "大学本科", "转入原因", "入党"} {
					if !strings.Contains(all, want) {
						t.Errorf("the allowed values lack %s: %v", want, values)
					}
				}
				if rows[0][0] != "姓名" || rows[1][0] != "示例党员" {
					t.Errorf("members template rows %v", rows)
				}
				if _, body := app.upload(t, app.session, "members", "template.xlsx", string(b), true); !strings.Contains(body, `id="import-ready"`) {
					t.Errorf("the template's example row does not pass a dry run:\n%s", body)
				}
			}
		}
		req, _ := http.NewRequest("GET", app.srv.URL+"/import/templates/nothing.xlsx", nil)
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown kind's template: %d", resp.StatusCode)
		}
	})
}
