package cli

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/workbook"
)

// runWorkbook writes the statistics workbook of a scope and period:
//
//	dangjian workbook [--area NAME|ID] [--from] [--to] [--level subdistrict|community] --out FILE.xlsx
func runWorkbook(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("workbook", env)
	sf := addScopeFlags(fs)
	level := fs.String("level", "", "subdistrict or community (default: the level below the area's)")
	out := fs.String("out", "", "the workbook to write, FILE.xlsx")
	if err := parse(fs, args); err != nil {
		return err
	}
	l := lang(env)
	if *out == "" {
		return i18n.Errf("out", "err.workbook_needs_out")
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return i18n.Errf("out", "err.workbook_out_ext", *out)
	}
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	s, err := report.ResolveScope(ctx, area.NewStore(d), *sf.area, *sf.from, *sf.to)
	if err != nil {
		return flagError(err, l)
	}
	if *level == "" {
		*level = workbook.DefaultLevel(s.Level)
	}
	if err := workbook.CheckLevel("level", s.Level, *level); err != nil {
		return flagError(err, l)
	}
	data, err := workbook.Build(ctx, d.Reader(), s, *level, l, figures.All())
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, data, l); err != nil {
		return err
	}
	return writeOut(*out, b.Bytes())
}

// flagError names the flag a domain error is about: "--from: …".
func flagError(err error, l i18n.Lang) error {
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.Field != "" {
		return i18n.Errf(ie.Field, "err.cli_flag", ie.Field, ie.In(l))
	}
	return err
}
