package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"text/tabwriter"

	"dangjian/internal/app"
	"dangjian/internal/i18n"
	"dangjian/internal/importer"
)

// runImport is "dangjian import members|units|posts FILE [--dry-run]": it
// prints progress on stderr, then the bad rows (and exits non-zero) or
// what it did. The command line acts as the local operator: full scope.
func runImport(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("import", env)
	dry := fs.Bool("dry-run", false, "check every row and write nothing")
	keyPath := fs.String("key-file", defaultKeyFile, "the key that encrypts personal data; $DANGJIAN_KEY wins")
	kind, args := leadingArg(args)
	file, args := leadingArg(args)
	if err := parse(fs, args); err != nil {
		return err
	}
	if kind == "" || file == "" {
		return fmt.Errorf("usage: dangjian import members|units|posts FILE [--dry-run] [--db URL]")
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	rn, closeDB, err := openRunner(ctx, env, *dbURL, *keyPath)
	if err != nil {
		return err
	}
	defer closeDB()
	l := lang(env)
	last := -1
	res, err := rn.Import(ctx, f, st.Size(), file, kind, importer.Options{DryRun: *dry, OnProgress: func(p importer.Progress) {
		pct := int(p.Fraction * 100)
		if pct != last {
			last = pct
			fmt.Fprintf(env.Stderr, "\r%s", i18n.T(l, "ui.import.progress", p.Rows, pct))
		}
	}})
	fmt.Fprintln(env.Stderr)
	if errors.Is(err, importer.ErrBadRows) {
		tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", i18n.T(l, "ui.import.line"), i18n.T(l, "ui.import.who"), i18n.T(l, "ui.import.column"), i18n.T(l, "ui.import.message"))
		for _, e := range res.Errors {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", e.Line, res.Who[e.Line], e.Header, e.Message(l))
		}
		tw.Flush()
		if res.MoreErrors > 0 {
			fmt.Fprintln(env.Stdout, i18n.T(l, "ui.import.more_errors", res.MoreErrors))
		}
		return i18n.Errf("", "ui.import.errors", res.BadRows(), len(res.Errors)+res.MoreErrors)
	}
	if err != nil {
		return err
	}
	if *dry {
		fmt.Fprintln(env.Stdout, i18n.T(l, "ui.import.ready", res.Rows, res.Created, res.Updated, res.Unchanged))
		return nil
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "ui.import.done", res.Rows, res.Created, res.Updated, res.Unchanged))
	return nil
}

// leadingArg takes the first argument when it is not a flag, so that the
// positional arguments may come before the flags.
func leadingArg(args []string) (string, []string) {
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		return args[0], args[1:]
	}
	return "", args
}

// openRunner opens the database, the personal-data key and the stores.
func openRunner(ctx context.Context, env Env, url, keyPath string) (*importer.Runner, func(), error) {
	d, err := open(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	keys, err := openKeyring(ctx, env, d, keyPath)
	if err != nil {
		d.Close()
		return nil, nil, err
	}
	a := app.New(d, keys, app.Options{})
	return &importer.Runner{DB: d, People: a.People}, func() { d.Close() }, nil
}
