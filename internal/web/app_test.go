package web_test

import (
	dapp "dangjian/internal/app"
	"dangjian/internal/testkit"
	"net/http/httptest"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// testToday is the fixed "today" of the tests, so the demo data and the
// default period are the same on every run.
var testToday = date.MustParse("2025-06-15")

// testApp is the test world on the demo district, served over HTTP.
type testApp struct {
	*testkit.World
	srv *httptest.Server
	// session is the session token of the administrator "tester", which
	// the scenario clients send unless told otherwise.
	session string
}

// newTestApp loads the demo district into d and serves the application.
func newTestApp(t testing.TB, d *db.DB) *testApp {
	t.Helper()
	w := testkit.New(t, d, testkit.Options{Demo: true, Today: testToday})
	h, err := w.App.Handler(dapp.HTTP{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	app := &testApp{World: w, srv: srv}
	app.session = app.SignIn(app.account("tester", auth.Admin, ""))
	return app
}

// testPassword is the password every test account is given.
const testPassword = testkit.Password

// account creates an account of role scoped to the named area ("" for none;
// for a unit liaison, the named unit) with testPassword already set, and
// returns its username.
func (a *testApp) account(username string, role auth.Role, areaName string) string {
	a.T.Helper()
	a.Account(username, role, areaName, true)
	return username
}
