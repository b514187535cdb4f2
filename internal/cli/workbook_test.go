package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestWorkbookCommand writes the statistics workbook of the demo district
// and of a subdistrict on each engine and opens them.
func TestWorkbookCommand(t *testing.T) {
	for _, e := range dbtest.Engines() {
		u := demoDB(t, e)
		dir := t.TempDir()
		cases := []struct {
			args       []string
			sheetCount int
			a5         string // the total row's first cell on the first sheet
			a6         string
		}{
			{[]string{"--from", "2024-01-01", "--to", "2024-12-31"}, 5, "示范区合计", "河东街道"},
			{[]string{"--area", "河东街道", "--level", "community"}, 5, "河东街道合计", "迎宾社区"},
		}
		for i, c := range cases {
			out := filepath.Join(dir, "wb"+string(rune('a'+i))+".xlsx")
			args := append([]string{"workbook", "--db", u, "--out", out}, c.args...)
			if code, _, stderr := run(t, args...); code != 0 {
				t.Fatalf("%s %v: %s", e, c.args, stderr)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatalf("%s: %v", e, err)
			}
			sheets := f.GetSheetList()
			a5, _ := f.GetCellValue(sheets[0], "A5")
			a6, _ := f.GetCellValue(sheets[0], "A6")
			f.Close()
			if len(sheets) != c.sheetCount || sheets[0] != "第一部分" || sheets[len(sheets)-1] != "党员情况统计表" {
				t.Errorf("%s %v: sheets %v", e, c.args, sheets)
			}
			if a5 != c.a5 || a6 != c.a6 {
				t.Errorf("%s %v: A5 %q, A6 %q; want %q, %q", e, c.args, a5, a6, c.a5, c.a6)
			}
		}
	}
}

// TestWorkbookCommandErrors: each bad flag is refused in one line that
// names it, and no file is written.
func TestWorkbookCommandErrors(t *testing.T) {
	u := demoDB(t, db.SQLite)
	dir := t.TempDir()
	out := filepath.Join(dir, "wb.xlsx")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no out", []string{"workbook", "--db", u}, "--out"},
		{"not xlsx", []string{"workbook", "--db", u, "--out", filepath.Join(dir, "wb.csv")}, ".xlsx"},
		{"bad from", []string{"workbook", "--db", u, "--out", out, "--from", "2024-02-30"}, "--from：日期“2024-02-30”无效"},
		{"inverted", []string{"workbook", "--db", u, "--out", out, "--from", "2024-12-31", "--to", "2024-01-01"}, "--to："},
		{"unknown area", []string{"workbook", "--db", u, "--out", out, "--area", "无此街道"}, "--area：找不到名为“无此街道”的区域"},
		{"bad level", []string{"workbook", "--db", u, "--out", out, "--level", "planet"}, "--level：“planet”不是可选的分组级别"},
		{"level not below", []string{"workbook", "--db", u, "--out", out, "--area", "河东街道", "--level", "subdistrict"}, "--level：分组级别“subdistrict”须低于"},
		{"stray argument", []string{"workbook", "--db", u, "--out", out, "extra"}, "unexpected argument"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code == 0 {
				t.Fatalf("exit 0 for %v", c.args)
			}
			if !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("stderr %q lacks %q or is not one line", stderr, c.want)
			}
			if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
				t.Errorf("files written: %v", matches)
			}
		})
	}
}
