package services_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
	"dangjian/internal/xlsx"
)

// export writes sheet name of the caller's scope in format and lang.
func (p *partFourB) export(ctx context.Context, name, format string, lang i18n.Lang) []byte {
	p.T.Helper()
	var buf bytes.Buffer
	if _, err := p.s.ExportSheet(ctx, &buf, name, format, lang, services.SheetFilter{}); err != nil {
		p.T.Fatalf("export %s: %v", name, err)
	}
	return buf.Bytes()
}

// load imports data as sheet name (a file named file).
func (p *partFourB) load(ctx context.Context, name, file string, data []byte, dry bool) (*services.SheetResult, error) {
	p.T.Helper()
	return p.s.ImportSheet(ctx, name, bytes.NewReader(data), int64(len(data)), file, dry)
}

// count counts the rows query finds.
func (p *partFourB) count(query string, args ...any) int {
	p.T.Helper()
	var n int
	p.ok(p.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n))
	return n
}

// sheetTables are the tables of each sheet, by name.
var sheetTables = map[string]string{"outlets": "outlet", "designations": "designation", "service-records": "service_record", "placements": "placement", "good-deeds": "good_deed"}

// edit replaces old by new in the one line of csv that holds find.
func edit(t *testing.T, csv []byte, find, old, new string) []byte {
	t.Helper()
	lines := strings.Split(string(csv), "\n")
	n := 0
	for i, l := range lines {
		if strings.Contains(l, find) {
			if !strings.Contains(l, old) {
				t.Fatalf("line %q has no %q", l, old)
			}
			lines[i], n = strings.Replace(l, old, new, 1), n+1
		}
	}
	if n != 1 {
		t.Fatalf("%d lines hold %q", n, find)
	}
	return []byte(strings.Join(lines, "\n"))
}

// rows appends rows to csv (or to the header line alone of csv, with
// only).
func rows(csv []byte, only bool, add ...string) []byte {
	s := strings.TrimRight(string(csv), "\r\n")
	if only {
		s = strings.SplitN(s, "\r\n", 2)[0]
	}
	for _, r := range add {
		s += "\r\n" + r
	}
	return []byte(s + "\r\n")
}

// TestSheetRoundTrip: each sheet exported (XLSX with zh headers, CSV
// with en headers) and imported back changes nothing but the import's
// audit entry; changed and added rows are applied, the same sheet again
// changes nothing; a new placement's ID number is taken in clear, stored
// encrypted and exported and audited masked; on both engines.
func TestSheetRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		for _, name := range services.SheetNames {
			for _, f := range []struct {
				format string
				lang   i18n.Lang
			}{{xlsx.FormatXLSX, i18n.ZH}, {xlsx.FormatCSV, i18n.EN}} {
				before := p.export(ctx, name, xlsx.FormatCSV, i18n.ZH)
				audits := p.count("SELECT COUNT(*) FROM audit_entry")
				res, err := p.load(ctx, name, name+"."+f.format, p.export(ctx, name, f.format, f.lang), false)
				if err != nil || res.Rows == 0 || res.Changed != 0 || res.Unchanged != res.Rows {
					t.Errorf("%s (%s, %s) exported and imported back: %+v %v", name, f.format, f.lang, res, err)
					if res != nil {
						for _, e := range res.Errors {
							t.Log(e.In(i18n.EN))
						}
					}
				}
				if n := p.count("SELECT COUNT(*) FROM audit_entry"); n != audits+1 {
					t.Errorf("%s: %d audit entries, want the import's alone", name, n-audits)
				}
				if after := p.export(ctx, name, xlsx.FormatCSV, i18n.ZH); !bytes.Equal(before, after) {
					t.Errorf("%s changed by its own export:\n%s\n%s", name, before, after)
				}
			}
		}

		// check runs sheet as a dry run (nothing written), then for real
		// (changed rows, the import audited), then again (nothing changes).
		check := func(name string, sheet []byte, changed int) {
			t.Helper()
			table := sheetTables[name]
			rowsBefore, audits := p.count("SELECT COUNT(*) FROM "+table), p.count("SELECT COUNT(*) FROM audit_entry")
			res, err := p.load(ctx, name, name+".csv", sheet, true)
			if err != nil || res.Changed != changed || !res.DryRun {
				t.Errorf("%s dry run: %+v %v", name, res, err)
				if res != nil {
					for _, e := range res.Errors {
						t.Log(e.In(i18n.EN))
					}
				}
			}
			if p.count("SELECT COUNT(*) FROM "+table) != rowsBefore || p.count("SELECT COUNT(*) FROM audit_entry") != audits {
				t.Errorf("%s: a dry run wrote", name)
			}
			action := "import." + strings.ReplaceAll(name, "-", "_")
			if res, err = p.load(ctx, name, name+".csv", sheet, false); err != nil || res.Changed != changed {
				t.Errorf("%s imported: %+v %v", name, res, err)
			}
			if n := p.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target_type = 'import'", action); n == 0 {
				t.Errorf("%s: no audit entry %s", name, action)
			}
			if i18n.T(i18n.EN, "ui.audit.action."+action) == "ui.audit.action."+action {
				t.Errorf("%s: the audit action %s has no words", name, action)
			}
			if res, err = p.load(ctx, name, name+".csv", sheet, false); err != nil || res.Changed != 0 || res.Unchanged != res.Rows {
				t.Errorf("%s imported again: %+v %v", name, res, err)
			}
		}
		csv := func(name string) []byte { return p.export(ctx, name, xlsx.FormatCSV, i18n.ZH) }

		// Outlets: one renamed, one closed, one opened.
		sheet := edit(t, csv("outlets"), "O2 河东清洁队", "O2 河东清洁队", "O2 河东环卫清洁队")
		sheet = edit(t, sheet, "O7 迎宾老人服务中心", "2024-02-01,,", "2024-02-01,2025-05-01,")
		check("outlets", rows(sheet, false, ",宾南社区,Cleaning team,宾南清洁队,2025-01-01,,新设"), 3)
		if p.count("SELECT COUNT(*) FROM outlet WHERE name = ? AND kind = 'cleaning_team'", "宾南清洁队") != 1 ||
			p.count("SELECT COUNT(*) FROM outlet WHERE name = ?", "O2 河东环卫清洁队") != 1 ||
			p.count("SELECT COUNT(*) FROM outlet WHERE id = ? AND to_on = ?", p.ids["O7 迎宾老人服务中心"], d("2025-05-01")) != 1 {
			t.Error("the outlets were not corrected")
		}

		// Designations: 迎宾花园 revoked, a new one.
		sheet = edit(t, csv("designations"), "迎宾花园", "2022-05-01,,,", "2022-05-01,2025-05-01,撤销,")
		check("designations", rows(sheet, false, ",宾南社区,宾南二村,safe_civilised_neighbourhood,,区综治委,2025-02-01,,,"), 2)
		if p.count("SELECT COUNT(*) FROM designation WHERE estate = ? AND end_reason = 'revoked'", "迎宾花园") != 1 {
			t.Error("迎宾花园 was not revoked")
		}

		// Service records: a cell recorded already is corrected (R1), new
		// cells are added, by label, en label and code.
		records := p.count("SELECT COUNT(*) FROM service_record")
		check("service-records", rows(csv("service-records"), true,
			",迎宾社区,O1 迎宾环卫站,技术培训,月,2024-03,120,12,",
			",宾南社区,O5 宾南家政服务中心,Training,month,2024-07,15,2,",
			",河东街道,,training,day,2025-02-03,4,1,"), 3)
		if p.count("SELECT COUNT(*) FROM service_record WHERE id = ? AND person_times = 120 AND volunteer_hours = 12", p.ids["R1"]) != 1 {
			t.Error("R1 was not corrected")
		}
		if n := p.count("SELECT COUNT(*) FROM service_record"); n != records+2 {
			t.Errorf("%d records added, want 2", n-records)
		}
		if p.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'service_record.batch'") == 0 {
			t.Error("the added records are not audited as a batch")
		}

		// Placements: a new person with the ID number in clear, P3's
		// employer corrected (its masked number kept).
		clear := idNumber(9)
		sheet = edit(t, csv("placements"), "安置对象丙", "示范物业公司", "示范超市")
		check("placements", rows(sheet, false, ",宾南社区,安置对象戊,"+clear+",失业,示范超市,收银,社区劳动保障站,2025-03-01,,"), 2)
		var enc string
		p.ok(p.DB.Reader().QueryRowContext(ctx, "SELECT COALESCE(id_number_enc, '') FROM placement WHERE name = ?", "安置对象戊").Scan(&enc))
		if enc == "" || strings.Contains(enc, clear) {
			t.Errorf("the new ID number is not stored encrypted: %q", enc)
		}
		if n := p.count("SELECT COUNT(*) FROM audit_entry WHERE after_json LIKE ?", "%"+clear[6:14]+"%"); n != 0 {
			t.Errorf("the ID number is in the audit trail in clear (%d entries)", n)
		}
		if out := string(csv("placements")); strings.Contains(out, clear) || !strings.Contains(out, clear[:6]+"********"+clear[14:]) {
			t.Errorf("the export does not mask the ID number:\n%s", out)
		}
		if p.count("SELECT COUNT(*) FROM placement WHERE name = ? AND employer = ?", "安置对象丙", "示范超市") != 1 {
			t.Error("P3 was not corrected")
		}

		// Good deeds: one corrected, one added.
		sheet = edit(t, csv("good-deeds"), "宾南社区实事2025-01-01", ",12,", ",30,")
		check("good-deeds", rows(sheet, false, ",官渡社区,扶贫帮困,慰问困难户,8,官渡社区党支部,2025-04-01,"), 2)
		if p.count("SELECT COUNT(*) FROM good_deed WHERE beneficiaries = 30") != 1 || p.count("SELECT COUNT(*) FROM good_deed WHERE kind = 'poverty_relief'") != 1 {
			t.Error("the good deeds were not applied")
		}
	})
}

// TestSheetRefusals: a sheet with bad rows is refused, dry run or not,
// with every problem named by line and column, and nothing is written;
// a caller outside an area's scope cannot import into it; on both
// engines.
func TestSheetRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		hedong := access.WithScope(ctx, p.ID("河东街道"))
		o4 := strconv.FormatInt(p.ids["O4 官渡计生服务中心"], 10)
		o5 := strconv.FormatInt(p.ids["O5 宾南家政服务中心"], 10)
		r1 := strconv.FormatInt(p.ids["R1"], 10)
		for _, tc := range []struct {
			name string
			ctx  context.Context
			rows []string
			want []string // line:column of each problem
		}{
			{"outlets", ctx, []string{
				",宾南社区,面包房,宾南面包房,2025-01-01,,",               // 2: no such kind
				",月亮社区,清洁队,月亮清洁队,2025-01-01,,",               // 3: no such area
				",宾南社区,清洁队,,2025-01-01,,",                    // 4: no name
				",宾南社区,清洁队,宾南清洁二队,2025-13-01,,",              // 5: a bad date
				",宾南社区,清洁队,宾南清洁三队,2025-01-01,2024-12-01,",    // 6: closed before it opened
				",宾南社区,清洁队,宾南清洁四队,2025-01-01,,",              // 7: good, and not written
				o5 + ",河东街道,家政服务中心,O5 宾南家政服务中心,2019-02-01,,", // 8: its area and opening cannot change
			}, []string{"2:站点类型", "3:所在地区", "4:站点名称", "5:设立日期", "6:撤销日期", "8:所在地区", "8:设立日期"}},
			{"service-records", ctx, []string{
				",宾南社区,O5 宾南家政服务中心,技术培训,月,2024-07,-5,0,",     // 2: negative person-times
				",宾南社区,O3 宾南老人服务中心,老人护理,月,2024-12,10,0,",     // 3: the outlet closed on 2024-10-01
				",月亮社区,,技术培训,月,2024-07,1,0,",                 // 4: no such area
				",宾南社区,O5 宾南家政服务中心,烹饪,月,2024-07,1,0,",        // 5: no such kind
				",宾南社区,不存在的站点,技术培训,月,2024-07,1,0,",           // 6: no such outlet
				",宾南社区,O5 宾南家政服务中心,就业指导,月,2024-08,3,1,",      // 7: good
				",宾南社区,O5 宾南家政服务中心,就业指导,月,2024-08-09,4,1,",   // 8: the same cell again
				r1 + ",迎宾社区,O1 迎宾环卫站,医疗保健,月,2024-03,100,10,", // 9: its kind cannot change
			}, []string{"2:服务人次", "3:日期或月份", "4:地区", "5:服务类型", "6:服务站点", "8:日期或月份", "9:服务类型"}},
			{"placements", ctx, []string{
				",宾南社区,安置对象戊,,失业,示范超市,,,,,",                             // 2: no date
				",宾南社区,安置对象己,110101********0016,失业,示范超市,,,2025-01-01,,", // 3: a masked ID number
				",宾南社区,安置对象庚,123,失业,示范超市,,,2025-01-01,,",                // 4: a bad ID number
				",宾南社区,安置对象辛,,退休,示范超市,,,2025-01-01,,",                   // 5: no such status
				",宾南社区,安置对象壬,,失业,,,,2025-01-01,,",                       // 6: no employer
			}, []string{"2:就业日期", "3:身份证号", "4:身份证号", "5:原状态", "6:就业单位"}},
			{"good-deeds", ctx, []string{
				",宾南社区,实事,修路灯,-3,,2025-01-01,", // 2: negative
				",宾南社区,好事,修路灯,3,,2025-01-01,",  // 3: no such kind
				",宾南社区,实事,修水管,3,,2030-01-01,",  // 4: in the future
				",宾南社区,实事,修水管,3,,2025-01-01,",  // 5: good
				",宾南社区,实事,修水管,5,,2025-01-01,",  // 6: the same deed again
			}, []string{"2:受益人数", "3:类型", "4:办理日期", "6:事项"}},
			{"designations", ctx, []string{
				",宾南社区,宾南花园,安全文明小区,,区综治委,2025-01-01,2025-02-01,,", // 2: an end without a reason
				",河东街道,河东花园,安全文明小区,,区综治委,2025-01-01,,,",           // 3: not a community
				",宾南社区,宾南二村,其他称号,,区综治委,2025-01-01,,,",             // 4: another title, unnamed
			}, []string{"2:结束原因", "3:社区", "4:其他称号名称"}},
			// 河东's officer: 官渡 is outside the scope, by name and by number.
			{"outlets", hedong, []string{
				",官渡社区,清洁队,官渡清洁队,2025-01-01,,",
				o4 + ",宾南社区,计生服务中心,O4 官渡计生服务中心,2024-12-31,,",
			}, []string{"2:所在地区", "3:站点编号"}},
		} {
			table := sheetTables[tc.name]
			sheet := rows(p.export(ctx, tc.name, xlsx.FormatCSV, i18n.ZH), true, tc.rows...)
			before, audits := p.count("SELECT COUNT(*) FROM "+table), p.count("SELECT COUNT(*) FROM audit_entry")
			for _, dry := range []bool{true, false} {
				res, err := p.load(tc.ctx, tc.name, tc.name+".csv", sheet, dry)
				if !errors.Is(err, services.ErrSheetRows) {
					t.Fatalf("%s: %v", tc.name, err)
				}
				var got []string
				for _, e := range res.Errors {
					got = append(got, strconv.Itoa(e.Line)+":"+e.Header)
					if m := e.Message(i18n.EN); m == "" || strings.HasPrefix(m, "err.") || strings.HasPrefix(e.Message(i18n.ZH), "err.") {
						t.Errorf("%s line %d: message %q", tc.name, e.Line, m)
					}
				}
				if strings.Join(got, " ") != strings.Join(tc.want, " ") {
					t.Errorf("%s (dry %v) problems:\n got %v\nwant %v", tc.name, dry, got, tc.want)
					for _, e := range res.Errors {
						t.Log(e.In(i18n.EN))
					}
				}
			}
			if p.count("SELECT COUNT(*) FROM "+table) != before || p.count("SELECT COUNT(*) FROM audit_entry") != audits {
				t.Errorf("%s: a refused sheet wrote", tc.name)
			}
		}
		// A sheet of another kind is refused whole, naming no row.
		if res, err := p.load(ctx, "placements", "outlets.csv", p.export(ctx, "outlets", xlsx.FormatCSV, i18n.ZH), true); err == nil || errors.Is(err, services.ErrSheetRows) {
			t.Errorf("the outlet sheet loaded as placements: %+v %v", res, err)
		}
		// 河东's export holds none of 官渡's records.
		if out := string(p.export(hedong, "outlets", xlsx.FormatCSV, i18n.EN)); strings.Contains(out, "官渡") || !strings.Contains(out, "Outlet no.") {
			t.Errorf("河东's outlet sheet:\n%s", out)
		}
	})
}

// TestSheetDemoRoundTrip: every sheet of the demo district (every kind of
// outlet and designation, moved and merged communities, months of
// services over the demo years) exported and imported back changes
// nothing; on both engines.
func TestSheetDemoRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		p := &partFourB{World: w, s: w.App.Services, ids: map[string]int64{}}
		ctx := context.Background()
		for _, name := range services.SheetNames {
			data := p.export(ctx, name, xlsx.FormatXLSX, i18n.ZH)
			res, err := p.load(ctx, name, name+".xlsx", data, true)
			if err != nil || res.Rows < 2 || res.Changed != 0 || res.Unchanged != res.Rows {
				t.Errorf("%s of the demo exported and checked back: %+v %v", name, res, err)
				if res != nil {
					for i, e := range res.Errors {
						if i < 5 {
							t.Log(e.In(i18n.EN))
						}
					}
				}
			}
		}
	})
}
