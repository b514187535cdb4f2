package premises_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/premises"
	"dangjian/internal/xlsx"
)

// survey is an exported survey sheet open for changes.
type survey struct {
	t    *testing.T
	f    *excelize.File
	rows [][]string
}

func openSurvey(t *testing.T, b []byte) *survey {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return &survey{t: t, f: f, rows: rows}
}

// set writes v under header on line (1-based, the header is line 1).
func (s *survey) set(line int, header, v string) {
	s.t.Helper()
	for j, h := range s.rows[0] {
		if h == header {
			cell, _ := excelize.CoordinatesToCellName(j+1, line)
			if err := s.f.SetCellStr(s.f.GetSheetName(0), cell, v); err != nil {
				s.t.Fatal(err)
			}
			return
		}
	}
	s.t.Fatalf("no column %s", header)
}

// line is the line of the first row whose cells hold all of want.
func (s *survey) line(want ...string) int {
	s.t.Helper()
	for i, r := range s.rows {
		joined := "\t" + strings.Join(r, "\t") + "\t"
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(joined, "\t"+w+"\t")
		}
		if ok {
			return i + 1
		}
	}
	s.t.Fatalf("no row with %v in %v", want, s.rows)
	return 0
}

func (s *survey) bytes() []byte {
	s.t.Helper()
	var buf bytes.Buffer
	if err := s.f.Write(&buf); err != nil {
		s.t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSurveyRoundTrip: the survey of 2024 exported and imported back
// changes nothing; a new community's row (premises, a room, funding,
// households) added in the sheet is written by the import and shows on
// its page; the same sheet again changes nothing.
func TestSurveyRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartThree(t, dbh)
		p.build()
		var buf bytes.Buffer
		n, err := p.s.ExportSurvey(ctx, &buf, xlsx.FormatXLSX, i18n.ZH, p.ID("示范区"), 2024)
		if err != nil || n < 4 {
			t.Fatalf("export: %d rows, %v", n, err)
		}
		sv := openSurvey(t, buf.Bytes())
		wantHeaders := []string{"社区", "所属街道", "年度", "用房地址", "用途", "用房面积（平方米）", "产权", "启用日期", "党员活动室（平方米）"}
		for i, h := range wantHeaders {
			if sv.rows[0][i] != h {
				t.Errorf("header %d: %q, want %q", i, sv.rows[0][i], h)
			}
		}
		// 迎宾: its office, a party activity room and a library (the
		// e-learning room closed in October), households.
		yb := sv.rows[sv.line("迎宾社区", "迎宾一巷1号")-1]
		if got := strings.Join(yb, "|"); !strings.Contains(got, "|170|自有|2024-04-10|40|||30|") || !strings.Contains(got, "800") {
			t.Errorf("迎宾's row: %s", got)
		}
		res, err := p.s.ImportSurvey(ctx, bytes.NewReader(buf.Bytes()), int64(buf.Len()), "survey.xlsx", false)
		if err != nil || res.Added != 0 || res.Unchanged != res.Rows || res.Rows != n {
			t.Fatalf("the export imported back: %+v, %v %v", res, err, res.Errors)
		}

		// A new row: 新村社区 gets premises with a library, funding and a count.
		line := len(sv.rows) + 1
		for h, v := range map[string]string{"社区": "新村社区", "年度": "2024", "用房地址": "新村路1号", "用途": "服务用房", "用房面积（平方米）": "120.5",
			"产权": "租用", "启用日期": "2024-08-01", "图书馆（平方米）": "30", "办公经费（元）": "15000", "经费来源": "街道", "户数": "600", "户数统计日期": "2024-08-01"} {
			sv.set(line, h, v)
		}
		changed := sv.bytes()
		dry, err := p.s.ImportSurvey(ctx, bytes.NewReader(changed), int64(len(changed)), "survey.xlsx", true)
		if err != nil || dry.Added != 4 || !dry.DryRun {
			t.Fatalf("dry run: %+v %v %v", dry, err, dry.Errors)
		}
		if v, _ := p.s.Community(ctx, p.ID("新村社区"), d("2024-12-31")); len(v.Premises) != 0 {
			t.Fatal("the dry run wrote premises")
		}
		res, err = p.s.ImportSurvey(ctx, bytes.NewReader(changed), int64(len(changed)), "survey.xlsx", false)
		if err != nil || res.Added != 4 || res.Unchanged != n {
			t.Fatalf("import: %+v %v %v", res, err, res.Errors)
		}
		v, err := p.s.Community(ctx, p.ID("新村社区"), d("2024-12-31"))
		if err != nil || len(v.Premises) != 1 || v.Premises[0].FloorArea != 120_50 || v.Premises[0].Tenure != premises.Rented ||
			len(v.Premises[0].Rooms) != 1 || v.Premises[0].Rooms[0].Kind != "library" || len(v.Funding) != 1 || v.Funding[0].Total != 15000_00 ||
			v.State.Office.Lacks || v.State.Funding.Lacks {
			t.Errorf("新村 after the import: %+v %v", v, err)
		}
		res, err = p.s.ImportSurvey(ctx, bytes.NewReader(changed), int64(len(changed)), "survey.xlsx", false)
		if err != nil || res.Added != 0 || res.Unchanged != res.Rows {
			t.Errorf("the same sheet again: %+v %v", res, err)
		}
	})
}

// TestSurveyRefusals: every problem of every row in one run, by line and
// column, and nothing written.
func TestSurveyRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartThree(t, dbh)
		p.build()
		csv := "社区,年度,用房地址,用途,用房面积（平方米）,产权,启用日期,图书馆（平方米）,办公经费（元）,户数\n" +
			"宾南社区,2023,,,,,,,30000,\n" + // 2 万 recorded for 2023
			"无名社区,2024,,,,,,,,\n" +
			"新村社区,2024,,,,,,20,,\n" + // a room without premises
			"新村社区,2024,新村路2号,办公用房,0,自有,2024-06-01,,,\n" + // zero area
			"迎宾社区,2024,迎宾一巷1号,办公用房,180,自有,2024-04-10,,,\n" + // recorded as 170
			"新村社区,1900,,,,,,,,\n" +
			"宾南社区,2024,宾南路9号,办公用房,50,自有,2024-02-01,60,,\n" + // a room larger than its premises
			"官渡社区,2024,,,,,,,,-3\n"
		res, err := p.s.ImportSurvey(ctx, strings.NewReader(csv), int64(len(csv)), "survey.csv", false)
		if !errors.Is(err, premises.ErrSurveyRows) {
			t.Fatalf("import: %v", err)
		}
		want := map[string]string{ // line and column: a word of the message
			"2 funding":    "20000 元",
			"3 community":  "",
			"4 library":    "地址",
			"5 floor_area": "",
			"6 floor_area": "170",
			"7 year":       "1949",
			"8 library":    "大于所在用房",
			"9 households": "负",
		}
		got := map[string]string{}
		for _, e := range res.Errors {
			got[strconv.Itoa(e.Line)+" "+e.Column] = e.In(i18n.ZH)
		}
		if len(got) != len(want) {
			t.Errorf("%d problems, want %d: %v", len(got), len(want), got)
		}
		for k, w := range want {
			msg, ok := got[k]
			if !ok || !strings.Contains(msg, w) {
				t.Errorf("problem %s: %q (all: %v)", k, msg, got)
			}
		}
		if v, _ := p.s.Community(ctx, p.ID("宾南社区"), d("2024-12-31")); len(v.Premises) != 2 {
			t.Errorf("a refused import wrote premises: %+v", v.Premises)
		}
	})
}
