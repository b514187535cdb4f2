package cli

import (
	"bytes"
	"context"
	"dangjian/internal/testkit"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func enEnv(out io.Writer, vars map[string]string) Env {
	return Env{Stdout: out, Stderr: out, Getenv: func(k string) string {
		if k == "DANGJIAN_LANG" {
			return "en"
		}
		return vars[k]
	}}
}

func TestServeRefusesBadMetricsFlags(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--metrics-allow", "10.0.0.0/33"}, nil, `--metrics-allow: "10.0.0.0/33" is not a network`},
		{[]string{"--metrics-allow", "10.0.0.0/8,metrics.example"}, nil, `"metrics.example"`},
		{nil, map[string]string{"DANGJIAN_METRICS_ALLOW": "everyone"}, `--metrics-allow: "everyone"`},
		{[]string{"--metrics-allow", "none", "--metrics-addr", "127.0.0.1:0"}, nil, "--metrics-addr cannot go with --metrics-allow none"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		args := append([]string{"--db", "sqlite:" + filepath.Join(dir, "x.db"), "--key-file", filepath.Join(dir, "k"), "--anchor-key", filepath.Join(dir, "a.key"), "--anchor-file", filepath.Join(dir, "anchors.jsonl"), "--addr", "127.0.0.1:0"}, c.args...)
		err := runServe(context.Background(), enEnv(&out, c.env), args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v %v: %v, want %q", c.args, c.env, err, c.want)
		}
	}
}

// TestServeMetricsApart: with --metrics-addr, /metrics is served on that
// address and not on --addr, which keeps /healthz and /readyz.
func TestServeMetricsApart(t *testing.T) {
	dir := t.TempDir()
	out := &testkit.SyncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, enEnv(out, nil), []string{"--db", "sqlite:" + filepath.Join(dir, "x.db"),
			"--key-file", filepath.Join(dir, "k"), "--anchor-key", filepath.Join(dir, "a.key"), "--anchor-file", filepath.Join(dir, "anchors.jsonl"), "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0"})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	serving := regexp.MustCompile(`serving \S+ on http://(127\.0\.0\.1:\d+)/`)
	metricsOn := regexp.MustCompile(`metrics on http://(127\.0\.0\.1:\d+)/metrics \(open to 127\.0\.0\.0/8,::1/128\)`)
	var main, apart string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m, a := serving.FindStringSubmatch(out.String()), metricsOn.FindStringSubmatch(out.String()); m != nil && a != nil {
			main, apart = m[1], a[1]
			break
		}
	}
	if main == "" {
		t.Fatalf("the server did not start:\n%s", out.String())
	}
	get := func(url string) (int, string) {
		t.Helper()
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("http://" + main + "/healthz"); code != 200 {
		t.Errorf("/healthz: %d %s", code, body)
	}
	if code, body := get("http://" + main + "/readyz"); code != 200 {
		t.Errorf("/readyz: %d %s", code, body)
	}
	if code, body := get("http://" + main + "/metrics"); code == 200 || strings.Contains(body, "dangjian_http") {
		t.Errorf("/metrics on --addr: %d", code)
	}
	code, body := get("http://" + apart + "/metrics")
	if code != 200 || !strings.Contains(body, `dangjian_http_requests_total{code="200",method="get",route="GET /healthz"} 1`) {
		t.Errorf("/metrics on --metrics-addr: %d %.300s", code, body)
	}
}
