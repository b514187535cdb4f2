package workbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/i18n"
)

// statsGroups are the column groups of the party statistics sheet, shaped
// after the annual table 街道、社区(居委会)党员情况: the units counted,
// their party organisations, their members, the stationed units and the
// communities' leadership, each a figure of part one (or four: the
// subdistricts) for the period.
var statsGroups = []struct {
	key     string
	figures []string
}{
	{"xlsx.wb_stats_units", []string{"subdistricts.total", "communities.total"}},
	{"xlsx.wb_stats_orgs", []string{"branches.community.total", "coverage.branch_per_community"}},
	{"xlsx.wb_stats_members", []string{"members.total", "members.enrolled", "registrations.in_service_members"}},
	{"xlsx.wb_stats_stationed", []string{"units.total", "units.with_concurrent_member", "registrations.units"}},
	{"xlsx.wb_stats_leaders", []string{"posts.cross_appointed", "posts.concurrent_from_units"}},
}

// writeStats writes the party statistics sheet: title rows, the groups'
// header over the figures' labels, the row of column numbers (甲, 1, 2, …)
// as the printed table has, the total row, a row per sub-area; the
// period's values only.
func writeStats(f *excelize.File, st *styles, sheet string, d *Data, lang i18n.Lang) error {
	index := map[string]int{}
	for j, fg := range d.Now.Figures {
		index[fg.Key] = j
	}
	type group struct {
		key  string
		cols []int
	}
	var groups []group
	var cols []int
	for _, g := range statsGroups {
		var gc []int
		for _, key := range g.figures {
			if j, ok := index[key]; ok {
				gc = append(gc, j)
			}
		}
		if len(gc) > 0 {
			groups = append(groups, group{g.key, gc})
			cols = append(cols, gc...)
		}
	}
	const headRows = 5
	k := keyCols(d)
	sw, err := openSheet(f, sheet, headRows, k, len(cols), 13)
	if err != nil {
		return err
	}
	title := i18n.T(lang, "xlsx.wb_title_stats", d.Scope.AreaName)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	line := i18n.T(lang, "xlsx.wb_period_stats", d.Scope.AreaName, d.Scope.From.String(), d.Scope.To.String())
	if err := sw.SetRow("A2", []any{line}); err != nil {
		return err
	}
	var h1, h2, h3 []any
	for _, h := range keyHeads(d, lang) {
		h1 = append(h1, excelize.Cell{StyleID: st.head, Value: h})
		h2 = append(h2, excelize.Cell{StyleID: st.head})
	}
	h3 = append(h3, excelize.Cell{StyleID: st.head, Value: i18n.T(lang, "xlsx.wb_stats_key_col")})
	if k == 2 {
		h3 = append(h3, excelize.Cell{StyleID: st.head, Value: i18n.T(lang, "xlsx.wb_stats_key_col2")})
	}
	n := 0
	for _, g := range groups {
		for i, j := range g.cols {
			fg := d.Now.Figures[j]
			head := excelize.Cell{StyleID: st.head}
			if i == 0 {
				head.Value = i18n.T(lang, g.key)
			}
			h1 = append(h1, head)
			label := fg.Label(lang)
			if u := fg.Unit(lang); u != "" {
				label += i18n.T(lang, "xlsx.wb_unit", u)
			}
			h2 = append(h2, excelize.Cell{StyleID: st.head, Value: label})
			n++
			h3 = append(h3, excelize.Cell{StyleID: st.head, Value: strconv.Itoa(n)})
		}
	}
	if err := sw.SetRow("A3", h1); err != nil {
		return err
	}
	if err := sw.SetRow("A4", h2, excelize.RowOpts{Height: 60}); err != nil {
		return err
	}
	if err := sw.SetRow("A5", h3); err != nil {
		return err
	}
	for c := 1; c <= k; c++ {
		if err := sw.MergeCell(cellName(c, 3), cellName(c, 4)); err != nil {
			return err
		}
	}
	c := k + 1
	for _, g := range groups {
		if len(g.cols) > 1 {
			if err := sw.MergeCell(cellName(c, 3), cellName(c+len(g.cols)-1, 3)); err != nil {
				return err
			}
		}
		c += len(g.cols)
	}
	if err := sw.MergeCell("A1", cellName(max(k+len(cols), 2), 1)); err != nil {
		return err
	}
	put := func(row []any, vals []float64, vs map[string]int) []any {
		for _, j := range cols {
			fg := d.Now.Figures[j]
			row = append(row, excelize.Cell{StyleID: vs[kind(fg)], Value: cellValue(fg, vals[j])})
		}
		return row
	}
	total := []any{excelize.Cell{StyleID: st.totalText, Value: i18n.T(lang, "xlsx.wb_total", d.Scope.AreaName)}}
	if k == 2 {
		total = append(total, excelize.Cell{StyleID: st.totalText})
	}
	r := headRows + 1
	if err := sw.SetRow(cellName(1, r), put(total, d.Now.Total, st.totalValue)); err != nil {
		return err
	}
	for i, a := range d.Now.Areas {
		r++
		if err := sw.SetRow(cellName(1, r), put(areaCells(d, a, lang, st.text), d.Now.Values[i], st.value)); err != nil {
			return err
		}
	}
	return sw.Flush()
}
