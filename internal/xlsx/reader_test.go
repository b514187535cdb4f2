package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"dangjian/internal/i18n"
)

// xlsxOf builds a workbook whose first sheet holds rows, each cell set by
// excelize's SetCellValue (so numbers stay numbers).
func xlsxOf(t testing.TB, rows [][]any, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var minimalRows = [][]any{{"姓名", "身份证号", "所在支部"}, {"王伟", "110105194001010019", "第1社区党支部"}}

func openBytes(b []byte, name string, s *Schema, opts Options) (*Reader, error) {
	return OpenWith(bytes.NewReader(b), int64(len(b)), name, s, opts)
}

// readAll reads every row, failing the test on an error.
func readAll(t *testing.T, rd *Reader) []Row {
	t.Helper()
	var out []Row
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
}

// zeros is a raw deflate stream that inflates to mib MiB of zeros, built
// from one compressed MiB repeated (each flushed block stands alone).
func zeros(t testing.TB, mib int) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Flush()
	block := append([]byte(nil), b.Bytes()...)
	b.Reset()
	w.Close()
	tail := b.Bytes()
	return append(bytes.Repeat(block, mib), tail...)
}

func TestOpenRefuses(t *testing.T) {
	good := xlsxOf(t, minimalRows, nil)
	csvText := []byte("姓名,身份证号,所在支部\n王伟,110105194001010019,第1社区党支部\n")
	var notXLSX bytes.Buffer
	zw := zip.NewWriter(&notXLSX)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()
	bomb := zeros(t, 1024) // 1 GiB of zeros in about a megabyte
	formula := xlsxOf(t, minimalRows, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "D1", "年龄")
		f.SetCellFormula("Sheet1", "D2", "2024-1940")
	})
	tests := []struct {
		name string
		file string
		data []byte
		want error
		key  string
	}{
		{"csv named xlsx", "a.xlsx", csvText, ErrFormat, "xlsx.not_xlsx"},
		{"xlsx named csv", "a.csv", good, ErrFormat, "xlsx.not_csv"},
		{"docx named xlsx", "a.xlsx", notXLSX.Bytes(), ErrFormat, "xlsx.not_xlsx"},
		{"ole named xlsx", "a.xlsx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), ErrFormat, "xlsx.old_xls"},
		{"html named csv", "a.csv", []byte("<html><table><tr><td>姓名</td></tr></table></html>"), ErrFormat, "xlsx.not_csv"},
		{"binary named csv", "a.csv", []byte("姓名\x00\x01\x02"), ErrFormat, "xlsx.not_csv"},
		{"old xls", "a.xls", good, ErrFormat, "xlsx.old_xls"},
		{"txt", "a.txt", csvText, ErrFormat, "xlsx.ext_unsupported"},
		{"truncated xlsx", "a.xlsx", good[:len(good)/2], ErrFormat, "xlsx.damaged"},
		{"bomb declares 8 GiB", "a.xlsx", addPart(t, good, &zip.FileHeader{Name: "xl/media/big.bin", Method: zip.Deflate,
			CompressedSize64: uint64(len(bomb)), UncompressedSize64: 8 << 30}, bomb), ErrTooLarge, "xlsx.zip_bomb"},
		{"bomb ratio 1000", "a.xlsx", addPart(t, good, &zip.FileHeader{Name: "xl/media/big.bin", Method: zip.Deflate,
			CompressedSize64: uint64(len(bomb)), UncompressedSize64: 1 << 30}, bomb), ErrTooLarge, "xlsx.zip_bomb"},
		{"bomb declares 1 KiB, expands to 1 GiB", "a.xlsx", addPart(t, good, &zip.FileHeader{Name: "xl/media/big.bin", Method: zip.Deflate,
			CompressedSize64: uint64(len(bomb)), UncompressedSize64: 1024}, bomb), ErrTooLarge, "xlsx.zip_bomb"},
		{"formula", "a.xlsx", formula, ErrFormula, "xlsx.formula"},
		{"missing column", "a.csv", []byte("姓名,所在支部\n王伟,第1社区党支部\n"), ErrHeader, "xlsx.header_missing"},
		{"no header at all", "a.csv", []byte("王伟,110105194001010019\n"), ErrHeader, "xlsx.header_missing"},
		{"duplicate column", "a.csv", []byte("姓名,身份证号,Name,所在支部\n王伟,1,王伟,支部\n"), ErrHeader, "xlsx.header_duplicate"},
		{"duplicate variant", "a.csv", []byte("姓名,身份证号,公民身份号码,所在支部\n"), ErrHeader, "xlsx.header_duplicate"},
		{"duplicate xlsx", "a.xlsx", xlsxOf(t, [][]any{{"姓名", "身份证号", "所在支部", "联系电话", "手机号"}}, nil), ErrHeader, "xlsx.header_duplicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rd, err := openBytes(tc.data, tc.file, Members, Options{})
			if err == nil {
				rd.Close()
				t.Fatalf("Open accepted it")
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != tc.key {
				t.Fatalf("err = %v, want message %s", err, tc.key)
			}
			if !strings.HasPrefix(err.Error(), "xlsx: ") {
				t.Errorf("err %q lacks the package prefix", err)
			}
			if zhMsg := ie.In(i18n.ZH); zhMsg == tc.key || zhMsg == "" {
				t.Errorf("no zh message for %s", tc.key)
			}
		})
	}
	t.Run("formula names its cell", func(t *testing.T) {
		_, err := openBytes(formula, "a.xlsx", Members, Options{})
		var ie *i18n.Error
		if !errors.As(err, &ie) || len(ie.Args) != 1 || ie.Args[0] != "D2" {
			t.Fatalf("err = %#v, want the cell D2", err)
		}
	})
}

func TestFormulaScanPrefixAndSplit(t *testing.T) {
	sheet := `<?xml version="1.0"?><x:worksheet xmlns:x="s"><x:dimension ref="A1:C7"/><x:sheetData>` +
		`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:autoFilter><x:filterColumn/></x:autoFilter>` +
		`<x:row r="7"><x:c r="C7"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`
	for split := 1; split < len(sheet); split++ {
		s := &formulaScan{}
		found := s.feed([]byte(sheet[:split])) || s.feed([]byte(sheet[split:]))
		if !found || s.ref != "C7" {
			t.Fatalf("split at %d: found=%v ref=%q", split, found, s.ref)
		}
		if split > 60 && s.dimRows != 7 {
			t.Fatalf("dimension = %d, want 7", s.dimRows)
		}
	}
	s := &formulaScan{}
	if s.feed([]byte(`<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData><dataValidations><dataValidation><formula1>"a,b"</formula1></dataValidation></dataValidations><autoFilter><filters/></autoFilter></worksheet>`)) {
		t.Fatal("formula1 and filters taken for a cell formula")
	}
}

func TestTooManyRows(t *testing.T) {
	t.Run("csv 1,000,001 rows", func(t *testing.T) {
		if testing.Short() {
			t.Skip("1M rows")
		}
		var b bytes.Buffer
		b.WriteString("姓名,身份证号,所在支部\n")
		for range 1_000_001 {
			b.WriteString("a,1,b\n")
		}
		rd, err := openBytes(b.Bytes(), "a.csv", Members, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		n := 0
		for {
			_, err := rd.Next()
			if err == nil {
				n++
				continue
			}
			if !errors.Is(err, ErrTooManyRows) {
				t.Fatalf("after %d rows: %v", n, err)
			}
			break
		}
		if n != 1_000_000 || rd.Progress().Line != 1_000_002 {
			t.Fatalf("stopped after %d rows at line %d, want 1,000,000 at 1,000,002", n, rd.Progress().Line)
		}
	})
	t.Run("xlsx with a lower limit", func(t *testing.T) {
		// An XLSX's rows are counted before any is read: one over the limit
		// is refused at once, naming how many it holds.
		var b bytes.Buffer
		writeMembers(t, &b, FormatXLSX, 30)
		_, err := openBytes(b.Bytes(), "a.xlsx", Members, Options{Limits: Limits{MaxRows: 10}})
		var ie *i18n.Error
		if !errors.Is(err, ErrTooManyRows) || !errors.As(err, &ie) || !strings.Contains(ie.In(i18n.ZH), "31") {
			t.Fatalf("err=%v", err)
		}
		if _, err := openBytes(b.Bytes(), "a.xlsx", Members, Options{Limits: Limits{MaxRows: 30}}); err != nil {
			t.Fatalf("30 rows under a limit of 30: %v", err)
		}
	})
}

func TestHeaders(t *testing.T) {
	tests := []struct {
		header string
		key    string
	}{
		{"姓名", "name"}, {"Name", "name"}, {" NAME ", "name"}, {"\uFEFF姓名", "name"}, {"姓　名", "name"}, {"姓名*", "name"},
		{"姓名（必填）", "name"}, {"身份证号", "id_number"}, {"公民身份号码", "id_number"}, {"ID Number", "id_number"},
		{"id_number", "id_number"}, {"ｉｄ　ｎｕｍｂｅｒ", "id_number"}, {"联系电话", "phone"}, {"手机号", "phone"},
		{"所在支部", "branch"}, {"入党日期", "joined_on"}, {"Joined", "joined_on"}, {"党员类别", "category"},
		{"党员状态", "status"}, {"Birth Date", "birth_date"}, {"出生年月", "birth_date"}, {"转入原因", "transfer_reason"},
		{"备注", "note"}, {"说明", "note"}, {"附注", ""}, {"", ""},
	}
	for _, tc := range tests {
		i := Members.Lookup(tc.header)
		got := ""
		if i >= 0 {
			got = Members.Columns[i].Key
		}
		if got != tc.key {
			t.Errorf("Lookup(%q) = %q, want %q", tc.header, got, tc.key)
		}
	}
	for _, s := range Schemas() {
		for _, c := range s.Columns {
			for _, lang := range i18n.Langs {
				if s.Columns[s.Lookup(c.Header(lang))].Key != c.Key {
					t.Errorf("%s: export header %q does not import as %s", s.Name, c.Header(lang), c.Key)
				}
			}
		}
	}

	// A title row above the header, columns in another order, an unknown one.
	csvText := "\uFEFF某某社区党员花名册,,,\n所在支部,附注,公民身份号码,Name\n第1社区党支部,无,110105194001010019,王伟\n,,,\n"
	rd, err := openBytes([]byte(csvText), "m.csv", Members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	rows := readAll(t, rd)
	if rd.HeaderLine() != 2 || len(rows) != 1 || rows[0].Line != 3 {
		t.Fatalf("header line %d, rows %+v", rd.HeaderLine(), rows)
	}
	if rows[0].Get("name") != "王伟" || rows[0].Get("id_number") != "110105194001010019" || rows[0].Get("branch") != "第1社区党支部" || rows[0].Get("phone") != "" {
		t.Fatalf("row = %+v", rows[0])
	}
	if rd.Header("id_number") != "公民身份号码" || rd.Has("phone") || len(rd.Unknown()) != 1 || rd.Unknown()[0] != "附注" {
		t.Fatalf("header %q, unknown %v", rd.Header("id_number"), rd.Unknown())
	}
	e := rd.RowError(3, "id_number", "xlsx.required")
	if got := e.In(i18n.ZH); got != "第 3 行“公民身份号码”列：不能为空" {
		t.Errorf("zh = %q", got)
	}
	if got := e.Error(); got != `xlsx: row 3, column "公民身份号码": must not be empty` {
		t.Errorf("en = %q", got)
	}
}

func TestEnumCodes(t *testing.T) {
	c := Members.Columns[Members.Col("category")]
	for in, want := range map[string]string{"居民": "resident", "离退休党员": "retired", "In-Service": "in_service", "in_service": "in_service", " 流动 ": "floating"} {
		if got, ok := c.Code(in); !ok || got != want {
			t.Errorf("Code(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := c.Code("外星"); ok {
		t.Error("unknown value accepted")
	}
	if c.Label("in_service", i18n.ZH) != "在职" || c.Label("in_service", i18n.EN) != "in-service" {
		t.Error("labels")
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-01", "2024-03-01"}, {"2024/3/1", "2024-03-01"}, {"2024.3.1", "2024-03-01"},
		{"2024年3月1日", "2024-03-01"}, {"2024年03月01号", "2024-03-01"}, {"20240301", "2024-03-01"},
		{"45352", "2024-03-01"}, {"45352.75", "2024-03-01"}, {"2024-03-01 08:30:00", "2024-03-01"},
		{"2024-03-01T00:00:00Z", "2024-03-01"}, {" 1949-10-01 ", "1949-10-01"}, {"2024-02-29", "2024-02-29"},
		{"10000", "1927-05-18"},
		{"2023-02-29", ""}, {"2024-13-01", ""}, {"2024", ""}, {"9999", ""}, {"2024-03", ""}, {"abc", ""},
		{"", ""}, {"20241301", ""}, {"24-3-1", ""}, {"3/1/2024", ""}, {"-45352", ""},
	}
	for _, tc := range tests {
		got, ok := NormalizeDate(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestFloatMangled(t *testing.T) {
	t.Run("csv as Excel saves it", func(t *testing.T) {
		text := "姓名,身份证号,所在支部,手机号\n王伟,1.10105E+17,支部,13800138000\n李芳,110105194001010019,支部,1.38001E+10\n"
		rd, err := openBytes([]byte(text), "m.csv", Members, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		rows := readAll(t, rd)
		if len(rows[0].Problems) != 1 || rows[0].Problems[0].Column != "id_number" || rows[0].Problems[0].Key != "xlsx.float_mangled" || rows[0].Problems[0].Line != 2 {
			t.Fatalf("row 2 problems = %+v", rows[0].Problems)
		}
		if len(rows[1].Problems) != 1 || rows[1].Problems[0].Column != "phone" {
			t.Fatalf("row 3 problems = %+v", rows[1].Problems)
		}
		if msg := rows[0].Problems[0].In(i18n.ZH); !strings.Contains(msg, "文本") || !strings.Contains(msg, "第 2 行") {
			t.Errorf("message %q does not tell to format the column as text", msg)
		}
	})
	t.Run("xlsx number cell", func(t *testing.T) {
		b := xlsxOf(t, [][]any{{"姓名", "身份证号", "所在支部"}, {"王伟", 110105194001010019.0, "支部"}, {"李芳", "110105194001010019", "支部"}}, nil)
		// Excel writes a long number in scientific notation.
		sheet := readPart(t, b, "xl/worksheets/sheet1.xml")
		sheet = regexp.MustCompile(`<c r="B2"><v>[^<]*</v>`).ReplaceAll(sheet, []byte(`<c r="B2"><v>1.10105194001010E+17</v>`))
		if !bytes.Contains(sheet, []byte("E+17")) {
			t.Fatalf("sheet not edited: %s", sheet)
		}
		b = replacePart(t, b, "xl/worksheets/sheet1.xml", sheet)
		rd, err := openBytes(b, "m.xlsx", Members, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		rows := readAll(t, rd)
		if len(rows) != 2 || len(rows[0].Problems) != 1 || len(rows[1].Problems) != 0 {
			t.Fatalf("rows = %+v", rows)
		}
	})
}

func TestGB18030(t *testing.T) {
	text := "姓名,身份证号,所在支部,住址\r\n王伟,110105194001010019,第1社区党支部,幸福路1号\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rd, err := openBytes(gb, "m.csv", Members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	rows := readAll(t, rd)
	if rd.Encoding() != "gb18030" || len(rows) != 1 || rows[0].Get("address") != "幸福路1号" || rows[0].Get("name") != "王伟" {
		t.Fatalf("encoding %s rows %+v", rd.Encoding(), rows)
	}
	// Tab-separated UTF-8 with BOM is read too.
	rd2, err := openBytes([]byte("\uFEFF姓名\t身份证号\t所在支部\n王伟\t1\t支部\n"), "m.csv", Members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd2.Close()
	if rows := readAll(t, rd2); rd2.Encoding() != "utf-8" || len(rows) != 1 || rows[0].Get("branch") != "支部" {
		t.Fatalf("rows %+v", rows)
	}
	// Invalid bytes in a UTF-8 file are a row problem, not a crash.
	valid := "姓名,身份证号,所在支部\n" + strings.Repeat("王伟,1,支部\n", 10000)
	rd3, err := openBytes([]byte(valid+"王伟,1,\xff\xfe支部\n"), "m.csv", Members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd3.Close()
	if rows := readAll(t, rd3); len(rows) != 10001 || len(rows[10000].Problems) != 1 || rows[10000].Problems[0].Key != "xlsx.invalid_text" {
		t.Fatalf("rows %+v", rows[10000])
	}
}

func TestRoundTrip(t *testing.T) {
	tricky := []string{"=1+2", "+86 138", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")", "'=already quoted", "'plain", "''", "a=b"}
	for _, format := range []string{FormatXLSX, FormatCSV} {
		for _, lang := range i18n.Langs {
			t.Run(format+"-"+string(lang), func(t *testing.T) {
				var buf bytes.Buffer
				wr, err := NewWriter(&buf, format, Members, lang)
				if err != nil {
					t.Fatal(err)
				}
				var want [][]string
				for i, v := range tricky {
					row := memberRow(i)
					row[0], row[7], row[13] = v, v, v
					want = append(want, row)
					if err := wr.Write(row); err != nil {
						t.Fatal(err)
					}
				}
				if err := wr.Close(); err != nil {
					t.Fatal(err)
				}
				if format == FormatCSV {
					if !bytes.HasPrefix(buf.Bytes(), bomUTF8) || !bytes.Contains(buf.Bytes(), []byte("'=1+2,")) || !bytes.Contains(buf.Bytes(), []byte(",'-5,")) {
						t.Fatalf("CSV not escaped:\n%s", buf.String())
					}
				} else {
					sheet := readPart(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
					if bytes.Contains(sheet, []byte("<f>")) || !bytes.Contains(sheet, []byte(`t="inlineStr"><is><t>=1+2</t>`)) {
						t.Fatalf("XLSX cell not an explicit string: %s", sheet)
					}
				}
				rd, err := openBytes(buf.Bytes(), "export."+format, Members, Options{})
				if err != nil {
					t.Fatal(err)
				}
				defer rd.Close()
				rows := readAll(t, rd)
				if len(rows) != len(want) {
					t.Fatalf("%d rows, want %d", len(rows), len(want))
				}
				for i, row := range rows {
					if row.Line != i+2 || len(row.Problems) > 0 {
						t.Errorf("row %d: line %d problems %v", i, row.Line, row.Problems)
					}
					for j, v := range want[i] {
						if row.Values[j] != v {
							t.Errorf("row %d %s = %q, want %q", i, Members.Columns[j].Key, row.Values[j], v)
						}
					}
				}
			})
		}
	}
}

func TestProgress(t *testing.T) {
	for _, format := range []string{FormatXLSX, FormatCSV} {
		var buf bytes.Buffer
		writeMembers(t, &buf, format, 2500)
		var calls []Progress
		rd, err := openBytes(buf.Bytes(), "m."+format, Members, Options{OnProgress: func(p Progress) { calls = append(calls, p) }})
		if err != nil {
			t.Fatal(err)
		}
		readAll(t, rd)
		rd.Close()
		if len(calls) != 3 || calls[0].Rows != 1000 || calls[2].Rows != 2500 || calls[2].Fraction() != 1 {
			t.Fatalf("%s: progress calls %+v", format, calls)
		}
		if calls[0].Fraction() <= 0.2 || calls[0].Fraction() >= 0.6 {
			t.Errorf("%s: fraction at 1000 of 2500 rows = %.2f", format, calls[0].Fraction())
		}
	}
}
