package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Write writes d as an XLSX workbook in lang: a sheet per part of the
// speech, then the party statistics table (statsSheet). Every sheet goes
// through excelize's StreamWriter, a row at a time. internal/xlsx's Writer
// writes one sheet of text cells for the import and export of records;
// a workbook of several sheets of numbers with styles is written here.
func Write(w io.Writer, d *Data, lang i18n.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("workbook: styles: %w", err)
	}
	first := true
	for _, part := range Parts(d.Now.Figures) {
		name := i18n.T(lang, "xlsx.wb_sheet_part", partNumeral(lang, part))
		if err := addSheet(f, name, first); err != nil {
			return err
		}
		first = false
		if err := writePart(f, st, name, d, part, lang); err != nil {
			return fmt.Errorf("workbook: %s: %w", name, err)
		}
	}
	name := i18n.T(lang, "xlsx.wb_sheet_stats")
	if err := addSheet(f, name, first); err != nil {
		return err
	}
	if err := writeStats(f, st, name, d, lang); err != nil {
		return fmt.Errorf("workbook: %s: %w", name, err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("workbook: write: %w", err)
	}
	return nil
}

// addSheet adds a sheet (the first renames the new file's Sheet1).
func addSheet(f *excelize.File, name string, first bool) error {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("workbook: sheet %s: %w", name, err)
		}
		return nil
	}
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", name, err)
	}
	return nil
}

// partNumeral is a part's number as its headings write it (一, 1).
func partNumeral(lang i18n.Lang, n int) string {
	numerals := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if lang == i18n.EN || n < 0 || n >= len(numerals) {
		return strconv.Itoa(n)
	}
	return numerals[n]
}

// styles are the cell styles of the workbook.
type styles struct {
	title, head, text, totalText int
	// value and change styles by kind of figure: count, 万元, percent.
	value, change, totalValue, totalChange map[string]int
}

// numFmts are the number formats of a value and of its change by kind: a
// percentage is kept as a fraction (0.875 shows 87.5%), its change in
// percentage points the same way.
var numFmts = map[string][2]string{
	"count":   {"#,##0", "+#,##0;-#,##0;0"},
	"money":   {"#,##0.00", "+#,##0.00;-#,##0.00;0.00"},
	"percent": {"0.0%", "+0.0%;-0.0%;0.0%"},
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1},
	}
	st := &styles{value: map[string]int{}, change: map[string]int{}, totalValue: map[string]int{}, totalChange: map[string]int{}}
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	st.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	st.head = add(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	st.text = add(&excelize.Style{Border: border})
	bold := &excelize.Font{Bold: true}
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	st.totalText = add(&excelize.Style{Border: border, Font: bold, Fill: totalFill})
	for kind, fm := range numFmts {
		v, c := fm[0], fm[1]
		st.value[kind] = add(&excelize.Style{Border: border, CustomNumFmt: &v})
		st.change[kind] = add(&excelize.Style{Border: border, CustomNumFmt: &c, Font: &excelize.Font{Color: "595959"}})
		st.totalValue[kind] = add(&excelize.Style{Border: border, CustomNumFmt: &v, Font: bold, Fill: totalFill})
		st.totalChange[kind] = add(&excelize.Style{Border: border, CustomNumFmt: &c, Font: &excelize.Font{Bold: true, Color: "595959"}, Fill: totalFill})
	}
	return st, err
}

// kind is a figure's kind of number: count, money (万元) or percent.
func kind(f *figures.Figure) string {
	switch {
	case f.Agg == figures.Percent:
		return "percent"
	case f.Agg == figures.Sum && f.Scale != 1:
		return "money"
	}
	return "count"
}

// cellValue is a figure's value as the cell holds it (a percentage as a
// fraction).
func cellValue(f *figures.Figure, v float64) float64 {
	if f.Agg == figures.Percent {
		return roundTo(v/100, 10000)
	}
	return v
}

// pageSetup sets a sheet's print setup before it is streamed: landscape
// A4, fit to one page wide, and its header rows and first columns printed
// on every page.
func pageSetup(f *excelize.File, sheet string, headRows, keyCols int) error {
	landscape, a4, wide, tall, fit := "landscape", 9, 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(keyCols)
	ref := fmt.Sprintf("'%s'!$A:$%s,'%s'!$1:$%d", sheet, lastCol, sheet, headRows)
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref, Scope: sheet})
}

// freeze freezes the header rows and the key columns of a stream.
func freeze(sw *excelize.StreamWriter, headRows, keyCols int) error {
	cell, _ := excelize.CoordinatesToCellName(keyCols+1, headRows+1)
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: keyCols, YSplit: headRows, TopLeftCell: cell, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: "bottomRight"}}})
}

// areaCells are a sub-area's key cells: its name (marked when it ended
// within the period) and, at community level, its subdistrict.
func areaCells(d *Data, a figures.SubArea, lang i18n.Lang, style int) []any {
	name := a.Name
	if !a.EndedOn.IsZero() {
		name = i18n.T(lang, "xlsx.wb_ended", a.Name, a.EndedOn.String())
	}
	cells := []any{excelize.Cell{StyleID: style, Value: name}}
	if keyCols(d) == 2 {
		cells = append(cells, excelize.Cell{StyleID: style, Value: a.ParentName})
	}
	return cells
}

// keyCols is the number of columns naming a row: the area, and its
// subdistrict at community level.
func keyCols(d *Data) int {
	if d.Level == Community {
		return 2
	}
	return 1
}

// keyHeads are the headers of the key columns.
func keyHeads(d *Data, lang i18n.Lang) []string {
	key := "xlsx.wb_col_subdistrict"
	if d.Level == Community {
		key = "xlsx.wb_col_community"
	}
	heads := []string{i18n.T(lang, key)}
	if keyCols(d) == 2 {
		heads = append(heads, i18n.T(lang, "xlsx.wb_col_parent"))
	}
	return heads
}

// periodLine is the scope and periods under a sheet's title.
func periodLine(d *Data, lang i18n.Lang) string {
	before := figures.YearBefore(d.Scope)
	return i18n.T(lang, "xlsx.wb_period", d.Scope.AreaName, d.Scope.From.String(), d.Scope.To.String(), before.From.String(), before.To.String())
}

// openSheet sets up a sheet's printing and opens its stream writer with
// headRows rows and k key columns frozen, the key columns 16 wide and the
// values columns after them width wide.
func openSheet(f *excelize.File, sheet string, headRows, k, values int, width float64) (*excelize.StreamWriter, error) {
	if err := pageSetup(f, sheet, headRows, k); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := freeze(sw, headRows, k); err != nil {
		return nil, err
	}
	if err := sw.SetColWidth(1, k, 16); err != nil {
		return nil, err
	}
	if values > 0 {
		if err := sw.SetColWidth(k+1, k+values, width); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// writePart writes the sheet of one part: title rows, a header of two
// rows (each figure's label with its unit over three columns: the period,
// a year earlier, the change), the total row, a row per sub-area.
func writePart(f *excelize.File, st *styles, sheet string, d *Data, part int, lang i18n.Lang) error {
	var cols []int // indexes into d.Now.Figures
	for j, fg := range d.Now.Figures {
		if fg.Part == part {
			cols = append(cols, j)
		}
	}
	const headRows = 4
	k := keyCols(d)
	sw, err := openSheet(f, sheet, headRows, k, 3*len(cols), 11)
	if err != nil {
		return err
	}
	title := i18n.T(lang, "xlsx.wb_title_part", d.Scope.AreaName, partNumeral(lang, part))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{periodLine(d, lang)}); err != nil {
		return err
	}
	h1 := make([]any, 0, k+3*len(cols))
	h2 := make([]any, 0, k+3*len(cols))
	for _, h := range keyHeads(d, lang) {
		h1 = append(h1, excelize.Cell{StyleID: st.head, Value: h})
		h2 = append(h2, excelize.Cell{StyleID: st.head})
	}
	for _, j := range cols {
		fg := d.Now.Figures[j]
		label := fg.Label(lang)
		if u := fg.Unit(lang); u != "" {
			label += i18n.T(lang, "xlsx.wb_unit", u)
		}
		h1 = append(h1, excelize.Cell{StyleID: st.head, Value: label}, excelize.Cell{StyleID: st.head}, excelize.Cell{StyleID: st.head})
		change := "xlsx.wb_change"
		if fg.Agg == figures.Percent {
			change = "xlsx.wb_change_points"
		}
		h2 = append(h2, excelize.Cell{StyleID: st.head, Value: i18n.T(lang, "xlsx.wb_now")},
			excelize.Cell{StyleID: st.head, Value: i18n.T(lang, "xlsx.wb_before")},
			excelize.Cell{StyleID: st.head, Value: i18n.T(lang, change)})
	}
	if err := sw.SetRow("A3", h1, excelize.RowOpts{Height: 48}); err != nil {
		return err
	}
	if err := sw.SetRow("A4", h2); err != nil {
		return err
	}
	for c := 1; c <= k; c++ {
		top, _ := excelize.CoordinatesToCellName(c, 3)
		bottom, _ := excelize.CoordinatesToCellName(c, 4)
		if err := sw.MergeCell(top, bottom); err != nil {
			return err
		}
	}
	for n := range cols {
		top, _ := excelize.CoordinatesToCellName(k+1+3*n, 3)
		right, _ := excelize.CoordinatesToCellName(k+3+3*n, 3)
		if err := sw.MergeCell(top, right); err != nil {
			return err
		}
	}
	if err := sw.MergeCell("A1", cellName(k+3*len(cols), 1)); err != nil {
		return err
	}
	row := make([]any, 0, k+3*len(cols))
	put := func(now, before []float64, vs, cs map[string]int) {
		for _, j := range cols {
			fg := d.Now.Figures[j]
			kd := kind(fg)
			row = append(row,
				excelize.Cell{StyleID: vs[kd], Value: cellValue(fg, now[j])},
				excelize.Cell{StyleID: vs[kd], Value: cellValue(fg, before[j])},
				excelize.Cell{StyleID: cs[kd], Value: cellValue(fg, Change(fg, now[j], before[j]))})
		}
	}
	total := []any{excelize.Cell{StyleID: st.totalText, Value: i18n.T(lang, "xlsx.wb_total", d.Scope.AreaName)}}
	if k == 2 {
		total = append(total, excelize.Cell{StyleID: st.totalText})
	}
	row = append(row, total...)
	put(d.Now.Total, d.Before.Total, st.totalValue, st.totalChange)
	r := headRows + 1
	if err := sw.SetRow(cellName(1, r), row); err != nil {
		return err
	}
	for i, a := range d.Now.Areas {
		r++
		row = append(row[:0], areaCells(d, a, lang, st.text)...)
		put(d.Now.Values[i], d.Before.Values[i], st.value, st.change)
		if err := sw.SetRow(cellName(1, r), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellName is the name of the cell at column col, row row (both from 1).
func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}
