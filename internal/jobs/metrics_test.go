package jobs

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/metrics"
)

// TestJobsReportToTheMetrics: a running job counts in
// dangjian_jobs_running, and its end in dangjian_job_duration_seconds by
// result, under the kind it was registered as.
func TestJobsReportToTheMetrics(t *testing.T) {
	m := metrics.New(metrics.Options{})
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		return rec.Body.String()
	}
	d := dbtest.Open(t, db.SQLite)
	release := make(chan struct{})
	started := make(chan struct{})
	r := runner(t, d, Options{}, nil)
	r.Register("jobs_test", func(ctx context.Context, j *Job) (any, error) {
		var a args
		if err := j.DecodeArgs(&a); err != nil {
			return nil, err
		}
		if a.N == 1 {
			return nil, errors.New("bad sheet")
		}
		close(started)
		<-release
		return nil, nil
	})
	r.Run()
	first, err := r.Start(context.Background(), 1, "jobs_test", args{N: 0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	<-started
	if s := scrape(); !strings.Contains(s, `dangjian_jobs_running{kind="jobs_test"} 1`) {
		t.Errorf("the running job is not counted:\n%s", grepLines(s, "jobs_running"))
	}
	second, err := r.Start(context.Background(), 1, "jobs_test", args{N: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	close(release)
	wait(t, r, first.ID, 1, "done", done)
	wait(t, r, second.ID, 1, "done", done)
	s := scrape()
	for _, want := range []string{
		`dangjian_jobs_running{kind="jobs_test"} 0`,
		`dangjian_jobs_started_total{kind="jobs_test"} 2`,
		`dangjian_job_duration_seconds_count{kind="jobs_test",result="ok"} 1`,
		`dangjian_job_duration_seconds_count{kind="jobs_test",result="error"} 1`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %s in\n%s", want, grepLines(s, "job"))
		}
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
