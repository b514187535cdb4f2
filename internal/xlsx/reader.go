package xlsx

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// headerScanRows is how many rows the header may be preceded by (a title
// such as "某某社区党员花名册", a blank line).
const headerScanRows = 10

// Options tune a Reader. The zero value is the defaults.
type Options struct {
	Limits Limits
	// OnProgress, when set, is called every ProgressEvery data rows (default
	// 1,000) and once at the end, on the goroutine that calls Next.
	OnProgress    func(Progress)
	ProgressEvery int
}

// Progress is how far a Reader has got.
type Progress struct {
	Rows  int   // data rows returned
	Line  int   // last line read
	Bytes int64 // CSV: input bytes consumed; XLSX: Size once open (excelize reads the zip whole)
	Size  int64 // input size in bytes
	// TotalLines is the sheet's last line when known (XLSX <dimension>),
	// or estimated from bytes for CSV; 0 when unknown.
	TotalLines int
}

// Fraction is the share done in [0, 1], by lines when the total is known,
// else by bytes.
func (p Progress) Fraction() float64 {
	switch {
	case p.TotalLines > 0:
		return min(1, float64(p.Line)/float64(p.TotalLines))
	case p.Size > 0:
		return min(1, float64(p.Bytes)/float64(p.Size))
	}
	return 0
}

// Row is one data row.
type Row struct {
	// Line is the row's number as the spreadsheet shows it (1-based).
	Line int
	// Values are by schema column index (Schema.Col), trimmed, "" for a
	// column the file lacks.
	Values []string
	// Problems are what the reader found wrong in this row (a float-mangled
	// ID number, bytes that are not text); the importer adds its own.
	Problems []*RowError
	schema   *Schema
}

// Get returns the value of the column with key.
func (r Row) Get(key string) string {
	if i := r.schema.Col(key); i >= 0 && i < len(r.Values) {
		return r.Values[i]
	}
	return ""
}

// Reader streams the data rows of a sheet that a Schema describes.
type Reader struct {
	schema   *Schema
	opts     Options
	src      source
	format   string
	encoding string
	name     string
	size     int64
	counter  *countingReader // CSV only
	// colOf maps a file column to a schema column, -1 for others.
	colOf      []int
	headers    []string // by schema column: header as written, "" if absent
	unknown    []string
	headerLine int
	dimRows    int
	rows, line int
	// lastGood is the last line that gave a row.
	lastGood  int
	utf8Check bool
	done      bool
}

// Open reads the format of the content (not trusting the extension alone),
// checks it and the header row against schema, and returns a Reader at the
// first data row. name is the file name as uploaded; its extension must be
// .xlsx or .csv and agree with the content.
func Open(r io.ReaderAt, size int64, name string, schema *Schema) (*Reader, error) {
	return OpenWith(r, size, name, schema, Options{})
}

// OpenWith is Open with options.
func OpenWith(r io.ReaderAt, size int64, name string, schema *Schema, opts Options) (*Reader, error) {
	opts.Limits = opts.Limits.withDefaults()
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 1000
	}
	head, err := readHead(r, size)
	if err != nil {
		return nil, fmt.Errorf("xlsx: open %s: %w", name, err)
	}
	format, err := detect(head, name)
	if err != nil {
		return nil, err
	}
	rd := &Reader{schema: schema, opts: opts, format: format, name: name, size: size}
	switch format {
	case FormatXLSX:
		err = rd.openXLSX(r, size)
	default:
		if n, cerr := countCSVRecords(r, size); cerr != nil {
			err = fmt.Errorf("xlsx: open %s: %w", name, cerr)
		} else if n > opts.Limits.MaxLines {
			// Refused before any row is parsed (a 2,000,000-row file took
			// 20-29 s to reach the limit row by row).
			err = refuse(ErrTooManyRows, "xlsx.too_many_rows", opts.Limits.MaxRows, n)
		} else {
			rd.openCSV(r, size, head)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := rd.readHeader(); err != nil {
		rd.Close()
		return nil, err
	}
	return rd, nil
}

func (rd *Reader) openXLSX(r io.ReaderAt, size int64) error {
	info, err := checkZip(r, size, rd.name, rd.opts.Limits)
	if err != nil {
		return err
	}
	xo := excelize.Options{RawCellValue: true, UnzipSizeLimit: rd.opts.Limits.MaxUncompressed}
	var f *excelize.File
	if file, ok := r.(*os.File); ok {
		// excelize reads a named file through ReadAt; OpenReader would hold
		// the whole zip in memory (86 MB for 1,000,000 rows, 350 MB of heap
		// while it grows).
		f, err = excelize.OpenFile(file.Name(), xo)
	} else {
		f, err = excelize.OpenReader(io.NewSectionReader(r, 0, size), xo)
	}
	if err != nil {
		return fmt.Errorf("xlsx: open %s: %w", rd.name, errors.Join(err, refuse(ErrFormat, "xlsx.damaged", rd.name)))
	}
	rows, err := f.Rows(info.name)
	if err != nil {
		f.Close()
		return fmt.Errorf("xlsx: open %s: %w", rd.name, errors.Join(err, refuse(ErrFormat, "xlsx.no_sheet", rd.name)))
	}
	rd.src, rd.dimRows, rd.encoding = &xlsxSource{f: f, rows: rows, want: info.rows}, info.dimRows, "utf-8"
	return nil
}

func (rd *Reader) openCSV(r io.ReaderAt, size int64, head []byte) {
	enc, encName := csvDecoder(head, size <= sniffSize)
	rd.counter = &countingReader{r: io.NewSectionReader(r, 0, size)}
	var firstLine []byte
	if enc != nil {
		firstLine, _ = enc.NewDecoder().Bytes(head)
	} else {
		firstLine = head
		rd.utf8Check = true
	}
	if i := strings.IndexAny(string(firstLine), "\r\n"); i >= 0 {
		firstLine = firstLine[:i]
	}
	var dec transformer
	if enc != nil {
		dec = enc.NewDecoder()
	}
	rd.src = newCSVSource(rd.counter, dec, sniffDelimiter(firstLine))
	rd.encoding = encName
}

// readHeader finds the header row among the first rows: the first with at
// least two cells (one for a one-column schema) that name schema columns.
func (rd *Reader) readHeader() error {
	need := min(2, len(rd.schema.Columns))
	for range headerScanRows {
		line, cells, err := rd.src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rd.readErr(err)
		}
		n := 0
		for _, c := range cells {
			if rd.schema.Lookup(c) >= 0 {
				n++
			}
		}
		if n < need {
			continue
		}
		rd.headerLine = line
		return rd.mapHeader(cells)
	}
	var missing []string
	for _, c := range rd.schema.Columns {
		if c.Required {
			missing = append(missing, c.ZH)
		}
	}
	return refuse(ErrHeader, "xlsx.header_missing", strings.Join(missing, "、"), headerScanRows)
}

func (rd *Reader) mapHeader(cells []string) error {
	s := rd.schema
	rd.colOf = make([]int, len(cells))
	rd.headers = make([]string, len(s.Columns))
	for j, c := range cells {
		written := strings.TrimSpace(strings.ReplaceAll(c, "\uFEFF", ""))
		i := s.Lookup(c)
		rd.colOf[j] = i
		if i < 0 {
			if written != "" {
				rd.unknown = append(rd.unknown, written)
			}
			continue
		}
		if rd.headers[i] != "" {
			return refuse(ErrHeader, "xlsx.header_duplicate", rd.headers[i], written)
		}
		rd.headers[i] = written
	}
	var missing []string
	for i, c := range s.Columns {
		if c.Required && rd.headers[i] == "" {
			missing = append(missing, c.ZH)
		}
	}
	if len(missing) > 0 {
		return refuse(ErrHeader, "xlsx.header_missing", strings.Join(missing, "、"), headerScanRows)
	}
	return nil
}

// Next returns the next data row, skipping empty rows, or io.EOF after the
// last. It stops with ErrTooManyRows as soon as the row limit is passed.
func (rd *Reader) Next() (Row, error) {
	if rd.done {
		return Row{}, io.EOF
	}
	lim := rd.opts.Limits
	for {
		line, cells, err := rd.src.next()
		if err == io.EOF {
			rd.done = true
			rd.report()
			return Row{}, io.EOF
		}
		if err != nil {
			return Row{}, rd.readErr(err)
		}
		rd.line = line
		if line > lim.MaxLines {
			return Row{}, refuse(ErrTooManyRows, "xlsx.too_many_rows", lim.MaxRows, line)
		}
		row, empty := rd.build(line, cells)
		if empty {
			continue
		}
		rd.rows++
		rd.lastGood = line
		if rd.rows > lim.MaxRows {
			return Row{}, refuse(ErrTooManyRows, "xlsx.too_many_rows", lim.MaxRows, line)
		}
		if rd.opts.OnProgress != nil && rd.rows%rd.opts.ProgressEvery == 0 {
			rd.report()
		}
		return row, nil
	}
}

// build maps the cells of one line to the schema's columns.
func (rd *Reader) build(line int, cells []string) (Row, bool) {
	var values []string
	for j, v := range cells {
		if j >= len(rd.colOf) || rd.colOf[j] < 0 || v == "" {
			continue
		}
		if rd.format == FormatCSV {
			v = unescapeCSV(v)
		}
		v = strings.TrimSpace(strings.ReplaceAll(v, "\uFEFF", ""))
		if v == "" {
			continue
		}
		if values == nil {
			values = make([]string, len(rd.schema.Columns))
		}
		values[rd.colOf[j]] = v
	}
	if values == nil {
		return Row{}, true
	}
	row := Row{Line: line, Values: values, schema: rd.schema}
	for i, v := range values {
		if v == "" {
			continue
		}
		if rd.utf8Check && !utf8.ValidString(v) {
			row.Problems = append(row.Problems, rd.RowError(line, rd.schema.Columns[i].Key, "xlsx.invalid_text"))
			values[i] = strings.ToValidUTF8(v, "\uFFFD")
			continue
		}
		if rd.schema.Columns[i].Kind == Digits && isFloatMangled(v) {
			row.Problems = append(row.Problems, rd.RowError(line, rd.schema.Columns[i].Key, "xlsx.float_mangled", v))
		}
	}
	return row, false
}

// readErr wraps an error of the row stream: the file is damaged after the
// last line read whole (a damaged row may read as empty).
func (rd *Reader) readErr(err error) error {
	return fmt.Errorf("xlsx: read %s after line %d: %w", rd.name, rd.line, errors.Join(err, refuse(ErrFormat, "xlsx.damaged_after", rd.name, rd.lastGood)))
}

func (rd *Reader) report() {
	if rd.opts.OnProgress != nil {
		rd.opts.OnProgress(rd.Progress())
	}
}

// Progress returns how far the reader has got; it may be called from any
// goroutine for CSV's byte count, and from the reading one for the rest.
func (rd *Reader) Progress() Progress {
	p := Progress{Rows: rd.rows, Line: rd.line, Size: rd.size, Bytes: rd.size, TotalLines: rd.dimRows}
	if rd.counter != nil {
		p.Bytes = rd.counter.n.Load()
		if p.Bytes > 0 && rd.line > 0 && !rd.done {
			p.TotalLines = int(float64(rd.line) * float64(rd.size) / float64(p.Bytes))
		}
	}
	if rd.done {
		p.TotalLines = rd.line
	}
	return p
}

// RowError builds the error for the cell of column key on line, with the
// column's header as the file writes it.
func (rd *Reader) RowError(line int, key, msgKey string, args ...any) *RowError {
	e := &RowError{Line: line, Column: key, Key: msgKey, Args: args}
	if i := rd.schema.Col(key); i >= 0 {
		e.Header = rd.headers[i]
		if e.Header == "" {
			e.Header = rd.schema.Columns[i].ZH
		}
	}
	return e
}

// Format is FormatXLSX or FormatCSV, from the content.
func (rd *Reader) Format() string { return rd.format }

// Encoding is the CSV's text encoding ("utf-8", "gb18030", "utf-16le"…).
func (rd *Reader) Encoding() string { return rd.encoding }

// HeaderLine is the line of the header row.
func (rd *Reader) HeaderLine() int { return rd.headerLine }

// Has reports whether the file has the column with key.
func (rd *Reader) Has(key string) bool {
	i := rd.schema.Col(key)
	return i >= 0 && rd.headers[i] != ""
}

// Header is the header of the column with key as the file writes it, or ""
// when the file lacks the column.
func (rd *Reader) Header(key string) string {
	if i := rd.schema.Col(key); i >= 0 {
		return rd.headers[i]
	}
	return ""
}

// Unknown lists the headers that name no column of the schema; their
// values are ignored.
func (rd *Reader) Unknown() []string { return rd.unknown }

// Schema is the schema the reader was opened with.
func (rd *Reader) Schema() *Schema { return rd.schema }

// Close releases the reader (excelize's temporary files).
func (rd *Reader) Close() error {
	if rd.src == nil {
		return nil
	}
	err := rd.src.close()
	rd.src = nil
	if err != nil {
		return fmt.Errorf("xlsx: close %s: %w", rd.name, err)
	}
	return nil
}
