package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	dapp "dangjian/internal/app"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestHSTSOnTheWholeHandler: the application's handler sends
// Strict-Transport-Security on pages, static files and the API when served
// over TLS, and not over plain HTTP.
func TestHSTSOnTheWholeHandler(t *testing.T) {
	w := testkit.New(t, dbtest.Open(t, db.SQLite), testkit.Options{Today: testToday})
	h, err := w.App.Handler(dapp.HTTP{SecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	tlsSrv := httptest.NewTLSServer(h)
	defer tlsSrv.Close()
	plain := httptest.NewServer(h)
	defer plain.Close()
	for _, path := range []string{"/signin", "/static/app.css", "/api/v1/areas", "/no-such-page"} {
		res, err := tlsSrv.Client().Get(tlsSrv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Strict-Transport-Security"); got != web.HSTS {
			t.Errorf("TLS %s (%d): Strict-Transport-Security = %q", path, res.StatusCode, got)
		}
		res, err = http.Get(plain.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Strict-Transport-Security"); got != "" {
			t.Errorf("plain HTTP %s: Strict-Transport-Security = %q", path, got)
		}
	}
}
