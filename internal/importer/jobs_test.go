package importer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/importer"
	"dangjian/internal/jobs"
	"dangjian/internal/pii"
	"dangjian/internal/xlsx"
)

// TestImportJobSurvivesACrashAndAppliesOnce: server A claims an import and
// dies mid-way (it never heartbeats again); server B on the same database
// finds the job orphaned, imports the stored file and ends the job. When A
// wakes up and finishes the same import, its commit is refused and rolled
// back: the import is applied, and audited, once.
func TestImportJobSurvivesACrashAndAppliesOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		keys, _ := pii.New([]byte("0123456789abcdef0123456789abcdeK"))
		ps := w.rn.People
		ctx := access.WithScope(context.Background(), w.ids["root"])
		var rows [][]string
		for i := range 30 {
			rows = append(rows, member(fmt.Sprintf("党员%02d", i), "1970-01-02", 500+i, "宾南社区党支部"))
		}
		file := sheet(t, xlsx.FormatCSV, memberHeader, rows...)
		persons := w.count(t, "person")

		real := importer.ImportJobFunc(dbh, ps)
		started, release := make(chan struct{}), make(chan struct{})
		lateErr := make(chan error, 1)
		a := jobs.NewRunner(dbh, jobs.Options{Keys: keys, Heartbeat: time.Hour, Workers: 1, Poll: 20 * time.Millisecond})
		a.Register(importer.ImportKind, func(ctx context.Context, j *jobs.Job) (any, error) {
			close(started)
			<-release
			res, err := real(ctx, j)
			lateErr <- err
			return res, err
		})
		defer a.Shutdown(context.Background())
		job, err := importer.StartImportJob(ctx, a, 9, "members", "members.csv", false, file)
		if err != nil {
			t.Fatal(err)
		}
		a.Run()
		<-started

		b := jobs.NewRunner(dbh, jobs.Options{Keys: keys, Poll: 20 * time.Millisecond, Heartbeat: 100 * time.Millisecond, StaleAfter: 400 * time.Millisecond})
		b.Register(importer.ImportKind, real)
		defer b.Shutdown(context.Background())
		b.Run()
		st := waitJob(t, b, job.ID, 9)
		res, refused, ok := importer.ImportJobResult(st)
		if st.Status != jobs.Succeeded || !ok || refused || res.Created != 30 || st.Attempts != 2 {
			t.Fatalf("after the retry: %s, attempts %d, err %v, refused %v, result %+v", st.Status, st.Attempts, st.Err, refused, res)
		}
		close(release)
		if err := <-lateErr; err == nil {
			t.Error("the crashed server's late import committed")
		}
		if n := w.count(t, "person") - persons; n != 30 {
			t.Errorf("%d persons added, want 30", n)
		}
		var audited int
		if err := dbh.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_entry WHERE action = 'import.members'`).Scan(&audited); err != nil {
			t.Fatal(err)
		}
		if audited != 1 {
			t.Errorf("the import was audited %d times, want once", audited)
		}
		// The job's result is what B recorded, and the file is gone.
		if st := waitJob(t, b, job.ID, 9); st.Attempts != 2 {
			t.Errorf("A's end overwrote B's: %+v", st)
		}
		var files int
		_ = dbh.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM job_file`).Scan(&files)
		if files != 0 {
			t.Errorf("%d stored files left after the import", files)
		}
	})
}

// waitJob waits until owner's job id is done (10 s at most).
func waitJob(t *testing.T, r *jobs.Runner, id string, owner int64) jobs.State {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		j, ok, err := r.Get(context.Background(), id, owner)
		if err != nil {
			t.Fatal(err)
		}
		if ok && j.State().Done {
			return j.State()
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s not done: %v", id, ok)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
