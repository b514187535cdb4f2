package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestBackupAndRestoreCommands runs backup and restore as an operator
// would: the restored database gives the same figures, the file is 0600,
// and each refusal is one line in the user's language naming the flag.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "dangjian.key")
	src := dbtest.URL(t, db.SQLite)
	if code, _, stderr := run(t, "demo", "--db", src, "--key-file", key); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	out := filepath.Join(dir, "nightly.dj")
	code, stdout, stderr := run(t, "backup", "--db", src, "--out", out)
	if code != 0 || !strings.Contains(stdout, "已写入备份") || !strings.Contains(stdout, "密钥") {
		t.Fatalf("backup: exit %d, %q, %q", code, stdout, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v, want mode 0600", fi, err)
	}
	keyText, _ := os.ReadFile(key)
	body, _ := os.ReadFile(out)
	if k := strings.TrimSpace(string(keyText)); k == "" || strings.Contains(string(body), k) {
		t.Errorf("the key file's text (%d bytes) is in the backup", len(k))
	}
	if code, stdout, stderr := run(t, "restore", "--check", "--in", out, "--key-file", key); code != 0 || !strings.Contains(stdout, "完好") {
		t.Errorf("restore --check: exit %d, %q, %q", code, stdout, stderr)
	}
	dst := dbtest.URL(t, db.SQLite)
	if code, stdout, stderr := run(t, "restore", "--in", out, "--db", dst, "--key-file", key); code != 0 || !strings.Contains(stdout, "已将备份") {
		t.Fatalf("restore: exit %d, %q, %q", code, stdout, stderr)
	}
	_, want, _ := run(t, "figures", "--db", src, "--format", "json")
	_, got, _ := run(t, "figures", "--db", dst, "--format", "json")
	if got != want || len(got) < 100 {
		t.Errorf("figures after restore differ:\n%s\n---\n%s", got, want)
	}
	if code, stdout, _ := run(t, "audit", "verify", "--db", dst); code != 0 || !strings.Contains(stdout, "intact") {
		t.Errorf("audit verify on the restored database: %d %s", code, stdout)
	}
	other := filepath.Join(dir, "other.key")
	if err := os.WriteFile(other, []byte("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		flag string
		zh   string
	}{
		{"no --out", []string{"backup", "--db", src}, "--out", "请指定备份文件"},
		{"--out exists", []string{"backup", "--db", src, "--out", out}, "--out", "已存在"},
		{"no --in", []string{"restore", "--db", dst, "--key-file", key}, "--in", "请指定"},
		{"not a backup", []string{"restore", "--in", key, "--db", "sqlite:" + filepath.Join(dir, "x.db"), "--key-file", key}, "--in", "不是 dangjian 备份文件"},
		{"no key", []string{"restore", "--in", out, "--db", "sqlite:" + filepath.Join(dir, "y.db"), "--key-file", filepath.Join(dir, "absent.key")}, "--key-file", "密钥"},
		{"wrong key", []string{"restore", "--in", out, "--db", "sqlite:" + filepath.Join(dir, "y.db"), "--key-file", other}, "--key-file", "不符"},
		{"target with records", []string{"restore", "--in", out, "--db", dst, "--key-file", key}, "--force", "--force"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code == 0 || !strings.Contains(stderr, c.flag) || !strings.Contains(stderr, c.zh) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("exit %d, stderr %q: want one line in Chinese naming %s", code, stderr, c.flag)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "absent.key")); err == nil {
		t.Error("restore created a key file")
	}
	if _, err := os.Stat(filepath.Join(dir, "y.db")); err == nil {
		t.Error("a refused restore created its target")
	}
	if code, _, stderr := run(t, "restore", "--in", out, "--db", dst, "--key-file", key, "--force"); code != 0 {
		t.Errorf("restore --force: %s", stderr)
	}
}
