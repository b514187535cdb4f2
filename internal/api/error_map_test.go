package api_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/api"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestInternalErrorsAreLoggedNotShown closes the database under the API:
// the client gets the localized err.internal, the log gets the cause.
func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		var logs bytes.Buffer
		mux := http.NewServeMux()
		accounts, bearer := adminToken(t, d)
		apiHandler(d, accounts, slog.New(slog.NewTextHandler(&logs, nil))).Register(mux)
		d.Close()
		for _, c := range []struct{ lang, msg string }{{"zh", "服务器内部错误，请稍后再试"}, {"en", "internal server error; try again later"}} {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/api/v1/areas/1?lang="+c.lang, nil)
			req.Header.Set("Authorization", bearer)
			mux.ServeHTTP(rec, req)
			want := `{"error":{"code":"internal","message":"` + c.msg + `"}}` + "\n"
			if rec.Code != 500 || rec.Body.String() != want {
				t.Errorf("%s: %d %s, want 500 %s", c.lang, rec.Code, rec.Body, want)
			}
		}
		if !strings.Contains(logs.String(), "closed") || !strings.Contains(logs.String(), "/api/v1/areas/1") {
			t.Errorf("the cause is not logged: %s", logs.String())
		}
	})
}

func TestPanicsBecomeJSON(t *testing.T) {
	var logs bytes.Buffer
	mux := http.NewServeMux()
	accounts, bearer := adminToken(t, dbtest.Open(t, db.SQLite))
	boom := api.Module{Name: "boom", Routes: func(*api.Handler) []api.Route {
		return []api.Route{{Method: http.MethodGet, Path: "/api/v1/boom", Perm: auth.ReadAreas, Handle: func(http.ResponseWriter, *http.Request) {
			var p *int
			_ = *p // a nil pointer
		}}}
	}}
	(&api.Handler{Auth: accounts, Log: slog.New(slog.NewTextHandler(&logs, nil)), Modules: []api.Module{boom}}).Register(mux)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/boom", nil)
	req.Header.Set("Authorization", bearer)
	mux.ServeHTTP(rec, req)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"internal"`) || strings.Contains(rec.Body.String(), "nil pointer") {
		t.Errorf("got %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "panic") {
		t.Errorf("the panic is not logged: %s", logs.String())
	}
}
