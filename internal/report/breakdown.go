package report

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/workbook"
)

// breakdownLevel is the level of ?level= for a scope: the level below the
// scope's when empty; an *i18n.Error naming "level" when it is not one or
// not below the scope's.
func breakdownLevel(q url.Values, s figures.Scope) (string, error) {
	level := strings.TrimSpace(q.Get("level"))
	if level == "" {
		return workbook.DefaultLevel(s.Level), nil
	}
	return level, workbook.CheckLevel("level", s.Level, level)
}

// writeWorkbook builds and writes the statistics workbook of s at level.
func writeWorkbook(ctx context.Context, q db.Q, s figures.Scope, level string, lang i18n.Lang, w io.Writer) error {
	d, err := workbook.Build(ctx, q, s, level, lang, figures.All())
	if err != nil {
		return err
	}
	return workbook.Write(w, d, lang)
}

// workbookName is the download's file name.
func workbookName(s figures.Scope, level string) string {
	return "workbook-" + strconv.FormatInt(s.AreaID, 10) + "-" + level + "-" + s.From.String() + "-" + s.To.String() + ".xlsx"
}
