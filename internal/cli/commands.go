package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/demo"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
)

func runMigrate(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("migrate", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Fprintln(env.Stdout, "migrated", *dbURL)
	return nil
}

func runDemo(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("demo", env)
	keyPath := fs.String("key-file", "", "the key that encrypts personal data (as for serve); without it the demo people have no ID or phone numbers")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	var keys *pii.Keyring
	if *keyPath != "" || env.Getenv(pii.EnvKey) != "" {
		if keys, err = openKeyring(ctx, env, d, *keyPath); err != nil {
			return err
		}
	}
	if err := loadDemo(ctx, env, d, keys); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "demo data loaded into", *dbURL)
	return nil
}

func runGen(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("gen", env)
	tier := fs.String("tier", "", "district, city or province")
	keyPath := fs.String("key-file", defaultKeyFile, "the key that encrypts personal data (as for serve); $DANGJIAN_KEY wins")
	if err := parse(fs, args); err != nil {
		return err
	}
	t, err := demo.ParseTier(*tier)
	if err != nil {
		return err
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	keys, err := openKeyring(ctx, env, d, *keyPath)
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := demo.Generate(ctx, d, t, keys, env.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "generated tier %s in %s: %s\n", t.Name, time.Since(start).Round(time.Millisecond), st)
	return nil
}

// scopeFlags adds --area, --from and --to.
type scopeFlags struct{ area, from, to *string }

func addScopeFlags(fs interface {
	String(string, string, string) *string
}) scopeFlags {
	return scopeFlags{
		area: fs.String("area", "", "area name or id (default: the whole tree)"),
		from: fs.String("from", "", "period start YYYY-MM-DD (default: 1 January this year)"),
		to:   fs.String("to", "", "period end YYYY-MM-DD (default: 31 December this year)"),
	}
}

func runFigures(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("figures", env)
	sf := addScopeFlags(fs)
	format := fs.String("format", "table", "json or table")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "table" {
		return i18n.Errf("format", "err.format_invalid", *format, "json, table")
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	store := area.NewStore(d)
	s, err := report.ResolveScope(ctx, store, *sf.area, *sf.from, *sf.to)
	if err != nil {
		return err
	}
	l := lang(env)
	vals, err := figures.ComputeAll(ctx, d.Reader(), s, l)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeFiguresJSON(env, s, vals)
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s — %s\n", s.AreaName, s.From, s.To)
	for _, v := range vals {
		fmt.Fprintf(tw, "%s\t%s\t%s %s\n", v.Key, v.Label, v.Text, v.Unit)
	}
	return tw.Flush()
}

// FiguresJSON is the shape of `figures --format json`, which other tools read.
type FiguresJSON struct {
	Scope   figures.Scope   `json:"scope"`
	From    string          `json:"from"`
	To      string          `json:"to"`
	Figures []figures.Value `json:"figures"`
}

func writeFiguresJSON(env Env, s figures.Scope, vals []figures.Value) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(FiguresJSON{Scope: s, From: s.From.String(), To: s.To.String(), Figures: vals})
}

func runSpeech(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("speech", env)
	sf := addScopeFlags(fs)
	format := fs.String("format", "md", "md, html or docx")
	out := fs.String("out", "", "write to FILE instead of standard output")
	tpl := fs.String("template", speechtpl.NameSaved, "default (the seed's words), saved (the scope's own or inherited template) or the path of a directory or .md file of template parts")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "md" && *format != "html" && *format != "docx" {
		return i18n.Errf("format", "err.format_invalid", *format, "md, html, docx")
	}
	if *format == "docx" && *out == "" {
		return i18n.Errf("out", "err.docx_needs_out")
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	store := area.NewStore(d)
	s, err := report.ResolveScope(ctx, store, *sf.area, *sf.from, *sf.to)
	if err != nil {
		return err
	}
	l := lang(env)
	t, err := speechtpl.NewStore(d, store).Named(ctx, *tpl, s.AreaID, l)
	if err != nil {
		return err
	}
	filled, err := t.Fill(ctx, d.Reader(), s, store.Today())
	if err != nil {
		return err
	}
	if *format == "docx" {
		var b bytes.Buffer
		if err := report.DOCX(&b, filled); err != nil {
			return err
		}
		return writeOut(*out, b.Bytes())
	}
	text := filled.Markdown()
	if *format == "html" {
		text = report.HTMLDocument(filled)
	}
	if *out == "" {
		_, err = fmt.Fprint(env.Stdout, text)
		return err
	}
	return writeOut(*out, []byte(text))
}

// writeOut writes a command's output to the file named by --out.
func writeOut(path string, body []byte) error {
	if err := os.WriteFile(path, body, 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, strings.TrimPrefix(err.Error(), "open "+path+": "))
	}
	return nil
}
