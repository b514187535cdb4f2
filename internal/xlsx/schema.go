// Package xlsx reads and writes the spreadsheets offices exchange with the
// platform: XLSX through excelize's streaming reader and StreamWriter, and
// CSV in UTF-8 or GB18030. It knows sheets and columns, never the database;
// the import runner joins it to the domain packages.
package xlsx

import (
	"strings"
	"unicode"

	"dangjian/internal/i18n"
)

// Kind tells the reader how to treat a column's raw values.
type Kind int

// Column kinds.
const (
	// Text is taken as written.
	Text Kind = iota
	// Digits is text that Excel turns into a float when the column is not
	// formatted as text (ID numbers, phones): a value in scientific notation
	// or with a float's lost digits is refused on read.
	Digits
	// Date is a calendar date; NormalizeDate turns it into YYYY-MM-DD.
	Date
	// Enum is one of the column's Values, by code, zh or en label.
	Enum
)

// Value is one allowed value of an Enum column: the identifier stored in the
// database and the labels offices write.
type Value struct {
	Code, ZH, EN string
	// Aliases are further accepted spellings.
	Aliases []string
}

// Column describes one column of a sheet.
type Column struct {
	// Key identifies the column in code ("id_number").
	Key string
	// ZH and EN are the headers written on export.
	ZH, EN string
	// Aliases are further headers accepted on import, besides ZH, EN and Key.
	Aliases []string
	// Required columns must be present in the header row (values may still
	// be empty; whether a value is required is the importer's rule).
	Required bool
	Kind     Kind
	// Values are the allowed values of an Enum column.
	Values []Value
}

// Header is the header written on export in lang.
func (c *Column) Header(lang i18n.Lang) string {
	if lang == i18n.EN {
		return c.EN
	}
	return c.ZH
}

// Code maps a value as written (code, zh or en label, an alias; case- and
// space-insensitive) to the enum's code. ok is false for a value that is
// not one of Values.
func (c *Column) Code(v string) (code string, ok bool) {
	n := normHeader(v)
	for _, e := range c.Values {
		if n == normHeader(e.Code) || n == normHeader(e.ZH) || n == normHeader(e.EN) {
			return e.Code, true
		}
		for _, a := range e.Aliases {
			if n == normHeader(a) {
				return e.Code, true
			}
		}
	}
	return "", false
}

// Label is the label of code in lang, for export; an unknown code is
// returned unchanged.
func (c *Column) Label(code string, lang i18n.Lang) string {
	for _, e := range c.Values {
		if e.Code == code {
			if lang == i18n.EN {
				return e.EN
			}
			return e.ZH
		}
	}
	return code
}

// Schema describes a sheet: its name and columns in export order.
type Schema struct {
	// Name identifies the schema ("members") and is the sheet name on export.
	Name    string
	Columns []Column
	// index maps every accepted, normalised header to a column index.
	index map[string]int
}

// NewSchema builds a schema and its header index. It panics on a header
// two columns accept, which is a programming error.
func NewSchema(name string, cols ...Column) *Schema {
	s := &Schema{Name: name, Columns: cols, index: map[string]int{}}
	for i := range cols {
		c := &cols[i]
		for _, h := range append([]string{c.Key, c.ZH, c.EN}, c.Aliases...) {
			n := normHeader(h)
			if n == "" {
				continue
			}
			if j, dup := s.index[n]; dup && j != i {
				panic("xlsx: schema " + name + ": header " + h + " accepted by two columns")
			}
			s.index[n] = i
		}
	}
	return s
}

// Lookup returns the index of the column that accepts header h, or -1.
func (s *Schema) Lookup(h string) int {
	if i, ok := s.index[normHeader(h)]; ok {
		return i
	}
	return -1
}

// Col returns the index of the column with key, or -1.
func (s *Schema) Col(key string) int {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return i
		}
	}
	return -1
}

// Headers are the export headers in lang, in column order.
func (s *Schema) Headers(lang i18n.Lang) []string {
	out := make([]string, len(s.Columns))
	for i := range s.Columns {
		out[i] = s.Columns[i].Header(lang)
	}
	return out
}

// normHeader folds a header as offices write it: BOMs, zero-width and all
// spaces (full-width included) removed, underscores and hyphens dropped,
// letters lower-cased, full-width ASCII folded to half-width, and a trailing
// "*" or "（必填）" marking a required column ignored.
func normHeader(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for _, r := range h {
		switch {
		case r == '\uFEFF' || r == '\u200B' || r == '_' || r == '-' || r == '*' || r == '＊' || unicode.IsSpace(r):
			continue
		case r >= '！' && r <= '～': // full-width ASCII
			r = r - '！' + '!'
			if r == '_' || r == '-' || r == '*' {
				continue
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	for _, suffix := range []string{"(必填)", "(选填)"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return s
}
