package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/docx"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// EnvLibreOffice set to 1 makes a machine without LibreOffice fail the
// rendering test instead of skipping it (CI installs LibreOffice).
const EnvLibreOffice = "DANGJIAN_TEST_LIBREOFFICE"

// The demo speech as Word: every paragraph of the Markdown is a block of
// the document, document.xml matches its golden file, and, where
// LibreOffice is installed, it opens, renders to the pages its lines
// need and holds all its text.
func TestSpeechDOCX(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		f := fill(t, dbh, demoStore(t, dbh), i18n.ZH, "", "2024-01-01", "2024-12-31")
		d := f.Document()
		var paras []string
		for _, block := range strings.Split(f.Markdown(), "\n\n") {
			block = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(block), "# "), "## "))
			if block != "" {
				paras = append(paras, block)
			}
		}
		got := []string{d.Title}
		for _, b := range d.Blocks {
			got = append(got, b.Text)
		}
		if strings.Join(got, "\n") != strings.Join(paras, "\n") {
			t.Fatalf("the document's blocks are not the speech's paragraphs:\n%q\n%q", got, paras)
		}
		var b bytes.Buffer
		if err := report.DOCX(&b, f); err != nil {
			t.Fatal(err)
		}
		golden(t, "speech_district_2024_zh.docx.xml", documentXML(t, b.Bytes()))
		if dbh.Dialect == db.SQLite {
			renderWithLibreOffice(t, b.Bytes(), d)
		}
	})
}

// documentXML is word/document.xml of a DOCX file, a line per paragraph.
func documentXML(t *testing.T, file []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			body, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return strings.ReplaceAll(string(body), "<w:p>", "\n<w:p>") + "\n"
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// renderWithLibreOffice converts the document to PDF and to text with
// LibreOffice headless and checks the page count against the lines its
// paragraphs need (28 characters a line, a Latin letter or digit half
// of one, 22 lines a page; one page either way for line breaking) and
// that every paragraph's text is in the text.
func renderWithLibreOffice(t *testing.T, file []byte, d docx.Document) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv(EnvLibreOffice) == "1" {
			t.Fatalf("%s=1 but LibreOffice (soffice) is not installed", EnvLibreOffice)
		}
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "speech.docx")
	if err := os.WriteFile(in, file, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"pdf", "txt:Text (encoded):UTF8"} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
			"--convert-to", format, "--outdir", dir, in)
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
		}
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "speech.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	lines := 2.0 // the title and the blank line after it
	for _, b := range d.Blocks {
		width := 2.0 // the first line's indent
		for _, r := range b.Text {
			if r < utf8.RuneSelf {
				width += 0.5
			} else {
				width++
			}
		}
		lines += math.Ceil(width / docx.CharsPerLine)
	}
	want := int(math.Ceil(lines / docx.LinesPerPage))
	if pages < want-1 || pages > want+1 || pages == 0 {
		t.Errorf("LibreOffice renders %d pages; %v lines need %d", pages, lines, want)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "speech.txt"))
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(txt)), "")
	for _, text := range append([]string{d.Title}, blockTexts(d)...) {
		if !strings.Contains(flat, strings.Join(strings.Fields(text), "")) {
			t.Errorf("the rendered text lacks %q", text)
		}
	}
	t.Logf("LibreOffice: %d pages for %v lines (%d blocks)", pages, lines, len(d.Blocks))
}

func blockTexts(d docx.Document) []string {
	out := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		out[i] = b.Text
	}
	return out
}
