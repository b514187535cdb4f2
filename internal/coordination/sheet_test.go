package coordination_test

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/access"
	"dangjian/internal/coordination"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// sheetOf reads an exported XLSX into its rows (the header first).
func sheetOf(t *testing.T, b []byte) (*excelize.File, [][]string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

// setCell changes the cell of column header on the row of action id.
func setCell(t *testing.T, f *excelize.File, rows [][]string, id int64, header, v string) {
	t.Helper()
	col := -1
	for j, h := range rows[0] {
		if h == header {
			col = j
		}
	}
	for i, r := range rows {
		if i > 0 && r[0] == strconv.FormatInt(id, 10) && col >= 0 {
			cell, _ := excelize.CoordinatesToCellName(col+1, i+1)
			if err := f.SetCellStr(f.GetSheetName(0), cell, v); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no cell %s of action %d", header, id)
}

func saved(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestActionSheetRoundTrip: export the open actions, change a row's
// progress and status in the sheet, import it (a dry run first, which
// writes nothing): the action moved, with the update in its timeline;
// importing the same sheet again changes nothing.
func TestActionSheetRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		ids := p.actionIDs()
		var out bytes.Buffer
		n, err := p.s.ExportSheet(ctx, &out, xlsx.FormatXLSX, i18n.ZH, coordination.ActionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		f, rows := sheetOf(t, out.Bytes())
		if want := "事项编号 来源 议定事项 承办单位 议定日期 办结期限 办理状态 进度（%） 进展日期 进展情况 办理结果"; strings.Join(rows[0], " ") != want {
			t.Errorf("headers: %v", rows[0])
		}
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[2])
		}
		sort.Strings(got)
		if n != 3 || strings.Join(got, ",") != "a3,a4,补装井盖" {
			t.Fatalf("exported %d rows: %v", n, got)
		}
		for _, r := range rows[1:] {
			if r[2] == "a4" && strings.Join(r[:8], "|") != strconv.FormatInt(ids["a4"], 10)+"|河东街道社区党建工作联席会议|a4|U2 党校|2024-09-01|2025-03-01|未开始|0" {
				t.Errorf("a4's row: %v", r)
			}
		}
		setCell(t, f, rows, ids["a4"], "进度（%）", "60%")
		setCell(t, f, rows, ids["a4"], "办理状态", "推进中")
		setCell(t, f, rows, ids["a4"], "进展情况", "已完成一半")
		changed := saved(t, f)

		timeline := func() []coordination.Update {
			t.Helper()
			v, err := p.s.ActionDetail(ctx, ids["a4"])
			if err != nil {
				t.Fatal(err)
			}
			if v.Status != coordination.ActionStatus("in_progress") && len(v.Timeline) > 0 {
				t.Errorf("a4 has updates but is %s", v.Status)
			}
			return v.Timeline
		}
		imp := func(b []byte, dry bool) *coordination.SheetResult {
			t.Helper()
			res, err := p.s.ImportSheet(ctx, bytes.NewReader(b), int64(len(b)), "台账.xlsx", dry)
			if err != nil {
				for _, e := range res.Errors {
					t.Log(e.In(i18n.ZH))
				}
				t.Fatal(err)
			}
			return res
		}
		if res := imp(changed, true); res.Rows != 3 || res.Changed != 1 || res.Unchanged != 2 || len(timeline()) != 0 {
			t.Errorf("dry run: %+v, timeline %v", res, timeline())
		}
		if res := imp(changed, false); res.Changed != 1 || res.Unchanged != 2 {
			t.Errorf("import: %+v", res)
		}
		tl := timeline()
		if len(tl) != 1 || tl[0].Progress != 60 || tl[0].Status != "in_progress" || tl[0].Note != "已完成一半" || tl[0].On.String() != "2025-06-30" {
			t.Errorf("a4's timeline after the import: %+v", tl)
		}
		if res := imp(changed, false); res.Changed != 0 || res.Unchanged != 3 || len(timeline()) != 1 {
			t.Errorf("the same sheet again: %+v, timeline %+v", res, timeline())
		}
		// The next export shows the update, and imports back unchanged.
		out.Reset()
		if _, err := p.s.ExportSheet(ctx, &out, xlsx.FormatXLSX, i18n.ZH, coordination.ActionFilter{}); err != nil {
			t.Fatal(err)
		}
		if res := imp(out.Bytes(), false); res.Changed != 0 || res.Unchanged != 3 {
			t.Errorf("a fresh export imported back: %+v", res)
		}
		// In English and as CSV it reads back the same.
		out.Reset()
		if _, err := p.s.ExportSheet(ctx, &out, xlsx.FormatCSV, i18n.EN, coordination.ActionFilter{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Action no.,Source,Action,Owner") || !strings.Contains(out.String(), ",in progress,60,2025-06-30,已完成一半,") {
			t.Errorf("the English sheet: %s", out.String())
		}
		en := strings.Replace(out.String(), ",in progress,60,2025-06-30,已完成一半,", ",done,60,2025-06-30,已完成一半,验收合格", 1)
		res, err := p.s.ImportSheet(ctx, strings.NewReader(en), int64(len(en)), "actions.csv", false)
		if err != nil || res.Changed != 1 || res.Unchanged != 2 {
			t.Fatalf("the English sheet with a4 done: %v %+v", err, res)
		}
		if v, _ := p.s.ActionDetail(ctx, ids["a4"]); v.Status != coordination.Done || v.Progress != 100 || v.Result != "验收合格" || len(v.Timeline) != 2 ||
			v.Timeline[1].Note != "" || v.ClosedOn.String() != "2025-06-30" {
			t.Errorf("a4 done through the sheet: %+v", v)
		}
		if res, err := p.s.ImportSheet(ctx, strings.NewReader(en), int64(len(en)), "actions.csv", false); err != nil || res.Changed != 0 {
			t.Errorf("the done sheet again: %v %+v", err, res)
		}
	})
}

// TestActionSheetRefusals: every problem of every row in one dry run, by
// line and column, and nothing written by the real run either.
func TestActionSheetRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		ids := p.actionIDs()
		no := func(title string) string { return strconv.FormatInt(ids[title], 10) }
		var buf bytes.Buffer
		w, err := xlsx.NewWriter(&buf, xlsx.FormatXLSX, coordination.ActionSheet, i18n.ZH)
		if err != nil {
			t.Fatal(err)
		}
		//            编号 来源 事项 承办 议定 期限 状态 进度 日期 情况 结果
		for _, r := range [][]string{
			{no("a4"), "", "a4", "", "", "", "推进中", "abc", "", "", ""},            // line 2: progress not a number
			{no("a3"), "", "a3", "", "", "2024-12-31", "暂停", "", "", "", ""},      // line 3: due date changed, status unknown
			{"99999", "", "", "", "", "", "", "50", "", "", ""},                   // line 4: unknown action
			{no("a4"), "", "", "", "", "", "", "10", "", "", ""},                  // line 5: twice
			{no("a1"), "", "", "", "", "", "推进中", "50", "", "", ""},               // line 6: a done action
			{no("补装井盖"), "", "补装井盖", "", "", "", "", "120", "2025-06-01", "", ""}, // line 7: above 100
			{no("a3"), "", "", "", "", "", "", "", "2024-13-01", "", ""},          // line 8: twice, and a bad date
			{"", "", "无编号", "", "", "", "", "", "", "", ""},                       // line 9: no number
			{no("a3 的一部分"), "", "", "另一个科", "", "", "", "", "", "", ""},           // line 10: owner changed
		} {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		want := []string{"2 progress", "3 due_on", "3 status", "4 action_no", "5 action_no", "6 status", "7 progress", "8 action_no", "9 action_no", "10 owner"}
		for _, dry := range []bool{true, false} {
			res, err := p.s.ImportSheet(ctx, bytes.NewReader(b), int64(len(b)), "台账.xlsx", dry)
			if !errors.Is(err, coordination.ErrSheetRows) {
				t.Fatalf("dry run %v: %v", dry, err)
			}
			var got []string
			for _, e := range res.Errors {
				got = append(got, strconv.Itoa(e.Line)+" "+e.Column)
				if e.Header == "" || strings.HasPrefix(e.Message(i18n.ZH), "err.") {
					t.Errorf("a problem without its header or words: %+v", e)
				}
			}
			if strings.Join(got, ", ") != strings.Join(want, ", ") {
				t.Errorf("dry run %v: problems\n%s\nwant\n%s", dry, strings.Join(got, ", "), strings.Join(want, ", "))
			}
		}
		var updates int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM action_update WHERE action_id IN (?, ?, ?)", ids["a4"], ids["a3"], ids["补装井盖"]).Scan(&updates))
		if updates != 0 {
			t.Errorf("a refused sheet wrote %d updates", updates)
		}
		// An action outside the importer's scope is unknown to them.
		buf.Reset()
		w, err = xlsx.NewWriter(&buf, xlsx.FormatCSV, coordination.ActionSheet, i18n.ZH)
		p.ok(err)
		p.ok(w.Write([]string{no("a4"), "", "", "", "", "", "推进中", "50"}))
		p.ok(w.Close())
		res, err := p.s.ImportSheet(access.WithScope(ctx, p.ID("官渡街道")), bytes.NewReader(buf.Bytes()), int64(buf.Len()), "台账.csv", false)
		if !errors.Is(err, coordination.ErrSheetRows) || len(res.Errors) != 1 || res.Errors[0].Column != "action_no" || res.Errors[0].Key != "err.sheet_action_unknown" {
			t.Errorf("a 官渡 officer's sheet with a 河东 action: %v %+v", err, res)
		}
		// A sheet without the action number column is refused whole.
		buf.Reset()
		f := excelize.NewFile()
		_ = f.SetSheetRow("Sheet1", "A1", &[]string{"议定事项", "进度（%）"})
		_ = f.SetSheetRow("Sheet1", "A2", &[]string{"a4", "50"})
		p.ok(f.Write(&buf))
		if _, err := p.s.ImportSheet(ctx, bytes.NewReader(buf.Bytes()), int64(buf.Len()), "台账.xlsx", true); !errors.Is(err, xlsx.ErrHeader) {
			t.Errorf("a sheet without 事项编号: %v", err)
		}
	})
}
