package services

import (
	"errors"
	"strconv"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The cells of a sheet's row as the importer reads them: each problem is
// recorded on the row, in its column.

// once records a problem when what key names was on an earlier line.
func (im *importer) once(col, key string) bool {
	if line, dup := im.seen[key]; dup {
		im.problem(col, "err.svc_sheet_twice", line)
		return false
	}
	im.seen[key] = im.row.Line
	return true
}

// earlier line (the problem recorded).
func (im *importer) number() int64 {
	v := im.row.Get("id")
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		im.problem("id", "err.svc_sheet_number", v)
		return -1
	}
	if !im.once("id", "#"+v) {
		return -1
	}
	return id
}

// date reads the date in column col (zero when empty or bad; the problem
// recorded).
func (im *importer) date(col string) date.Date {
	v := im.row.Get(col)
	if v == "" {
		return date.Date{}
	}
	d, ok := xlsx.NormalizeDate(v)
	if !ok {
		im.problem(col, "err.svc_sheet_date", v)
		return date.Date{}
	}
	return date.MustParse(d)
}

// its values; the problem recorded).
func (im *importer) enum(col string) string {
	v := im.row.Get(col)
	if v == "" {
		return ""
	}
	schema := im.rd.Schema()
	code, ok := schema.Columns[schema.Col(col)].Code(v)
	if !ok {
		im.problem(col, "err.svc_sheet_value", v)
	}
	return code
}

// count reads a whole number not below 0 in column col (0 when empty).
func (im *importer) count(col string) int64 {
	n, err := count(col, im.row.Get(col))
	if e, ok := err.(*i18n.Error); ok {
		im.problem(col, e.Key, e.Args...)
	}
	return n
}

// for a row without a record number id (a row with one names its
// record's area, checked by fixedArea).
func (im *importer) area(id int64) area.Area {
	v := im.row.Get("area_id")
	if id != 0 {
		return area.Area{}
	}
	if v == "" {
		im.problem("area_id", "err.svc_required")
		return area.Area{}
	}
	a, err := im.s.Areas.Find(im.ctx, v)
	if err != nil {
		var ie *i18n.Error
		if errors.As(err, &ie) {
			im.problem("area_id", ie.Key, ie.Args...)
		} else {
			im.problem("area_id", "err.svc_sheet_area_unknown", v)
		}
	}
	return a
}

// sheet says other than the record.
func (im *importer) fixed(col, got, want string) {
	if got != "" && norm(got) != norm(want) {
		im.problem(col, "err.svc_sheet_cell_fixed", want)
	}
}

// value is named by its label.
func (im *importer) fixedCode(col, got, want string) {
	if got != "" && got != want {
		schema := im.rd.Schema()
		im.problem(col, "err.svc_sheet_cell_fixed", schema.Columns[schema.Col(col)].Label(want, i18n.ZH))
	}
}

// fixedDate is fixed for a date cell.
func (im *importer) fixedDate(col string, got, want date.Date) {
	if !got.IsZero() && got != want {
		im.problem(col, "err.svc_sheet_cell_fixed", dateCell(want))
	}
}

// names the area as the platform does now.
func (im *importer) fixedArea(id int64) {
	if a, err := im.s.Areas.Get(im.ctx, id); err == nil {
		im.fixed("area_id", im.row.Get("area_id"), a.Name)
	}
}

// the platform has.
func (im *importer) keep(col, v, cur string) string {
	if im.row.Get(col) == "" {
		return cur
	}
	return v
}

// norm folds a cell for comparison: spaces removed.
func norm(s string) string { return strings.Join(strings.Fields(s), "") }
