package backup

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Tools names the PostgreSQL client programs; a test may point them elsewhere.
var Tools = struct{ Dump, Restore string }{"pg_dump", "pg_restore"}

// ErrNoTool means pg_dump or pg_restore is not installed.
var ErrNoTool = errors.New("backup: the PostgreSQL client program is not installed")

// libpq keeps the URL parameters libpq understands (pg_dump refuses the
// others, such as search_path, which pgx passes on to the server) and moves
// the password into PGPASSWORD, out of the process list.
func libpq(raw string) (conn string, env []string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", db.ErrBadURL, err)
	}
	env = os.Environ()
	if pw, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+pw)
		u.User = url.User(u.User.Username())
	}
	keep := url.Values{}
	for k, v := range u.Query() {
		switch k {
		case "host", "hostaddr", "port", "user", "dbname", "passfile", "connect_timeout", "application_name",
			"sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslpassword", "sslcompression", "sslsni",
			"requiressl", "gssencmode", "channel_binding", "target_session_attrs", "krbsrvname", "service",
			"keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout":
			keep[k] = v
		}
	}
	u.RawQuery = keep.Encode()
	return u.String(), env, nil
}

// urlSchema is the schema the URL's search_path names first, or "public".
func urlSchema(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "public"
	}
	sp := u.Query().Get("search_path")
	if first := strings.TrimSpace(strings.Split(sp, ",")[0]); first != "" {
		return strings.Trim(first, `"`)
	}
	return "public"
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// run runs a PostgreSQL client program; its error output is the error.
func run(ctx context.Context, env []string, name string, args ...string) error {
	path, err := exec.LookPath(name)
	if err != nil {
		return &i18n.Error{Field: "db", Key: "err.backup_tool_missing", Args: []any{name}, Err: ErrNoTool}
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return fmt.Errorf("backup: %s failed: %v: %s", name, err, msg)
	}
	return nil
}

func toolVersion(ctx context.Context, name string) string {
	path, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// pgDump dumps the schema of d's URL into payload with pg_dump (custom
// format, no owners or grants) on a snapshot exported by a REPEATABLE READ
// transaction, in which it also reads the manifest's facts.
func pgDump(ctx context.Context, d *db.DB, payload string) (f facts, schema, tool string, err error) {
	conn, env, err := libpq(d.URL)
	if err != nil {
		return f, "", "", err
	}
	if _, err := exec.LookPath(Tools.Dump); err != nil {
		return f, "", "", &i18n.Error{Field: "db", Key: "err.backup_tool_missing", Args: []any{Tools.Dump}, Err: ErrNoTool}
	}
	p, err := sql.Open("pgx", d.URL)
	if err != nil {
		return f, "", "", err
	}
	defer p.Close()
	tx, err := p.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return f, "", "", fmt.Errorf("backup: begin: %w", err)
	}
	defer tx.Rollback()
	var snapshot string
	var cur sql.NullString
	if err := tx.QueryRowContext(ctx, "SELECT pg_export_snapshot(), current_schema()").Scan(&snapshot, &cur); err != nil {
		return f, "", "", fmt.Errorf("backup: export a snapshot: %w", err)
	}
	if !cur.Valid {
		return f, "", "", fmt.Errorf("backup: the schema of %s does not exist", urlSchema(d.URL))
	}
	schema = cur.String
	if f, err = readFacts(ctx, db.Postgres, func(q string, args ...any) rowScanner { return tx.QueryRowContext(ctx, q, args...) }); err != nil {
		return f, "", "", err
	}
	err = run(ctx, env, Tools.Dump, "--format=custom", "--no-owner", "--no-privileges",
		"--snapshot="+snapshot, "--schema="+quoteIdent(schema), "--file="+payload, "--dbname="+conn)
	if err != nil {
		return f, "", "", err
	}
	if err := os.Chmod(payload, payloadMode); err != nil {
		return f, "", "", err
	}
	return f, schema, toolVersion(ctx, Tools.Dump), tx.Commit()
}
