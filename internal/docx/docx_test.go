package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// parts unzips a written document.
func parts(t *testing.T, d Document) map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(body)
	}
	return out
}

func TestWriteStructure(t *testing.T) {
	d := Document{Title: "示范区社区党建工作情况", Lang: "zh-CN", Blocks: []Block{
		{Heading: true, Text: "一、建立健全社区党组织。"},
		{Text: "全区共有社区党支部 12 个 & 党员 <300> 名。"},
		{Text: "   "},
		{Text: "第二段\x01。"},
	}}
	p := parts(t, d)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml"} {
		body, ok := p[name]
		if !ok {
			t.Errorf("no part %s", name)
			continue
		}
		// Every part is well-formed XML.
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s is not well-formed: %v", name, err)
				break
			}
		}
	}
	doc := p["word/document.xml"]
	for _, want := range []string{
		// A4, GB/T 9704's margins: 37 mm top, 28 mm left, the type area 156 × 225 mm.
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
		// 22 lines a page.
		`<w:docGrid w:type="lines" w:linePitch="579"/>`,
		// Odd and even page numbers.
		`<w:footerReference w:type="default" r:id="rIdFooterOdd"/>`, `<w:footerReference w:type="even" r:id="rIdFooterEven"/>`,
		// The title in 小标宋 二号, headings in 黑体, the body in 仿宋 三号.
		`w:eastAsia="方正小标宋简体" w:cs="Times New Roman"/><w:sz w:val="44"/>`,
		`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"`,
		`w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:spacing w:val="-5"/><w:sz w:val="32"/>`,
		// Text escaped; characters XML forbids dropped.
		`全区共有社区党支部 12 个 &amp; 党员 &lt;300&gt; 名。`, `第二段。`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:p>"); n != 5 { // title, blank line, heading, two paragraphs
		t.Errorf("%d paragraphs, want 5 (the blank block left out)", n)
	}
	for _, f := range []struct{ name, side string }{{"word/footer1.xml", "right"}, {"word/footer2.xml", "left"}} {
		body := p[f.name]
		if !strings.Contains(body, `<w:jc w:val="`+f.side+`"/>`) || !strings.Contains(body, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") ||
			!strings.Contains(body, "— ") {
			t.Errorf("%s is not a page number on the %s: %s", f.name, f.side, body)
		}
	}
	if !strings.Contains(p["word/settings.xml"], "<w:evenAndOddHeaders/>") {
		t.Error("settings do not separate odd and even pages")
	}
	fonts := p["word/fontTable.xml"]
	for _, want := range []string{`<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`, `<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>`, `<w:font w:name="黑体"><w:altName w:val="SimHei"/>`} {
		if !strings.Contains(fonts, want) {
			t.Errorf("fontTable.xml lacks %s", want)
		}
	}
	if !strings.Contains(p["docProps/core.xml"], "<dc:title>示范区社区党建工作情况</dc:title>") {
		t.Error("core properties lack the title")
	}
	if !strings.Contains(p["[Content_Types].xml"], `PartName="/word/footer2.xml"`) || !strings.Contains(p["word/_rels/document.xml.rels"], `Target="footer2.xml"`) {
		t.Error("the footers are not declared")
	}
}
