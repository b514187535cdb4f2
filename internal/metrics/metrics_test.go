package metrics

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestParseAllow(t *testing.T) {
	cases := []struct {
		in       string
		want     string // String(), or the bad entry when !ok
		ok       bool
		in4, in6 string // an address inside, for the lists
	}{
		{"", "127.0.0.0/8,::1/128", true, "127.9.9.9", "::1"},
		{"none", "none", true, "", ""},
		{" NONE ", "none", true, "", ""},
		{"10.0.0.0/8", "10.0.0.0/8", true, "10.200.0.1", ""},
		{"10.1.2.3/8, 2001:db8::/32", "10.0.0.0/8,2001:db8::/32", true, "10.0.0.1", "2001:db8::9"},
		{"192.168.1.5", "192.168.1.5/32", true, "192.168.1.5", ""},
		{"::ffff:192.168.1.5", "192.168.1.5/32", true, "192.168.1.5", ""},
		{"10.0.0.0/8,localhost", "localhost", false, "", ""},
		{"10.0.0.0/33", "10.0.0.0/33", false, "", ""},
		{"10.0.0.0/8,", "", false, "", ""},
	}
	for _, c := range cases {
		a, bad, ok := ParseAllow(c.in)
		if ok != c.ok {
			t.Errorf("%q: ok %v", c.in, ok)
			continue
		}
		if !ok {
			if bad != c.want {
				t.Errorf("%q: bad entry %q, want %q", c.in, bad, c.want)
			}
			continue
		}
		if a.String() != c.want {
			t.Errorf("%q: %s, want %s", c.in, a, c.want)
		}
		for _, ip := range []string{c.in4, c.in6} {
			if ip != "" && !a.Contains(netip.MustParseAddr(ip)) {
				t.Errorf("%q does not contain %s", c.in, ip)
			}
		}
		if a.Contains(netip.MustParseAddr("203.0.113.1")) {
			t.Errorf("%q contains a stranger", c.in)
		}
	}
}

// TestRoutedLabelsByTheInnermostPattern: a request served by a mux mounted
// under another is labelled by the inner mux's pattern; one the inner mux
// does not know, by the outer's; none at all, "unmatched".
func TestRoutedLabelsByTheInnermostPattern(t *testing.T) {
	inner := http.NewServeMux()
	inner.HandleFunc("GET /api/v1/things/{id}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	outer := http.NewServeMux()
	// The outer mux hands on a copy of the request, as middleware does.
	outer.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Routed(inner).ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), struct{}{}, 1)))
	}))
	m := New(Options{})
	h := m.Instrument(Routed(outer))
	bare := m.Instrument(http.NotFoundHandler())
	for _, p := range []string{"/api/v1/things/17", "/api/v1/things/18", "/api/v2/other"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	bare.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x/1", nil))
	for labels, want := range map[[3]string]float64{
		{"GET /api/v1/things/{id}", "get", "204"}: 2,
		{"/api/", "get", "404"}:                   1,
		{"unmatched", "get", "404"}:               1,
	} {
		if got := testutil.ToFloat64(m.requests.WithLabelValues(labels[:]...)); got != want {
			t.Errorf("%v: %v, want %v", labels, got, want)
		}
	}
	if n := testutil.CollectAndCount(m.requests); n != 3 {
		t.Errorf("%d label sets, want 3", n)
	}
}

func TestJobHooks(t *testing.T) {
	kind := "test_" + strings.ReplaceAll(t.Name(), "/", "_")
	JobStarted(kind)
	JobStarted(kind)
	JobStarted(kind)
	if got := testutil.ToFloat64(jobsRunning.WithLabelValues(kind)); got != 3 {
		t.Errorf("running %v", got)
	}
	JobEnded(kind, time.Second, nil)
	JobEnded(kind, time.Second, errors.New("bad sheet"))
	JobEnded(kind, time.Second, context.Canceled)
	if got := testutil.ToFloat64(jobsRunning.WithLabelValues(kind)); got != 0 {
		t.Errorf("running %v after the ends", got)
	}
	if got := testutil.ToFloat64(jobsStarted.WithLabelValues(kind)); got != 3 {
		t.Errorf("started %v", got)
	}
	m := New(Options{JobsQueued: func() float64 { return 7 }})
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	text := rec.Body.String()
	for _, r := range []string{"ok", "error", "cancelled"} {
		if !strings.Contains(text, `dangjian_job_duration_seconds_count{kind="`+kind+`",result="`+r+`"} 1`) {
			t.Errorf("no %s job in\n%s", r, text)
		}
	}
	if !strings.Contains(text, "dangjian_jobs_queued 7") {
		t.Errorf("queue depth not exported:\n%s", text)
	}
	if KindOf(struct{}{}) != "job" {
		t.Error("KindOf without JobKind")
	}
}

// BenchmarkFigureComputed is the cost the figures pay per query for their
// histogram (a figure's query takes from about 0.1 ms to tens of ms).
func BenchmarkFigureComputed(b *testing.B) {
	for b.Loop() {
		FigureComputed("communities.total", time.Now())
	}
}

// BenchmarkInstrument is the cost of the HTTP metrics per request, against
// the same handler bare.
func BenchmarkInstrument(b *testing.B) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /things/{id}", func(w http.ResponseWriter, r *http.Request) {})
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"bare", mux}, {"instrumented", New(Options{}).Instrument(Routed(mux))}} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/things/7", nil)
			w := httptest.NewRecorder()
			for b.Loop() {
				c.h.ServeHTTP(w, req)
			}
		})
	}
}
