package report

import (
	"io"
	"strings"

	"dangjian/internal/docx"
	"dangjian/internal/i18n"
)

// DOCXType is the media type of a Word document.
const DOCXType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// DOCX writes the speech as a Word document laid out as an official
// document (internal/docx): its title, the parts' headings and paragraphs.
func DOCX(w io.Writer, f *Filled) error { return docx.Write(w, f.Document()) }

// Document is the speech as the blocks of a document: a part's "## "
// line is its heading, each other block a paragraph.
func (f *Filled) Document() docx.Document {
	d := docx.Document{Title: f.title(), Lang: "zh-CN"}
	if f.Lang == i18n.EN {
		d.Lang = "en-GB"
	}
	for _, p := range f.parts {
		var part strings.Builder
		for _, s := range p {
			part.WriteString(s.Text)
		}
		for _, block := range strings.Split(strings.TrimSpace(part.String()), "\n\n") {
			block = strings.TrimSpace(block)
			if block == "" {
				continue
			}
			if h, ok := strings.CutPrefix(block, "## "); ok {
				d.Blocks = append(d.Blocks, docx.Block{Heading: true, Text: h})
				continue
			}
			d.Blocks = append(d.Blocks, docx.Block{Text: block})
		}
	}
	return d
}
