package coordination_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/web"
)

// TestActionSheetPages: a subdistrict officer downloads the action sheet,
// checks a changed sheet (nothing written), imports it (the update in the
// timeline), and sees every problem of a bad sheet with nothing written; a
// viewer may download but not import.
func TestActionSheetPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		p.Callers()
		h := p.Handler()
		ctx := context.Background()
		ids := p.actionIDs()
		send := func(user, method, path string, file []byte, mode string) *httptest.ResponseRecorder {
			t.Helper()
			var body bytes.Buffer
			req := httptest.NewRequest(method, path, nil)
			if method == http.MethodPost {
				mw := multipart.NewWriter(&body)
				if file != nil {
					fw, _ := mw.CreateFormFile("file", "台账.xlsx")
					_, _ = fw.Write(file)
				}
				_ = mw.WriteField("mode", mode)
				_ = mw.Close()
				req = httptest.NewRequest(method, path, &body)
				req.Header.Set("Content-Type", mw.FormDataContentType())
			}
			req.Header.Set("Cookie", web.SessionCookie+"="+p.Sessions[user])
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		updates := func() int {
			var n int
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM action_update WHERE action_id = ?", ids["a4"]).Scan(&n))
			return n
		}

		rec := send("hedong", "GET", "/actions/export", nil, "")
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), ".xlsx") {
			t.Fatalf("export: %d %v", rec.Code, rec.Header())
		}
		f, rows := sheetOf(t, rec.Body.Bytes())
		if len(rows) != 4 {
			t.Fatalf("河东's sheet: %v", rows)
		}
		setCell(t, f, rows, ids["a4"], "进度（%）", "30")
		setCell(t, f, rows, ids["a4"], "进展情况", "已开工")
		changed := saved(t, f)
		if rec := send("viewer", "GET", "/actions/export?format=csv", nil, ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "事项编号") {
			t.Errorf("a viewer's export: %d", rec.Code)
		}
		// A format that is not offered is refused on the page (it was a 500).
		if rec := send("hedong", "GET", "/actions/export?format=pdf", nil, ""); rec.Code != 422 || !strings.Contains(rec.Body.String(), `id="sheet-error"`) {
			t.Errorf("an export as pdf: %d", rec.Code)
		}

		for _, tc := range []struct {
			name, user string
			file       []byte
			mode       string
			status     int
			want       string
			updates    int
		}{
			{"the form", "hedong", nil, "", 200, `id="sheet-form"`, 0},
			{"check", "hedong", changed, "check", 200, "检查通过：共 3 行，1 行将更新，2 行无变化", 0},
			{"no file", "hedong", nil, "apply", 422, `id="sheet-error"`, 0},
			{"a viewer imports nothing", "viewer", changed, "apply", 403, "", 0},
			{"import", "hedong", changed, "apply", 200, "已导入：共 3 行，1 行已更新，2 行无变化", 1},
			{"again", "hedong", changed, "apply", 200, "已导入：共 3 行，0 行已更新，3 行无变化", 1},
		} {
			method := http.MethodPost
			if tc.name == "the form" {
				method = http.MethodGet
			}
			rec := send(tc.user, method, "/actions/import", tc.file, tc.mode)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) || updates() != tc.updates {
				t.Errorf("%s: %d, %d updates, want %d with %q, %d updates", tc.name, rec.Code, updates(), tc.status, tc.want, tc.updates)
			}
		}
		// A bad sheet: every problem listed, nothing written.
		setCell(t, f, rows, ids["a4"], "进度（%）", "10")
		setCell(t, f, rows, ids["a4"], "办结期限", "2026-01-01")
		rec = send("hedong", "POST", "/actions/import", saved(t, f), "apply")
		body := rec.Body.String()
		for _, want := range []string{`id="sheet-problems"`, "发现 2 处问题，未写入任何一行", "<td>办结期限</td>", "<td>进展情况</td>", "进度低于上次的 30%"} {
			if !strings.Contains(body, want) {
				t.Errorf("a bad sheet: %d, lacks %q", rec.Code, want)
			}
		}
		if rec.Code != 422 || updates() != 1 {
			t.Errorf("a bad sheet: %d, %d updates", rec.Code, updates())
		}
	})
}
