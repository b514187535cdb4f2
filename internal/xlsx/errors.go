package xlsx

import (
	"errors"
	"fmt"

	"dangjian/internal/i18n"
)

// Sentinels for the refusals of a whole file, for errors.Is. Open and Next
// return them inside an *i18n.Error that carries the user's message.
var (
	// ErrFormat: the content is not what the extension claims, or neither
	// XLSX nor CSV, or the file is damaged.
	ErrFormat = errors.New("xlsx: unsupported or mismatched file format")
	// ErrTooLarge: a zip bomb or a file beyond the size limits.
	ErrTooLarge = errors.New("xlsx: file too large")
	// ErrTooManyRows: more data rows than Limits.MaxRows.
	ErrTooManyRows = errors.New("xlsx: too many rows")
	// ErrFormula: a cell holds a formula.
	ErrFormula = errors.New("xlsx: formula in a cell")
	// ErrHeader: a required column is missing or a column appears twice.
	ErrHeader = errors.New("xlsx: bad header row")
)

// refuse builds the error for a refused file: the sentinel for errors.Is,
// the message key and arguments for the user, prefixed "xlsx:" in logs.
func refuse(sentinel error, key string, args ...any) error {
	return fmt.Errorf("xlsx: %w", &i18n.Error{Key: key, Args: args, Err: sentinel})
}

// RowError is what is wrong with one cell of one row, as the dry run shows
// it: the line as Excel numbers it, the column's key and its header as
// written in the file, and a message key with its arguments. The reader
// attaches the ones it finds to Row.Problems; the importer makes its own
// with Reader.RowError.
type RowError struct {
	Line   int
	Column string // column key, "" for the whole row
	Header string // header as written in the file
	Key    string // message key in internal/i18n
	Args   []any
}

// Error renders the error in English, for logs and the command line default.
func (e *RowError) Error() string { return "xlsx: " + e.In(i18n.EN) }

// In renders the error in lang: "第 5 行「身份证号」：…".
func (e *RowError) In(lang i18n.Lang) string {
	msg := i18n.T(lang, e.Key, e.Args...)
	if e.Header == "" {
		return i18n.T(lang, "xlsx.row_at", e.Line, msg)
	}
	return i18n.T(lang, "xlsx.cell_at", e.Line, e.Header, msg)
}

// Message is the message alone in lang, without line and column, for a
// table that shows them in their own columns.
func (e *RowError) Message(lang i18n.Lang) string { return i18n.T(lang, e.Key, e.Args...) }
