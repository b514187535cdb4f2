package workbook_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/testkit"
	"dangjian/internal/workbook"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// build writes the workbook of area at level for 2024 in lang.
func build(t *testing.T, w *testkit.World, areaName, level string, lang i18n.Lang) (*workbook.Data, *excelize.File) {
	t.Helper()
	from, to := date.YearBounds(2024)
	s := figures.Scope{AreaID: w.AreaID(areaName), AreaName: areaName, From: from, To: to}
	d, err := workbook.Build(context.Background(), w.DB.Reader(), s, level, lang, figures.All())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, d, lang); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return d, f
}

// dump is a workbook as text: each sheet's name, frozen panes, print
// titles and merged cells, then its rows as shown (number formats
// applied), cells separated by " | ".
func dump(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"/"+dn.Name] = dn.RefersTo
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "frozen: %v at %s\n", panes.Freeze, panes.TopLeftCell)
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "print: %s, %d page(s) wide, titles %s\n", *layout.Orientation, *layout.FitToWidth, names[sheet+"/_xlnm.Print_Titles"])
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, m := range merged {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		fmt.Fprintf(&b, "merged: %s\n", strings.Join(refs, " "))
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.TrimRight(strings.Join(r, " | "), " |"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestWorkbookGolden compares the demo district's workbook for 2024 with
// its golden text, at subdistrict level in Chinese and at community level
// in English, on both engines (go test -update rewrites them).
func TestWorkbookGolden(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		for _, c := range []struct {
			golden, area, level string
			lang                i18n.Lang
		}{
			{"demo_2024_subdistrict_zh.golden", "示范区", workbook.Subdistrict, i18n.ZH},
			{"demo_2024_community_en.golden", "示范区", workbook.Community, i18n.EN},
		} {
			_, f := build(t, w, c.area, c.level, c.lang)
			got := dump(t, f)
			path := filepath.Join("testdata", c.golden)
			if *update && dbh.Dialect == db.SQLite {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the workbook (go test -update rewrites it):\n%s", c.golden, firstDiff(string(want), got))
			}
		}
	})
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return ""
}

// TestWorkbookTotals holds the total row of every part's sheet to each
// figure computed for the scope, this year's and a year earlier's, for a
// district and a subdistrict: the total is the scope's figure, never a sum
// of the rows (a unit counted in two communities is one unit).
func TestWorkbookTotals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		ctx := context.Background()
		for _, c := range []struct{ area, level string }{{"示范区", workbook.Community}, {"西湖街道", workbook.Community}} {
			d, f := build(t, w, c.area, c.level, i18n.ZH)
			keyCols := 2
			n := map[int]int{} // figures seen per part
			checked := 0
			for _, fg := range figures.All() {
				sheet := "第" + []string{"", "一", "二", "三", "四"}[fg.Part] + "部分"
				col := keyCols + 1 + 3*n[fg.Part]
				n[fg.Part]++
				head, _ := excelize.CoordinatesToCellName(col, 3)
				if got, _ := f.GetCellValue(sheet, head); !strings.HasPrefix(got, fg.LabelZH) {
					t.Fatalf("%s %s: header %q, want %s", sheet, head, got, fg.LabelZH)
				}
				for k, s := range []figures.Scope{d.Scope, figures.YearBefore(d.Scope)} {
					want, err := fg.Compute(ctx, dbh.Reader(), s)
					if err != nil {
						t.Fatal(err)
					}
					if fg.Agg == figures.Percent {
						want /= 100
					}
					cell, _ := excelize.CoordinatesToCellName(col+k, 5)
					raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatal(err)
					}
					got, err := strconv.ParseFloat(raw, 64)
					if err != nil || math.Abs(got-want) > 1e-9 {
						t.Errorf("%s %s %s (%s): total %q, the scope's figure %v", c.area, sheet, cell, fg.Key, raw, want)
					}
					checked++
				}
			}
			if checked != 2*len(figures.All()) {
				t.Errorf("%d totals checked", checked)
			}
		}
	})
}
