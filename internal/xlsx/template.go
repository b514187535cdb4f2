package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/i18n"
)

// WriteTemplate writes an empty sheet of s for users to fill: the headers
// in lang, one example row (example by column key), and a second sheet
// listing the values each column accepts (the schema's own for an Enum
// column, more from the caller by column key), which the first sheet's
// cells offer as a drop-down list.
func WriteTemplate(w io.Writer, s *Schema, lang i18n.Lang, example map[string]string, more map[string][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := i18n.T(lang, "xlsx.sheet."+s.Name)
	values := i18n.T(lang, "xlsx.sheet.values")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	if _, err := f.NewSheet(values); err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": Text, so an ID number stays digits
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	listCol := 0
	for i, c := range s.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, 16); err != nil {
			return err
		}
		if err := f.SetColStyle(sheet, col, text); err != nil {
			return err
		}
		if err := f.SetCellValue(sheet, col+"1", c.Header(lang)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, col+"1", col+"1", head); err != nil {
			return err
		}
		if v := example[c.Key]; v != "" {
			if err := f.SetCellValue(sheet, col+"2", v); err != nil {
				return err
			}
		}
		allowed := more[c.Key]
		for _, v := range c.Values {
			if lang == i18n.EN {
				allowed = append(allowed, v.EN)
			} else {
				allowed = append(allowed, v.ZH)
			}
		}
		if len(allowed) == 0 {
			continue
		}
		listCol++
		lc, _ := excelize.ColumnNumberToName(listCol)
		if err := f.SetCellValue(values, lc+"1", c.Header(lang)); err != nil {
			return err
		}
		for j, v := range allowed {
			if err := f.SetCellValue(values, fmt.Sprintf("%s%d", lc, j+2), v); err != nil {
				return err
			}
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, MaxSheetRows+1)
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", values, lc, lc, len(allowed)+1))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	return nil
}
