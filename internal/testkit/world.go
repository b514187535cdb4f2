package testkit

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/pii"
)

// Today is the default clock of a world: late enough for every event of the
// small district, early enough for the demo's dates to stay in the past.
var Today = date.MustParse("2025-06-30")

// Start is the day the small district and its subdistricts were set up.
var Start = date.MustParse("2015-01-01")

// Password is the password of every ready account of a world.
const Password = "Test-Passw0rd-1"

// Options choose what a world holds.
type Options struct {
	// Today is the stores' clock (Today when zero).
	Today date.Date
	// Demo loads the demo district instead of the small one.
	Demo bool
	// Empty builds no district: the test brings its own records.
	Empty bool
}

// World is the application over one test database, with its records known
// by name.
//
// The small district (New without Demo):
//
//	示范区 (2015-01-01)
//	├─ 河东街道 — 河东街道党委 (committee, 2015-01-01)
//	│  ├─ 迎宾社区 — 迎宾社区党支部 (branch, 2016-01-01)
//	│  ├─ 宾南社区 (no party organisation of its own)
//	│  └─ 河滨社区 — merged into 宾南社区 on 2023-03-01
//	└─ 官渡街道
//	   └─ 官渡社区 (no party organisation of its own)
type World struct {
	T   testing.TB
	App *app.App
	DB  *db.DB
	// IDs holds the id of every record the world made or learned, by name.
	IDs map[string]int64
	// Tokens holds the API token secret of each caller, by username.
	Tokens map[string]string
	// Sessions holds the session token of each ready caller, by username.
	Sessions map[string]string
	// Logs is what the application logged.
	Logs *SyncBuffer
	// Today is the world's clock.
	Today date.Date
}

// New builds a world on d.
func New(t testing.TB, d *db.DB, o Options) *World {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = Today
	}
	logs := &SyncBuffer{}
	params := auth.TestParams
	today := o.Today
	a := app.New(d, Keys(t), app.Options{
		Log:        slog.New(slog.NewTextHandler(logs, nil)),
		Today:      func() date.Date { return today },
		AuthParams: &params,
	})
	t.Cleanup(func() { _ = a.Close(context.Background()) })
	w := &World{T: t, App: a, DB: d, IDs: map[string]int64{}, Tokens: map[string]string{}, Sessions: map[string]string{}, Logs: logs, Today: today}
	switch {
	case o.Empty:
		return w
	case o.Demo:
		w.loadDemo()
		return w
	}
	w.buildSmall()
	return w
}

func (w *World) buildSmall() {
	w.T.Helper()
	w.Area("示范区", "", area.District, Start)
	w.Area("河东街道", "示范区", area.Subdistrict, Start)
	w.Area("官渡街道", "示范区", area.Subdistrict, Start)
	for _, c := range []string{"迎宾社区", "宾南社区", "河滨社区"} {
		w.Area(c, "河东街道", area.Community, Start)
	}
	w.Area("官渡社区", "官渡街道", area.Community, Start)
	w.Org("河东街道党委", "河东街道", area.Committee, Start)
	w.Org("迎宾社区党支部", "迎宾社区", area.Branch, date.MustParse("2016-01-01"))
	if err := w.App.Areas.Merge(context.Background(), area.MergeInput{AreaID: w.IDs["河滨社区"], TargetID: w.IDs["宾南社区"], On: date.MustParse("2023-03-01")}); err != nil {
		w.T.Fatalf("merge: %v", err)
	}
}

// Area creates the area name under parent ("" for the root) on day on.
func (w *World) Area(name, parent string, level area.Level, on date.Date) int64 {
	w.T.Helper()
	id, err := w.App.Areas.Create(context.Background(), area.CreateInput{ParentID: w.IDs[parent], Level: level, Name: name, On: on})
	if err != nil {
		w.T.Fatalf("area %s: %v", name, err)
	}
	w.IDs[name] = id
	return id
}

// Org creates the party organisation name of the area named areaName.
func (w *World) Org(name, areaName string, kind area.OrgKind, on date.Date) int64 {
	w.T.Helper()
	id, err := w.App.Areas.CreateOrg(context.Background(), area.OrgInput{AreaID: w.ID(areaName), Kind: kind, Name: name, On: on})
	if err != nil {
		w.T.Fatalf("org %s: %v", name, err)
	}
	w.IDs[name] = id
	return id
}

// Caller creates an account named username with role, scoped to the area
// (or, for a unit liaison, the unit) named scope ("" for none), and an API
// token for it. A ready account has replaced its initial password and has
// a session.
func (w *World) Caller(username string, role auth.Role, scope string, ready bool) int64 {
	w.T.Helper()
	return w.CallerWith(w.newAccount(username, role, scope), ready)
}

func (w *World) newAccount(username string, role auth.Role, scope string) auth.NewAccount {
	w.T.Helper()
	in := auth.NewAccount{Username: username, Role: role}
	switch {
	case scope == "":
	case role.NeedsUnit():
		in.UnitID = w.UnitID(scope)
	default:
		in.AreaID = w.AreaID(scope)
	}
	return in
}

// CallerWith is Caller for an account described in full.
func (w *World) CallerWith(in auth.NewAccount, ready bool) int64 {
	w.T.Helper()
	id := w.AccountWith(in, ready)
	if ready {
		w.Sessions[in.Username] = w.SignIn(in.Username)
	}
	_, secret, err := w.App.Auth.CreateToken(context.Background(), id, "test", 24*time.Hour)
	if err != nil {
		w.T.Fatalf("token of %s: %v", in.Username, err)
	}
	w.Tokens[in.Username] = secret
	return id
}

// Account creates the account alone, as Caller does but without a token
// or a session.
func (w *World) Account(username string, role auth.Role, scope string, ready bool) int64 {
	w.T.Helper()
	return w.AccountWith(w.newAccount(username, role, scope), ready)
}

// AccountWith is Account for an account described in full.
func (w *World) AccountWith(in auth.NewAccount, ready bool) int64 {
	w.T.Helper()
	ctx := context.Background()
	a, once, err := w.App.Auth.Create(ctx, in)
	if err != nil {
		w.T.Fatalf("account %s: %v", in.Username, err)
	}
	w.IDs[in.Username] = a.ID
	if ready {
		if err := w.App.Auth.ChangePassword(ctx, a.ID, once, Password, ""); err != nil {
			w.T.Fatalf("password of %s: %v", in.Username, err)
		}
	}
	return a.ID
}

// SignIn opens a new session for the ready account username.
func (w *World) SignIn(username string) string {
	w.T.Helper()
	tok, _, err := w.App.Auth.SignIn(context.Background(), username, Password, "127.0.0.1", "test")
	if err != nil {
		w.T.Fatalf("sign in %s: %v", username, err)
	}
	return tok
}

// Callers creates the standard callers of a world, one per role:
//
//	admin      admin
//	district   district officer of 示范区
//	hedong     subdistrict officer of 河东街道
//	yingbin    community secretary of 迎宾社区
//	viewer     viewer of 河东街道
//	auditor    auditor
//	fresh      community secretary of 迎宾社区 who has not changed the initial password
//	expired    an admin token that expired yesterday (in Tokens only)
//	revoked    an admin token that was revoked (in Tokens only)
func (w *World) Callers() {
	w.T.Helper()
	ctx := context.Background()
	w.Caller("admin", auth.Admin, "", true)
	w.Caller("district", auth.District, "示范区", true)
	w.Caller("hedong", auth.Subdistrict, "河东街道", true)
	w.Caller("yingbin", auth.Community, "迎宾社区", true)
	w.Caller("viewer", auth.Viewer, "河东街道", true)
	w.Caller("auditor", auth.Auditor, "", true)
	w.Caller("fresh", auth.Community, "迎宾社区", false)
	admin := w.IDs["admin"]
	past := &auth.Store{DB: w.DB, Params: auth.TestParams, Now: func() time.Time { return time.Now().Add(-48 * time.Hour) }}
	_, secret, err := past.CreateToken(ctx, admin, "expired", 24*time.Hour)
	if err != nil {
		w.T.Fatalf("expired token: %v", err)
	}
	w.Tokens["expired"] = secret
	tok, secret, err := w.App.Auth.CreateToken(ctx, admin, "revoked", 24*time.Hour)
	if err != nil {
		w.T.Fatalf("token: %v", err)
	}
	if err := w.App.Auth.RevokeToken(ctx, tok.ID); err != nil {
		w.T.Fatalf("revoke: %v", err)
	}
	w.Tokens["revoked"] = secret
}

// Keys is the fixed personal-data key of every test world.
func Keys(t testing.TB) *pii.Keyring {
	t.Helper()
	k, err := pii.New(keyBytes())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func keyBytes() []byte {
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(i*11 + 5)
	}
	return key
}

// SyncBuffer is a bytes.Buffer safe for the server's goroutines.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// loadDemo loads the demo district. On SQLite it restores a copy built once
// per test binary and day: building it took a third of the web tests' time.
func (w *World) loadDemo() {
	w.T.Helper()
	ctx := context.Background()
	if w.DB.Dialect != db.SQLite {
		if err := demo.Load(ctx, w.App.Areas); err != nil {
			w.T.Fatalf("demo: %v", err)
		}
		return
	}
	v, _ := demoSnapshots.LoadOrStore(w.Today, &snapshot{})
	snap := v.(*snapshot)
	snap.once.Do(func() { snap.data, snap.err = buildDemoSnapshot(w.Today) })
	if snap.err != nil {
		w.T.Fatalf("demo: %v", snap.err)
	}
	file := filepath.Join(w.T.TempDir(), "demo.db")
	if err := os.WriteFile(file, snap.data, 0o600); err != nil {
		w.T.Fatal(err)
	}
	if err := w.DB.RestoreFrom(ctx, file); err != nil {
		w.T.Fatalf("demo: %v", err)
	}
}

// demoSnapshots holds a *snapshot per day.
var demoSnapshots sync.Map

type snapshot struct {
	once sync.Once
	data []byte
	err  error
}

// buildDemoSnapshot builds the demo district as of today in a scratch SQLite
// database and returns the bytes of a compact copy of it.
func buildDemoSnapshot(today date.Date) ([]byte, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "dangjian-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	d, err := db.Open(ctx, "sqlite:"+filepath.Join(dir, "build.db"))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return nil, err
	}
	keys, err := pii.New(keyBytes())
	if err != nil {
		return nil, err
	}
	params := auth.TestParams
	a := app.New(d, keys, app.Options{
		Log:        slog.New(slog.DiscardHandler),
		Today:      func() date.Date { return today },
		AuthParams: &params,
	})
	defer a.Close(ctx)
	if err := demo.Load(ctx, a.Areas); err != nil {
		return nil, err
	}
	file := filepath.Join(dir, "demo.db")
	if err := d.SnapshotTo(ctx, file); err != nil {
		return nil, err
	}
	return os.ReadFile(file)
}
