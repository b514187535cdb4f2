package services_test

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestSheetPages: the sheets download within the user's scope and load
// back through the page (checked, then imported; every problem of a bad
// sheet listed, nothing written), for writers only; the same through the
// API, in both languages.
func TestSheetPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		p.Callers()
		h := p.Handler()
		// send sends a request as user: a page with its session cookie, an
		// API path with its token; a file makes it a multipart upload.
		send := func(user, method, path string, file []byte, fields map[string]string) *httptest.ResponseRecorder {
			t.Helper()
			req := httptest.NewRequest(method, p.Expand(path), nil)
			if file != nil {
				var body bytes.Buffer
				mw := multipart.NewWriter(&body)
				fw, _ := mw.CreateFormFile("file", "表格.csv")
				_, _ = fw.Write(file)
				for k, v := range fields {
					_ = mw.WriteField(k, v)
				}
				_ = mw.Close()
				req = httptest.NewRequest(method, p.Expand(path), &body)
				req.Header.Set("Content-Type", mw.FormDataContentType())
			}
			if strings.HasPrefix(path, "/api/") {
				req.Header.Set("Authorization", p.Bearer(user))
			} else {
				req.Header.Set("Cookie", web.SessionCookie+"="+p.Sessions[user])
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		expect := func(name string, rec *httptest.ResponseRecorder, status int, want ...string) {
			t.Helper()
			if rec.Code != status {
				t.Errorf("%s: status %d, want %d: %.300s", name, rec.Code, status, rec.Body.String())
				return
			}
			for _, w := range want {
				if !strings.Contains(rec.Body.String(), w) && !strings.Contains(rec.Header().Get("Content-Disposition"), w) {
					t.Errorf("%s: no %q in %.500s", name, w, rec.Body.String())
				}
			}
		}

		// Downloads, within the scope.
		expect("河东's outlets as XLSX", send("hedong", "GET", "/outlets/export", nil, nil), 200, ".xlsx")
		rec := send("hedong", "GET", "/service-records/export?format=csv", nil, nil)
		expect("河东's records", rec, 200, "记录编号", "O5 宾南家政服务中心", "2024-06")
		if strings.Contains(rec.Body.String(), "官渡") {
			t.Error("河东's sheet shows 官渡's records")
		}
		rec = send("district", "GET", "/service-records/export?format=csv&from=2024-06-01&to=2024-06-30", nil, nil)
		expect("a month's records", rec, 200, "2024-06,30,", "2024-06-15,7,")
		if body := rec.Body.String(); strings.Count(body, "\r\n") != 3 {
			t.Errorf("a month's records: %q", body)
		}
		expect("a bad period", send("district", "GET", "/service-records/export?from=2024-13-01", nil, nil), 422, `id="sheet-error"`)
		expect("a viewer's placements", send("viewer", "GET", "/placements/export?format=csv", nil, nil), 200, "安置编号", "********")
		expect("as pdf", send("hedong", "GET", "/good-deeds/export?format=pdf", nil, nil), 422, `id="sheet-error"`)
		expect("another subdistrict's area", send("hedong", "GET", "/designations/export?area={官渡社区}", nil, nil), 403)
		expect("another subdistrict's area by name", send("hedong", "GET", "/designations/export?area=官渡社区", nil, nil), 404)

		// The import page, for writers.
		expect("the import form", send("hedong", "GET", "/service-records/import", nil, nil), 200, `id="sheet-form"`, `action="/service-records/import"`, "服务记录导入导出", `id="sheet-records-intro"`,
			`<a href="/placements/import">再就业导入导出</a>`)
		expect("in English", send("hedong", "GET", "/placements/import?lang=en", nil, nil), 200, "Re-employment: export and import", "exported masked")
		expect("a viewer may not import", send("viewer", "GET", "/outlets/import", nil, nil), 403)

		// A sheet with a new deed: checked, then imported.
		header := strings.SplitN(send("hedong", "GET", "/good-deeds/export?format=csv", nil, nil).Body.String(), "\r\n", 2)[0]
		sheet := []byte(header + "\r\n,宾南社区,实事,宾南修路灯,20,宾南社区党支部,2025-03-01,\r\n")
		deeds := func() int { return p.count("SELECT COUNT(*) FROM good_deed WHERE title = ?", "宾南修路灯") }
		expect("checked", send("hedong", "POST", "/good-deeds/import", sheet, map[string]string{"mode": "check"}), 200, `id="sheet-checked"`, "1 行将新增或更正")
		if deeds() != 0 {
			t.Error("a check wrote")
		}
		expect("imported", send("hedong", "POST", "/good-deeds/import", sheet, map[string]string{"mode": "apply"}), 200, `id="sheet-done"`)
		expect("imported again", send("hedong", "POST", "/good-deeds/import", sheet, map[string]string{"mode": "apply"}), 200, "0 行已新增或更正")
		if deeds() != 1 {
			t.Errorf("the deed: %d", deeds())
		}
		// A bad sheet: every problem, nothing written.
		bad := []byte(header + "\r\n,宾南社区,实事,宾南修水管,-1,,2025-03-02,\r\n,官渡社区,实事,官渡修水管,1,,2025-03-02,\r\n")
		expect("a bad sheet", send("hedong", "POST", "/good-deeds/import", bad, map[string]string{"mode": "apply"}), 422,
			`id="sheet-problems"`, "发现 2 处问题", "受益人数", "街道或社区")
		expect("not a sheet", send("hedong", "POST", "/good-deeds/import", nil, nil), 422, `id="sheet-error"`)

		// The API.
		for _, sc := range []testkit.Scenario{
			{Name: "outlets as CSV", As: "district", Path: "/api/v1/outlets/export?format=csv", Status: 200, Want: []string{"站点编号", "O1 迎宾环卫站"}},
			{Name: "in English", As: "district", Path: "/api/v1/designations/export?format=csv&lang=en", Status: 200, Want: []string{"Designation no.", "Safe and civilised neighbourhood"}},
			{Name: "a bad format", As: "district", Path: "/api/v1/placements/export?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
		} {
			p.Serve(t, h, sc)
		}
		expect("an API check", send("hedong", "POST", "/api/v1/good-deeds/import", sheet, map[string]string{"dry_run": "true"}), 200, `"state":"done"`, `"dry_run":true`, `"changed":0`)
		expect("an API refusal", send("hedong", "POST", "/api/v1/good-deeds/import", bad, nil), 200, `"state":"refused"`, `"column":"受益人数"`, `"column":"街道或社区"`)
		expect("a viewer's API import", send("viewer", "POST", "/api/v1/good-deeds/import", sheet, nil), 403)
		if p.count("SELECT COUNT(*) FROM good_deed WHERE title LIKE ?", "%修水管") != 0 {
			t.Error("a refused sheet wrote")
		}
	})
}
