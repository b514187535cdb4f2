package services_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/web"
)

// send sends a request as user to h: a page with its session cookie, an
// API path with its token; a file makes it a multipart upload with fields.
func (p *ptWorld) send(h http.Handler, user, method, path string, file []byte, fields map[string]string) *httptest.ResponseRecorder {
	p.T.Helper()
	req := httptest.NewRequest(method, p.Expand(path), nil)
	if file != nil {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "诉求.csv")
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

// TestPetitionSheetPages: the petitions' sheet downloads within the
// user's scope and loads back through the page and the API (checked, then
// imported; every problem of a bad sheet listed, nothing written), for
// writers only; on both engines.
func TestPetitionSheetPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		p.buildSheetCases()
		p.Callers()
		h := p.Handler()
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
		expect("河东's petitions as XLSX", p.send(h, "hedong", "GET", "/petitions/export", nil, nil), 200, ".xlsx")
		rec := p.send(h, "hedong", "GET", "/petitions/export?format=csv", nil, nil)
		expect("河东's petitions", rec, 200, "诉求编号", "噪音扰民", "楼道灯坏")
		if strings.Contains(rec.Body.String(), "官渡") {
			t.Error("河东's sheet shows 官渡's cases")
		}
		expect("a bad period", p.send(h, "district", "GET", "/petitions/export?from=2025-13-01", nil, nil), 422, `id="sheet-error"`)
		expect("another subdistrict's area", p.send(h, "hedong", "GET", "/petitions/export?area={官渡社区}", nil, nil), 403)
		expect("the import form", p.send(h, "hedong", "GET", "/petitions/import", nil, nil), 200, `id="sheet-form"`, `action="/petitions/import"`, "诉求导入导出")
		expect("in English", p.send(h, "hedong", "GET", "/petitions/import?lang=en", nil, nil), 200, "Petitions: export and import", "personal data")
		expect("a viewer may not import", p.send(h, "viewer", "GET", "/petitions/import", nil, nil), 403)

		header := strings.SplitN(rec.Body.String(), "\r\n", 2)[0]
		sheet := []byte(header + "\r\n,宾南社区,井盖松动,求助,来访,否,1,2025-06-21 09:00,区城管局,,,,,,,,\r\n")
		cases := func() int { return p.count("SELECT COUNT(*) FROM petition_case WHERE title = ?", "井盖松动") }
		expect("checked", p.send(h, "hedong", "POST", "/petitions/import", sheet, map[string]string{"mode": "check"}), 200, `id="sheet-checked"`, "1 行将新增或更正")
		if cases() != 0 {
			t.Error("a check wrote")
		}
		expect("imported", p.send(h, "hedong", "POST", "/petitions/import", sheet, map[string]string{"mode": "apply"}), 200, `id="sheet-done"`)
		expect("imported again", p.send(h, "hedong", "POST", "/petitions/import", sheet, map[string]string{"mode": "apply"}), 200, "0 行已新增或更正")
		if cases() != 1 {
			t.Errorf("the case: %d", cases())
		}
		bad := []byte(header + "\r\n,宾南社区,楼道积水,投诉,来访,是,1,2025-06-22 09:00,,,,,,,,,\r\n,官渡社区,官渡积水,求助,来访,否,1,2025-06-22 09:00,,,,,,,,,\r\n")
		expect("a bad sheet", p.send(h, "hedong", "POST", "/petitions/import", bad, map[string]string{"mode": "apply"}), 422,
			`id="sheet-problems"`, "发现 2 处问题", "人数", "受理地区")
		expect("not a sheet", p.send(h, "hedong", "POST", "/petitions/import", nil, nil), 422, `id="sheet-error"`)

		expect("an API check", p.send(h, "hedong", "POST", "/api/v1/petitions/import", sheet, map[string]string{"dry_run": "true"}), 200, `"state":"done"`, `"dry_run":true`, `"changed":0`)
		expect("an API refusal", p.send(h, "hedong", "POST", "/api/v1/petitions/import", bad, nil), 200, `"state":"refused"`, `"column":"人数"`, `"column":"受理地区"`)
		expect("a viewer's API import", p.send(h, "viewer", "POST", "/api/v1/petitions/import", sheet, nil), 403)
		if p.count("SELECT COUNT(*) FROM petition_case WHERE title LIKE ?", "%积水") != 0 {
			t.Error("a refused sheet wrote")
		}
	})
}
