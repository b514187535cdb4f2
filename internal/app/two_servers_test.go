package app_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"dangjian/internal/api"
	"dangjian/internal/app"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/jobs"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestTwoServersOneDatabase runs two application servers, each with its
// own connections, on one database (on SQLite, as two processes would
// share the file): a session made on one is valid on the other and ends on
// both; a token revoked on one is refused by the other within
// api.TokenCacheTTL; a lockout made on one holds on the other; a job
// started on one is run by either and its result read on both. (The
// shared rate limits: ratelimit.TestSharedLimitHoldsAcrossServers.)
func TestTwoServersOneDatabase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := testkit.New(t, d, testkit.Options{})
		w.Callers()
		d2, err := db.Open(ctx, d.URL)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d2.Close() })
		params := auth.TestParams
		b := app.New(d2, testkit.Keys(t), app.Options{AuthParams: &params})
		t.Cleanup(func() { _ = b.Close(context.Background()) })
		hb, err := b.Handler(app.HTTP{})
		if err != nil {
			t.Fatal(err)
		}
		srvA, srvB := httptest.NewServer(w.Handler()), httptest.NewServer(hb)
		t.Cleanup(srvA.Close)
		t.Cleanup(srvB.Close)
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		get := func(srv *httptest.Server, path string, set func(*http.Request)) int {
			t.Helper()
			req, _ := http.NewRequest("GET", srv.URL+path, nil)
			set(req)
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		cookie := func(tok string) func(*http.Request) {
			return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: tok}) }
		}
		bearer := func(secret string) func(*http.Request) {
			return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) }
		}

		// A session made on A.
		session := w.SignIn("hedong")
		for _, srv := range []*httptest.Server{srvA, srvB} {
			if code := get(srv, "/areas", cookie(session)); code != http.StatusOK {
				t.Errorf("the session made on A: %d on %s", code, srv.URL)
			}
		}
		if err := b.Auth.SignOut(ctx, session); err != nil {
			t.Fatal(err)
		}
		for _, srv := range []*httptest.Server{srvA, srvB} {
			if code := get(srv, "/areas", cookie(session)); code == http.StatusOK {
				t.Errorf("the session ended on B still opens pages on %s", srv.URL)
			}
		}

		// A token made on A, used on B, revoked on A.
		tok, secret, err := w.App.Auth.CreateToken(ctx, w.IDs["admin"], "two servers", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if code := get(srvB, "/api/v1/areas", bearer(secret)); code != http.StatusOK {
			t.Fatalf("the token made on A: %d on B", code)
		}
		if err := w.App.Auth.RevokeToken(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		revoked := time.Now()
		for get(srvB, "/api/v1/areas", bearer(secret)) == http.StatusOK {
			if time.Since(revoked) > api.TokenCacheTTL+2*time.Second {
				t.Fatalf("B still takes the token revoked on A after %s", time.Since(revoked))
			}
			time.Sleep(100 * time.Millisecond)
		}
		if code := get(srvA, "/api/v1/areas", bearer(secret)); code != http.StatusUnauthorized {
			t.Errorf("A takes the token it revoked: %d", code)
		}

		// Five failures on A lock the account for that address on B too.
		const guesser = "203.0.113.9"
		for range 5 {
			if _, _, err := w.App.Auth.SignIn(ctx, "yingbin", "wrong password 1!", guesser, "test"); err == nil {
				t.Fatal("a wrong password let in")
			}
		}
		if _, _, err := b.Auth.SignIn(ctx, "yingbin", testkit.Password, guesser, "test"); !errors.Is(err, auth.ErrLocked) {
			t.Errorf("B after five failures on A: %v, want locked", err)
		}
		if _, _, err := b.Auth.SignIn(ctx, "yingbin", testkit.Password, "198.51.100.7", "test"); err != nil {
			t.Errorf("the owner from another address on B: %v", err)
		}

		// A job started on A, run by whichever claims it, read on both.
		done := make(chan string, 2)
		for name, r := range map[string]*jobs.Runner{"A": w.App.Jobs, "B": b.Jobs} {
			r.Register("two_servers", func(ctx context.Context, j *jobs.Job) (any, error) {
				done <- name
				return map[string]string{"ran on": name}, nil
			})
		}
		owner := w.IDs["hedong"]
		j, err := w.App.Jobs.Start(ctx, owner, "two_servers", map[string]int{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("no server ran the job")
		}
		for name, r := range map[string]*jobs.Runner{"A": w.App.Jobs, "B": b.Jobs} {
			deadline := time.Now().Add(5 * time.Second)
			for {
				got, ok, err := r.Get(ctx, j.ID, owner)
				if err != nil || !ok {
					t.Fatalf("%s cannot read the job: %v %v", name, ok, err)
				}
				if st := got.State(); st.Done {
					if st.Err != nil {
						t.Errorf("%s: the job failed: %v", name, st.Err)
					}
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s never saw the job end", name)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		if len(done) != 0 {
			t.Error("the job ran twice")
		}
	})
}
