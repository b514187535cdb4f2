package web_test

import (
	"bytes"
	"context"
	dapp "dangjian/internal/app"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// testToday is the fixed "today" of the tests, so the demo data and the
// default period are the same on every run.
var testToday = date.MustParse("2025-06-15")

// testApp is the application on a demo database, served over HTTP.
type testApp struct {
	t     testing.TB
	db    *db.DB
	store *area.Store
	auth  *auth.Store
	// people is the people store the application serves, with a fixed
	// test key and testToday's clock.
	people *people.Store
	srv    *httptest.Server
	logs   *syncBuffer
	// session is the session token of the administrator "tester", which
	// the scenario clients send unless told otherwise.
	session string
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTestApp loads the demo district into d and serves the application.
func newTestApp(t testing.TB, d *db.DB) *testApp {
	t.Helper()
	logs := &syncBuffer{}
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(i*7 + 3)
	}
	keys, err := pii.New(key)
	if err != nil {
		t.Fatal(err)
	}
	params := auth.TestParams
	a := dapp.New(d, keys, dapp.Options{Log: slog.New(slog.NewTextHandler(logs, nil)), Today: func() date.Date { return testToday }, AuthParams: &params})
	if err := demo.Load(context.Background(), a.Areas); err != nil {
		t.Fatalf("demo: %v", err)
	}
	h, err := a.Handler(dapp.HTTP{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		_ = a.Close(context.Background())
	})
	app := &testApp{t: t, db: d, store: a.Areas, auth: a.Auth, people: a.People, srv: srv, logs: logs}
	app.session = app.signIn(app.account("tester", auth.Admin, ""))
	return app
}

// testPassword is the password every test account is given.
const testPassword = "Test-Password-2025"

// account creates an account of role scoped to the named area ("" for none;
// for a unit liaison, the named unit) with testPassword already set, and
// returns its username.
func (a *testApp) account(username string, role auth.Role, areaName string) string {
	a.t.Helper()
	ctx := context.Background()
	var areaID, unitID int64
	switch {
	case areaName == "":
	case role.NeedsUnit():
		unitID = a.unitID(areaName)
	default:
		areaID = a.areaID(areaName)
	}
	acct, once, err := a.auth.Create(ctx, auth.NewAccount{Username: username, Role: role, AreaID: areaID, UnitID: unitID})
	if err != nil {
		a.t.Fatalf("account %s: %v", username, err)
	}
	if err := a.auth.ChangePassword(ctx, acct.ID, once, testPassword, ""); err != nil {
		a.t.Fatalf("password of %s: %v", username, err)
	}
	return username
}

// unitID returns the id of the active unit named name.
func (a *testApp) unitID(name string) int64 {
	a.t.Helper()
	var id int64
	if err := a.db.Reader().QueryRowContext(context.Background(), "SELECT id FROM unit WHERE name = ? AND ended_on IS NULL", name).Scan(&id); err != nil {
		a.t.Fatalf("unit %s: %v", name, err)
	}
	return id
}

// signIn opens a session for username and returns its token.
func (a *testApp) signIn(username string) string {
	a.t.Helper()
	tok, _, err := a.auth.SignIn(context.Background(), username, testPassword, "127.0.0.1", "test")
	if err != nil {
		a.t.Fatalf("sign in %s: %v", username, err)
	}
	return tok
}

// areaID returns the id of the area named name.
func (a *testApp) areaID(name string) int64 {
	a.t.Helper()
	x, err := a.store.Find(context.Background(), name)
	if err != nil {
		a.t.Fatalf("find %s: %v", name, err)
	}
	return x.ID
}

// orgID returns the id of the party organisation named name.
func (a *testApp) orgID(name string) int64 {
	a.t.Helper()
	var id int64
	if err := a.db.Reader().QueryRowContext(context.Background(), "SELECT id FROM party_org WHERE name = ?", name).Scan(&id); err != nil {
		a.t.Fatalf("org %s: %v", name, err)
	}
	return id
}

var refPattern = regexp.MustCompile(`\{(org:|user:|token:|person:|unit:)?([^{}]+)\}`)

// expand replaces {name} with the id of the area, {org:name} with the id of
// the party organisation, {user:name} with the id of the account and
// {token:name} with the id of the API token, {person:name} and {unit:name}
// with the id of the person or stationed unit, so scenarios read as names.
func (a *testApp) expand(s string) string {
	return refPattern.ReplaceAllStringFunc(s, func(m string) string {
		p := refPattern.FindStringSubmatch(m)
		switch p[1] {
		case "org:":
			return strconv.FormatInt(a.orgID(p[2]), 10)
		case "user:":
			return strconv.FormatInt(a.accountID(p[2]), 10)
		case "token:":
			return strconv.FormatInt(a.tokenID(p[2]), 10)
		case "person:":
			return strconv.FormatInt(a.rowID("person", p[2]), 10)
		case "unit:":
			return strconv.FormatInt(a.rowID("unit", p[2]), 10)
		}
		return strconv.FormatInt(a.areaID(p[2]), 10)
	})
}

// accountID returns the id of the account username.
func (a *testApp) accountID(username string) int64 {
	a.t.Helper()
	acct, err := a.auth.ByUsername(context.Background(), username)
	if err != nil {
		a.t.Fatalf("account %s: %v", username, err)
	}
	return acct.ID
}

// tokenID returns the id of the newest API token named name.
func (a *testApp) tokenID(name string) int64 {
	a.t.Helper()
	var id int64
	if err := a.db.Reader().QueryRowContext(context.Background(), "SELECT MAX(id) FROM api_token WHERE name = ?", name).Scan(&id); err != nil {
		a.t.Fatalf("token %s: %v", name, err)
	}
	return id
}
