package app_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/metrics"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// opsGet sends GET path from remote (with headers) to h.
func opsGet(h http.Handler, path, remote string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", path, nil)
	req.RemoteAddr = remote
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestOpsRoutes: /healthz and /readyz answer without a session, /readyz
// says 503 once the database is gone, and /metrics shows the requests by
// route pattern (never the raw path with its id), the database pools, and
// the figures computed.
func TestOpsRoutes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := testkit.New(t, d, testkit.Options{Demo: true})
		w.Callers()
		m := w.App.NewMetrics()
		h, err := w.App.Handler(app.HTTP{Metrics: m, MetricsAllow: metrics.Loopback})
		if err != nil {
			t.Fatal(err)
		}
		const local = "127.0.0.1:40000"
		for _, p := range []string{"/healthz", "/readyz"} {
			rec := opsGet(h, p, "192.0.2.7:1234", nil) // anyone, no session
			var body map[string]string
			if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body["status"] != "ok" {
				t.Errorf("%s: %d %q", p, rec.Code, rec.Body.String())
			}
			if rec.Header().Get("Set-Cookie") != "" {
				t.Errorf("%s sets a cookie", p)
			}
		}

		// A page and an API call about one area, by id.
		id := strconv.FormatInt(w.AreaID("迎宾社区"), 10)
		page := opsGet(h, "/areas/"+id, local, map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions["admin"]})
		api := opsGet(h, "/api/v1/areas/"+id, local, map[string]string{"Authorization": w.Bearer("admin")})
		if page.Code != 200 || api.Code != 200 {
			t.Fatalf("page %d, api %d", page.Code, api.Code)
		}
		opsGet(h, "/no/such/page/"+id, local, nil)
		// The figures of the demo district, as a page computes them.
		root, err := w.App.Areas.Root(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		before := histogramCount(t, m, "dangjian_figures_compute_seconds", "call", "list")
		tallied := histogramCount(t, m, "dangjian_figure_compute_seconds", "figure", "communities.total")
		tallied += histogramCount(t, m, "dangjian_figure_compute_seconds", "figure", "tallied")
		s := figures.Scope{AreaID: root.ID, From: w.Today.AddDays(-365), To: w.Today}
		if _, err := figures.ComputeAll(context.Background(), d.Reader(), s, i18n.ZH); err != nil {
			t.Fatal(err)
		}
		if got := histogramCount(t, m, "dangjian_figures_compute_seconds", "call", "list"); got != before+1 {
			t.Errorf("figure lists computed: %d, want %d", got, before+1)
		}
		after := histogramCount(t, m, "dangjian_figure_compute_seconds", "figure", "communities.total") +
			histogramCount(t, m, "dangjian_figure_compute_seconds", "figure", "tallied")
		if after != tallied+1 {
			t.Errorf("communities.total computed %d times (alone or in the tallied query), want 1", after-tallied)
		}

		rec := opsGet(h, "/metrics", local, nil)
		if rec.Code != 200 {
			t.Fatalf("/metrics from loopback: %d %s", rec.Code, rec.Body.String())
		}
		text := rec.Body.String()
		pools := []string{`db_name="reader"`, `db_name="writer"`}
		if d.Dialect == db.Postgres {
			pools = []string{`db_name="shared"`}
		}
		want := []string{
			`dangjian_http_requests_total{code="200",method="get",route="GET /areas/{id}"} 1`,
			`dangjian_http_requests_total{code="200",method="get",route="GET /api/v1/areas/{id}"} 1`,
			`dangjian_http_requests_total{code="200",method="get",route="GET /healthz"} 1`,
			`dangjian_http_requests_total{code="404",method="get",route="/"} 1`,
			`dangjian_http_request_duration_seconds_bucket{method="get",route="GET /areas/{id}",le="+Inf"} 1`,
			`dangjian_jobs_queued 0`,
			`go_sql_max_open_connections`,
		}
		for _, p := range pools {
			want = append(want, `go_sql_open_connections{`+p+`}`)
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("/metrics lacks %s", s)
			}
		}
		if strings.Contains(text, "/areas/"+id) || strings.Contains(text, "/no/such") {
			t.Error("/metrics labels a request by its raw path")
		}

		// Without the database, the server is alive but not ready.
		d.Close()
		if rec := opsGet(h, "/healthz", local, nil); rec.Code != 200 {
			t.Errorf("/healthz without the database: %d", rec.Code)
		}
		rec = opsGet(h, "/readyz", local, nil)
		if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"reason":"database"`) {
			t.Errorf("/readyz without the database: %d %s", rec.Code, rec.Body.String())
		}
	})
}

// TestReadyzRefusesAnUnmigratedDatabase: a database that answers but lacks
// a migration is not ready.
func TestReadyzRefusesAnUnmigratedDatabase(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	if err := d.Ready(context.Background()); err != nil {
		t.Fatalf("migrated database: %v", err)
	}
	h, err := app.New(d, testkit.Keys(t), app.Options{}).Handler(app.HTTP{})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := db.Migrations(d.Dialect)
	last := ms[len(ms)-1]
	if _, err := d.Writer().ExecContext(context.Background(), "DELETE FROM schema_migrations WHERE version = ?", last.Version); err != nil {
		t.Fatal(err)
	}
	rec := opsGet(h, "/readyz", "127.0.0.1:1", nil)
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"reason":"migrations"`) {
		t.Errorf("/readyz with a migration missing: %d %s", rec.Code, rec.Body.String())
	}
	// Put it back for the end-of-test checks.
	if _, err := d.Writer().ExecContext(context.Background(), "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)", last.Version, last.Name); err != nil {
		t.Fatal(err)
	}
	if rec := opsGet(h, "/readyz", "127.0.0.1:1", nil); rec.Code != 200 {
		t.Errorf("/readyz once migrated: %d %s", rec.Code, rec.Body.String())
	}
}

// TestMetricsAccess: /metrics is open to the clients --metrics-allow names
// (loopback by default), and a request a proxy forwarded is judged by the
// client it was forwarded for, not by the proxy's loopback address.
func TestMetricsAccess(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	a := app.New(d, testkit.Keys(t), app.Options{})
	m := a.NewMetrics()
	lan, _, ok := metrics.ParseAllow("10.0.0.0/8, 192.168.1.5")
	if !ok {
		t.Fatal("ParseAllow")
	}
	xff := func(v string) map[string]string { return map[string]string{"X-Forwarded-For": v} }
	cases := []struct {
		name       string
		allow      metrics.Allow
		trustProxy bool
		remote     string
		header     map[string]string
		want       int
	}{
		{"loopback", metrics.Loopback, false, "127.0.0.1:5000", nil, 200},
		{"loopback v6", metrics.Loopback, false, "[::1]:5000", nil, 200},
		{"another machine", metrics.Loopback, false, "192.0.2.7:5000", nil, 403},
		{"forwarded by a proxy on loopback, no --trust-proxy", metrics.Loopback, false, "127.0.0.1:5000", xff("203.0.113.9"), 403},
		{"forwarded, the client claims loopback, no --trust-proxy", metrics.Loopback, false, "127.0.0.1:5000", xff("127.0.0.1"), 403},
		{"forwarded by a proxy on loopback for a stranger", metrics.Loopback, true, "127.0.0.1:5000", xff("203.0.113.9"), 403},
		{"a stranger's own X-Forwarded-For before the proxy's", metrics.Loopback, true, "127.0.0.1:5000", xff("127.0.0.1, 203.0.113.9"), 403},
		{"forwarded with X-Real-IP only", metrics.Loopback, true, "127.0.0.1:5000", map[string]string{"X-Real-IP": "203.0.113.9"}, 403},
		{"forwarded with Forwarded only", metrics.Loopback, true, "127.0.0.1:5000", map[string]string{"Forwarded": "for=203.0.113.9"}, 403},
		{"a scraper on the proxy's machine, not forwarded", metrics.Loopback, true, "127.0.0.1:5000", nil, 200},
		{"allowed network", lan, false, "10.1.2.3:5000", nil, 200},
		{"allowed address", lan, false, "192.168.1.5:5000", nil, 200},
		{"next address", lan, false, "192.168.1.6:5000", nil, 403},
		{"loopback not in the list", lan, false, "127.0.0.1:5000", nil, 403},
		{"allowed network through the proxy", lan, true, "127.0.0.1:5000", xff("10.9.9.9"), 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, err := a.Handler(app.HTTP{Metrics: m, MetricsAllow: c.allow, TrustProxy: c.trustProxy})
			if err != nil {
				t.Fatal(err)
			}
			rec := opsGet(h, "/metrics", c.remote, c.header)
			if rec.Code != c.want {
				t.Fatalf("%d, want %d: %s", rec.Code, c.want, rec.Body.String())
			}
			if c.want == 200 && !strings.Contains(rec.Body.String(), "go_sql_open_connections") {
				t.Errorf("not the metrics: %.200s", rec.Body.String())
			}
		})
	}
	// none: /metrics is not served at all (it is an unknown page).
	h, err := a.Handler(app.HTTP{Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	if rec := opsGet(h, "/metrics", "127.0.0.1:5000", nil); rec.Code == 200 || strings.Contains(rec.Body.String(), "dangjian_http") {
		t.Errorf("/metrics with --metrics-allow none: %d", rec.Code)
	}
}

// TestOpsRoutesAreOutsideTheRouteTables: the three routes that skip the
// access tests are not among the pages' routes (where TestRouteAccess would
// expect a permission) and not under /api/.
func TestOpsRoutesAreOutsideTheRouteTables(t *testing.T) {
	pages := map[string]bool{}
	for _, rt := range app.New(nil, nil, app.Options{}).PageRoutes() {
		pages[rt.Pattern] = true
	}
	if len(app.OpsRoutes) != 3 {
		t.Errorf("ops routes %q: a new one needs its reason to skip the access tests", app.OpsRoutes)
	}
	for _, p := range app.OpsRoutes {
		if pages[p] || pages[strings.TrimPrefix(p, "GET ")] || strings.Contains(p, "/api/") {
			t.Errorf("%s is also a page or an API route", p)
		}
	}
}

// histogramCount is the number of observations of the histogram name with
// label = value in m.
func histogramCount(t *testing.T, m *metrics.Metrics, name, label, value string) uint64 {
	t.Helper()
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, mt := range f.GetMetric() {
			for _, l := range mt.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					return mt.GetHistogram().GetSampleCount()
				}
			}
		}
	}
	return 0
}

// TestDashboardUsesExportedMetrics: every metric docs/grafana-dashboard.json
// and the Monitoring section of docs/operations.md name is one the server
// exports.
func TestDashboardUsesExportedMetrics(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	a := app.New(d, testkit.Keys(t), app.Options{})
	m := a.NewMetrics()
	h, err := a.Handler(app.HTTP{Metrics: m, MetricsAllow: metrics.Loopback})
	if err != nil {
		t.Fatal(err)
	}
	opsGet(h, "/healthz", "127.0.0.1:1", nil)
	metrics.JobStarted("dashboard_test")
	metrics.JobEnded("dashboard_test", 0, nil)
	metrics.FigureComputed("dashboard_test", time.Now())
	metrics.FiguresComputed("dashboard_test", time.Now())
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	for _, f := range fams {
		exported[f.GetName()] = true
	}
	name := regexp.MustCompile(`\b(?:dangjian|go_sql|process|go)_[a-z_]+\b`) // not an archive name (dangjian_v1.2.3_…)
	for _, doc := range []string{"../../docs/grafana-dashboard.json", "../../docs/operations.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, n := range name.FindAllString(string(b), -1) {
			if strings.HasSuffix(n, "_") || n == "go_sql_" { // a prefix in prose ("go_sql_*", "go_*")
				continue
			}
			seen++
			base := n
			for _, suf := range []string{"_bucket", "_count", "_sum"} {
				if !exported[base] {
					base = strings.TrimSuffix(base, suf)
				}
			}
			if !exported[base] {
				t.Errorf("%s names %s, which is not exported", doc, n)
			}
		}
		if seen < 10 {
			t.Errorf("%s names %d metrics", doc, seen)
		}
	}
}
