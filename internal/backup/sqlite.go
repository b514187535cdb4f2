package backup

import (
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dangjian/internal/db"
)

// sqliteCopy writes a consistent copy of the SQLite database d to payload
// (gzipped) and reads the manifest's facts from that copy.
//
// VACUUM INTO runs on a connection of its own, not on d's single writer:
// in WAL mode it is one read transaction, so the application's writes go
// on (and are not in the copy) while it runs.
func sqliteCopy(ctx context.Context, d *db.DB, work, payload string) (facts, error) {
	src := strings.TrimPrefix(d.URL, "sqlite:")
	c, err := sql.Open("sqlite", "file:"+src+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return facts{}, fmt.Errorf("backup: open %s: %w", src, err)
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	raw := filepath.Join(work, "copy.db")
	if _, err := c.ExecContext(ctx, "VACUUM INTO ?", raw); err != nil {
		return facts{}, fmt.Errorf("backup: copy %s: %w", src, err)
	}
	c.Close()
	if err := os.Chmod(raw, payloadMode); err != nil {
		return facts{}, err
	}
	f, err := sqliteFacts(ctx, raw)
	if err != nil {
		return facts{}, err
	}
	return f, gzipFile(raw, payload)
}

// sqliteFacts reads the manifest's facts from a SQLite file.
func sqliteFacts(ctx context.Context, file string) (facts, error) {
	c, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		return facts{}, err
	}
	defer c.Close()
	return readFacts(ctx, db.SQLite, func(q string, args ...any) rowScanner { return c.QueryRowContext(ctx, q, args...) })
}

func gzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, payloadMode)
	if err != nil {
		return err
	}
	defer out.Close()
	zw, err := gzip.NewWriterLevel(out, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := io.Copy(zw, in); err != nil {
		return fmt.Errorf("backup: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// gunzipFile expands a payload; a payload that does not expand is damaged.
func gunzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, payloadMode)
	if err != nil {
		return err
	}
	defer out.Close()
	if _, err := io.Copy(out, zr); err != nil {
		return err
	}
	if err := zr.Close(); err != nil {
		return err
	}
	return out.Close()
}
