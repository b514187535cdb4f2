package cli_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestAuditVerify(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			u, d := migratedAt(t, e)
			code, out, stderr := run(t, "audit", "verify", "--db", u)
			if code != 0 || !strings.HasPrefix(out, "audit trail intact: 0 entries\n未找到锚点文件") {
				t.Fatalf("empty: exit %d out %q err %q", code, out, stderr)
			}
			for _, a := range []string{"auth.signin", "area.rename", "auth.signout"} {
				if err := audit.Write(ctx, d, audit.Entry{Action: a}); err != nil {
					t.Fatal(err)
				}
			}
			code, out, stderr = run(t, "audit", "verify", "--db", u)
			if code != 0 || !strings.HasPrefix(out, "audit trail intact: 3 entries\n") {
				t.Fatalf("intact: exit %d out %q err %q", code, out, stderr)
			}
			anchor := regexp.MustCompile(`last entry: (3:[0-9a-f]{64})`).FindStringSubmatch(out)
			if anchor == nil {
				t.Fatalf("no anchor in %q", out)
			}
			if code, _, stderr := run(t, "audit", "verify", "--anchor", anchor[1], "--db", u); code != 0 {
				t.Fatalf("anchor: exit %d: %s", code, stderr)
			}

			// A DBA drops the guard and edits entry 2.
			drop := "DROP TRIGGER audit_entry_no_update"
			if e == db.Postgres {
				drop += " ON audit_entry"
			}
			for _, s := range []string{drop, "UPDATE audit_entry SET action = 'area.create' WHERE seq = 2"} {
				if _, err := d.Writer().ExecContext(ctx, s); err != nil {
					t.Fatal(err)
				}
			}
			code, out, stderr = run(t, "audit", "verify", "--db", u)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code == 0 || out != "" || len(lines) != 1 || !strings.Contains(stderr, "entry 2") || !strings.Contains(stderr, "hash mismatch") {
				t.Errorf("tampered: exit %d out %q err %q", code, out, stderr)
			}
		})
	}
}

func TestAuditVerifyUsage(t *testing.T) {
	missing := "sqlite:" + filepath.Join(t.TempDir(), "typo.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"audit"}, "usage: dangjian audit verify"},
		{[]string{"audit", "check"}, "usage: dangjian audit verify"},
		{[]string{"audit", "verify", "--db", missing}, "no database at"},
		{[]string{"audit", "verify", "--anchor", "x", "--db", missing}, "want SEQ:HASH"},
	} {
		code, _, stderr := run(t, c.args...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}

// audit redact masks plain numbers left by an earlier version and leaves a
// trail that verifies, with the redaction on it.
func TestAuditRedactCommand(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			u, d := migratedAt(t, e)
			dir := t.TempDir()
			keyFlags := []string{"--anchor-key", filepath.Join(dir, "anchor.key"), "--anchor-file", filepath.Join(dir, "anchors.jsonl")}
			redact := append([]string{"audit", "redact", "--db", u}, keyFlags...)
			if code, out, _ := run(t, redact...); code != 0 || !strings.Contains(out, "no entry holds") {
				t.Fatalf("empty trail: exit %d, %q", code, out)
			}
			if err := audit.Write(ctx, d, audit.Entry{Action: "term.elect", After: map[string]string{"id_number": "110105199001011234"}}); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := run(t, redact...)
			if code != 0 || !strings.Contains(out, "masked 1 entries; re-sealed 1 entries from entry 1; recorded as entry 2\n") || !strings.Contains(out, "new head 2:") {
				t.Fatalf("redact: exit %d out %q err %q", code, out, stderr)
			}
			if code, out, _ := run(t, append([]string{"audit", "verify", "--db", u}, keyFlags...)...); code != 0 || !strings.HasPrefix(out, "audit trail intact: 2 entries") {
				t.Errorf("verify after redact: exit %d, %q", code, out)
			}
		})
	}
	if code, _, stderr := run(t, "audit", "redact", "--db", "sqlite:"+filepath.Join(t.TempDir(), "none.db")); code == 0 || !strings.Contains(stderr, "no database at") {
		t.Errorf("a missing file: exit %d, %q", code, stderr)
	}
}
