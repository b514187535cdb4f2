package audit_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestExportXLSX(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		seed(t, d, 3)
		evil := audit.WithActor(ctx, audit.Actor{Username: "@SUM(1+1)", Role: "viewer", IP: "-1+2", Via: "web"})
		long := strings.Repeat("长", 40000)
		if err := audit.Write(evil, d, audit.Entry{
			Action: "export.members", TargetType: "area", TargetID: "+cmd|' /C calc'!A0",
			Outcome: audit.OutcomeDenied, Detail: `=HYPERLINK("http://evil.example","x")`, After: long,
		}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := audit.ExportXLSX(ctx, &buf, d.Reader(), audit.Filter{}); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		sheet := x.GetSheetName(0)
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"时间", "操作人", "角色", "操作", "对象类型", "对象", "结果", "变更前", "变更后", "说明", "IP", "请求号", "序号", "哈希"}
		if strings.Join(rows[0], "|") != strings.Join(want, "|") {
			t.Errorf("headers = %v", rows[0])
		}
		if len(rows) != 5 {
			t.Fatalf("%d rows, want header + 4", len(rows))
		}
		r := rows[1] // newest first
		if r[12] != "4" || r[6] != "拒绝" || r[3] != "export.members" || len(r[13]) != 64 {
			t.Errorf("row = %v", r[:7])
		}
		if !strings.HasSuffix(r[8], "…[truncated]") || len([]rune(r[8])) > 32767 {
			t.Errorf("long cell: %d runes, ends %q", len([]rune(r[8])), r[8][len(r[8])-20:])
		}
		// Formula-looking values are stored as text, unchanged, with no formula.
		for cell, v := range map[string]string{
			"J2": `=HYPERLINK("http://evil.example","x")`,
			"B2": "@SUM(1+1)",
			"K2": "-1+2",
			"F2": "+cmd|' /C calc'!A0",
		} {
			got, _ := x.GetCellValue(sheet, cell)
			f, _ := x.GetCellFormula(sheet, cell)
			typ, _ := x.GetCellType(sheet, cell)
			if got != v || f != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("%s = %q formula %q type %v, want text %q", cell, got, f, typ, v)
			}
		}
		// A filtered export has only the matching rows.
		buf.Reset()
		if err := audit.ExportXLSX(ctx, &buf, d.Reader(), audit.Filter{Action: "area."}); err != nil {
			t.Fatal(err)
		}
		y, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer y.Close()
		rows, _ = y.GetRows(y.GetSheetName(0))
		if len(rows) != 4 || rows[1][12] != "3" || rows[3][12] != "1" {
			t.Errorf("filtered rows = %d", len(rows))
		}
	})
}
