// Package docx writes a document laid out as a Chinese official document
// (GB/T 9704-2012, 党政机关公文格式): A4, the type area 156 × 225 mm placed
// 37 mm from the top and 28 mm from the left edge, 22 lines of 28
// characters a page in 仿宋 三号, the title in 小标宋 二号, level-one
// headings in 黑体, page numbers "— 1 —" in 宋体 四号 outside (odd pages
// right, even pages left). It writes the WordprocessingML itself: the
// maintained Go libraries tried (github.com/gomutex/godocx v0.1.5) write
// no footer part, hence no page numbers, and set no East Asian font of a
// run, which every line here needs.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
)

// Block is a paragraph of the body, or a level-one heading (一、…).
type Block struct {
	Heading bool
	Text    string
}

// Document is what Write lays out.
type Document struct {
	Title  string
	Blocks []Block
	// Lang is the document's language tag (zh-CN, en-GB).
	Lang string
}

// Layout in twentieths of a point (twips): 1 mm = 56.7 twips.
const (
	pageWidth    = 11906 // 210 mm
	pageHeight   = 16838 // 297 mm
	marginTop    = 2098  // 37 mm
	marginLeft   = 1587  // 28 mm
	marginRight  = 1474  // 26 mm: 210 − 28 − 156
	marginBottom = 1984  // 35 mm: 297 − 37 − 225
	// LinePitch is one of 22 lines in the 225 mm type area (28.95 pt,
	// the "exactly 28.95 pt" of the usual official-document templates).
	LinePitch = 579
	// LinesPerPage and CharsPerLine are GB/T 9704's grid.
	LinesPerPage = 22
	CharsPerLine = 28
	footerOffset = 794 // the page number 7 mm below the type area
)

// Fonts, named as Word and WPS on Chinese systems have them; fontTable.xml
// gives each an alternative name and its family, so that LibreOffice and a
// machine without them substitute a serif, a sans or a song face.
var fonts = []struct{ name, alt, family, pitch string }{
	{"仿宋_GB2312", "仿宋", "modern", "fixed"},
	{"方正小标宋简体", "宋体", "roman", "variable"},
	{"黑体", "SimHei", "modern", "fixed"},
	{"宋体", "SimSun", "auto", "variable"},
	{"Times New Roman", "", "roman", "variable"},
}

// Write writes d as a DOCX file to w.
func Write(w io.Writer, d Document) error {
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", core(d.Title)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", document(d)},
		{"word/styles.xml", styles(d.Lang)},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", fontTable()},
		{"word/footer1.xml", footer("right")},
		{"word/footer2.xml", footer("left")},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := io.WriteString(f, xmlHeader+p.body); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// esc escapes text for an XML text node or attribute.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// run is a run of text in a font (East Asian and Latin) at a size in half
// points.
func run(text, eastAsia string, halfPoints int, bold bool) string {
	b := ""
	if bold {
		b = "<w:b/>"
	}
	spacing := ""
	if halfPoints == 32 {
		spacing = fmt.Sprintf(`<w:spacing w:val="%d"/>`, bodySpacing)
	}
	return fmt.Sprintf(`<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="%s" w:cs="Times New Roman"/>%s%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`,
		eastAsia, b, spacing, halfPoints, halfPoints, esc(text))
}

func document(d Document) string {
	var b strings.Builder
	b.WriteString(`<w:document ` + wNS + `><w:body>`)
	// The title: 小标宋 二号, centred, a blank line after it.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>` + run(d.Title, "方正小标宋简体", 44, false) + `</w:p>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>`)
	for _, bl := range d.Blocks {
		text := strings.TrimSpace(bl.Text)
		if text == "" {
			continue
		}
		if bl.Heading {
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>` + run(text, "黑体", 32, false) + `</w:p>`)
			continue
		}
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>` + run(text, "仿宋_GB2312", 32, false) + `</w:p>`)
	}
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		pageWidth, pageHeight, marginTop, marginRight, marginBottom, marginLeft, marginBottom-footerOffset, LinePitch)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// bodySpacing narrows each character of the body by a quarter point (in
// twentieths of a point): 28 characters of 三号 (16 pt) then fit the
// 156 mm line (28 × 15.75 pt ≤ 442 pt). A line grid with a character
// pitch (docGrid linesAndChars) would say the same to Word, but
// LibreOffice spreads such a grid's characters wider; a spacing is read
// alike by Word, WPS and LibreOffice.
const bodySpacing = -5

func styles(lang string) string {
	if lang == "" {
		lang = "zh-CN"
	}
	exact := fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, LinePitch)
	return `<w:styles ` + wNS + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/>` +
		`<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-GB" w:eastAsia="` + esc(lang) + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:snapToGrid w:val="1"/>` + exact + `</w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>` +
		`<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>` +
		`<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>` +
		`<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
		`</w:styles>`
}

// footer is a page number "— N —" in 宋体 四号, a character in from the
// side of the page given.
func footer(side string) string {
	ind := `<w:ind w:right="280"/>`
	if side == "left" {
		ind = `<w:ind w:left="280"/>`
	}
	num := func(s string) string { return run(s, "宋体", 28, false) }
	return `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="` + side + `"/>` + ind + `</w:pPr>` +
		num("— ") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + num("1") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + num(" —") + `</w:p></w:ftr>`
}

func fontTable() string {
	var b strings.Builder
	b.WriteString(`<w:fonts ` + wNS + `>`)
	for _, f := range fonts {
		b.WriteString(`<w:font w:name="` + esc(f.name) + `">`)
		if f.alt != "" {
			b.WriteString(`<w:altName w:val="` + esc(f.alt) + `"/>`)
		}
		charset := "86" // GB2312
		if f.name == "Times New Roman" {
			charset = "00"
		}
		b.WriteString(`<w:charset w:val="` + charset + `"/><w:family w:val="` + f.family + `"/><w:pitch w:val="` + f.pitch + `"/></w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

func core(title string) string {
	return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>dangjian</dc:creator></cp:coreProperties>`
}

const settings = `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/>` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>` +
	`<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/></w:compat></w:settings>`

const contentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`
