package xlsx

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/i18n"
)

// MaxSheetRows is the most data rows one worksheet holds below its header;
// CSV has no limit.
const MaxSheetRows = 1_048_575

// Writer writes a sheet of a Schema, the header row first, as XLSX through
// excelize's StreamWriter (constant memory) or as CSV with a UTF-8 BOM.
// Nothing it writes is evaluated by a spreadsheet: XLSX cells are inline
// strings with the Text number format, so even "=1+2" stays text after the
// cell is edited; CSV values that start with =, +, -, @, a tab or a
// carriage return get a leading single quote, which Reader strips again.
type Writer struct {
	format string
	out    io.Writer
	n      int
	// XLSX
	f     *excelize.File
	sw    *excelize.StreamWriter
	cells []any
	style int
	// CSV
	cw  *csv.Writer
	rec []string
}

// NewWriter starts a sheet in format (FormatXLSX or FormatCSV) with the
// schema's headers in lang. Close must be called to finish it.
func NewWriter(w io.Writer, format string, s *Schema, lang i18n.Lang) (*Writer, error) {
	wr := &Writer{format: format, out: w}
	headers := s.Headers(lang)
	switch format {
	case FormatXLSX:
		if err := wr.startXLSX(s, lang, headers); err != nil {
			return nil, fmt.Errorf("xlsx: write: %w", err)
		}
	case FormatCSV:
		if _, err := w.Write(bomUTF8); err != nil {
			return nil, fmt.Errorf("xlsx: write: %w", err)
		}
		wr.cw = csv.NewWriter(w)
		wr.cw.UseCRLF = true
		wr.rec = make([]string, len(headers))
		if err := wr.cw.Write(headers); err != nil {
			return nil, fmt.Errorf("xlsx: write: %w", err)
		}
	default:
		return nil, fmt.Errorf("xlsx: write: format %q: %w", format, ErrFormat)
	}
	return wr, nil
}

func (wr *Writer) startXLSX(s *Schema, lang i18n.Lang, headers []string) error {
	f := excelize.NewFile()
	sheet := i18n.T(lang, "xlsx.sheet."+s.Name)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		f.Close()
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		f.Close()
		return err
	}
	wr.f, wr.sw = f, sw
	if wr.style, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // "@": Text
		return err
	}
	head, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i := range s.Columns {
		width := 14.0
		if s.Columns[i].Kind == Digits || s.Columns[i].Key == "address" {
			width = 22
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	wr.cells = make([]any, len(headers))
	for i, h := range headers {
		wr.cells[i] = excelize.Cell{StyleID: head, Value: h}
	}
	return sw.SetRow("A1", wr.cells)
}

// Write writes one row, values in the schema's column order (Schema.Col).
func (wr *Writer) Write(values []string) error {
	wr.n++
	if wr.cw != nil {
		for i := range wr.rec {
			wr.rec[i] = ""
			if i < len(values) {
				wr.rec[i] = escapeCSV(values[i])
			}
		}
		if err := wr.cw.Write(wr.rec); err != nil {
			return fmt.Errorf("xlsx: write: %w", err)
		}
		return nil
	}
	for i := range wr.cells {
		v := ""
		if i < len(values) {
			v = values[i]
		}
		if v == "" {
			wr.cells[i] = nil
			continue
		}
		wr.cells[i] = excelize.Cell{StyleID: wr.style, Value: v}
	}
	if wr.n > MaxSheetRows { // Export counts first; this is the backstop
		return fmt.Errorf("xlsx: write: more than %d rows: %w", MaxSheetRows, ErrTooManyRows)
	}
	cell, _ := excelize.CoordinatesToCellName(1, wr.n+1)
	if err := wr.sw.SetRow(cell, wr.cells); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// Close finishes the sheet and writes the XLSX out; for CSV it flushes.
func (wr *Writer) Close() error {
	if wr.cw != nil {
		wr.cw.Flush()
		if err := wr.cw.Error(); err != nil {
			return fmt.Errorf("xlsx: write: %w", err)
		}
		return nil
	}
	if wr.f == nil {
		return nil
	}
	defer func() { wr.f.Close(); wr.f = nil }()
	if err := wr.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	if _, err := wr.f.WriteTo(wr.out); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}
