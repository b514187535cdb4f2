package cobuilding_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// sheetRows reads the rows of sheet data under schema.
func sheetRows(t *testing.T, data []byte, name string, schema *xlsx.Schema) []map[string]string {
	t.Helper()
	rd, err := xlsx.Open(bytes.NewReader(data), int64(len(data)), name, schema)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer rd.Close()
	var out []map[string]string
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, c := range schema.Columns {
			m[c.Key] = row.Get(c.Key)
		}
		out = append(out, m)
	}
}

// TestSheetPages: the lists download as sheets within the user's scope
// and load back through the page (checked, then imported; every problem
// of a bad sheet listed, nothing written); a unit's record downloads as
// an XLSX for its liaison, and for no other unit's; the same through the
// API.
func TestSheetPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		for k, id := range p.projects() {
			p.IDs[k] = id
		}
		p.IDs["U1"], p.IDs["U4"] = p.units["U1 房管所"], p.units["U4 供电所"]
		p.Callers()
		p.Caller("guandu", "subdistrict", "官渡街道", true)
		p.Caller("liaison", "unit", "U1 房管所", true)
		h := p.Handler()
		// send sends a request as user: a page with its session cookie, an
		// API path with its token; a file makes it a multipart upload.
		send := func(user, method, path string, file []byte, fields map[string]string) *httptest.ResponseRecorder {
			t.Helper()
			req := httptest.NewRequest(method, p.Expand(path), nil)
			if file != nil {
				var body bytes.Buffer
				mw := multipart.NewWriter(&body)
				fw, _ := mw.CreateFormFile("file", "清单.csv")
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
				if !strings.Contains(rec.Body.String(), p.Expand(w)) && !strings.Contains(rec.Header().Get("Content-Disposition"), w) {
					t.Errorf("%s: no %q in %.500s", name, w, rec.Body.String())
				}
			}
		}

		// Downloads, within the scope.
		rec := send("hedong", "GET", "/demands/export", nil, nil)
		expect("河东's demands", rec, 200, ".xlsx")
		if rows := sheetRows(t, rec.Body.Bytes(), "d.xlsx", cobuilding.DemandSheet); len(rows) != 2 || rows[0]["title"] != "宾南路大院脏乱" && rows[1]["title"] != "宾南路大院脏乱" {
			t.Errorf("河东's demand sheet: %v", rows)
		}
		rec = send("guandu", "GET", "/co-projects/export?format=csv", nil, nil)
		expect("官渡's projects", rec, 200, "项目编号", "官渡下水道疏通", "U4 供电所")
		if strings.Contains(rec.Body.String(), "迎宾") {
			t.Errorf("官渡's sheet shows 河东's projects")
		}
		expect("a viewer's resources", send("viewer", "GET", "/resources/export?format=csv", nil, nil), 200, "资源编号")
		expect("as pdf", send("hedong", "GET", "/demands/export?format=pdf", nil, nil), 422, `id="sheet-error"`)
		expect("another subdistrict's area", send("hedong", "GET", "/demands/export?area={官渡社区}", nil, nil), 403)

		// The import page, for writers.
		expect("the list links to the sheet", send("hedong", "GET", "/demands", nil, nil), 200, `id="sheet-import-link"`, `href="/demands/export?format=csv"`)
		if rec := send("viewer", "GET", "/co-projects", nil, nil); strings.Contains(rec.Body.String(), `id="sheet-import-link"`) {
			t.Error("a viewer is offered the import")
		}
		expect("the import form", send("hedong", "GET", "/co-projects/import", nil, nil), 200, `id="sheet-form"`, `action="/co-projects/import"`, "项目清单导入导出")
		expect("a viewer may not import", send("viewer", "GET", "/demands/import", nil, nil), 403)

		// A changed sheet: checked, then imported.
		sheet := addLines(send("hedong", "GET", "/co-projects/export?format=csv", nil, nil).Body.Bytes(),
			"{P1},迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,,市水务局,义务服务,5000,管网勘测,2024-03-10")
		sheet = []byte(p.Expand(string(sheet)))
		gifts := func() int {
			return p.count("SELECT COUNT(*) FROM co_contribution WHERE department = ?", "市水务局")
		}
		expect("checked", send("hedong", "POST", "/co-projects/import", sheet, map[string]string{"mode": "check"}), 200, `id="sheet-checked"`, "1 行将新增或修改")
		if gifts() != 0 {
			t.Error("a check wrote")
		}
		expect("imported", send("hedong", "POST", "/co-projects/import", sheet, map[string]string{"mode": "apply"}), 200, `id="sheet-done"`)
		expect("imported again", send("hedong", "POST", "/co-projects/import", sheet, map[string]string{"mode": "apply"}), 200, "0 行已新增或修改")
		if gifts() != 1 {
			t.Errorf("the gift: %d", gifts())
		}
		// A bad sheet: every problem, nothing written.
		bad := addLines(sheet, "{P1},迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,,区水务局,飞船,5000,,2024-03-10",
			"{P1},迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,U4 供电所,,资金,5000,,2024-03-10")
		bad = []byte(p.Expand(string(bad)))
		expect("a bad sheet", send("hedong", "POST", "/co-projects/import", bad, map[string]string{"mode": "apply"}), 422,
			`id="sheet-problems"`, "发现 2 处问题", "贡献方式", "参与单位")
		expect("a sheet of 官渡's project", send("hedong", "POST", "/co-projects/import",
			[]byte(p.Expand(string(addLines([]byte(strings.SplitN(string(sheet), "\n", 2)[0]), "{P3},官渡社区,官渡下水道疏通,官渡街道党工委,2024-02-01,2025-01-15,150000,140000,,,,,,")))),
			map[string]string{"mode": "check"}), 422, "项目编号")

		// A unit's record, for its liaison.
		expect("the record links to its XLSX", send("liaison", "GET", "/units/{U1}/co-building", nil, nil), 200, `href="/units/{U1}/co-building/export"`)
		rec = send("liaison", "GET", "/units/{U1}/co-building/export", nil, nil)
		expect("the liaison's record", rec, 200, ".xlsx")
		rows := sheetRows(t, rec.Body.Bytes(), "u.xlsx", cobuilding.UnitRecordSheet)
		var got []string
		for _, r := range rows {
			got = append(got, r["year"]+" "+r["project"]+" "+r["kind"]+" "+r["value"])
		}
		want := []string{"2024 宾南路大院整治 劳务 10000", "2024 迎宾一巷道路硬化 资金 100000", "2024 U1 房管所 全年合计（2 个项目）  110000"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("the unit's record:\n got %q\nwant %q", got, want)
		}
		expect("another unit's record", send("liaison", "GET", "/units/{U4}/co-building/export", nil, nil), 403)
		expect("a unit outside the scope", send("hedong", "GET", "/units/{U4}/co-building/export", nil, nil), 403)
		expect("the liaison cannot export the lists", send("liaison", "GET", "/co-projects/export", nil, nil), 403)

		// The API.
		for _, sc := range []testkit.Scenario{
			{Name: "demands as CSV", As: "district", Path: "/api/v1/demands/export?format=csv", Status: 200, Want: []string{"需求编号", "迎宾一巷道路破损"}},
			{Name: "in English", As: "district", Path: "/api/v1/resources/export?format=csv&lang=en", Status: 200, Want: []string{"Resource no."}},
			{Name: "a bad format", As: "district", Path: "/api/v1/demands/export?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
			{Name: "the liaison's record", As: "liaison", Path: "/api/v1/units/{U1}/co-building/export", Status: 200},
			{Name: "another unit's record", As: "liaison", Path: "/api/v1/units/{U4}/co-building/export", Status: 403},
			{Name: "the liaison and the lists", As: "liaison", Path: "/api/v1/demands/export", Status: 403},
		} {
			p.Serve(t, h, sc)
		}
		expect("an API check", send("hedong", "POST", "/api/v1/co-projects/import", sheet, map[string]string{"dry_run": "true"}), 200, `"state":"done"`, `"dry_run":true`, `"changed":0`)
		expect("an API refusal", send("hedong", "POST", "/api/v1/co-projects/import", bad, nil), 200, `"state":"refused"`, `"column":"贡献方式"`, `"column":"参与单位"`)
		expect("a viewer's API import", send("viewer", "POST", "/api/v1/demands/import", sheet, nil), 403)
		if gifts() != 1 {
			t.Errorf("the gift after the refusals: %d", gifts())
		}
	})
}
