package api_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// benchClients is the number of concurrent keep-alive clients.
const benchClients = 8

// BenchmarkAuthenticatedList measures GET /api/v1/areas on the demo
// district (39 areas, 3.8 kB of JSON) through the whole API stack (token,
// permission, scope, store, JSON) against a bare net/http handler that
// writes a small JSON body, both over real loopback HTTP servers with
// keep-alive and benchClients concurrent clients, in the same run. Two more
// endpoints attribute the difference: the same list served by the same
// handler without the access checks, and the list of a community
// secretary (scoped to one area). The four are measured in alternating
// rounds so that drift of the shared machine hits all alike. It reports each
// throughput and the ratios (target: ratio = authenticated / bare >= 0.25).
//
//	go test ./internal/api -run '^$' -bench AuthenticatedList -benchtime 20000x -count 3
func BenchmarkAuthenticatedList(b *testing.B) {
	w := testkit.New(b, dbtest.Open(b, db.SQLite), testkit.Options{Demo: true}) // as the server builds it, with its read cache
	w.Caller("admin", auth.Admin, "", true)
	w.Caller("yingbin", auth.Community, "迎宾社区", true)
	h := w.App.APIHandler()
	var areaList http.HandlerFunc
	for _, rt := range h.Routes() {
		if rt.Method == http.MethodGet && rt.Path == "/api/v1/areas" {
			areaList = rt.Handle
		}
	}
	mux := http.NewServeMux()
	h.Register(mux)
	servers := map[string]*httptest.Server{
		"api": httptest.NewServer(mux),
		"unguarded": httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			areaList(w, r) // the same list, without admit
		})),
		"bare": httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = io.WriteString(w, `{"areas":[{"id":1,"name":"示范区"}]}`+"\n")
		})),
	}
	for _, s := range servers {
		defer s.Close()
	}
	type target struct{ metric, url, auth string }
	targets := []target{
		{"bare-req/s", servers["bare"].URL, ""},
		{"auth-list-req/s", servers["api"].URL + "/api/v1/areas", w.Bearer("admin")},
		{"unguarded-list-req/s", servers["unguarded"].URL + "/api/v1/areas", ""},
		{"community-list-req/s", servers["api"].URL + "/api/v1/areas", w.Bearer("yingbin")},
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 4 * benchClients, MaxIdleConnsPerHost: benchClients}}
	defer client.CloseIdleConnections()
	get := func(url, auth string) error {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || n == 0 {
			return fmt.Errorf("%s: %d", url, resp.StatusCode)
		}
		return nil
	}
	// run sends n requests from benchClients goroutines and returns the time taken.
	run := func(n int, t target) time.Duration {
		var left atomic.Int64
		left.Store(int64(n))
		var wg sync.WaitGroup
		var failed atomic.Value
		start := time.Now()
		for range benchClients {
			wg.Go(func() {
				for left.Add(-1) >= 0 {
					if err := get(t.url, t.auth); err != nil {
						failed.Store(err)
						return
					}
				}
			})
		}
		wg.Wait()
		if err, _ := failed.Load().(error); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	// Warm up: connections, the reader pool, the token cache.
	for _, t := range targets {
		run(200, t)
	}

	const rounds = 10
	took := make([]time.Duration, len(targets))
	b.ResetTimer()
	for i := range rounds {
		n := b.N / rounds
		if i < b.N%rounds {
			n++
		}
		for j, t := range targets {
			if n > 0 {
				took[j] += run(n, t)
			}
		}
	}
	b.StopTimer()
	rps := make([]float64, len(targets))
	for j, t := range targets {
		rps[j] = float64(b.N) / took[j].Seconds()
		b.ReportMetric(rps[j], t.metric)
	}
	b.ReportMetric(rps[1]/rps[0], "ratio")
	b.ReportMetric(rps[1]/rps[2], "auth/unguarded")
	b.ReportMetric(rps[3]/rps[0], "community/bare")
}
