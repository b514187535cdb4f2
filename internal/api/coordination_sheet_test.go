package api_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestActionSheetAPI: the action sheet's round trip through the API as a
// subdistrict officer: export, change a row's progress in the sheet,
// import (a dry run first), the action changed with the update in its
// timeline; the same sheet again changes nothing; a sheet with bad rows is
// refused whole, every problem by line and column.
func TestActionSheetAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		coordinationWorld(t, f)
		rec := f.do(t, "hedong", "", "GET", "/api/v1/actions/export", "")
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/vnd.openxmlformats") {
			t.Fatalf("export: %d %s", rec.Code, rec.Header().Get("Content-Type"))
		}
		x, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheet := x.GetSheetName(0)
		rows, _ := x.GetRows(sheet)
		line := 0
		for i, r := range rows {
			if len(r) > 2 && r[2] == "测科室事项" {
				line = i + 1
			}
		}
		if line == 0 || len(rows) != 4 {
			t.Fatalf("exported rows: %v", rows)
		}
		_ = x.SetCellStr(sheet, "G"+strconv.Itoa(line), "推进中")
		_ = x.SetCellStr(sheet, "H"+strconv.Itoa(line), "40")
		_ = x.SetCellStr(sheet, "J"+strconv.Itoa(line), "已招标")
		var changed bytes.Buffer
		if err := x.Write(&changed); err != nil {
			t.Fatal(err)
		}
		upload := func(b []byte, dry bool) map[string]any {
			t.Helper()
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "台账.xlsx")
			_, _ = fw.Write(b)
			if dry {
				_ = mw.WriteField("dry_run", "true")
			}
			_ = mw.Close()
			req := httptest.NewRequest("POST", "/api/v1/actions/import", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Authorization", f.Bearer("hedong"))
			rec := httptest.NewRecorder()
			f.mux.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("import: %d %s", rec.Code, rec.Body)
			}
			var out map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			return out
		}
		summary := func(m map[string]any) string {
			return m["state"].(string) + " " + strconv.Itoa(int(m["changed"].(float64))) + "/" + strconv.Itoa(int(m["unchanged"].(float64)))
		}
		timeline := func() string {
			rec := f.do(t, "hedong", "", "GET", "/api/v1/actions/{测科室事项}", "")
			var v struct {
				Status   string `json:"status"`
				Progress int    `json:"progress"`
				Timeline []struct {
					On       string `json:"on"`
					Progress int    `json:"progress"`
					Note     string `json:"note"`
				} `json:"timeline"`
			}
			_ = json.Unmarshal(rec.Body.Bytes(), &v)
			var parts []string
			for _, u := range v.Timeline {
				parts = append(parts, u.On+" "+strconv.Itoa(u.Progress)+" "+u.Note)
			}
			return v.Status + " " + strconv.Itoa(v.Progress) + " [" + strings.Join(parts, "; ") + "]"
		}
		if got := summary(upload(changed.Bytes(), true)); got != "done 1/2" {
			t.Errorf("dry run: %s", got)
		}
		if got := timeline(); got != "open 0 []" {
			t.Errorf("after the dry run: %s", got)
		}
		if got := summary(upload(changed.Bytes(), false)); got != "done 1/2" {
			t.Errorf("import: %s", got)
		}
		if got := timeline(); got != "in_progress 40 [2025-06-30 40 已招标]" {
			t.Errorf("after the import: %s", got)
		}
		if got := summary(upload(changed.Bytes(), false)); got != "done 0/3" {
			t.Errorf("the same sheet again: %s", got)
		}
		if got := timeline(); got != "in_progress 40 [2025-06-30 40 已招标]" {
			t.Errorf("after importing again: %s", got)
		}
		// Bad rows: the whole sheet refused, each problem named.
		_ = x.SetCellStr(sheet, "H"+strconv.Itoa(line), "20")
		_ = x.SetCellStr(sheet, "J"+strconv.Itoa(line), "已招标")
		_ = x.SetCellStr(sheet, "F2", "2030-01-01")
		var bad bytes.Buffer
		_ = x.Write(&bad)
		out := upload(bad.Bytes(), false)
		var problems []string
		for _, e := range out["errors"].([]any) {
			m := e.(map[string]any)
			problems = append(problems, strconv.Itoa(int(m["line"].(float64)))+" "+m["column"].(string)+" "+m["message"].(string))
		}
		want := []string{"2 办结期限 此列不能在台账中修改（平台中为“2025-05-31”）", strconv.Itoa(line) + " 进展情况 进度低于上次的 40%，请在备注中说明原因"}
		if out["state"] != "refused" || strings.Join(problems, "\n") != strings.Join(want, "\n") {
			t.Errorf("a sheet with bad rows: %v\n%s\nwant\n%s", out["state"], strings.Join(problems, "\n"), strings.Join(want, "\n"))
		}
		if got := timeline(); got != "in_progress 40 [2025-06-30 40 已招标]" {
			t.Errorf("after a refused sheet: %s", got)
		}
	})
}
