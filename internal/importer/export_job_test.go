package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/importer"
	"dangjian/internal/jobs"
	"dangjian/internal/pii"
	"dangjian/internal/testkit"
	"dangjian/internal/web"

	"github.com/xuri/excelize/v2"
)

// TestExportJobs: the members' export started as a job from the page and
// from the API is downloaded by its owner alone, equal to the synchronous
// export of the same scope; it is audited when the records are read and
// again at the download; the stored file is encrypted.
func TestExportJobs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		send := func(user, method, path string) *httptest.ResponseRecorder {
			t.Helper()
			req := httptest.NewRequest(method, w.Expand(path), nil)
			if strings.HasPrefix(path, "/api/") {
				req.Header.Set("Authorization", w.Bearer(user))
			} else {
				req.Header.Set("Cookie", web.SessionCookie+"="+w.Sessions[user])
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		count := func(action string) int {
			var n int
			if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_entry WHERE action = ?`, action).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		files := map[string]string{}
		for _, c := range []struct{ name, user, other, start, sync string }{
			{"page", "hedong", "district", "/export/jobs?file=members.csv", "/export/members.csv"},
			{"API", "district", "hedong", "/api/v1/exports/jobs?file=members.xlsx&area={河东街道}", "/api/v1/exports/members.xlsx?area={河东街道}"},
		} {
			exports := count("export.members")
			rec := send(c.user, "POST", c.start)
			loc := rec.Header().Get("Location")
			if loc == "" || (rec.Code != http.StatusSeeOther && rec.Code != http.StatusAccepted) {
				t.Fatalf("%s: start: %d %s", c.name, rec.Code, testkit.Excerpt(rec.Body.String()))
			}
			file := loc + "/file"
			files[c.name] = file
			for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				rec = send(c.user, "GET", loc)
				body := rec.Body.String()
				if rec.Code != 200 {
					t.Fatalf("%s: job: %d %s", c.name, rec.Code, testkit.Excerpt(body))
				}
				if strings.HasPrefix(loc, "/api/") {
					var j struct{ State, Download string }
					_ = json.Unmarshal(rec.Body.Bytes(), &j)
					if j.State == "done" {
						if j.Download != file {
							t.Errorf("%s: download %q, want %q", c.name, j.Download, file)
						}
						break
					}
					if j.State != "queued" && j.State != "running" {
						t.Fatalf("%s: job %s", c.name, body)
					}
				} else if strings.Contains(body, `id="export-job-download"`) {
					if !strings.Contains(body, `href="`+file+`"`) {
						t.Errorf("%s: done page %s", c.name, testkit.Excerpt(body))
					}
					break
				} else if !strings.Contains(body, `id="export-job-progress"`) {
					t.Fatalf("%s: job page %s", c.name, testkit.Excerpt(body))
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: the job is not done: %s", c.name, testkit.Excerpt(body))
				}
			}
			if n := count("export.members") - exports; n != 1 {
				t.Errorf("%s: the job audited the export %d times, want once", c.name, n)
			}
			downloads := count("export.download")
			// Another account: the job, its cancel and its file are not found.
			for _, r := range []struct{ method, path string }{{"GET", loc}, {"POST", loc + "/cancel"}, {"GET", file}} {
				if rec := send(c.other, r.method, r.path); rec.Code != 404 {
					t.Errorf("%s: %s %s as %s: %d, want 404", c.name, r.method, r.path, c.other, rec.Code)
				}
			}
			got := send(c.user, "GET", file)
			if got.Code != 200 || !strings.Contains(got.Header().Get("Content-Disposition"), "members-") {
				t.Fatalf("%s: file: %d %v", c.name, got.Code, got.Header())
			}
			if n := count("export.download") - downloads; n != 1 {
				t.Errorf("%s: the download was audited %d times, want once", c.name, n)
			}
			want := send(c.user, "GET", c.sync)
			if want.Code != 200 {
				t.Fatalf("%s: synchronous export: %d", c.name, want.Code)
			}
			if strings.HasSuffix(c.sync, ".csv") {
				if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) || got.Body.Len() < 100 {
					t.Errorf("%s: the job's file differs from the synchronous export (%d and %d bytes)", c.name, got.Body.Len(), want.Body.Len())
				}
			} else if g, s := xlsxRows(t, got.Body.Bytes()), xlsxRows(t, want.Body.Bytes()); g != s || len(g) < 100 {
				t.Errorf("%s: the job's workbook differs from the synchronous one:\n%.300s\n%.300s", c.name, g, s)
			}
		}
		// Outside the caller's scope nothing starts.
		if rec := send("hedong", "POST", "/api/v1/exports/jobs?file=members.csv&area={官渡街道}"); rec.Code != 403 {
			t.Errorf("an export job outside the scope: %d", rec.Code)
		}
		// The owner moved to another subdistrict since: the file of a job in
		// the old scope is refused as the synchronous download would be.
		if _, err := dbh.Writer().ExecContext(context.Background(), `UPDATE account SET area_id = ? WHERE username = 'hedong'`, w.AreaID("官渡街道")); err != nil {
			t.Fatal(err)
		}
		if rec := send("hedong", "GET", files["page"]); rec.Code != 403 {
			t.Errorf("the file of a job outside the owner's scope now: %d, want 403", rec.Code)
		}
		var stored string
		if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT data FROM job_output LIMIT 1`).Scan(&stored); err != nil || !strings.HasPrefix(stored, "v1:") {
			t.Errorf("stored output %.20q, %v", stored, err)
		}
	})
}

// TestExportJobSurvivesACrashAndStoresOneFile: server A claims an export
// and dies before it completes; server B retries it and stores its file;
// A's late completion is refused, so the job has one file.
func TestExportJobSurvivesACrashAndStoresOneFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		keys, _ := pii.New([]byte("0123456789abcdef0123456789abcdeK"))
		ctx := access.WithScope(context.Background(), w.ids["root"])
		real := importer.ExportJobFunc(dbh, w.rn.People)
		started, release := make(chan struct{}), make(chan struct{})
		lateErr := make(chan error, 1)
		a := jobs.NewRunner(dbh, jobs.Options{Keys: keys, Heartbeat: time.Hour, Workers: 1, Poll: 20 * time.Millisecond})
		a.Register(importer.ExportKind, func(ctx context.Context, j *jobs.Job) (any, error) {
			close(started)
			<-release
			res, err := real(ctx, j)
			lateErr <- err
			return res, err
		})
		defer a.Shutdown(context.Background())
		job, err := importer.StartExportJob(ctx, a, 9, "members", "csv")
		if err != nil {
			t.Fatal(err)
		}
		a.Run()
		<-started
		b := jobs.NewRunner(dbh, jobs.Options{Keys: keys, Poll: 20 * time.Millisecond, Heartbeat: 100 * time.Millisecond, StaleAfter: 400 * time.Millisecond})
		b.Register(importer.ExportKind, real)
		defer b.Shutdown(context.Background())
		b.Run()
		if st := waitJob(t, b, job.ID, 9); st.Status != jobs.Succeeded || st.Attempts != 2 {
			t.Fatalf("after the retry: %s, attempts %d, err %v", st.Status, st.Attempts, st.Err)
		}
		out, ok, err := b.Output(context.Background(), job.ID, 9)
		if err != nil || !ok || !strings.Contains(string(out.Data), "\n") {
			t.Fatalf("the retried job's file: %v %v", ok, err)
		}
		close(release)
		if err := <-lateErr; err == nil {
			t.Error("the crashed server's late export completed")
		}
		if n := w.count(t, "job_output"); n != 1 {
			t.Errorf("%d stored files, want 1", n)
		}
	})
}

// xlsxRows is every sheet's rows of an XLSX file as text.
func xlsxRows(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&sb, "%s: %q\n", name, rows)
	}
	return sb.String()
}
