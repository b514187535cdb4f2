package api_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

var importScenarios = []scenario{
	{Name: "an import without a file", Method: "POST", Path: "/api/v1/imports", Body: `{}`, Status: 422,
		Want: []string{`"code":"import_file_required"`, `"field":"file"`}},
	{Name: "an unknown import job", Method: "GET", Path: "/api/v1/imports/0123456789abcdef01234567", Status: 404,
		Want: []string{`"code":"import_job_unknown"`}},
	{Name: "cancel an unknown import job", Method: "POST", Path: "/api/v1/imports/0123456789abcdef01234567/cancel", Status: 404},
	// The export jobs (importer.TestExportJobs runs one through).
	{Name: "an export job of an unknown file", Method: "POST", Path: "/api/v1/exports/jobs?file=nothing.xlsx", Status: 422,
		Want: []string{`"field":"file"`}},
	{Name: "an unknown export job", Method: "GET", Path: "/api/v1/exports/jobs/0123456789abcdef01234567", Status: 404},
	{Name: "cancel an unknown export job", Method: "POST", Path: "/api/v1/exports/jobs/0123456789abcdef01234567/cancel", Status: 404},
	{Name: "the file of an unknown export job", Method: "GET", Path: "/api/v1/exports/jobs/0123456789abcdef01234567/file", Status: 404},
	{Name: "export the units of 宾南社区", Method: "GET", Path: "/api/v1/exports/units.csv?area={宾南社区}", Status: 200,
		Want: []string{"测迎宾单位", "测宾南单位"}, Headers: map[string]string{"Content-Type": "text/csv", "Content-Disposition": "attachment"}},
	{Name: "export the units of 官渡社区", Method: "GET", Path: "/api/v1/exports/units.csv?area=官渡社区", Status: 200, Not: []string{"测迎宾单位"}},
	{Name: "export outside the subtree", As: "yingbin", Method: "GET", Path: "/api/v1/exports/units.csv?area={官渡社区}", Status: 403},
	{Name: "export something unknown", Method: "GET", Path: "/api/v1/exports/secrets.txt", Status: 404},
}

// TestImportThroughTheAPI exports the units of the scope, imports the file
// back (a dry run, then for real: nothing changes), then a file with a bad
// row, whose every error the job reports and which writes nothing; another
// account does not see the job.
func TestImportThroughTheAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		peopleWorld(t, f)
		rec := f.do(t, "", "", "GET", "/api/v1/exports/units.csv", "")
		if rec.Code != 200 {
			t.Fatalf("export: %d %s", rec.Code, rec.Body)
		}
		csv := rec.Body.String()
		for _, dry := range []bool{true, false} {
			job := f.upload(t, "", "units", "units.csv", csv, dry)
			if job["state"] != "done" || job["unchanged"] != float64(2) || job["dry_run"] != dry {
				t.Errorf("import back (dry %v): %v", dry, job)
			}
		}
		lines := strings.Split(strings.TrimRight(csv, "\n"), "\n")
		bad := lines[0] + "\n" + strings.Replace(lines[1], "state_enterprise", "花园", 1) + "\n"
		if !strings.Contains(bad, "花园") {
			bad = lines[0] + "\n" + strings.Replace(lines[1], "国有企业", "花园", 1) + "\n"
		}
		job := f.upload(t, "", "units", "bad.csv", bad, false)
		errs, _ := job["errors"].([]any)
		if job["state"] != "refused" || len(errs) != 1 || job["created"] != float64(0) {
			t.Fatalf("a bad row: %v", job)
		}
		if e := errs[0].(map[string]any); e["line"] != float64(2) || e["message"] == "" {
			t.Errorf("the row error: %v", e)
		}
		if rec := f.do(t, "district", "", "GET", "/api/v1/imports/"+job["id"].(string), ""); rec.Code != 404 {
			t.Errorf("another account sees the job: %d", rec.Code)
		}
	})
}

// upload posts a file to /api/v1/imports as as and waits for its job to end.
func (f *fixture) upload(t *testing.T, as, kind, name, content string, dry bool) map[string]any {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("kind", kind)
	if dry {
		_ = mw.WriteField("dry_run", "true")
	}
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write([]byte(content))
	mw.Close()
	req := httptest.NewRequest("POST", "/api/v1/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", f.Bearer(as))
	rec := httptest.NewRecorder()
	f.mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted || !strings.HasPrefix(rec.Header().Get("Location"), "/api/v1/imports/") {
		t.Fatalf("upload %s: %d %s", name, rec.Code, rec.Body)
	}
	loc := rec.Header().Get("Location")
	for range 200 {
		rec := f.do(t, as, "", "GET", loc, "")
		var job map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &job); err != nil || rec.Code != 200 {
			t.Fatalf("job %s: %d %s", loc, rec.Code, rec.Body)
		}
		if job["state"] != "running" {
			return job
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("job %s did not end", loc)
	return nil
}
