package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
)

// exportHeaders are the column titles of the XLSX export, in column order.
var exportHeaders = []string{"时间", "操作人", "角色", "操作", "对象类型", "对象", "结果", "变更前", "变更后", "说明", "IP", "请求号", "序号", "哈希"}

var outcomeZH = map[string]string{OutcomeOK: "成功", OutcomeDenied: "拒绝", OutcomeFailed: "失败"}

// maxSheetRows is Excel's row limit, the header included.
const maxSheetRows = 1_048_576

// errTooMany stops the row stream when the export exceeds one sheet.
var errTooMany = errors.New("audit: more entries than one worksheet holds; narrow the period")

// ExportXLSX writes the entries f selects to w as an XLSX workbook, newest
// first, streaming rows. f.Limit and f.Offset apply only when Limit > 0.
// Every text cell is an inline string with the Text number format, so a value
// such as "=HYPERLINK(…)" stays text and a spreadsheet never evaluates it,
// even after the cell is edited. Times are local with their UTC offset.
func ExportXLSX(ctx context.Context, w io.Writer, q db.Q, f Filter) error {
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "审计日志"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49}) // "@": Text
	if err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	head, err := x.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	widths := []float64{26, 16, 12, 22, 12, 14, 8, 40, 40, 30, 16, 20, 10, 66}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("audit: export: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	row := make([]any, len(exportHeaders))
	for i, h := range exportHeaders {
		row[i] = excelize.Cell{StyleID: head, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	where, args := f.where()
	tail := where + " ORDER BY seq DESC"
	if f.Limit > 0 {
		tail += " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, max(f.Offset, 0))
	}
	n := 1
	err = each(ctx, q, tail, args, func(r *Record) error {
		if n == maxSheetRows {
			return errTooMany
		}
		n++
		cells := []string{
			r.At.Local().Format("2006-01-02 15:04:05.000 -07:00"),
			r.Actor.Username, r.Actor.Role, r.Action, r.TargetType, r.TargetID,
			outcomeText(r.Outcome), r.Before, r.After, r.Detail,
			r.Actor.IP, r.Actor.RequestID,
		}
		for i, s := range cells {
			row[i] = excelize.Cell{StyleID: text, Value: fitCell(s)}
		}
		row[12] = r.Seq
		row[13] = excelize.Cell{StyleID: text, Value: r.Hash}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("audit: export row %d: %w", n, err)
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("audit: export: %w", err)
	}
	return nil
}

func outcomeText(o string) string {
	if s, ok := outcomeZH[o]; ok {
		return s
	}
	return o
}

// maxCellUnits is Excel's limit of UTF-16 units in a cell.
const maxCellUnits = 32767

// fitCell shortens s to what one cell holds and says so, rather than letting
// the library cut it silently.
func fitCell(s string) string {
	if len(s) <= maxCellUnits || utf16Len(s) <= maxCellUnits {
		return s
	}
	const mark = "…[truncated]"
	budget := maxCellUnits - utf16Len(mark)
	units := 0
	for i, c := range s {
		units += utf16.RuneLen(c)
		if units > budget {
			return s[:i] + mark
		}
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, c := range s {
		n += utf16.RuneLen(c)
	}
	return n
}
