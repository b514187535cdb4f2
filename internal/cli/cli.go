// Package cli implements the dangjian command line: it parses flags, opens
// the database and calls the domain packages. It holds no business logic.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/tally"
)

// Env is the process environment the commands run in.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Stdin is read by the commands that take a secret (user password);
	// nil reads nothing.
	Stdin io.Reader
}

type command struct {
	name, usage string
	run         func(ctx context.Context, env Env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "serve [--addr 127.0.0.1:8080] [--db URL] [--demo] [--key-file FILE] [--tls-cert FILE --tls-key FILE] [--trust-proxy] [--metrics-allow CIDR,...|none] [--metrics-addr ADDR]", runServe},
		{"migrate", "migrate [--db URL]", runMigrate},
		{"demo", "demo [--db URL] [--key-file FILE]", runDemo},
		{"gen", "gen --tier district|city|province [--db URL] [--key-file FILE]", runGen},
		{"figures", "figures [--area NAME|ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|table] [--db URL]", runFigures},
		{"speech", "speech [--area NAME|ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--template default|saved|DIR|FILE.md] [--format md|html|docx] [--out FILE] [--db URL]", runSpeech},
		{"workbook", "workbook [--area NAME|ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--level subdistrict|community] --out FILE.xlsx [--db URL]", runWorkbook},
		{"check", "check [--db URL]", runCheck},
		{"audit", "audit verify [--anchor SEQ:HASH] [--db URL] | audit redact [--db URL]", runAudit},
		{"user", "user add NAME --role ROLE [--area NAME|ID] [--name DISPLAY] [--can-reveal] | user passwd NAME | user password NAME (reads it from standard input) | user disable NAME | user enable NAME | user list", runUser},
		{"import", "import members|units|posts FILE.(xlsx|csv) [--dry-run] [--db URL] [--key-file FILE]", runImport},
		{"export", "export members|units|posts [--area NAME|ID] --out FILE.(xlsx|csv) [--db URL] [--key-file FILE]", runExport},
		{"backup", "backup --out FILE [--db URL]", runBackup},
		{"restore", "restore --in FILE [--db URL] [--key-file FILE] [--force] [--check]", runRestore},
		{"token", "token create --user NAME [--expires 720h] [--name LABEL] | token revoke ID | token list", runToken},
		{"version", "version", runVersion},
	}
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		if err == nil {
			return 0
		}
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(env.Stderr, "dangjian "+c.name+": "+message(err, lang(env)))
		return 1
	}
	fmt.Fprintf(env.Stderr, "dangjian: unknown command %q\n", args[0])
	usage(env.Stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dangjian COMMAND [flags]")
	for _, c := range commands() {
		fmt.Fprintln(w, "  dangjian "+c.usage)
	}
}

// lang is the language of command-line messages: DANGJIAN_LANG, then LANG,
// Chinese unless either asks for English.
func lang(env Env) i18n.Lang {
	if l := env.Getenv("DANGJIAN_LANG"); l != "" {
		return i18n.Parse(l)
	}
	return i18n.Parse(env.Getenv("LANG"))
}

// message renders err in one line, in l when it is a domain error.
func message(err error, l i18n.Lang) string {
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return ie.In(l)
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// newFlags returns a flag set that reports errors instead of exiting, with
// the common --db flag.
func newFlags(name string, env Env) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dbURL := fs.String("db", config.DefaultDB(env.Getenv), "database URL: sqlite:PATH or postgres://…")
	return fs, dbURL
}

// parse parses args and refuses stray positional arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// open opens and migrates the database.
func open(ctx context.Context, url string) (*db.DB, error) {
	d, err := db.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	if err := flushTally(ctx, d); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// flushTally brings the maintained counts up to date if a migration (or a
// write from outside this program) left them behind; the first start after
// the upgrade that added them counts every area once.
func flushTally(ctx context.Context, d *db.DB) error {
	clean, err := tally.Clean(ctx, d.Reader())
	if err != nil || clean {
		return err
	}
	return d.Tx(ctx, func(q db.Q) error {
		_, err := tally.Flush(ctx, q)
		return err
	})
}
