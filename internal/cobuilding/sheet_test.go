package cobuilding_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// export writes sheet name of the whole tree in format.
func (p *partFour) export(name, format string) []byte {
	p.T.Helper()
	var buf bytes.Buffer
	if _, err := p.s.ExportSheet(context.Background(), &buf, name, format, i18n.ZH, 0); err != nil {
		p.T.Fatalf("export %s: %v", name, err)
	}
	return buf.Bytes()
}

// load imports data as sheet name (a file named file).
func (p *partFour) load(name, file string, data []byte, dry bool) (*cobuilding.SheetResult, error) {
	p.T.Helper()
	return p.s.ImportSheet(context.Background(), name, bytes.NewReader(data), int64(len(data)), file, dry)
}

// count counts the rows query finds.
func (p *partFour) count(query string, args ...any) int {
	p.T.Helper()
	var n int
	p.ok(p.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n))
	return n
}

// changeLine replaces old by new in the one line of csv that holds find.
func changeLine(t *testing.T, csv []byte, find, old, new string) []byte {
	t.Helper()
	lines := strings.Split(string(csv), "\n")
	n := 0
	for i, l := range lines {
		if strings.Contains(l, find) {
			if !strings.Contains(l, old) {
				t.Fatalf("line %q has no %q", l, old)
			}
			lines[i] = strings.Replace(l, old, new, 1)
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d lines hold %q", n, find)
	}
	return []byte(strings.Join(lines, "\n"))
}

// addLines appends rows to csv.
func addLines(csv []byte, rows ...string) []byte {
	s := strings.TrimRight(string(csv), "\r\n")
	for _, r := range rows {
		s += "\r\n" + r
	}
	return []byte(s + "\r\n")
}

// TestSheetRoundTrip: each list exported, changed and imported back (the
// change applied, new rows added), the same sheet again changes nothing,
// and an unchanged XLSX export imports as nothing to do; on both engines.
func TestSheetRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ids := p.projects()
		ctx := context.Background()
		p.must(p.s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U1 房管所"], Kind: "volunteers", Description: "房管所志愿服务队", FromOn: d("2023-01-01")}))
		p.IDs["P6"] = p.project("迎宾四巷绿化", "迎宾社区", "迎宾社区党支部", "2025-01-10", wan(2))

		for _, name := range []string{cobuilding.DemandSheetName, cobuilding.ResourceSheetName, cobuilding.ProjectSheetName} {
			res, err := p.load(name, name+".xlsx", p.export(name, xlsx.FormatXLSX), false)
			if err != nil || res.Changed != 0 || res.Unchanged != res.Rows || res.Rows == 0 {
				t.Errorf("%s exported and imported back: %+v %v", name, res, err)
			}
		}

		// Demands: households corrected, one demand added.
		sheet := changeLine(t, p.export(cobuilding.DemandSheetName, xlsx.FormatCSV), "迎宾一巷道路破损", ",120,", ",150,")
		sheet = addLines(sheet, ",迎宾社区,迎宾三巷积水,排水,公益性、群众性,30,居民代表,2025-05-01,,,")
		check := func(name string, sheet []byte, changed int) {
			t.Helper()
			before := p.count("SELECT COUNT(*) FROM audit_entry")
			res, err := p.load(name, name+".csv", sheet, true)
			if err != nil || res.Changed != changed || !res.DryRun {
				t.Errorf("%s dry run: %+v %v", name, res, err)
			}
			if n := p.count("SELECT COUNT(*) FROM audit_entry"); n != before {
				t.Errorf("%s: a dry run wrote %d audit entries", name, n-before)
			}
			action := "import.co_" + strings.ReplaceAll(strings.TrimPrefix(name, "co-"), "-", "_")
			imports := p.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target_type = 'import'", action)
			res, err = p.load(name, name+".csv", sheet, false)
			if err != nil || res.Changed != changed {
				t.Errorf("%s imported: %+v %v", name, res, err)
			}
			if n := p.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target_type = 'import'", action); n != imports+1 {
				t.Errorf("%s: %d audit entries %s", name, n, action)
			}
			if i18n.T(i18n.EN, "ui.audit.action."+action) == "ui.audit.action."+action {
				t.Errorf("%s: the audit action %s has no words", name, action)
			}
			res, err = p.load(name, name+".csv", sheet, false)
			if err != nil || res.Changed != 0 || res.Unchanged != res.Rows {
				t.Errorf("%s imported again: %+v %v", name, res, err)
			}
		}
		check(cobuilding.DemandSheetName, sheet, 2)
		if n := p.count("SELECT COUNT(*) FROM demand WHERE title = ? AND households = 150", "迎宾一巷道路破损"); n != 1 {
			t.Errorf("the corrected demand: %d", n)
		}
		if n := p.count("SELECT COUNT(*) FROM demand WHERE title = ? AND category = 'drainage' AND tags = 'mass,public_welfare'", "迎宾三巷积水"); n != 1 {
			t.Errorf("the added demand: %d", n)
		}

		// Resources: one ends, a department's added.
		sheet = changeLine(t, p.export(cobuilding.ResourceSheetName, xlsx.FormatCSV), "房管所志愿服务队", "2023-01-01,", "2023-01-01,2025-06-01")
		sheet = addLines(sheet, ",,区园林局,河东街道,义务服务,绿化养护,2025-01-01,")
		check(cobuilding.ResourceSheetName, sheet, 2)
		if n := p.count("SELECT COUNT(*) FROM resource WHERE description = ? AND to_on IS NOT NULL", "房管所志愿服务队"); n != 1 {
			t.Errorf("the ended resource: %d", n)
		}
		if n := p.count("SELECT COUNT(*) FROM resource WHERE department = ? AND area_id = ?", "区园林局", p.ID("河东街道")); n != 1 {
			t.Errorf("the added resource: %d", n)
		}

		// Projects: P6 done through the sheet, a department's gift to P1,
		// a new project with a unit's money.
		sheet = p.export(cobuilding.ProjectSheetName, xlsx.FormatCSV)
		sheet = changeLine(t, sheet, "迎宾四巷绿化", "2025-01-10,,20000,,", "2025-01-10,2025-03-01,20000,15000,")
		sheet = addLines(sheet,
			itoa(ids["P1"])+",迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,,市水务局,义务服务,5000,管网勘测,2024-03-10",
			",迎宾社区,迎宾五巷亮化,迎宾社区党支部,2025-02-01,,10000,,U1 房管所,,资金,2000,路灯,2025-02-02",
			",迎宾社区,迎宾五巷亮化,迎宾社区党支部,2025-02-01,,10000,,,区城管局,劳务,0,安装,2025-02-03")
		check(cobuilding.ProjectSheetName, sheet, 4)
		if n := p.count("SELECT COUNT(*) FROM co_project WHERE id = ? AND done_on IS NOT NULL AND actual_cost = 1500000", p.IDs["P6"]); n != 1 {
			t.Errorf("P6 done: %d", n)
		}
		if n := p.count("SELECT COUNT(*) FROM co_contribution WHERE project_id = ? AND department = ?", ids["P1"], "市水务局"); n != 1 {
			t.Errorf("the department's gift: %d", n)
		}
		if n := p.count("SELECT COUNT(*) FROM co_contribution c JOIN co_project p ON p.id = c.project_id WHERE p.title = ?", "迎宾五巷亮化"); n != 2 {
			t.Errorf("the new project's gifts: %d", n)
		}
		// Empty cells keep what the platform has: P4 stays done at its cost.
		header := strings.SplitN(string(sheet), "\n", 2)[0]
		res, err := p.load(cobuilding.ProjectSheetName, "p.csv", addLines([]byte(header), itoa(ids["P4"])+",迎宾社区,迎宾楼道清理,,,,,,,,,,,"), false)
		if err != nil || res.Changed != 0 || res.Unchanged != 1 {
			t.Errorf("a row of empty cells: %+v %v", res, err)
		}
		if n := p.count("SELECT COUNT(*) FROM co_project WHERE id = ? AND done_on IS NOT NULL AND actual_cost = ? AND estimated_cost = ?", ids["P4"], wan(4.5), wan(5)); n != 1 {
			t.Error("P4 was changed by empty cells")
		}
	})
}

// TestSheetRefusals: a sheet with several bad rows is refused with every
// problem named by line and column, and nothing is written; on both
// engines.
func TestSheetRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ids := p.projects()
		p.IDs["P6"] = p.project("迎宾四巷绿化", "迎宾社区", "迎宾社区党支部", "2025-01-10", wan(2))
		for _, tc := range []struct {
			name  string
			rows  []string
			want  []string // line:column of each problem
			table string
		}{
			{cobuilding.DemandSheetName, []string{
				",迎宾社区,迎宾六巷排水,下水,,10,居民,2025-01-01,,,",     // line 2: no such category
				",迎宾社区,迎宾七巷排水,排水,,十户,居民,2025-01-01,,,",     // line 3: households
				",月亮社区,迎宾八巷排水,排水,,10,居民,2025-13-01,,,",     // line 4: community and date
				"999999,迎宾社区,迎宾九巷,排水,,10,居民,2025-01-01,,,", // line 5: no such demand
				",迎宾社区,迎宾十巷,排水,,-3,居民,2025-01-01,,,",       // line 6: negative
				",迎宾社区,迎宾六巷排水,排水,,10,居民,2025-01-01,,,",     // line 7: good, and not written
			}, []string{"2:类别", "3:涉及户数", "4:社区", "4:提出日期", "5:需求编号", "6:涉及户数"}, "demand"},
			{cobuilding.ResourceSheetName, []string{
				",U5 粮站,,,资金,粮站资金,2024-01-01,",             // line 2: an ended unit
				",,区环卫所,,设备,清运车,2024-01-01,",               // line 3: no area
				",,区环卫所,河东街道,飞船,清运车,2024-01-01,",           // line 4: kind
				",,区环卫所,河东街道,设备,清运车,2024-05-01,2024-04-01", // line 5: ends before it starts
			}, []string{"2:驻区单位", "3:服务区域", "4:资源类别", "5:截止日期"}, "resource"},
			{cobuilding.ProjectSheetName, []string{
				itoa(p.IDs["P6"]) + ",迎宾社区,迎宾四巷绿化,迎宾社区党支部,2025-01-10,2025-01-01,20000,15000,,,,,,",                        // line 2: done before it started
				itoa(ids["P1"]) + ",迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,U4 供电所,,资金,100,,2024-03-05", // line 3: not stationed there
				itoa(ids["P1"]) + ",迎宾社区,迎宾一巷道路硬化,迎宾社区党支部,2024-03-01,2024-03-28,800000,600000,,区水务局,资金,-5,,2024-03-05",    // line 4: negative value
				",迎宾社区,迎宾七巷,迎宾社区党支部,2025-01-10,,abc,,,区水务局,资金,5,,2025-01-01",                                              // line 5: cost, given before start
				",迎宾社区,迎宾八巷,迎宾社区党支部,2025-02-01,,1000,500,,,,,,",                                                           // line 6: an actual cost without a done date
			}, []string{"2:完工日期", "3:参与单位", "4:折合金额（元）", "5:预算（元）", "6:实际费用（元）"}, "co_contribution"},
		} {
			header := strings.SplitN(string(p.export(tc.name, xlsx.FormatCSV)), "\n", 2)[0]
			sheet := addLines([]byte(header), tc.rows...)
			before := p.count("SELECT COUNT(*) FROM " + tc.table)
			projects := p.count("SELECT COUNT(*) FROM co_project")
			for _, dry := range []bool{true, false} {
				res, err := p.load(tc.name, tc.name+".csv", sheet, dry)
				if !errors.Is(err, cobuilding.ErrSheetRows) {
					t.Fatalf("%s: %v", tc.name, err)
				}
				var got []string
				for _, e := range res.Errors {
					got = append(got, itoa64(e.Line)+":"+e.Header)
					if e.Message(i18n.ZH) == "" || strings.HasPrefix(e.Message(i18n.ZH), "err.") || strings.HasPrefix(e.Message(i18n.EN), "err.") {
						t.Errorf("%s line %d: message %q", tc.name, e.Line, e.Message(i18n.ZH))
					}
				}
				if strings.Join(got, " ") != strings.Join(tc.want, " ") {
					t.Errorf("%s (dry %v) problems:\n got %v\nwant %v", tc.name, dry, got, tc.want)
				}
			}
			if n := p.count("SELECT COUNT(*) FROM " + tc.table); n != before {
				t.Errorf("%s: %d rows written", tc.name, n-before)
			}
			if n := p.count("SELECT COUNT(*) FROM co_project"); n != projects {
				t.Errorf("%s: %d projects written", tc.name, n-projects)
			}
		}
		if n := p.count("SELECT COUNT(*) FROM co_project WHERE id = ? AND done_on IS NULL", p.IDs["P6"]); n != 1 {
			t.Error("P6 was changed by a refused sheet")
		}
	})
}

func itoa(id int64) string { return itoa64(int(id)) }

func itoa64(n int) string {
	if n < 0 {
		return "-" + itoa64(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa64(n/10) + string(rune('0'+n%10))
}
