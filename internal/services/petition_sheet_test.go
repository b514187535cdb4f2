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

// sheet exports the petitions of ctx's scope received from from to to
// ("" for open) in format and lang.
func (p *ptWorld) sheet(ctx context.Context, format string, lang i18n.Lang, from, to string) []byte {
	p.T.Helper()
	f := services.PetitionSheetFilter{}
	if from != "" {
		f.From = ptDay(from)
	}
	if to != "" {
		f.To = ptDay(to)
	}
	var buf bytes.Buffer
	if _, err := p.s.ExportPetitionSheet(ctx, &buf, format, lang, f); err != nil {
		p.T.Fatalf("export: %v", err)
	}
	return buf.Bytes()
}

// load imports data as the petitions' sheet (a file named file).
func (p *ptWorld) load(ctx context.Context, file string, data []byte, dry bool) (*services.SheetResult, error) {
	return p.s.ImportPetitionSheet(ctx, bytes.NewReader(data), int64(len(data)), file, dry)
}

// count counts the rows query finds.
func (p *ptWorld) count(query string, args ...any) int {
	p.T.Helper()
	var n int
	p.ok(p.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n))
	return n
}

// tally is what an import may not change when it is refused: the cases,
// the requests and the audit trail.
func (p *ptWorld) tally() string {
	return strconv.Itoa(p.count("SELECT COUNT(*) FROM petition_case")) + "/" + strconv.Itoa(p.count("SELECT COUNT(*) FROM petition_request")) + "/" +
		strconv.Itoa(p.count("SELECT COUNT(*) FROM audit_entry"))
}

// buildSheetCases records three cases: a collective one resolved and
// called back, one replied to, one only received (outside 河东街道).
func (p *ptWorld) buildSheetCases() map[string]int64 {
	return map[string]int64{
		"噪音扰民": p.receive(ptCase{title: "噪音扰民", area: "迎宾社区", kind: "complaint", headcount: 12, received: "2025-06-01 09:30", agency: "区城管局",
			accepted: "2025-06-01 15:00", resolved: "2025-06-05", sat: "basically"}),
		"楼道灯坏": p.receive(ptCase{title: "楼道灯坏", area: "宾南社区", kind: "help", received: "2025-06-02 08:15", agency: "区住建委", accepted: "2025-06-02 10:00"}),
		"咨询政策": p.receive(ptCase{title: "咨询政策", area: "官渡社区", kind: "consult", received: "2025-06-20 11:00"}),
	}
}

// problems lists the problems of res as line:header.
func problems(res *services.SheetResult) string {
	var got []string
	for _, e := range res.Errors {
		got = append(got, strconv.Itoa(e.Line)+":"+e.Header)
	}
	return strings.Join(got, " ")
}

// TestPetitionSheetRoundTrip: the petitions exported (XLSX with zh
// headers, CSV with en headers) and imported back change nothing but the
// import's audit entry; a new row receives a case and takes its steps
// (its request with no caller and no phone), a known case takes the steps
// it had not taken, and the same sheet again changes nothing; the export
// keeps to its period; on both engines.
func TestPetitionSheetRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		ids := p.buildSheetCases()
		ctx := context.Background()
		before := p.sheet(ctx, xlsx.FormatCSV, i18n.ZH, "", "")
		if !strings.Contains(string(before), "2025-06-01 09:30,区城管局,2025-06-01 09:30,2025-06-01 15:00,2025-06-01 15:00,已答复,2025-06-05,2025-06-05,2025-06-05,基本满意") ||
			!strings.Contains(string(before), "噪音扰民,投诉,12345 热线,是,12,") {
			t.Fatalf("the sheet:\n%s", before)
		}
		for _, f := range []struct {
			format string
			lang   i18n.Lang
		}{{xlsx.FormatXLSX, i18n.ZH}, {xlsx.FormatCSV, i18n.EN}} {
			audits := p.count("SELECT COUNT(*) FROM audit_entry")
			res, err := p.load(ctx, "petitions."+f.format, p.sheet(ctx, f.format, f.lang, "", ""), false)
			if err != nil || res.Rows != 3 || res.Changed != 0 || res.Unchanged != 3 {
				t.Errorf("%s %s exported and imported back: %+v %v %s", f.format, f.lang, res, err, problems(res))
			}
			if n := p.count("SELECT COUNT(*) FROM audit_entry"); n != audits+1 {
				t.Errorf("%s: %d audit entries, want the import's alone", f.format, n-audits)
			}
			if after := p.sheet(ctx, xlsx.FormatCSV, i18n.ZH, "", ""); !bytes.Equal(before, after) {
				t.Errorf("changed by its own export:\n%s\n%s", before, after)
			}
		}

		// 楼道灯坏 resolved, verified and called back; a new case from
		// receipt to callback, by labels and codes.
		sheet := edit(t, before, "楼道灯坏", "已答复,,,,", "已答复,2025-06-05,2025-06-06,2025-06-07,不满意")
		sheet = rows(sheet, false, ",宾南社区,路灯不亮,help,visit,否,,2025-06-10 09:30,区城管局,,2025-06-10 10:00,2025-06-10 11:00,已修复,2025-06-11,2025-06-12,2025-06-12,满意")
		tally := p.tally()
		res, err := p.load(ctx, "petitions.csv", sheet, true)
		if err != nil || !res.DryRun || res.Changed != 2 || res.Unchanged != 2 {
			t.Errorf("dry run: %+v %v %s", res, err, problems(res))
		}
		if p.tally() != tally {
			t.Error("a dry run wrote")
		}
		if res, err = p.load(ctx, "petitions.csv", sheet, false); err != nil || res.Changed != 2 || res.Unchanged != 2 {
			t.Errorf("imported: %+v %v %s", res, err, problems(res))
		}
		if p.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'import.petitions' AND target_type = 'import'") != 3 {
			t.Error("the import is not audited")
		}
		if i18n.T(i18n.EN, "ui.audit.action.import.petitions") == "ui.audit.action.import.petitions" {
			t.Error("the audit action import.petitions has no words")
		}
		got, err := p.s.Petition(ctx, ids["楼道灯坏"])
		p.ok(err)
		if got.ResolvedOn != ptDay("2025-06-05") || got.VerifiedOn != ptDay("2025-06-06") || got.CalledBackOn != ptDay("2025-06-07") || got.Satisfaction != "unsatisfied" {
			t.Errorf("楼道灯坏 took its steps: %+v", got)
		}
		if n := p.count("SELECT COUNT(*) FROM audit_entry WHERE target_type = 'petition' AND target_id = ? AND action IN ('petition.resolve', 'petition.verify', 'petition.callback')",
			strconv.FormatInt(ids["楼道灯坏"], 10)); n != 3 {
			t.Errorf("楼道灯坏's steps audited %d times, want 3", n)
		}
		var newID int64
		p.ok(p.DB.Reader().QueryRowContext(ctx, "SELECT id FROM petition_case WHERE title = ?", "路灯不亮").Scan(&newID))
		got, err = p.s.Petition(ctx, newID)
		p.ok(err)
		if got.Stage() != "called_back" || got.Department != "区城管局" || got.Type != "help" || got.Channel != "visit" || got.Headcount != 1 ||
			services.PetitionTime(got.DispatchedAt) != "2025-06-10 09:30" || got.Reply != "已修复" || got.Satisfaction != "satisfied" ||
			len(got.Requests) != 1 || got.Requests[0].CallerPhone != "" || got.Requests[0].CallerName != "" {
			t.Errorf("the new case: %+v", got)
		}
		if p.count("SELECT COUNT(*) FROM petition_request WHERE case_id = ? AND caller_phone_enc IS NULL", newID) != 1 {
			t.Error("the new case's request has a phone")
		}
		if res, err = p.load(ctx, "petitions.csv", sheet, false); err != nil || res.Changed != 0 || res.Unchanged != 4 {
			t.Errorf("imported again: %+v %v %s", res, err, problems(res))
		}
		if p.count("SELECT COUNT(*) FROM petition_case") != 4 {
			t.Error("the same sheet again received a case twice")
		}

		// The period: received from 2025-06-02 to 2025-06-10.
		out := string(p.sheet(ctx, xlsx.FormatCSV, i18n.EN, "2025-06-02", "2025-06-10"))
		if strings.Contains(out, "噪音扰民") || !strings.Contains(out, "楼道灯坏") || !strings.Contains(out, "路灯不亮") || strings.Contains(out, "咨询政策") ||
			!strings.Contains(out, "Case no.") {
			t.Errorf("the sheet of 2025-06-02 to 2025-06-10:\n%s", out)
		}
	})
}

// TestPetitionSheetRefusals: a sheet with bad rows is refused, dry run or
// not, with every problem named by line and column (resolved before
// received, a satisfaction without a resolution, a collective case of one
// person, an unknown area, a known case's receipt changed, a step out of
// order), and nothing is written; a caller outside an area cannot import
// into it, by name or by number, nor export it; on both engines.
func TestPetitionSheetRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		ids := p.buildSheetCases()
		ctx := context.Background()
		hedong := access.WithScope(ctx, p.ID("河东街道"))
		known, sent := strconv.FormatInt(ids["楼道灯坏"], 10), strconv.FormatInt(ids["噪音扰民"], 10)
		outside := strconv.FormatInt(ids["咨询政策"], 10)
		for _, tc := range []struct {
			name string
			ctx  context.Context
			rows []string
			want string // line:column of each problem
		}{
			{"bad rows", ctx, []string{
				",迎宾社区,早办结,求助,来访,否,1,2025-03-01 09:30,区城管局,,2025-03-01 10:00,2025-03-01 11:00,已答复,2025-02-01,,,",     // 2: resolved before received
				",迎宾社区,未办结回访,求助,来访,否,1,2025-03-01 09:30,区城管局,,2025-03-01 10:00,2025-03-01 11:00,已答复,,,2025-03-05,满意", // 3: a satisfaction, unresolved
				",迎宾社区,集体一人,投诉,来访,是,1,2025-03-01 09:30,,,,,,,,,",                                                     // 4: collective, one person
				",月亮社区,无此地区,求助,来访,否,1,2025-03-01 09:30,,,,,,,,,",                                                     // 5: no such area
				",迎宾社区,好的一行,求助,来访,否,1,2025-03-02 09:30,区城管局,,,,,,,,",                                                 // 6: good, and not written
				known + ",,,,,,,2025-01-01 08:00,,,,,,,,,",                                                           // 7: its receipt cannot change
				sent + ",,,,,,,,区住建委,,,,,,,,",                                                                        // 8: sent elsewhere already
				",迎宾社区,未签收先答复,求助,来访,否,1,2025-03-01 09:30,区城管局,,,2025-03-01 11:00,已答复,,,,",                            // 9: replied, never accepted
				",迎宾社区,时间不对,求助,来访,否,1,2025-13-01 09:30,,,,,,,,,",                                                     // 10: not a time
			}, "2:办结日期 3:满意度 4:人数 5:受理地区 7:受理时间 8:承办部门或单位 9:答复时间 10:受理时间"},
			// 河东's officer: 官渡 is outside the scope, by name and by number.
			{"outside", hedong, []string{
				",官渡社区,官渡的事,求助,来访,否,1,2025-03-01 09:30,,,,,,,,,",
				outside + ",,,,,,,,区城管局,,,,,,,,",
			}, "2:受理地区 3:诉求编号"},
		} {
			sheet := rows(p.sheet(ctx, xlsx.FormatCSV, i18n.ZH, "", ""), true, tc.rows...)
			tally := p.tally()
			for _, dry := range []bool{true, false} {
				res, err := p.load(tc.ctx, "petitions.csv", sheet, dry)
				if !errors.Is(err, services.ErrSheetRows) {
					t.Fatalf("%s: %v", tc.name, err)
				}
				for _, e := range res.Errors {
					if m := e.Message(i18n.EN); m == "" || strings.HasPrefix(m, "err.") || strings.HasPrefix(e.Message(i18n.ZH), "err.") {
						t.Errorf("%s line %d: message %q", tc.name, e.Line, m)
					}
				}
				if got := problems(res); got != tc.want {
					t.Errorf("%s (dry %v) problems:\n got %v\nwant %v", tc.name, dry, got, tc.want)
					for _, e := range res.Errors {
						t.Log(e.In(i18n.EN))
					}
				}
			}
			if p.tally() != tally {
				t.Errorf("%s: a refused sheet wrote", tc.name)
			}
		}
		// 河东's export holds none of 官渡's cases, and refuses 官渡.
		if out := string(p.sheet(hedong, xlsx.FormatCSV, i18n.EN, "", "")); strings.Contains(out, "官渡") || !strings.Contains(out, "楼道灯坏") {
			t.Errorf("河东's sheet:\n%s", out)
		}
		var buf bytes.Buffer
		if _, err := p.s.ExportPetitionSheet(hedong, &buf, xlsx.FormatCSV, i18n.ZH, services.PetitionSheetFilter{AreaID: p.ID("官渡社区")}); err == nil {
			t.Error("河东's officer exported 官渡's cases")
		}
		// A sheet of another kind is refused whole, naming no row.
		other := []byte("站点编号,所在地区,站点类型,站点名称,设立日期,撤销日期,备注\r\n,迎宾社区,清洁队,x,2025-01-01,,\r\n")
		if res, err := p.load(ctx, "outlets.csv", other, true); err == nil || errors.Is(err, services.ErrSheetRows) {
			t.Errorf("an outlet sheet loaded as petitions: %+v %v", res, err)
		}
	})
}

// TestPetitionSheetDemoRoundTrip: the demo district's petitions (late
// ones, unsatisfied ones, collective ones, cases sent to stationed units)
// exported and checked back change nothing; on both engines.
func TestPetitionSheetDemoRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		p := &ptWorld{World: w, s: w.App.Petitions}
		ctx := context.Background()
		data := p.sheet(ctx, xlsx.FormatXLSX, i18n.ZH, "", "")
		res, err := p.load(ctx, "petitions.xlsx", data, true)
		if err != nil || res.Rows < 2 || res.Changed != 0 || res.Unchanged != res.Rows {
			t.Errorf("the demo's petitions exported and checked back: %+v %v", res, err)
			if res != nil {
				for i, e := range res.Errors {
					if i < 5 {
						t.Log(e.In(i18n.EN))
					}
				}
			}
		}
	})
}
