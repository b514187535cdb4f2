package xlsx

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Formats a file can be read and written in.
const (
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	bomUTF8  = []byte{0xEF, 0xBB, 0xBF}
)

// sniffSize is how much of the head decides the format and the encoding.
const sniffSize = 64 << 10

// detect returns the format the name claims and checks the content against
// it: a zip for .xlsx, text for .csv. Old .xls and encrypted workbooks (OLE
// files) get their own message.
func detect(head []byte, name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	isZip := bytes.HasPrefix(head, zipMagic)
	isOLE := bytes.HasPrefix(head, oleMagic)
	switch ext {
	case ".xlsx":
		if isOLE {
			return "", refuse(ErrFormat, "xlsx.old_xls", name)
		}
		if !isZip {
			return "", refuse(ErrFormat, "xlsx.not_xlsx", name)
		}
		return FormatXLSX, nil
	case ".csv":
		if isZip || isOLE || !looksLikeText(head) {
			return "", refuse(ErrFormat, "xlsx.not_csv", name)
		}
		return FormatCSV, nil
	case ".xls", ".et":
		return "", refuse(ErrFormat, "xlsx.old_xls", name)
	}
	return "", refuse(ErrFormat, "xlsx.ext_unsupported", name)
}

// looksLikeText: no NUL bytes (except in UTF-16 with its BOM), and not an
// XML or HTML document pretending to be a CSV.
func looksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n")
	return !bytes.HasPrefix(t, []byte("<"))
}

// csvDecoder picks the encoding of a CSV from its head: UTF-16 by its BOM,
// UTF-8 (BOM optional) when the head is valid UTF-8, else GB18030 (a
// superset of GBK and GB2312, what Chinese Excel writes). name is for logs
// and the Reader's Encoding.
func csvDecoder(head []byte, full bool) (enc encoding.Encoding, name string) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	if validUTF8Prefix(head, full) {
		return nil, "utf-8"
	}
	return simplifiedchinese.GB18030, "gb18030"
}

// validUTF8Prefix reports whether head is UTF-8, allowing a rune cut off at
// the end when head is only the start of the file.
func validUTF8Prefix(head []byte, full bool) bool {
	if utf8.Valid(head) {
		return true
	}
	if full {
		return false
	}
	for k := 1; k <= utf8.UTFMax-1 && k < len(head); k++ {
		if utf8.Valid(head[:len(head)-k]) {
			return true
		}
	}
	return false
}

// sniffDelimiter picks comma, tab or semicolon by which appears most in the
// first line (comma when none does).
func sniffDelimiter(firstLine []byte) rune {
	best, n := ',', bytes.Count(firstLine, []byte(","))
	for _, d := range []rune{'\t', ';'} {
		if c := bytes.Count(firstLine, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

// readHead reads up to sniffSize bytes from the start of r.
func readHead(r io.ReaderAt, size int64) ([]byte, error) {
	n := min(size, sniffSize)
	head := make([]byte, n)
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	return head, nil
}
