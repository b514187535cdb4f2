package api_test

import (
	"context"
	dapp "dangjian/internal/app"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/demo"
	"dangjian/internal/figures"
)

// TestDemoFiguresSameOnBothEngines loads the demo district on SQLite and
// PostgreSQL and requires byte-identical answers from the figure endpoints.
func TestDemoFiguresSameOnBothEngines(t *testing.T) {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		t.Skip(dbtest.EnvPostgres + " not set; nothing to compare SQLite with")
	}
	ctx := context.Background()
	muxes := map[db.Dialect]*http.ServeMux{}
	bearers := map[db.Dialect]string{}
	for _, e := range []db.Dialect{db.SQLite, db.Postgres} {
		d := dbtest.Open(t, e)
		store := &area.Store{DB: d, Today: func() date.Date { return testToday }}
		if err := demo.Load(ctx, store); err != nil {
			t.Fatalf("%s: demo: %v", e, err)
		}
		mux := http.NewServeMux()
		accounts, bearer := adminToken(t, d)
		h := dapp.New(d, nil, dapp.Options{Today: func() date.Date { return testToday }}).APIHandler()
		h.Auth = accounts
		h.Register(mux)
		muxes[e] = mux
		bearers[e] = bearer
	}
	paths := []string{
		"/api/v1/figures",
		"/api/v1/figures?lang=en",
		"/api/v1/figures?from=2020-01-01&to=2025-06-30",
		"/api/v1/figures?area=河东街道&from=2021-01-01&to=2024-12-31",
		"/api/v1/figures/coverage.branch_per_community?from=2020-01-01&to=2025-06-30",
		"/api/v1/figures/communities.merged_or_adjusted?from=2020-01-01&to=2025-06-30",
		"/api/v1/figures/party_orgs.reformed_as_community_branch?from=2020-01-01&to=2025-06-30",
		"/api/v1/areas/tree?as_of=2023-06-30",
	}
	for _, p := range paths {
		var bodies [2]string
		for i, e := range []db.Dialect{db.SQLite, db.Postgres} {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.Header.Set("Authorization", bearers[e])
			muxes[e].ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s on %s: %d %s", p, e, rec.Code, rec.Body)
			}
			bodies[i] = rec.Body.String()
		}
		if p == "/api/v1/figures" {
			var got struct {
				Figures []struct {
					Key   string  `json:"key"`
					Value float64 `json:"value"`
				} `json:"figures"`
			}
			if err := json.Unmarshal([]byte(bodies[0]), &got); err != nil {
				t.Fatal(err)
			}
			// Parts one and two this year; part three tells what changed
			// over years and is asked of five (demo.TestDemoFiguresNonZero).
			for _, v := range got.Figures {
				if v.Value == 0 && figures.Get(v.Key).Part <= 2 {
					t.Errorf("the demo should make %s non-zero this year: %s", v.Key, bodies[0])
				}
			}
		}
		if bodies[0] != bodies[1] {
			t.Errorf("%s differs:\nsqlite:   %s\npostgres: %s", p, bodies[0], bodies[1])
		}
	}
}
