package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// do sends one request as the fixture caller as (nobody: with header h
// as Authorization, if any) and returns the recorder.
func (f *fixture) do(t *testing.T, as, h, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	var req *http.Request
	if body != "" {
		req = httptest.NewRequest(method, f.Expand(path), strings.NewReader(f.Expand(body)))
		req.Header.Set("Content-Type", "application/json")
	} else {
		req = httptest.NewRequest(method, f.Expand(path), nil)
	}
	req.RemoteAddr = "192.0.2.7:50000"
	if as != nobody {
		req.Header.Set("Authorization", f.Bearer(as))
	} else if h != "" {
		req.Header.Set("Authorization", h)
	}
	rec := httptest.NewRecorder()
	f.mux.ServeHTTP(rec, req)
	return rec
}

// TestRefusedTokensAreAlike requires byte-identical answers to every kind
// of bad token, so that a client cannot tell an expired or revoked token
// from one that never existed.
func TestRefusedTokensAreAlike(t *testing.T) {
	f := newFixture(t, dbtest.Open(t, db.SQLite))
	var first string
	for _, c := range []struct{ as, h string }{
		{nobody, ""}, {nobody, "Basic YWRtaW46eA=="}, {nobody, "Bearer dj_x"},
		{nobody, "Bearer dj_" + strings.Repeat("B", 43)}, {"expired", ""}, {"revoked", ""},
	} {
		rec := f.do(t, c.as, c.h, "GET", "/api/v1/areas/{迎宾社区}", "")
		got := rec.Body.String() + rec.Header().Get("WWW-Authenticate")
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("%s %q: %d", c.as, c.h, rec.Code)
		}
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("%s %q answers differently:\n%s\nvs\n%s", c.as, c.h, got, first)
		}
	}
}

// TestAccessIsAudited checks the entries the API writes itself: each
// refusal (access.denied) and each write made with a token
// (token.use_write), naming the account, its role, the address and the
// request id sent back in X-Request-Id.
func TestAccessIsAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		denied := []struct{ as, method, path, body, detail string }{
			{"yingbin", "GET", "/api/v1/areas/{宾南社区}", "", "err.out_of_scope (id)"},
			{"viewer", "POST", "/api/v1/areas/{宾南社区}/rename", `{"name":"甲","on":"2024-01-01"}`, "err.forbidden"},
			{"fresh", "GET", "/api/v1/areas", "", "err.password_change_required"},
			{"hedong", "POST", "/api/v1/areas/{迎宾社区}/merge", `{"target_id":{官渡社区},"on":"2024-03-01"}`, "err.out_of_scope (target_id)"},
			{"yingbin", "GET", "/api/v1/figures?area={示范区}", "", "err.out_of_scope (area)"},
		}
		ids := map[string]bool{}
		for _, c := range denied {
			rec := f.do(t, c.as, "", c.method, c.path, c.body)
			if rec.Code != http.StatusForbidden {
				t.Fatalf("%s %s as %s: %d %s", c.method, c.path, c.as, rec.Code, rec.Body)
			}
			ids[rec.Header().Get("X-Request-Id")] = true
		}
		// Unauthenticated requests are logged, not audited.
		f.do(t, nobody, "Bearer dj_x", "GET", "/api/v1/areas", "")
		recs, n, err := audit.Query(ctx, d.Reader(), audit.Filter{Action: "access.denied", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(denied) {
			t.Fatalf("%d access.denied entries, want %d: %+v", n, len(denied), recs)
		}
		for i, c := range denied {
			r := recs[len(recs)-1-i] // newest first
			wantTarget := c.method + " " + f.Expand(strings.SplitN(c.path, "?", 2)[0])
			if r.Outcome != audit.OutcomeDenied || r.Actor.Username != c.as || r.Actor.Via != "api" || r.Actor.IP != "192.0.2.7" ||
				!ids[r.Actor.RequestID] || r.TargetType != "route" || r.TargetID != wantTarget || r.Detail != c.detail {
				t.Errorf("entry %d: %+v\nwant actor %s, target %s, detail %s", i, r, c.as, wantTarget, c.detail)
			}
		}
		if recs[0].Actor.Role != "community" {
			t.Errorf("role not recorded: %+v", recs[0].Actor)
		}

		// A write with a token is recorded before it happens, with the
		// token's id; reads are not.
		f.do(t, "", "", "GET", "/api/v1/areas", "")
		rec := f.do(t, "hedong", "", "POST", "/api/v1/areas/{宾南社区}/rename", `{"name":"宾南新社区","on":"2024-05-01"}`)
		if rec.Code != http.StatusOK {
			t.Fatalf("rename: %d %s", rec.Code, rec.Body)
		}
		recs, n, err = audit.Query(ctx, d.Reader(), audit.Filter{Action: "token.use_write"})
		if err != nil {
			t.Fatal(err)
		}
		// The merge refused for its target above was a write too.
		if n != 2 || recs[0].Actor.Username != "hedong" || recs[0].TargetType != "token" || recs[0].TargetID == "" ||
			recs[0].Detail != "POST "+f.Expand("/api/v1/areas/{宾南社区}/rename") || recs[0].Actor.RequestID != rec.Header().Get("X-Request-Id") {
			t.Errorf("token.use_write: %d %+v", n, recs)
		}
		if res, err := audit.Verify(ctx, d.Reader()); err != nil || !res.OK {
			t.Errorf("the trail does not verify: %+v %v", res, err)
		}
	})
}

// TestNoAuditNoWrite: when the token use cannot be recorded, the write is
// refused and not made.
func TestNoAuditNoWrite(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	f := newFixture(t, d)
	f.mux = http.NewServeMux()
	h := apiHandler(d, f.App.Auth, nil)
	h.Audit = func(context.Context, audit.Entry) error { return errors.New("audit: disk full") }
	h.Register(f.mux)
	rec := f.do(t, "", "", "POST", "/api/v1/areas/{宾南社区}/rename", `{"name":"宾南新社区","on":"2024-05-01"}`)
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("rename without audit: %d %s", rec.Code, rec.Body)
	}
	if a, err := f.App.Areas.Get(context.Background(), f.IDs["宾南社区"]); err != nil || a.Name != "宾南社区" {
		t.Errorf("the rename happened: %+v %v", a, err)
	}
	// Denials still answer 403 when their entry cannot be written.
	if rec := f.do(t, "yingbin", "", "GET", "/api/v1/areas/{宾南社区}", ""); rec.Code != http.StatusForbidden {
		t.Errorf("denial without audit: %d", rec.Code)
	}
}

// TestHandlerWithoutAccountsRefusesAll: a Handler wired without Auth never
// serves /api/v1.
func TestHandlerWithoutAccountsRefusesAll(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	f := newFixture(t, d)
	f.mux = http.NewServeMux()
	h := apiHandler(d, nil, nil)
	h.Register(f.mux)
	for _, rt := range wholeAPI().Routes() {
		if rt.Perm == "" {
			continue
		}
		p := strings.NewReplacer("{id}", "1", "{key}", "communities.total").Replace(rt.Path)
		if rec := f.do(t, "", "", rt.Method, p, "{}"); rec.Code < 400 {
			t.Errorf("%s without an account store: %d", (rt.Method + " " + rt.Path), rec.Code)
		}
	}
}

// TestEveryRouteIsGuarded: only the document is public, and the document
// says so: bearer security on every other operation, with 401 and 403.
func TestEveryRouteIsGuarded(t *testing.T) {
	d := loadDoc(t)
	global, _ := d.raw["security"].([]any)
	for _, rt := range wholeAPI().Routes() {
		if (rt.Perm == "") != (rt.Path == "/api/openapi.json") {
			t.Errorf("%s: public = %v", (rt.Method + " " + rt.Path), (rt.Perm == ""))
		}
		if (rt.Place != nil) != strings.Contains(rt.Path, "{id}") {
			t.Errorf("%s: its place (%v) does not match its path", rt.Method+" "+rt.Path, rt.Place)
		}
		op := d.operation(rt)
		sec, ok := op["security"].([]any)
		if !ok {
			sec = global
		}
		resps, _ := op["responses"].(map[string]any)
		if rt.Perm == "" {
			if len(sec) != 0 {
				t.Errorf("%s is public but the document asks for %v", (rt.Method + " " + rt.Path), sec)
			}
			continue
		}
		if len(sec) != 1 || sec[0].(map[string]any)["bearer"] == nil {
			t.Errorf("%s: security %v, want bearer", (rt.Method + " " + rt.Path), sec)
		}
		for _, code := range []string{"401", "403"} {
			if _, ok := resps[code]; !ok {
				t.Errorf("%s: %s not documented", (rt.Method + " " + rt.Path), code)
			}
		}
	}
	scheme, _ := d.raw["components"].(map[string]any)["securitySchemes"].(map[string]any)["bearer"].(map[string]any)
	if scheme["type"] != "http" || scheme["scheme"] != "bearer" {
		t.Errorf("bearer scheme: %v", scheme)
	}
}
