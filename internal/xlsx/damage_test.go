package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"dangjian/internal/i18n"
)

// rewriteSheet returns the XLSX b with its first worksheet's XML changed by edit.
func rewriteSheet(t *testing.T, b []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = []byte(edit(string(data)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A sheet whose XML is damaged part way is refused, naming the line after
// which it is; the rows before the damage are not taken for the whole file.
func TestDamagedSheetIsRefused(t *testing.T) {
	var b bytes.Buffer
	writeMembers(t, &b, FormatXLSX, 20)
	// The 11th <row> element is Excel's line 11 (line 1 is the header).
	nth := func(s string, n int) int {
		i := -1
		for range n {
			i += 1 + strings.Index(s[i+1:], "<row ")
		}
		return i
	}
	cases := []struct {
		name string
		edit func(string) string
	}{
		{"a mismatched tag", func(s string) string { i := nth(s, 11); return s[:i] + "<row r=\"11\"><c><v>1</x></c></row>" + s[i:] }},
		{"an undefined entity", func(s string) string {
			i := nth(s, 11)
			return s[:i] + "<row r=\"11\"><c t=\"inlineStr\"><is><t>&bogus;</t></is></c></row>" + s[i:]
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rd, err := openBytes(rewriteSheet(t, b.Bytes(), c.edit), "d.xlsx", Members, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer rd.Close()
			n := 0
			for {
				_, err = rd.Next()
				if err != nil {
					break
				}
				n++
			}
			var ie *i18n.Error
			if !errors.Is(err, ErrFormat) || !errors.As(err, &ie) || ie.Key != "xlsx.damaged_after" || n != 9 || !strings.Contains(ie.In(i18n.ZH), "第 10 行之后已损坏") {
				t.Fatalf("after %d rows: %v", n, err)
			}
		})
	}
	t.Run("XML that stops mid-row", func(t *testing.T) {
		cut := rewriteSheet(t, b.Bytes(), func(s string) string { return s[:nth(s, 11)+30] })
		_, err := openBytes(cut, "d.xlsx", Members, Options{})
		if !errors.Is(err, ErrFormat) {
			t.Fatalf("a sheet cut mid-row opened: %v", err)
		}
	})
	t.Run("the whole sheet", func(t *testing.T) {
		rd, err := openBytes(b.Bytes(), "ok.xlsx", Members, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		if rows := readAll(t, rd); len(rows) != 20 {
			t.Fatalf("%d rows, want 20", len(rows))
		}
	})
}

func TestCountCSVRecords(t *testing.T) {
	for in, want := range map[string]int{
		"":                                   0,
		"a,b\n1,2\n":                         2,
		"a,b\n1,2":                           2,
		"a,b\n\"x\ny\",2\n":                  2, // a line break inside quotes is not a record's end
		"a,b\n\"say \"\"hi\"\"\n\",2\n3,4\n": 3,
		"a\r\nb\r\n":                         2,
	} {
		got, err := countCSVRecords(strings.NewReader(in), int64(len(in)))
		if err != nil || got != want {
			t.Errorf("countCSVRecords(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// A CSV of more rows than a sheet may hold is refused when it is opened,
// before any row is parsed.
func TestTooManyCSVRowsRefusedAtOpen(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("姓名,身份证号,所在支部\n")
	for range 1_048_577 {
		b.WriteString("a,1,b\n")
	}
	_, err := openBytes(b.Bytes(), "big.csv", Members, Options{})
	var ie *i18n.Error
	if !errors.Is(err, ErrTooManyRows) || !errors.As(err, &ie) || !strings.Contains(ie.In(i18n.ZH), "1048578") {
		t.Fatalf("open: %v", err)
	}
}
