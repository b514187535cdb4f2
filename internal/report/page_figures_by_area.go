package report

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/workbook"
)

// byAreaPage is the data of the figures by sub-area: one part's figures
// (columns) for each sub-area (rows), the scope's own total above them.
type byAreaPage struct {
	Scope     *scopeForm
	ScopeName string
	Levels    []byAreaLink
	Parts     []byAreaLink
	// AreaHead and ParentHead sort by name (ParentHead: community level).
	AreaHead   byAreaHead
	ParentHead *byAreaHead
	Heads      []byAreaHead
	Total      byAreaRow
	Rows       []byAreaRow
	Workbook   string
	// WorkbookJob starts the same workbook as a job (POST).
	WorkbookJob string
	Error       string
}

// byAreaLink is a choice of level or part.
type byAreaLink struct {
	Label   string
	Href    string
	Current bool
}

// byAreaHead is a sortable column heading.
type byAreaHead struct {
	Key   string
	Label string
	Unit  string
	Href  string // the page sorted by this column (the other way if it is)
	Sort  string // aria-sort: ascending, descending or ""
}

// byAreaRow is a sub-area's row.
type byAreaRow struct {
	ID     int64
	Name   string
	Parent string
	Ended  string
	Cells  []byAreaCell
}

// byAreaCell is a figure's value for a row, linked to its records, with
// the change from a year earlier.
type byAreaCell struct {
	Value  float64
	Text   string
	Href   string
	Before string
	Change string
	Delta  float64
}

// figuresByArea renders GET /figures/by-area?area=&from=&to=&level=&part=
// &sort=&dir=: one part's figures for each sub-area of the scope at the
// level, sorted by ?sort= (a figure's key, or name) when asked; the page's
// script sorts in place without a round trip.
func (s *pages) figuresByArea(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	sc, form, ok, err := s.resolveScope(r, "/figures/by-area")
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page := &byAreaPage{Scope: form}
	v := &web.View{Title: i18n.T(lang, "ui.by_area.title"), Nav: "figures", D: page}
	if !ok {
		s.Render(w, r, form.Status, "figures_by_area", v)
		return
	}
	q := r.URL.Query()
	level, err := breakdownLevel(q, sc)
	part, sortKey, desc := 1, strings.TrimSpace(q.Get("sort")), q.Get("dir") == "desc"
	if err == nil && q.Get("part") != "" {
		if part, err = strconv.Atoi(q.Get("part")); err != nil || part < 1 || part > 4 {
			err = i18n.Errf("part", "err.by_area_part", q.Get("part"))
		}
	}
	var fs []*figures.Figure
	for _, f := range figures.All() {
		if f.Part == part {
			fs = append(fs, f)
		}
	}
	if err == nil && sortKey != "" && sortKey != "name" && sortKey != "parent" && !hasKey(fs, sortKey) {
		err = i18n.Errf("sort", "err.by_area_sort", sortKey)
	}
	if err != nil {
		e, isUser := web.UserError(err)
		if !isUser {
			s.ServerError(w, r, err)
			return
		}
		page.Error = e.In(lang)
		s.Render(w, r, web.UserErrorStatus(e), "figures_by_area", v)
		return
	}
	page.ScopeName = sc.AreaName
	d, err := workbook.Build(r.Context(), s.db.Reader(), sc, level, lang, fs)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: figures by area: %w", err))
		return
	}
	base := url.Values{"area": {form.Area}, "from": {form.From}, "to": {form.To}, "level": {level}, "part": {strconv.Itoa(part)}}
	link := func(set ...string) string {
		v := url.Values{}
		for k, x := range base {
			v[k] = x
		}
		for i := 0; i+1 < len(set); i += 2 {
			v.Set(set[i], set[i+1])
		}
		return "/figures/by-area?" + v.Encode()
	}
	for _, l := range []struct{ level, key string }{
		{workbook.Subdistrict, "ui.by_area.level_subdistrict"},
		{workbook.Community, "ui.by_area.level_community"},
	} {
		if workbook.CheckLevel("level", sc.Level, l.level) == nil {
			page.Levels = append(page.Levels, byAreaLink{Label: i18n.T(lang, l.key), Href: link("level", l.level), Current: l.level == level})
		}
	}
	for p := 1; p <= 4; p++ {
		page.Parts = append(page.Parts, byAreaLink{Label: partName(lang, p), Href: link("part", strconv.Itoa(p)), Current: p == part})
	}
	wq := url.Values{"area": {form.Area}, "from": {form.From}, "to": {form.To}, "level": {level}}.Encode()
	page.Workbook, page.WorkbookJob = "/workbook.xlsx?"+wq, "/workbook/jobs?"+wq
	head := func(key, label, unit string) byAreaHead {
		h := byAreaHead{Key: key, Label: label, Unit: unit, Href: link("sort", key, "dir", "asc")}
		if key == sortKey {
			h.Sort = "ascending"
			if desc {
				h.Sort = "descending"
			} else {
				h.Href = link("sort", key, "dir", "desc")
			}
		}
		return h
	}
	page.AreaHead = head("name", i18n.T(lang, "ui.by_area.col_area"), "")
	if level == workbook.Community {
		h := head("parent", i18n.T(lang, "ui.by_area.col_parent"), "")
		page.ParentHead = &h
	}
	for _, f := range fs {
		page.Heads = append(page.Heads, head(f.Key, f.Label(lang), f.Unit(lang)))
	}
	cells := func(now, before []float64, s figures.Scope) []byAreaCell {
		out := make([]byAreaCell, len(fs))
		for j, f := range fs {
			delta := workbook.Change(f, now[j], before[j])
			out[j] = byAreaCell{Value: now[j], Text: f.Format(now[j]), Href: figures.RecordsLink(f.Key, s),
				Before: f.Format(before[j]), Change: workbook.FormatChange(f, delta), Delta: delta}
		}
		return out
	}
	page.Total = byAreaRow{ID: sc.AreaID, Name: i18n.T(lang, "ui.by_area.total"), Cells: cells(d.Now.Total, d.Before.Total, sc)}
	for i, a := range d.Now.Areas {
		row := byAreaRow{ID: a.ID, Name: a.Name, Parent: a.ParentName, Cells: cells(d.Now.Values[i], d.Before.Values[i], d.Now.AreaScope(i))}
		if !a.EndedOn.IsZero() {
			row.Ended = i18n.T(lang, "ui.by_area.ended", a.EndedOn.String())
		}
		page.Rows = append(page.Rows, row)
	}
	sortRows(page.Rows, fs, sortKey, desc)
	s.Render(w, r, http.StatusOK, "figures_by_area", v)
}

func hasKey(fs []*figures.Figure, key string) bool {
	for _, f := range fs {
		if f.Key == key {
			return true
		}
	}
	return false
}

// sortRows sorts the rows by a figure's value, the name or the parent's
// name (the tree's order when key is empty), ties in the tree's order.
func sortRows(rows []byAreaRow, fs []*figures.Figure, key string, desc bool) {
	if key == "" {
		return
	}
	col := -1
	for j, f := range fs {
		if f.Key == key {
			col = j
		}
	}
	less := func(a, b byAreaRow) int {
		switch {
		case col >= 0:
			return cmpFloat(a.Cells[col].Value, b.Cells[col].Value)
		case key == "parent":
			return strings.Compare(a.Parent, b.Parent)
		}
		return strings.Compare(a.Name, b.Name)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		c := less(rows[i], rows[j])
		if desc {
			c = -c
		}
		return c < 0
	})
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
