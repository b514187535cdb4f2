package premises_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestSurveyPages: a subdistrict officer downloads its survey, checks it
// back (nothing to add), imports a row that adds a household count, and is
// refused a row for a community outside its scope; a viewer may download
// but not import.
func TestSurveyPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		send := func(user, method, path string, file []byte, mode string) *httptest.ResponseRecorder {
			t.Helper()
			req := httptest.NewRequest(method, path, nil)
			if method == http.MethodPost {
				var body bytes.Buffer
				mw := multipart.NewWriter(&body)
				fw, _ := mw.CreateFormFile("file", "调查表.csv")
				_, _ = fw.Write(file)
				_ = mw.WriteField("mode", mode)
				_ = mw.Close()
				req = httptest.NewRequest(method, path, &body)
				req.Header.Set("Content-Type", mw.FormDataContentType())
			}
			req.Header.Set("Cookie", web.SessionCookie+"="+w.Sessions[user])
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		if rec := send("district", "GET", "/premises/survey", nil, ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), `id="survey-form"`) {
			t.Fatalf("the survey page: %d", rec.Code)
		}
		rec := send("hedong", "GET", "/premises/survey/export?year=2024&format=csv", nil, "")
		csv := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), "premises-survey-2024.csv") ||
			!strings.Contains(csv, "迎宾社区") || strings.Contains(csv, "官渡社区") {
			t.Fatalf("河东's survey: %d %v\n%s", rec.Code, rec.Header(), csv)
		}
		if rec := send("hedong", "POST", "/premises/survey/import", []byte(csv), "check"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `id="survey-checked"`) ||
			!strings.Contains(rec.Body.String(), "将新增 0 条记录") {
			t.Errorf("checking the export: %d\n%s", rec.Code, rec.Body.String())
		}
		add := []byte("社区,年度,户数,户数统计日期\n东湖社区,2024,950,2024-10-01\n")
		if rec := send("hedong", "POST", "/premises/survey/import", add, "apply"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "新增 1 条记录") {
			t.Errorf("importing a count: %d\n%s", rec.Code, rec.Body.String())
		}
		outside := []byte("社区,年度,户数\n官渡社区,2024,700\n")
		if rec := send("hedong", "POST", "/premises/survey/import", outside, "apply"); rec.Code != 422 || !strings.Contains(rec.Body.String(), `id="survey-problems"`) {
			t.Errorf("a community outside the scope: %d\n%s", rec.Code, rec.Body.String())
		}
		if rec := send("viewer", "GET", "/premises/survey/export?year=2024", nil, ""); rec.Code != 200 {
			t.Errorf("a viewer's download: %d", rec.Code)
		}
		if rec := send("viewer", "POST", "/premises/survey/import", add, "apply"); rec.Code != 403 {
			t.Errorf("a viewer's import: %d", rec.Code)
		}
		if rec := send("hedong", "GET", "/premises/survey/export?year=1900", nil, ""); rec.Code != 422 {
			t.Errorf("a year before 1949: %d", rec.Code)
		}
	})
}
