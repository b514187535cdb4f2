package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/pii"
)

func TestKeyringRefusesTheWrongKey(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		dir := t.TempDir()
		var out bytes.Buffer
		env := Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }}
		path := filepath.Join(dir, "dangjian.key")
		if _, err := openKeyring(ctx, env, d, path); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "生成新的加密密钥：请与数据库一起备份") { // no LANG: Chinese
			t.Errorf("no backup warning: %q", out.String())
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %v %v", fi.Mode(), err)
		}
		if _, err := openKeyring(ctx, env, d, path); err != nil {
			t.Fatalf("second start with the same key: %v", err)
		}
		other := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1, 2, 3, 4}, 8))
		envOther := Env{Stdout: &out, Stderr: &out, Getenv: func(k string) string {
			if k == pii.EnvKey {
				return other
			}
			return ""
		}}
		_, err := openKeyring(ctx, envOther, d, path)
		if !errors.Is(err, pii.ErrKeyMismatch) || !strings.Contains(err.Error(), "does not match") {
			t.Errorf("wrong key: %v", err)
		}
	})
}
