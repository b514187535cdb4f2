package cli_test

import (
	"bytes"
	"context"
	"dangjian/internal/testkit"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/cli"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// en runs the command line in English.
func en(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runWith(t, "en_US.UTF-8", "", args...)
}

// dropAuditGuards lifts the append-only triggers, as a DBA could.
func dropAuditGuards(t *testing.T, d *db.DB) {
	t.Helper()
	on := ""
	if d.Dialect == db.Postgres {
		on = " ON audit_entry"
	}
	for _, s := range []string{"DROP TRIGGER audit_entry_no_update" + on, "DROP TRIGGER audit_entry_no_delete" + on} {
		if _, err := d.Writer().ExecContext(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
}

// rewriteTail replaces the entries from seq on with as many others, as
// someone who deletes them and appends new ones would: a chain that
// verifies on its own.
func rewriteTail(t *testing.T, d *db.DB, seq int64) {
	t.Helper()
	ctx := context.Background()
	head, _, err := audit.Head(ctx, d.Reader())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Writer().ExecContext(ctx, "DELETE FROM audit_entry WHERE seq >= ?", seq); err != nil {
		t.Fatal(err)
	}
	for i := seq; i <= head; i++ {
		if err := audit.Write(ctx, d, audit.Entry{Action: "area.rename", Detail: "rewritten"}); err != nil {
			t.Fatal(err)
		}
	}
}

// audit anchor signs the head; audit verify then checks the anchors file
// with the key's public half and catches, without an anchor kept by hand,
// a rewritten tail, a cut tail and a forged anchor line.
func TestAuditVerifyChecksAnchors(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(t *testing.T, d *db.DB, anchors string)
		want   string
	}{
		{"intact", func(*testing.T, *db.DB, string) {}, ""},
		{"tail rewritten", func(t *testing.T, d *db.DB, _ string) { rewriteTail(t, d, 2) },
			"the audit trail was rewritten: entry 3 now has hash"},
		{"tail cut", func(t *testing.T, d *db.DB, _ string) {
			if _, err := d.Writer().ExecContext(context.Background(), "DELETE FROM audit_entry WHERE seq >= 3"); err != nil {
				t.Fatal(err)
			}
		}, "the audit trail was cut: entry 3"},
		{"anchor forged for a rewritten tail", func(t *testing.T, d *db.DB, anchors string) {
			old := lastHash(t, d)
			rewriteTail(t, d, 2)
			b, err := os.ReadFile(anchors)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(anchors, bytes.ReplaceAll(b, []byte(old), []byte(lastHash(t, d))), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "signature does not verify, so the anchors file was forged or altered"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, e := range dbtest.Engines() {
				t.Run(string(e), func(t *testing.T) {
					ctx := context.Background()
					u, d := migratedAt(t, e)
					dir := t.TempDir()
					key, anchors := filepath.Join(dir, "anchor.key"), filepath.Join(dir, "anchors.jsonl")
					for _, a := range []string{"auth.signin", "area.rename", "auth.signout"} {
						if err := audit.Write(ctx, d, audit.Entry{Action: a}); err != nil {
							t.Fatal(err)
						}
					}
					code, out, stderr := en(t, "audit", "anchor", "--db", u, "--anchor-key", key, "--anchor-file", anchors)
					if code != 0 || !strings.Contains(out, "created a new anchor signing key in "+key) || !strings.Contains(out, "signed an anchor of entry 3 and appended it to "+anchors) {
						t.Fatalf("anchor: exit %d out %q err %q", code, out, stderr)
					}
					dropAuditGuards(t, d)
					c.tamper(t, d, anchors)
					// The public key alone is enough to verify.
					code, out, stderr = en(t, "audit", "verify", "--db", u, "--anchor-file", anchors, "--anchor-public", key+".pub")
					if c.want == "" {
						if code != 0 || !regexp.MustCompile(`anchors hold: 1 checked \(from .*anchors.jsonl\), the newest of entry 3, signed .* \(manual\)`).MatchString(out) {
							t.Errorf("exit %d out %q err %q", code, out, stderr)
						}
						return
					}
					if code == 0 || out != "" || !strings.Contains(stderr, c.want) {
						t.Errorf("exit %d out %q err %q, want %q", code, out, stderr, c.want)
					}
				})
			}
		})
	}
}

func lastHash(t *testing.T, d *db.DB) string {
	t.Helper()
	_, h, err := audit.Head(context.Background(), d.Reader())
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Without --anchor-file, verify reads the anchors file beside the SQLite
// database when there is one, and names the flags it needs.
func TestAuditVerifyAnchorFlags(t *testing.T) {
	u, d := migratedAt(t, db.SQLite)
	dir := t.TempDir()
	key := filepath.Join(dir, "anchor.key")
	if err := audit.Write(context.Background(), d, audit.Entry{Action: "auth.signin"}); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := en(t, "audit", "verify", "--db", u, "--anchor-key", key); code != 0 || !strings.Contains(out, "no anchors file at "+strings.TrimSuffix(strings.TrimPrefix(u, "sqlite:"), ".db")+"-anchors.jsonl") {
		t.Errorf("no anchors: exit %d %q", code, out)
	}
	if code, _, stderr := en(t, "audit", "anchor", "--db", u, "--anchor-key", key); code != 0 {
		t.Fatal(stderr)
	}
	// A second key is not made beside anchors that another key signed.
	lost := filepath.Join(dir, "lost.key")
	if code, _, stderr := en(t, "audit", "anchor", "--db", u, "--anchor-key", lost); code == 0 || !strings.Contains(stderr, "--anchor-key: there is no signing key "+lost) {
		t.Errorf("a new key beside signed anchors: exit %d %q", code, stderr)
	}
	if _, err := os.Stat(lost); err == nil {
		t.Error("the key was created")
	}
	other := filepath.Join(dir, "other.key")
	if code, _, stderr := en(t, "audit", "anchor", "--db", u, "--anchor-key", other, "--anchor-file", filepath.Join(dir, "other.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	pub, err := os.ReadFile(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--anchor-key", key}, "anchors hold: 1 checked"},
		{[]string{"--anchor-key", filepath.Join(dir, "none.key")}, "--anchor-public"},
		{[]string{"--anchor-public", strings.TrimSpace(string(pub))}, "anchors hold: 1 checked"},
		{[]string{"--anchor-public", "abc"}, "--anchor-public: abc is not an anchor public key"},
		{[]string{"--anchor-key", key, "--anchor-file", filepath.Join(dir, "missing.jsonl")}, "--anchor-file: there is no file"},
		{[]string{"--anchor-key", key, "--anchor-file", filepath.Join(dir, "other.jsonl")}, "signed by a key not given"},
		{[]string{"--anchor-public", key + ".pub," + other + ".pub", "--anchor-file", filepath.Join(dir, "other.jsonl"), "--anchor-file", strings.TrimSuffix(strings.TrimPrefix(u, "sqlite:"), ".db") + "-anchors.jsonl"}, "anchors hold: 2 checked"},
	} {
		code, out, stderr := en(t, append([]string{"audit", "verify", "--db", u}, c.args...)...)
		if !strings.Contains(out+stderr, c.want) || (code == 0) != strings.HasPrefix(c.want, "anchors hold") {
			t.Errorf("%v: exit %d out %q err %q, want %q", c.args, code, out, stderr, c.want)
		}
	}
}

// A redaction re-seals the chain and signs the new head: verify passes
// with the anchors made before it, those it replaced counted apart.
func TestAuditRedactKeepsAnchorsValid(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			u, d := migratedAt(t, e)
			dir := t.TempDir()
			flags := []string{"--db", u, "--anchor-key", filepath.Join(dir, "anchor.key"), "--anchor-file", filepath.Join(dir, "anchors.jsonl")}
			for _, e := range []audit.Entry{{Action: "auth.signin"}, {Action: "term.elect", After: map[string]string{"id_number": "110105199001011234"}}, {Action: "area.rename"}} {
				if err := audit.Write(ctx, d, e); err != nil {
					t.Fatal(err)
				}
				if code, _, stderr := en(t, append([]string{"audit", "anchor"}, flags...)...); code != 0 {
					t.Fatal(stderr)
				}
			}
			code, out, stderr := en(t, append([]string{"audit", "redact"}, flags...)...)
			if code != 0 || !strings.Contains(out, "earlier anchors of entries 2 to 3 are replaced by it") {
				t.Fatalf("redact: exit %d out %q err %q", code, out, stderr)
			}
			code, out, stderr = en(t, append([]string{"audit", "verify"}, flags...)...)
			if code != 0 || !strings.Contains(out, "anchors hold: 2 checked") || !strings.Contains(out, "the newest of entry 4") || !strings.Contains(out, "(redact)") ||
				!strings.Contains(out, "2 more anchors predate a redaction") {
				t.Errorf("verify after redact: exit %d out %q err %q", code, out, stderr)
			}
		})
	}
}

// serve anchors the trail on its ticker while it runs when the head moved,
// and once more at shutdown; the anchors are also in its log.
func TestServeAnchorsTheTrail(t *testing.T) {
	for _, e := range dbtest.Engines() {
		for _, every := range []time.Duration{20 * time.Millisecond, time.Hour} {
			t.Run(fmt.Sprint(e, "/", every), func(t *testing.T) {
				u, d := migratedAt(t, e)
				dir := t.TempDir()
				anchors := filepath.Join(dir, "anchors.jsonl")
				var out, logged testkit.SyncBuffer
				env := cli.Env{Stdout: &out, Stderr: &logged, Stdin: strings.NewReader(""), Getenv: func(k string) string {
					if k == "LANG" {
						return "en_US.UTF-8"
					}
					return ""
				}}
				ctx, stop := context.WithCancel(context.Background())
				done := make(chan int)
				go func() {
					done <- cli.Main(ctx, []string{"serve", "--db", u, "--addr", "127.0.0.1:0", "--key-file", filepath.Join(dir, "dangjian.key"),
						"--anchor-key", filepath.Join(dir, "anchor.key"), "--anchor-file", anchors, "--anchor-every", every.String()}, env)
				}()
				for end := time.Now().Add(20 * time.Second); !strings.Contains(out.String(), "dangjian is serving"); time.Sleep(10 * time.Millisecond) {
					if time.Now().After(end) {
						t.Fatalf("serve did not start: %s %s", out.String(), logged.String())
					}
				}
				if !strings.Contains(out.String(), "audit anchors: every "+every.String()) {
					t.Errorf("start: %s", out.String())
				}
				if err := audit.Write(context.Background(), d, audit.Entry{Action: "auth.signin"}); err != nil {
					t.Fatal(err)
				}
				head := lastHash(t, d)
				if every < time.Second {
					waitFor(t, func() bool { return strings.Contains(readFile(anchors), head) })
				} else {
					time.Sleep(100 * time.Millisecond)
					if strings.Contains(readFile(anchors), head) {
						t.Errorf("an anchor before the hour: %s", readFile(anchors))
					}
				}
				stop()
				if code := <-done; code != 0 {
					t.Fatalf("serve: exit %d: %s", code, logged.String())
				}
				as, err := audit.ReadAnchors(anchors)
				if err != nil || len(as) == 0 || as[len(as)-1].Hash != head {
					t.Fatalf("anchors after shutdown %+v %v", as, err)
				}
				if every > time.Second && len(as) != 1 {
					t.Errorf("anchors of a server that ran less than an interval: %+v", as)
				}
				if !strings.Contains(logged.String(), `msg="audit anchor"`) || !strings.Contains(logged.String(), head) {
					t.Errorf("log: %s", logged.String())
				}
				// The server's log, shipped elsewhere, verifies as well as the file.
				logFile := filepath.Join(dir, "server.log")
				if err := os.WriteFile(logFile, []byte(logged.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				if code, out, stderr := en(t, "audit", "verify", "--db", u, "--anchor-file", logFile, "--anchor-key", filepath.Join(dir, "anchor.key")); code != 0 || !strings.Contains(out, "anchors hold") {
					t.Errorf("verify the log: exit %d out %q err %q", code, out, stderr)
				}
			})
		}
	}
}

func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("timed out")
		}
	}
}
