package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/jobs"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// sender sends method path as user: a session cookie for a page, a token
// for the API.
func sender(t *testing.T, w *testkit.World, h http.Handler) func(user, method, path string) *httptest.ResponseRecorder {
	return func(user, method, path string) *httptest.ResponseRecorder {
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
}

// sheets reads every sheet of an XLSX file, by name.
func sheets(t *testing.T, b []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = rows
	}
	return out
}

// TestWorkbookJobs: the workbook started as a job from the page and from
// the API runs in the background, shows its progress, and is downloaded by
// its owner alone, equal sheet for sheet to the synchronous workbook of
// the same scope; another account does not see the job, its cancel or its
// file; a job outside the caller's scope does not start.
func TestWorkbookJobs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		send := sender(t, w, w.Handler())
		period := "&from=2024-01-01&to=2024-12-31"
		files := map[string]string{}
		for _, c := range []struct {
			name, user, other, start, sync string
		}{
			{"page", "hedong", "district", "/workbook/jobs?area={河东街道}&level=community" + period, "/workbook.xlsx?area={河东街道}&level=community" + period},
			{"API", "district", "hedong", "/api/v1/workbook/jobs?area={示范区}" + period, "/api/v1/workbook?area={示范区}" + period},
		} {
			api := strings.HasPrefix(c.start, "/api/")
			rec := send(c.user, "POST", c.start)
			loc := rec.Header().Get("Location")
			if want := map[bool]int{false: 303, true: 202}[api]; rec.Code != want || loc == "" {
				t.Fatalf("%s: start: %d (want %d), Location %q: %s", c.name, rec.Code, want, loc, testkit.Excerpt(rec.Body.String()))
			}
			// Follow the job until it is done; its file's link then shows.
			var file string
			deadline := time.Now().Add(20 * time.Second)
			for file == "" {
				rec = send(c.user, "GET", loc)
				if rec.Code != 200 {
					t.Fatalf("%s: job: %d %s", c.name, rec.Code, testkit.Excerpt(rec.Body.String()))
				}
				if api {
					var j struct {
						State, Download string
						Percent         int
					}
					if err := json.Unmarshal(rec.Body.Bytes(), &j); err != nil {
						t.Fatal(err)
					}
					switch j.State {
					case "queued", "running":
					case "done":
						if j.Percent != 100 || j.Download != loc+"/file" {
							t.Errorf("%s: done job %+v", c.name, j)
						}
						file = j.Download
					default:
						t.Fatalf("%s: job %s", c.name, rec.Body.String())
					}
				} else {
					body := rec.Body.String()
					switch {
					case strings.Contains(body, `id="workbook-job-download"`):
						file = loc + "/file"
						if !strings.Contains(body, `href="`+file+`"`) || rec.Header().Get("Refresh") != "" {
							t.Errorf("%s: done page: %s", c.name, testkit.Excerpt(body))
						}
					case strings.Contains(body, `id="workbook-job-progress"`):
						if rec.Header().Get("Refresh") == "" {
							t.Errorf("%s: a running job's page does not reload itself", c.name)
						}
					default:
						t.Fatalf("%s: job page: %s", c.name, testkit.Excerpt(body))
					}
				}
				if file == "" {
					if time.Now().After(deadline) {
						t.Fatalf("%s: the job is not done: %s", c.name, testkit.Excerpt(rec.Body.String()))
					}
					time.Sleep(20 * time.Millisecond)
				}
			}
			files[c.name] = file
			got := send(c.user, "GET", file)
			if got.Code != 200 || !strings.Contains(got.Header().Get("Content-Type"), "spreadsheetml") || !strings.Contains(got.Header().Get("Content-Disposition"), ".xlsx") {
				t.Fatalf("%s: file: %d %v", c.name, got.Code, got.Header())
			}
			want := send(c.user, "GET", c.sync)
			if want.Code != 200 {
				t.Fatalf("%s: synchronous workbook: %d", c.name, want.Code)
			}
			if g, s := sheets(t, got.Body.Bytes()), sheets(t, want.Body.Bytes()); !reflect.DeepEqual(g, s) || len(g) < 2 {
				t.Errorf("%s: the job's workbook differs from the synchronous one (%d and %d sheets)", c.name, len(g), len(s))
			}
			// Another account: the job, its cancel and its file are not found.
			for _, r := range []struct{ method, path string }{{"GET", loc}, {"POST", loc + "/cancel"}, {"GET", file}} {
				if rec := send(c.other, r.method, r.path); rec.Code != 404 {
					t.Errorf("%s: %s %s as %s: %d, want 404", c.name, r.method, r.path, c.other, rec.Code)
				}
			}
			// Its owner still gets it after another's attempts.
			if rec := send(c.user, "GET", file); rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), got.Body.Bytes()) {
				t.Errorf("%s: the owner's second download: %d", c.name, rec.Code)
			}
		}
		// Outside the caller's scope nothing starts; a bad level is named.
		for _, c := range []struct {
			path   string
			status int
		}{
			{"/workbook/jobs?area={官渡街道}", 403},
			{"/api/v1/workbook/jobs?area={官渡街道}", 403},
			{"/workbook/jobs?area={河东街道}&level=subdistrict", 422},
			{"/api/v1/workbook/jobs?level=planet", 422},
		} {
			if rec := send("hedong", "POST", c.path); rec.Code != c.status {
				t.Errorf("POST %s: %d, want %d: %s", c.path, rec.Code, c.status, testkit.Excerpt(rec.Body.String()))
			}
		}
		var n int
		if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM job WHERE kind = 'workbook'`).Scan(&n); err != nil || n != 2 {
			t.Errorf("%d workbook jobs (%v), want the 2 started", n, err)
		}
		// The owner moved to another subdistrict since: the file of a job in
		// the old scope is refused as the synchronous download would be.
		if _, err := dbh.Writer().ExecContext(context.Background(), `UPDATE account SET area_id = ? WHERE username = 'hedong'`, w.AreaID("官渡街道")); err != nil {
			t.Fatal(err)
		}
		if rec := send("hedong", "GET", files["page"]); rec.Code != 403 {
			t.Errorf("the file of a job outside the owner's scope now: %d, want 403", rec.Code)
		}
		// The stored file is encrypted.
		var stored string
		if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT data FROM job_output LIMIT 1`).Scan(&stored); err != nil || !strings.HasPrefix(stored, "v1:") {
			t.Errorf("stored output %.20q, %v", stored, err)
		}
	})
}

// TestWorkbookJobCancel: a workbook job waiting for a worker is cancelled
// from its page and from the API, and leaves no file (409).
func TestWorkbookJobCancel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		send := sender(t, w, w.Handler())
		// Hold the runner's workers, so that the workbook jobs stay queued.
		release := make(chan struct{})
		w.App.Jobs.Register("hold", func(ctx context.Context, _ *jobs.Job) (any, error) {
			select {
			case <-release:
			case <-ctx.Done():
			}
			return nil, nil
		})
		defer close(release)
		for range 2 { // the runner's default workers
			j, err := w.App.Jobs.Start(context.Background(), -1, "hold", nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				got, _, _ := w.App.Jobs.Get(context.Background(), j.ID, -1)
				if got != nil && got.State().Status == jobs.Running {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the holding job does not run")
				}
			}
		}
		for _, c := range []struct{ start, want string }{
			{"/workbook/jobs?area={河东街道}", "已取消"},
			{"/api/v1/workbook/jobs?area={河东街道}", `"state":"cancelled"`},
		} {
			rec := send("hedong", "POST", c.start)
			loc := rec.Header().Get("Location")
			if loc == "" {
				t.Fatalf("%s: %d", c.start, rec.Code)
			}
			if page := send("hedong", "GET", loc); !strings.Contains(page.Body.String(), map[bool]string{false: "排队等待中", true: `"state":"queued"`}[strings.HasPrefix(loc, "/api/")]) {
				t.Errorf("%s: a queued job: %s", loc, testkit.Excerpt(page.Body.String()))
			}
			rec = send("hedong", "POST", loc+"/cancel")
			if rec.Code != 200 && rec.Code != 303 {
				t.Fatalf("cancel %s: %d", loc, rec.Code)
			}
			if page := send("hedong", "GET", loc); !strings.Contains(page.Body.String(), c.want) || strings.Contains(page.Body.String(), "workbook-job-download") {
				t.Errorf("%s: a cancelled job: %s", loc, testkit.Excerpt(page.Body.String()))
			}
			if rec := send("hedong", "GET", loc+"/file"); rec.Code != 409 {
				t.Errorf("%s/file of a cancelled job: %d, want 409", loc, rec.Code)
			}
		}
	})
}
