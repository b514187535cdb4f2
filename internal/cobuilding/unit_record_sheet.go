package cobuilding

import (
	"context"
	"io"
	"strconv"

	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// UnitRecordSheet is a unit's record of co-building as a sheet, for its
// own annual report: a row per contribution, latest first, and after each
// year's rows a row with the year's total.
var UnitRecordSheet = xlsx.NewSchema("unit-co-building",
	xlsx.Column{Key: "year", ZH: "年度", EN: "Year"},
	xlsx.Column{Key: "given_on", ZH: "贡献日期", EN: "Given on", Kind: xlsx.Date},
	xlsx.Column{Key: "project", ZH: "共建项目", EN: "Project"},
	xlsx.Column{Key: "community", ZH: "社区", EN: "Community"},
	xlsx.Column{Key: "kind", ZH: "贡献方式", EN: "Contribution", Kind: xlsx.Enum, Values: contributionValues},
	xlsx.Column{Key: "value", ZH: "折合金额（元）", EN: "Value (yuan)"},
	xlsx.Column{Key: "description", ZH: "贡献内容", EN: "What was given"},
	xlsx.Column{Key: "done_on", ZH: "项目完工日期", EN: "Project done on", Kind: xlsx.Date},
)

// ExportUnitRecord writes the record of unit id (located in the caller's
// subtree, or the liaison's own unit) as an XLSX with headers in lang.
func (s *Store) ExportUnitRecord(ctx context.Context, w io.Writer, id int64, lang i18n.Lang) error {
	rec, err := s.UnitRecordOf(ctx, id)
	if err != nil {
		return err
	}
	ids := make([]int64, len(rec.Given))
	for i, g := range rec.Given {
		ids[i] = g.AreaID
	}
	names, err := s.areaNames(ctx, ids)
	if err != nil {
		return err
	}
	wr, err := xlsx.NewWriter(w, xlsx.FormatXLSX, UnitRecordSheet, lang)
	if err != nil {
		return err
	}
	totals := map[int]YearTotal{}
	for _, t := range rec.Years {
		totals[t.Year] = t
	}
	for i, g := range rec.Given {
		y := g.GivenOn.Year()
		if err := wr.Write([]string{strconv.Itoa(y), g.GivenOn.String(), g.ProjectTitle, names[g.AreaID],
			label(UnitRecordSheet, "kind", string(g.Kind), lang), yuanCell(g.Value), g.Description, dateCell(g.DoneOn)}); err != nil {
			return err
		}
		if i == len(rec.Given)-1 || rec.Given[i+1].GivenOn.Year() != y {
			t := totals[y]
			if err := wr.Write([]string{strconv.Itoa(y), "", i18n.T(lang, "ui.cob_sheet.year_total", rec.UnitName, t.Projects), "", "", yuanCell(t.Value), "", ""}); err != nil {
				return err
			}
		}
	}
	return wr.Close()
}
