package xlsx

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/transform"
)

// source yields the physical rows of a sheet: line as a spreadsheet numbers
// it, and the cells; io.EOF at the end.
type source interface {
	next() (line int, cells []string, err error)
	close() error
}

// xlsxSource streams a worksheet through excelize's row iterator.
type xlsxSource struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
	// want is how many <row> elements the sheet holds (checkZip counted
	// them): excelize's iterator stops silently at an XML error, so ending
	// with fewer rows means the sheet is damaged after the last one read.
	want int
}

// errStoppedEarly is the iterator's silent stop at damaged XML.
var errStoppedEarly = errors.New("xlsx: the sheet's XML is damaged")

func (s *xlsxSource) next() (int, []string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return 0, nil, err
		}
		if s.line < s.want {
			return 0, nil, errStoppedEarly
		}
		return 0, nil, io.EOF
	}
	s.line++
	cells, err := s.rows.Columns()
	return s.line, cells, err
}

func (s *xlsxSource) close() error {
	err := s.rows.Close()
	return errors.Join(err, s.f.Close())
}

// csvSource parses CSV with encoding/csv after decoding to UTF-8.
type csvSource struct {
	r    *csv.Reader
	line int
}

func newCSVSource(r io.Reader, dec transformer, comma rune) *csvSource {
	if dec != nil {
		r = transform.NewReader(r, dec)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); len(b) == 3 && string(b) == string(bomUTF8) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvSource{r: cr}
}

// transformer is the decoder of a non-UTF-8 CSV.
type transformer = transform.Transformer

func (s *csvSource) next() (int, []string, error) {
	rec, err := s.r.Read()
	if err != nil {
		return 0, nil, err
	}
	s.line++
	return s.line, rec, nil
}

func (s *csvSource) close() error { return nil }

// countingReader counts the bytes read through it, for progress; the count
// may be read from another goroutine.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// countCSVRecords counts the records of a CSV file in one fast pass: line
// breaks outside quoted fields (a doubled quote toggles twice), plus a last
// line without one. Quotes and line breaks are single bytes in UTF-8 and in
// GB18030 alike (its trailing bytes are 0x40 and above), so the count holds
// before decoding.
func countCSVRecords(r io.ReaderAt, size int64) (int, error) {
	buf := make([]byte, 256<<10)
	n, quoted, last := 0, false, byte('\n')
	for off := int64(0); off < size; {
		k, err := r.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		for _, c := range buf[:k] {
			switch {
			case c == '"':
				quoted = !quoted
			case c == '\n' && !quoted:
				n++
			}
		}
		if k > 0 {
			last = buf[k-1]
		}
		off += int64(k)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if k == 0 {
			break
		}
	}
	if last != '\n' {
		n++
	}
	return n, nil
}
