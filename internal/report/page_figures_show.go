package report

import (
	"dangjian/internal/web"
	"fmt"
	"net/http"
	"strconv"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/workbook"
)

// figureRow is one figure of the table.
type figureRow struct {
	Key   string
	Label string
	Value string
	Unit  string
	Part  string // 第一部分, Part 1
	Href  string
	// Before is the value a year earlier, Change the change from it.
	Before string
	Change string
}

// figuresPage is the data of the figures page.
type figuresPage struct {
	Scope     *scopeForm
	ScopeName string
	Rows      []figureRow
	// ByArea and Workbook link the same scope's figures by sub-area and
	// its statistics workbook.
	ByArea   string
	Workbook string
	// WorkbookJob starts the same workbook as a job (POST).
	WorkbookJob string
}

// figuresShow renders the scope and period pickers and every registered
// figure for them, each value linked to the records behind it.
func (s *pages) figuresShow(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	sc, form, ok, err := s.resolveScope(r, "/figures")
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page := &figuresPage{Scope: form}
	v := &web.View{Title: i18n.T(lang, "ui.figures.title"), Nav: "figures", D: page}
	if !ok {
		s.Render(w, r, form.Status, "figures", v)
		return
	}
	page.ScopeName = sc.AreaName
	vals, err := figures.ComputeAll(r.Context(), s.db.Reader(), sc, lang)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: figures: %w", err))
		return
	}
	before, err := figures.ComputeAll(r.Context(), s.db.Reader(), figures.YearBefore(sc), lang)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: figures: %w", err))
		return
	}
	for i, v := range vals {
		f := figures.Get(v.Key)
		page.Rows = append(page.Rows, figureRow{
			Key: v.Key, Label: v.Label, Value: v.Text, Unit: v.Unit, Part: partName(lang, f.Part),
			Href:   form.Link("/figures/" + v.Key),
			Before: before[i].Text, Change: workbook.FormatChange(f, workbook.Change(f, v.Value, before[i].Value)),
		})
	}
	page.Workbook = form.Link("/workbook.xlsx")
	page.WorkbookJob = form.Link("/workbook/jobs")
	if sc.Level != workbook.Community {
		page.ByArea = form.Link("/figures/by-area")
	}
	s.Render(w, r, http.StatusOK, "figures", v)
}

// partName names a part of the speech as its headings do: 第一部分, Part 1.
func partName(lang i18n.Lang, n int) string {
	numerals := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if lang == i18n.EN || n < 0 || n >= len(numerals) {
		return i18n.T(lang, "ui.part", strconv.Itoa(n))
	}
	return i18n.T(lang, "ui.part", numerals[n])
}
