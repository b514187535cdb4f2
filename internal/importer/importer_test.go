package importer_test

import (
	"bytes"
	"context"
	"dangjian/internal/access"
	"dangjian/internal/pii"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/importer"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/xlsx"
)

func d(s string) date.Date { return date.MustParse(s) }

// fakeID is a fictional ID number with a valid check character.
func fakeID(birth string, seq int) string {
	first17 := "110105" + strings.ReplaceAll(birth, "-", "") + fmt.Sprintf("%03d", seq%1000)
	return first17 + string(people.CheckDigit(first17))
}

// world is testkit's small district with a branch in each live community;
// ids knows its records by short keys too: root (示范区), A (河东街道), B
// (官渡街道), a1 (迎宾社区), a2 (宾南社区), b1 (官渡社区) and x.org for the
// branch of community x.
type world struct {
	db  *db.DB
	rn  *importer.Runner
	ids map[string]int64
}

func newWorld(t *testing.T, dbh *db.DB) *world {
	t.Helper()
	tw := testkit.New(t, dbh, testkit.Options{})
	tw.Org("宾南社区党支部", "宾南社区", area.Branch, d("2016-01-01"))
	tw.Org("官渡社区党支部", "官渡社区", area.Branch, d("2016-01-01"))
	w := &world{db: dbh, rn: &importer.Runner{DB: dbh, People: tw.App.People}, ids: map[string]int64{}}
	for key, name := range map[string]string{
		"root": "示范区", "A": "河东街道", "B": "官渡街道", "a1": "迎宾社区", "a2": "宾南社区", "b1": "官渡社区",
		"a1.org": "迎宾社区党支部", "a2.org": "宾南社区党支部", "b1.org": "官渡社区党支部",
	} {
		w.ids[key] = tw.ID(name)
	}
	return w
}

// sheet builds a file of kind in format from header and rows.
func sheet(t *testing.T, format string, header []string, rows ...[]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if format == xlsx.FormatCSV {
		buf.WriteString(strings.Join(header, ",") + "\n")
		for _, r := range rows {
			buf.WriteString(strings.Join(r, ",") + "\n")
		}
		return buf.Bytes()
	}
	s := xlsx.NewSchema("t", func() []xlsx.Column {
		var cols []xlsx.Column
		for _, h := range header {
			cols = append(cols, xlsx.Column{Key: h, ZH: h, EN: h})
		}
		return cols
	}()...)
	wr, err := xlsx.NewWriter(&buf, format, s, i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := wr.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := wr.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var memberHeader = []string{"姓名", "性别", "民族", "出生日期", "身份证号", "手机号", "学历", "住址", "所在支部", "党员状态", "党员类别", "入党日期", "转入日期"}

func member(name, birth string, seq int, branch string) []string {
	return []string{name, "", "汉族", "", fakeID(birth, seq), fmt.Sprintf("139%08d", seq), "大学本科", "测试路 1 号", branch, "正式", "居民", "1995-07-01", ""}
}

func (w *world) run(t *testing.T, ctx context.Context, kind, format string, file []byte, dry bool) (*importer.Result, error) {
	t.Helper()
	return w.rn.Import(ctx, bytes.NewReader(file), int64(len(file)), "f."+format, kind, importer.Options{DryRun: dry})
}

func (w *world) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := w.db.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportMembersRepeatableAndTransfer(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		rows := [][]string{member("王芳", "1970-05-06", 1, "迎宾社区党支部"), member("李强", "1971-03-02", 2, "宾南社区党支部"), member("张伟", "1960-01-01", 3, "官渡社区党支部")}
		file := sheet(t, xlsx.FormatXLSX, memberHeader, rows...)
		res, err := w.run(t, ctx, "members", "xlsx", file, true)
		if err != nil || res.Created != 3 || w.count(t, "person") != 0 {
			t.Fatalf("dry run: %+v %v, persons %d", res, err, w.count(t, "person"))
		}
		res, err = w.run(t, ctx, "members", "xlsx", file, false)
		if err != nil || res.Created != 3 || res.Rows != 3 {
			t.Fatalf("import: %+v %v", res, err)
		}
		res, err = w.run(t, ctx, "members", "xlsx", file, false)
		if err != nil || res.Unchanged != 3 || res.Created != 0 || w.count(t, "person") != 3 || w.count(t, "membership") != 3 {
			t.Fatalf("re-import: %+v %v", res, err)
		}
		// A changed branch is a transfer; a changed phone an update.
		rows[0][8] = "宾南社区党支部"
		rows[0][12] = "2024-03-01"
		rows[1][5] = "13800000000"
		res, err = w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, rows...), false)
		if err != nil || res.Updated != 2 || res.Unchanged != 1 {
			t.Fatalf("changes: %+v %v", res, err)
		}
		var reason, prev string
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT start_reason, from_org_name FROM membership WHERE to_on IS NULL AND org_id = ? AND from_on = '2024-03-01'", w.ids["a2.org"]).Scan(&reason, &prev); err != nil {
			t.Fatalf("transfer: %v", err)
		}
		if reason != "transfer_in" || prev != "迎宾社区党支部" || w.count(t, "membership") != 4 {
			t.Errorf("transfer: %s from %s, %d memberships", reason, prev, w.count(t, "membership"))
		}
		var n int
		dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.members'").Scan(&n)
		if n != 3 {
			t.Errorf("import audited %d times, want 3", n)
		}
	})
}

// TestImportMemberRules has one failing row per rule; the good rows among
// them are not written either.
func TestImportMemberRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		good := member("王芳", "1970-05-06", 1, "迎宾社区党支部")
		set := func(r []string, col int, v string) []string {
			r = append([]string(nil), r...)
			r[col] = v
			return r
		}
		id := func(seq int) string { return fakeID("1970-05-06", seq) }
		cases := []struct {
			row      []string
			col, key string
		}{
			{set(member("", "1970-05-06", 10, "迎宾社区党支部"), 0, ""), "姓名", "err.import_required"},
			{set(member("a", "1970-05-06", 11, "迎宾社区党支部"), 1, "未知"), "性别", "err.import_value_invalid"},
			{set(member("b", "1970-05-06", 12, "迎宾社区党支部"), 3, "1970-13-40"), "出生日期", "err.import_date_invalid"},
			{set(member("c", "1970-05-06", 13, "迎宾社区党支部"), 3, "1971-01-01"), "出生日期", "err.birth_date_mismatch"},
			{set(member("d", "1970-05-06", 14, "迎宾社区党支部"), 4, id(14)[:17]+"0"), "身份证号", "err.id_number_check"},
			{set(member("e", "1970-05-06", 15, "迎宾社区党支部"), 4, "1101051970"), "身份证号", "err.id_number_length"},
			{set(member("f", "1970-05-06", 16, "迎宾社区党支部"), 4, "1.10105E+17"), "身份证号", "xlsx.float_mangled"},
			{set(member("g", "1970-05-06", 17, "迎宾社区党支部"), 5, "12345"), "手机号", ""},
			{set(member("h", "1970-05-06", 18, "迎宾社区党支部"), 6, "幼儿园"), "学历", "err.import_value_invalid"},
			{member("i", "1970-05-06", 19, "不存在的支部"), "所在支部", "err.import_org_unknown"},
			{set(member("j", "1970-05-06", 20, "迎宾社区党支部"), 9, "x"), "党员状态", "err.import_value_invalid"},
			{set(member("k", "1970-05-06", 21, "迎宾社区党支部"), 10, ""), "党员类别", "err.import_required"},
			{set(member("l", "1970-05-06", 22, "迎宾社区党支部"), 11, "1980-01-01"), "入党日期", "err.joined_too_young"},
			{set(member("m", "1970-05-06", 23, "迎宾社区党支部"), 11, "2030-01-01"), "入党日期", "err.date_future"},
			{set(member("n", "1970-05-06", 24, "迎宾社区党支部"), 12, "2015-01-01"), "转入日期", "err.date_before_established"},
			{member("o", "1970-05-06", 1, "迎宾社区党支部"), "身份证号", "err.import_duplicate"},
		}
		rows := [][]string{good}
		for _, c := range cases {
			rows = append(rows, c.row)
		}
		rows = append(rows, member("好人", "1960-02-02", 5, "官渡社区党支部"))
		for _, format := range []string{xlsx.FormatXLSX, xlsx.FormatCSV} {
			for _, dry := range []bool{true, false} {
				res, err := w.run(t, ctx, "members", format, sheet(t, format, memberHeader, rows...), dry)
				if !errors.Is(err, importer.ErrBadRows) {
					t.Fatalf("%s dry=%v: err %v", format, dry, err)
				}
				byLine := map[int]*xlsx.RowError{}
				for _, e := range res.Errors {
					if byLine[e.Line] == nil {
						byLine[e.Line] = e
					}
				}
				for i, c := range cases {
					e := byLine[i+3] // header on line 1, the good row on 2
					if e == nil {
						t.Errorf("%s: line %d (%s) has no error", format, i+3, c.key)
						continue
					}
					if e.Header != c.col || (c.key != "" && e.Key != c.key) {
						t.Errorf("%s: line %d: %s %q, want %s %q (%s)", format, i+3, e.Header, e.Key, c.col, c.key, e.In(i18n.ZH))
					}
					if msg := e.Message(i18n.ZH); msg == e.Key {
						t.Errorf("%s has no zh message", e.Key)
					}
				}
				if len(byLine) != len(cases) {
					t.Errorf("%s: %d bad lines, want %d: %v", format, len(byLine), len(cases), res.Errors)
				}
				if n := w.count(t, "person"); n != 0 {
					t.Fatalf("%s dry=%v: %d persons written", format, dry, n)
				}
			}
		}
	})
}

func TestImportScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := access.WithScope(context.Background(), w.ids["A"])
		file := sheet(t, xlsx.FormatCSV, memberHeader, member("王芳", "1970-05-06", 1, "迎宾社区党支部"), member("张伟", "1960-01-01", 3, "官渡社区党支部"))
		res, err := w.run(t, ctx, "members", "csv", file, false)
		if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 1 || res.Errors[0].Line != 3 || res.Errors[0].Key != "err.import_org_unknown" {
			t.Fatalf("scoped: %v %+v", err, res)
		}
		// A member of a branch outside the scope cannot be pulled into it;
		// the refusal names nothing (docs/security.md, "Typed ID numbers").
		if _, err := w.run(t, context.Background(), "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, member("张伟", "1960-01-01", 3, "官渡社区党支部")), false); err != nil {
			t.Fatal(err)
		}
		res, err = w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, member("张伟", "1960-01-01", 3, "迎宾社区党支部")), false)
		if !errors.Is(err, importer.ErrBadRows) || res.Errors[0].Key != "err.id_number_not_enrollable" || res.Errors[0].Header != "身份证号" ||
			strings.Contains(res.Errors[0].In(i18n.ZH), "官渡") {
			t.Fatalf("person outside: %v %+v", err, res.Errors)
		}
		// One recorded outside without an open membership is brought in
		// and counted as created, as a person nobody recorded would be.
		if _, err := w.run(t, context.Background(), "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader,
			member("李离", "1961-02-02", 4, "官渡社区党支部")), false); err != nil {
			t.Fatal(err)
		}
		var mid int64
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT m.id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.name = '李离'").Scan(&mid); err != nil {
			t.Fatal(err)
		}
		if err := w.rn.People.End(context.Background(), people.EndInput{MembershipID: mid, On: d("2024-01-01"), Reason: people.Left}); err != nil {
			t.Fatal(err)
		}
		for _, who := range []struct {
			name, birth string
			seq         int
		}{{"李离", "1961-02-02", 4}, {"新来人", "1962-03-03", 5}} {
			res, err = w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader,
				append(member(who.name, who.birth, who.seq, "迎宾社区党支部")[:12], "2024-06-01")), true)
			if err != nil || res.Created != 1 || res.Updated != 0 || len(res.Errors) != 0 {
				t.Errorf("%s: %v %+v", who.name, err, res)
			}
		}
	})
}

func TestExportRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		var rows [][]string
		for i := range 30 {
			rows = append(rows, member(fmt.Sprintf("成员%d", i), "1970-05-06", i, []string{"迎宾社区党支部", "宾南社区党支部", "官渡社区党支部"}[i%3]))
		}
		if _, err := w.run(t, ctx, "members", "xlsx", sheet(t, xlsx.FormatXLSX, memberHeader, rows...), false); err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{xlsx.FormatXLSX, xlsx.FormatCSV} {
			var buf bytes.Buffer
			n, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: "members", Format: format, Reveal: true, Lang: i18n.ZH})
			if err != nil || n != 30 {
				t.Fatalf("export: %d %v", n, err)
			}
			res, err := w.run(t, ctx, "members", format, buf.Bytes(), false)
			if err != nil || res.Unchanged != 30 {
				t.Fatalf("%s round trip: %+v %v", format, res, err)
			}
		}
		// Masked, scoped to 河东街道.
		var buf bytes.Buffer
		n, err := w.rn.Export(access.WithScope(ctx, w.ids["A"]), &buf, importer.ExportOptions{Kind: "members", Format: xlsx.FormatCSV, Lang: i18n.ZH})
		if err != nil || n != 20 || strings.Contains(buf.String(), fakeID("1970-05-06", 0)) || !strings.Contains(buf.String(), "*") {
			t.Fatalf("masked scoped export: %d %v\n%s", n, err, buf.String())
		}
		// The masked export imports back: each row finds its person by the
		// person number, and the numbers on record stay.
		hashes := func() string {
			var all string
			rows, err := dbh.Reader().QueryContext(ctx, "SELECT COALESCE(id_number_hash, '') || COALESCE(phone_enc, '') FROM person ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var h string
				rows.Scan(&h)
				all += h + ";"
			}
			return all
		}
		before := hashes()
		res, err := w.run(t, access.WithScope(ctx, w.ids["A"]), "members", "csv", buf.Bytes(), false)
		if err != nil || res.Unchanged != 20 || len(res.Errors) != 0 {
			t.Fatalf("masked round trip: %+v %v", res, err)
		}
		if hashes() != before {
			t.Error("the masked round trip changed ID or phone numbers on record")
		}
		var audited int
		dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry WHERE action = 'export.members'").Scan(&audited)
		if audited != 3 {
			t.Errorf("exports audited %d times, want 3", audited)
		}
	})
}

// TestImportByPersonNumber covers members without an ID number on record
// and the rules of the person number (人员编号) an export writes.
func TestImportByPersonNumber(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		s := w.rn.People
		enrol := func(name string, id string) int64 {
			t.Helper()
			pid, _, err := s.Enrol(ctx, people.EnrolInput{
				Person: people.PersonInput{Name: name, Gender: people.Female, IDNumber: id, BirthDate: d("1960-02-03")},
				Membership: people.MembershipInput{OrgID: w.ids["a1.org"], Status: people.Full, Category: people.Retired,
					JoinedPartyOn: d("1990-07-01"), From: d("2020-01-01"), Reason: people.Enrolment},
			})
			if err != nil {
				t.Fatal(err)
			}
			return pid
		}
		noID := enrol("无证甲", "")
		withID := enrol("有证乙", fakeID("1960-02-03", 7))

		// A member without an ID number goes out and comes back unchanged.
		var buf bytes.Buffer
		if _, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: "members", Format: xlsx.FormatCSV, Reveal: true, Lang: i18n.ZH}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "人员编号") || !strings.Contains(buf.String(), fmt.Sprint(noID)) {
			t.Fatalf("export lacks the person number:\n%s", buf.String())
		}
		res, err := w.run(t, ctx, "members", "csv", buf.Bytes(), false)
		if err != nil || res.Unchanged != 2 {
			t.Fatalf("round trip with a member without ID number: %+v %v", res, err)
		}

		header := append(append([]string(nil), memberHeader...), "人员编号")
		row := func(name, id string, no any) []string {
			return []string{name, "女", "汉族", "1960-02-03", id, "", "", "", "迎宾社区党支部", "正式", "离退休", "1990-07-01", "2020-01-01", fmt.Sprint(no)}
		}
		cases := []struct {
			name       string
			row        []string
			column     string
			key        string
			wantUpdate bool
		}{
			{"no ID number, no person number", row("无名", "", ""), "身份证号", "err.import_id_number_required", false},
			{"an unknown person number", row("无证甲", "", 99999), "人员编号", "err.import_person_no_unknown", false},
			{"a person number that is not a number", row("无证甲", "", "abc"), "人员编号", "err.import_number_invalid", false},
			{"a masked ID number without person number", row("有证乙", "110105********0071", ""), "身份证号", "err.import_id_masked", false},
			{"the ID number of one, the person number of another", row("有证乙", fakeID("1960-02-03", 7), noID), "人员编号", "err.import_person_no_mismatch", false},
			{"a new ID number for a person who has another", row("有证乙", fakeID("1960-02-03", 8), withID), "人员编号", "err.import_person_no_mismatch", false},
			{"a masked phone for a new person", []string{"新人丙", "女", "汉族", "1960-02-03", fakeID("1960-02-03", 9), "139****0000", "", "", "迎宾社区党支部", "正式", "离退休", "1990-07-01", "2020-01-01", ""}, "手机号", "err.import_phone_masked", false},
		}
		for _, c := range cases {
			res, err := w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, header, c.row), false)
			if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 1 || res.Errors[0].Header != c.column || res.Errors[0].Key != c.key {
				t.Errorf("%s: %v %+v", c.name, err, res.Errors)
			}
		}
		// The person number gives an ID number to a person who had none.
		res, err = w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, header, row("无证甲", fakeID("1960-02-03", 10), noID)), false)
		if err != nil || res.Updated != 1 {
			t.Fatalf("ID number added by person number: %+v %v", res, err)
		}
		if p, err := s.FindByIDNumber(ctx, fakeID("1960-02-03", 10)); err != nil || p.ID != noID {
			t.Errorf("found by the new ID number: %+v %v", p, err)
		}
		// Outside the scope, a person number is unknown, not "out of scope".
		res, err = w.run(t, access.WithScope(ctx, w.ids["B"]), "members", "csv",
			sheet(t, xlsx.FormatCSV, header, []string{"有证乙", "女", "汉族", "1960-02-03", "", "", "", "", "官渡社区党支部", "正式", "离退休", "1990-07-01", "2024-01-01", fmt.Sprint(withID)}), false)
		if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 1 || res.Errors[0].Key != "err.import_person_no_unknown" {
			t.Errorf("person number outside the scope: %v %+v", err, res.Errors)
		}
	})
}

func TestImportUnitsAndPosts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		uh := []string{"单位名称", "单位性质", "级别", "所在社区", "单位党组织", "成立日期"}
		units := sheet(t, xlsx.FormatCSV, uh,
			[]string{"区税务局", "党政机关", "处级", "迎宾社区", "区税务局党支部", "2018-01-01"},
			[]string{"第一小学", "事业单位", "科级", "宾南社区", "", "2017-05-01"})
		res, err := w.run(t, ctx, "units", "csv", units, false)
		if err != nil || res.Created != 2 {
			t.Fatalf("units: %+v %v", res, err)
		}
		res, err = w.run(t, ctx, "units", "csv", units, false)
		if err != nil || res.Unchanged != 2 || w.count(t, "unit") != 2 {
			t.Fatalf("units again: %+v %v", res, err)
		}
		bad := sheet(t, xlsx.FormatCSV, uh,
			[]string{"新单位", "党政机关", "处级", "迎宾社区", "", "2018-01-01"},
			[]string{"坏单位", "外星机构", "处级", "迎宾社区", "", "2018-01-01"},
			[]string{"远单位", "国有企业", "无", "不存在社区", "", "2018-01-01"},
			[]string{"早单位", "国有企业", "无", "迎宾社区", "", "2010-01-01"})
		res, err = w.run(t, ctx, "units", "csv", bad, false)
		if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 3 || w.count(t, "unit") != 2 {
			t.Fatalf("bad units: %v %+v", err, res.Errors)
		}
		ph := []string{"姓名", "身份证号", "党组织/社区", "职务", "任职日期", "离任日期", "届次", "来源单位"}
		posts := sheet(t, xlsx.FormatCSV, ph,
			[]string{"王书记", fakeID("1970-05-06", 7), "迎宾社区党支部", "书记", "2021-01-01", "", "", ""},
			[]string{"王书记", fakeID("1970-05-06", 7), "迎宾社区", "居委会主任", "2021-01-01", "", "", ""},
			[]string{"赵委员", fakeID("1975-05-06", 8), "迎宾社区党支部", "兼职委员", "2021-01-01", "", "", "区税务局"})
		res, err = w.run(t, ctx, "posts", "csv", posts, false)
		if err != nil || res.Created+res.Updated != 3 {
			t.Fatalf("posts: %+v %v", res, err)
		}
		res, err = w.run(t, ctx, "posts", "csv", posts, false)
		if err != nil || res.Unchanged != 3 || w.count(t, "post") != 3 {
			t.Fatalf("posts again: %+v %v", res, err)
		}
		bad = sheet(t, xlsx.FormatCSV, ph,
			[]string{"钱书记", fakeID("1972-05-06", 9), "迎宾社区党支部", "书记", "2022-01-01", "", "", ""},
			[]string{"孙委员", fakeID("1972-05-06", 10), "迎宾社区党支部", "兼职委员", "2022-01-01", "", "", ""},
			[]string{"周委员", fakeID("1972-05-06", 11), "迎宾社区党支部", "委员", "2022-01-01", "", "9", ""})
		res, err = w.run(t, ctx, "posts", "csv", bad, false)
		if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 3 || w.count(t, "post") != 3 {
			t.Fatalf("bad posts: %v %+v", err, res.Errors)
		}
		for _, kind := range []string{"units", "posts"} {
			for _, reveal := range []bool{true, false} {
				var buf bytes.Buffer
				if _, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: kind, Format: xlsx.FormatXLSX, Reveal: reveal, Lang: i18n.EN}); err != nil {
					t.Fatal(err)
				}
				res, err := w.run(t, ctx, kind, "xlsx", buf.Bytes(), false)
				if err != nil || res.Unchanged != res.Rows || res.Rows == 0 {
					t.Fatalf("%s round trip (numbers in full %v): %+v %v", kind, reveal, res, err)
				}
			}
		}
		// A post of a person without an ID number, found by person number.
		s := w.rn.People
		noID, err := s.Create(ctx, people.PersonInput{Name: "无证委员", Gender: people.Male, BirthDate: d("1968-03-04")})
		if err != nil {
			t.Fatal(err)
		}
		ph = append(ph, "人员编号")
		res, err = w.run(t, ctx, "posts", "csv", sheet(t, xlsx.FormatCSV, ph,
			[]string{"无证委员", "", "迎宾社区党支部", "委员", "2023-01-01", "", "", "", fmt.Sprint(noID)}), false)
		if err != nil || res.Updated != 1 { // a known person, a new post
			t.Fatalf("post by person number: %+v %v", res, err)
		}
		var holder int64
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT person_id FROM post WHERE role = 'member' AND from_on = '2023-01-01'").Scan(&holder); err != nil || holder != noID {
			t.Errorf("the post went to person %d (%v), want %d", holder, err, noID)
		}
		for _, c := range []struct {
			name, id, no, key string
		}{
			{"unknown person number", "", "99999", "err.import_person_no_unknown"},
			{"neither number", "", "", "err.import_id_number_required"},
			{"the ID number of one, the person number of another", fakeID("1970-05-06", 7), fmt.Sprint(noID), "err.import_person_no_mismatch"},
			{"masked ID number alone", "110105********0071", "", "err.import_id_masked"},
		} {
			res, err = w.run(t, ctx, "posts", "csv", sheet(t, xlsx.FormatCSV, ph,
				[]string{"某人", c.id, "迎宾社区党支部", "委员", "2024-01-01", "", "", "", c.no}), false)
			if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 1 || res.Errors[0].Key != c.key {
				t.Errorf("%s: %v %+v", c.name, err, res.Errors)
			}
		}
	})
}

// TestImportMembersRollsBackWrittenBatches has a bad row after two full
// batches have been written in the import's transaction: nothing may stay.
// The good file then imports, and the maintained counts follow it.
func TestImportMembersRollsBackWrittenBatches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		var rows [][]string
		for i := range 1200 {
			birth := []string{"1960-01-01", "1961-01-01"}[i/600] // fakeID numbers up to 999 a day
			rows = append(rows, member(fmt.Sprintf("成员%04d", i), birth, i%600+1, "迎宾社区党支部"))
		}
		good := rows[1100][4]
		rows[1100][4] = good[:17] + map[bool]string{true: "0", false: "1"}[good[17] != '0'] // a wrong check character
		res, err := w.run(t, ctx, "members", "xlsx", sheet(t, xlsx.FormatXLSX, memberHeader, rows...), false)
		if !errors.Is(err, importer.ErrBadRows) || len(res.Errors) != 1 || res.Errors[0].Line != 1102 || res.Created != 0 {
			t.Fatalf("import with a bad row 1,102: %d errors %v, created %d, %v", len(res.Errors), res.Errors[:min(3, len(res.Errors))], res.Created, err)
		}
		for _, table := range []string{"person", "membership", "tally_dirty"} {
			if n := w.count(t, table); n != 0 {
				t.Errorf("%s: %d rows left after the rollback", table, n)
			}
		}
		var audited int
		dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.members'").Scan(&audited)
		if audited != 0 {
			t.Errorf("a rolled-back import audited %d times", audited)
		}

		rows[1100][4] = good
		res, err = w.run(t, ctx, "members", "xlsx", sheet(t, xlsx.FormatXLSX, memberHeader, rows...), false)
		if err != nil || res.Created != 1200 {
			t.Fatalf("good import: %+v %v", res, err)
		}
		if n := w.count(t, "tally_dirty"); n != 0 {
			t.Errorf("tally_dirty holds %d rows after the import", n)
		}
		f := figures.Get("members.total")
		s := figures.Scope{AreaID: w.ids["root"], From: d("2025-01-01"), To: d("2025-12-31")}
		vals, err := figures.ComputeList(ctx, dbh.Reader(), s, i18n.ZH, []*figures.Figure{f})
		if err != nil {
			t.Fatal(err)
		}
		rowsCount, err := f.CountRows(ctx, dbh.Reader(), s)
		if err != nil || vals[0].Value != 1200 || rowsCount != 1200 {
			t.Errorf("members.total = %v from the counts, %v from the rows (%v), want 1200", vals[0].Value, rowsCount, err)
		}
	})
}

// The 转入原因 column says how each membership began: 入党 is an admission
// and does not count in members.enrolled, 转入 and 纳入 (or nothing) do; an
// export writes the reason and the note back, so a round trip keeps them.
func TestImportReasonMapsToTheMembership(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		header := append(append([]string{}, memberHeader...), "转入原因", "原所在组织", "备注")
		row := func(name, birth string, seq int, reason, from, note string) []string {
			r := member(name, birth, seq, "迎宾社区党支部")
			r[12] = "2025-03-01"
			return append(r, reason, from, note)
		}
		bad := row("错因", "1972-01-01", 9, "调入", "", "")
		res, err := w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, header, bad), true)
		if res == nil || res.OK() || !strings.Contains(res.Errors[0].In(i18n.ZH), "转入原因") || !strings.Contains(res.Errors[0].In(i18n.ZH), "入党") {
			t.Fatalf("an unknown reason: %+v %v", res, err)
		}
		file := sheet(t, xlsx.FormatCSV, header,
			row("新党员", "1975-01-01", 1, "入党", "", "2025年3月发展"),
			row("转来者", "1976-01-01", 2, "转入", "外区某支部", ""),
			row("纳入者", "1970-01-01", 3, "", "", ""))
		if res, err := w.run(t, ctx, "members", "csv", file, false); err != nil || !res.OK() || res.Created != 3 {
			t.Fatalf("import: %+v %v", res, err)
		}
		reasons := map[string]string{}
		rows, err := dbh.Reader().QueryContext(ctx, "SELECT p.name, m.start_reason, m.note FROM membership m JOIN person p ON p.id = m.person_id")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, reason, note string
			if err := rows.Scan(&name, &reason, &note); err != nil {
				t.Fatal(err)
			}
			reasons[name] = reason + "/" + note
		}
		rows.Close()
		if reasons["新党员"] != "joined/2025年3月发展" || reasons["转来者"] != "transfer_in/" || reasons["纳入者"] != "enrolment/" {
			t.Errorf("reasons = %v", reasons)
		}
		enrolled, err := figures.Get("members.enrolled").CountRows(ctx, dbh.Reader(), figures.Scope{AreaID: w.ids["root"], From: d("2025-01-01"), To: d("2025-12-31")})
		if err != nil || enrolled != 2 {
			t.Errorf("members.enrolled = %v (%v), want 2: the admission is not an enrolment", enrolled, err)
		}
		var buf bytes.Buffer
		if _, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: "members", Format: xlsx.FormatCSV, Reveal: true, Lang: i18n.ZH}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{",入党,,2025年3月发展,", ",转入,外区某支部,,", ",纳入,,,"} {
			if !strings.Contains(out, want) {
				t.Errorf("the export lacks %q:\n%s", want, out)
			}
		}
	})
}

// A dry run reports every problem of every row in one pass: the cells
// that cannot be read and the rules' refusals of the others, each column
// once, with the row's person named (the ID number masked), and counts the
// rows apart from the problems.
func TestDryRunReportsEveryProblemAtOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		bad := member("多错", "1970-05-06", 5, "迎宾社区党支部")
		bad[1] = "未知"          // gender: not a value
		bad[5] = "12345"       // phone
		bad[6] = "博士后"         // education: not a value
		bad[11] = "2030-07-01" // joined the party in the future
		other := member("另错", "1971-05-06", 6, "迎宾社区党支部")
		other[9] = "半正式" // status
		res, _ := w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, bad, other), true)
		if res == nil {
			t.Fatal("no result")
		}
		cols := map[int][]string{}
		for _, e := range res.Errors {
			cols[e.Line] = append(cols[e.Line], e.Column)
		}
		want := []string{"gender", "education", "phone", "joined_on"}
		for _, c := range want {
			if !slices.Contains(cols[2], c) {
				t.Errorf("row 2's problems %v lack %s", cols[2], c)
			}
		}
		if len(cols[2]) != len(want) || len(cols[3]) != 1 || res.BadRows() != 2 || len(res.Errors) != 5 {
			t.Errorf("problems by row %v: %d rows, %d problems; want 4 and 1, 2 rows, 5 problems", cols, res.BadRows(), len(res.Errors))
		}
		if who := res.Who[2]; who != "多错 "+pii.MaskIDNumber(fakeID("1970-05-06", 5)) || strings.Contains(who, fakeID("1970-05-06", 5)) {
			t.Errorf("row 2 names %q", who)
		}
		// A row with a problem of its own is still checked against the
		// database: its transfer date before the branch was founded is
		// reported with its phone, in the same pass, and nothing is written.
		both := member("两处", "1972-05-06", 7, "迎宾社区党支部")
		both[5] = "12345"
		both[12] = "2010-01-01"
		res, _ = w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, both), true)
		var got []string
		for _, e := range res.Errors {
			got = append(got, e.Column)
		}
		if slices.Sort(got); !slices.Equal(got, []string{"phone", "transferred_in_on"}) || res.Created != 0 {
			t.Errorf("problems of a row bad in a cell and in the database: %v (%+v)", got, res)
		}
	})
}
