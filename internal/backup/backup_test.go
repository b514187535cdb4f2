package backup_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/backup"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/importer"
	"dangjian/internal/invariant"
	"dangjian/internal/pii"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
	"dangjian/internal/testkit"
	"dangjian/internal/xlsx"
)

// requireTools skips a PostgreSQL test when the client programs are absent.
func requireTools(t *testing.T, e db.Dialect) {
	t.Helper()
	if e != db.Postgres {
		return
	}
	for _, p := range []string{backup.Tools.Dump, backup.Tools.Restore} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("PostgreSQL backup needs %s, which is not installed (apt-get install postgresql-client)", p)
		}
	}
}

// target returns the URL of a fresh, empty database of engine e to restore
// into. On PostgreSQL it is a database of its own: the source's schema
// lives in the test database, and a backup restores under its own schema
// name before it is renamed to the URL's.
func target(t *testing.T, e db.Dialect) string {
	t.Helper()
	if e == db.SQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "restored.db")
	}
	base := os.Getenv(dbtest.EnvPostgres)
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "dj_restore_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			_, _ = a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	q := u.Query()
	q.Set("search_path", "dangjian")
	u.RawQuery = q.Encode()
	return u.String()
}

// restored restores file into a fresh database of engine e and opens it.
func restored(t *testing.T, e db.Dialect, file string, keys *pii.Keyring) *db.DB {
	t.Helper()
	ctx := context.Background()
	o, err := backup.Open(file, "")
	if err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	defer o.Close()
	u := target(t, e)
	if _, err := backup.Restore(ctx, o, u, keys, false); err != nil {
		t.Fatalf("restore %s: %v", file, err)
	}
	d, err := db.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// outputs are what a user reads off a database: the whole tree's figures
// this year, the default speech and the members' export.
func outputs(t *testing.T, d *db.DB, keys *pii.Keyring) (figs, speech, export string) {
	t.Helper()
	ctx := context.Background()
	today := testkit.Today
	a := app.New(d, keys, app.Options{Log: slog.New(slog.DiscardHandler), Today: func() date.Date { return today }})
	defer a.Close(ctx)
	s, err := report.ResolveScope(ctx, a.Areas, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	vals, err := figures.ComputeAll(ctx, d.Reader(), s, i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := json.Marshal(vals)
	tpl, err := speechtpl.NewStore(d, a.Areas).Named(ctx, speechtpl.NameSaved, s.AreaID, i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	filled, err := tpl.Fill(ctx, d.Reader(), s, a.Areas.Today())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rn := &importer.Runner{DB: d, People: a.People}
	if _, err := rn.Export(ctx, &b, importer.ExportOptions{Kind: "members", Format: xlsx.FormatCSV, Reveal: true, Lang: i18n.ZH}); err != nil {
		t.Fatal(err)
	}
	return string(fb), filled.Markdown(), b.String()
}

func verifyTrail(t *testing.T, d *db.DB) audit.Result {
	t.Helper()
	v, err := audit.Verify(context.Background(), d.Reader())
	if err != nil || !v.OK {
		t.Fatalf("audit trail of the restored database: %+v, %v", v, err)
	}
	breaches, err := invariant.Check(context.Background(), d.Reader())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range breaches {
		t.Errorf("invariant broken in the restored database: %s", b)
	}
	return v
}

// TestBackupDuringWritesRestoresTheSameRecords takes a backup while two
// goroutines create communities through the area store, restores it into a
// fresh database, and compares it with a reference: the backup taken before
// the writes, restored, with exactly the communities the restored copy
// holds created again in the same order. Figures, speech and the members'
// export must be identical, and the restored audit trail must verify.
func TestBackupDuringWritesRestoresTheSameRecords(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			requireTools(t, e)
			ctx := context.Background()
			src := dbtest.Open(t, e)
			w := testkit.New(t, src, testkit.Options{Demo: true})
			keys := w.App.Keys
			if err := keys.Init(ctx, src.Writer()); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			before := filepath.Join(dir, "before.dj")
			if _, err := backup.Create(ctx, src, before); err != nil {
				t.Fatal(err)
			}
			parent := w.AreaID("河东街道")
			var written atomic.Int64
			var mu sync.Mutex
			var names []string
			stop := make(chan struct{})
			var wg sync.WaitGroup
			errc := make(chan error, 2)
			for g := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						name := fmt.Sprintf("突击%d号社区%d", g, i)
						if _, err := w.App.Areas.Create(ctx, area.CreateInput{ParentID: parent, Level: area.Community, Name: name, On: testkit.Today}); err != nil {
							errc <- err
							return
						}
						mu.Lock()
						names = append(names, name)
						mu.Unlock()
						written.Add(1)
					}
				}()
			}
			waitFor := func(n int64) {
				deadline := time.Now().Add(60 * time.Second)
				for written.Load() < n && time.Now().Before(deadline) && len(errc) == 0 {
					time.Sleep(5 * time.Millisecond)
				}
			}
			waitFor(4)
			during := filepath.Join(dir, "during.dj")
			atStart := written.Load()
			m, err := backup.Create(ctx, src, during)
			if err != nil {
				t.Fatal(err)
			}
			afterBackup := written.Load()
			waitFor(afterBackup + 4)
			close(stop)
			wg.Wait()
			select {
			case err := <-errc:
				t.Fatalf("writer: %v", err)
			default:
			}
			if fi, err := os.Stat(during); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("backup file mode: %v, %v; want 0600", fi.Mode(), err)
			}

			got := restored(t, e, during, keys)
			v := verifyTrail(t, got)
			if int64(v.Entries) != m.AuditEntries+1 { // + the restore's own entry
				t.Errorf("restored trail has %d entries, manifest says %d (+1 for the restore)", v.Entries, m.AuditEntries)
			}
			// The communities in the copy, in the order they were made.
			type made struct {
				id   int64
				name string
			}
			gotStore := area.NewStore(got)
			var in []made
			for _, n := range names {
				a, err := gotStore.Find(ctx, n)
				if err == nil {
					in = append(in, made{a.ID, n})
				} else if !db.IsNotFound(err) && !errors.Is(err, area.ErrNotFound) {
					t.Fatalf("find %s: %v", n, err)
				}
			}
			sort.Slice(in, func(i, j int) bool { return in[i].id < in[j].id })
			if len(in) == 0 || len(in) >= len(names) {
				t.Fatalf("the backup holds %d of the %d communities written: it was not taken during the writes", len(in), len(names))
			}
			t.Logf("%s: the backup holds %d of %d communities written during the burst; %d were written while it ran", e, len(in), len(names), afterBackup-atStart)

			ref := restored(t, e, before, keys)
			refApp := app.New(ref, keys, app.Options{Log: slog.New(slog.DiscardHandler), Today: func() date.Date { return testkit.Today }})
			defer refApp.Close(ctx)
			refParent, err := refApp.Areas.Find(ctx, "河东街道")
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range in {
				if _, err := refApp.Areas.Create(ctx, area.CreateInput{ParentID: refParent.ID, Level: area.Community, Name: c.name, On: testkit.Today}); err != nil {
					t.Fatal(err)
				}
			}
			gf, gs, ge := outputs(t, got, keys)
			rf, rs, re := outputs(t, ref, keys)
			for _, c := range []struct{ what, got, want string }{{"figures", gf, rf}, {"speech", gs, rs}, {"members export", ge, re}} {
				if c.got != c.want {
					t.Errorf("%s differ between the restored backup and the reference:\n%s\n---\n%s", c.what, testkit.Excerpt(c.got), testkit.Excerpt(c.want))
				}
				if len(c.got) < 100 {
					t.Errorf("%s: suspiciously short: %q", c.what, c.got)
				}
			}
			// And the source, after the burst, has what the copy has and more.
			sf, _, _ := outputs(t, src, keys)
			if sf == gf {
				t.Errorf("the source's figures after the burst equal the copy's: the writes after the backup are not seen")
			}
		})
	}
}
