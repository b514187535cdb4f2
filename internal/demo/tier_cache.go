package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/pii"
)

// benchGenVersion is part of the cache key of the generated benchmark
// databases: bump it when the generator's output changes.
const benchGenVersion = 12

// CachedTier returns the path of a SQLite file holding the tier generated
// with the default seed up to today, for benchmarks. The file is kept under
// os.TempDir()/dangjian-bench, keyed by the schema (the migrations' text),
// the generator version and the date, so repeated runs skip the generation
// (a minute and more for the city). keys must be the same on every call:
// they encrypt the generated personal data.
func CachedTier(ctx context.Context, name string, keys *pii.Keyring, logf func(string, ...any)) (string, error) {
	tier, err := ParseTier(name)
	if err != nil {
		return "", err
	}
	ms, err := db.Migrations(db.SQLite)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range ms {
		io.WriteString(h, m.SQL)
	}
	today := date.Today()
	fmt.Fprintf(h, "%d %s %d %s", benchGenVersion, name, DefaultSeed, today)
	dir := filepath.Join(os.TempDir(), "dangjian-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+"-"+hex.EncodeToString(h.Sum(nil))[:12]+".db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := fmt.Sprintf("%s.tmp%d", path, os.Getpid())
	d, err := db.Open(ctx, "sqlite:"+tmp)
	if err != nil {
		return "", err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return "", err
	}
	start := time.Now()
	// The generator's progress lines (with each part's time) go to logf.
	if _, err := GenerateWith(ctx, d, GenOptions{Tier: tier, Seed: DefaultSeed, Today: today, Keys: keys}, logWriter(logf)); err != nil {
		return "", err
	}
	logf("generated %s tier into %s in %s", name, path, time.Since(start).Round(time.Millisecond))
	if err := d.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// BenchKeys are the keys of the generated benchmark tiers (a fixed test
// key: the data is fictional).
func BenchKeys() *pii.Keyring {
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(i*7 + 3)
	}
	k, err := pii.New(key)
	if err != nil {
		panic(err)
	}
	return k
}

// logWriter passes each write (a progress line) to logf.
type logWriter func(string, ...any)

func (f logWriter) Write(p []byte) (int, error) {
	f("%s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
