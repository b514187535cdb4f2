package xlsx

import (
	"bytes"
	"strconv"
)

// formulaScan looks for <f> elements in a worksheet's XML as it streams
// past, without parsing it: the reader refuses a sheet with formulas, and
// excelize's row iterator does not say which cells have one. It also reads
// the <dimension ref> near the start, for progress.
type formulaScan struct {
	started bool
	needle  []byte // "<f" or "<x:f" with the root element's prefix
	cellTag []byte // "<c " likewise
	carry   []byte // the tail of the previous chunk
	data    []byte
	found   bool
	ref     string   // cell reference of the first formula, when found
	dimRows int      // last row of <dimension ref>, 0 until found
	dim     []byte   // "<dimension ref=\"" with the prefix
	rowTag  []byte   // "<row " with the prefix
	rows    int      // <row> elements seen
	endTags [][]byte // "</sheetData" and "<sheetData/>" with the prefix
	closed  bool     // the sheet's data ends as it should
}

// carrySize is how much of a chunk is kept to find a needle split across
// chunks and the <c r="…"> that opens the formula's cell.
const carrySize = 512

// feed scans one chunk and reports whether a formula was found.
func (s *formulaScan) feed(chunk []byte) bool {
	s.data = append(append(s.data[:0], s.carry...), chunk...)
	data := s.data
	if !s.started && !s.start(data) {
		if len(data) < 1<<20 {
			s.carry = append(s.carry[:0], data...)
			return false
		}
		s.setPrefix(nil) // no root element in the first MiB: not prefixed
	}
	if s.dimRows == 0 {
		s.readDimension(data)
	}
	s.rows += bytes.Count(data, s.rowTag) - bytes.Count(s.carry, s.rowTag)
	for _, t := range s.endTags {
		s.closed = s.closed || bytes.Contains(data, t)
	}
	for i := 0; ; {
		j := bytes.Index(data[i:], s.needle)
		if j < 0 {
			break
		}
		p := i + j + len(s.needle)
		if p >= len(data) {
			break // the next chunk decides
		}
		switch data[p] {
		case '>', ' ', '/', '\t', '\r', '\n':
			s.found, s.ref = true, s.cellRef(data[:p])
			return true
		}
		i = p
	}
	keep := min(len(data), carrySize)
	s.carry = append(s.carry[:0], data[len(data)-keep:]...)
	return false
}

// start learns the namespace prefix from the root element; it reports
// false while the root element's name is not complete in data.
func (s *formulaScan) start(data []byte) bool {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			return false
		}
		i += j + 1
		if c := data[i]; c == '?' || c == '!' {
			continue
		}
		end := bytes.IndexAny(data[i:], " >/\t\r\n")
		if end < 0 {
			return false
		}
		var prefix []byte
		if k := bytes.IndexByte(data[i:i+end], ':'); k >= 0 {
			prefix = data[i : i+k+1]
		}
		s.setPrefix(prefix)
		return true
	}
	return false
}

func (s *formulaScan) setPrefix(prefix []byte) {
	s.started = true
	tag := func(name string) []byte { return append(append([]byte("<"), prefix...), name...) }
	s.needle, s.cellTag, s.dim, s.rowTag = tag("f"), tag("c "), tag(`dimension ref="`), tag("row ")
	s.endTags = [][]byte{append(append([]byte("</"), prefix...), "sheetData"...), tag("sheetData/>")}
}

// readDimension reads the last row of <dimension ref="A1:N2501">.
func (s *formulaScan) readDimension(data []byte) {
	if k := bytes.Index(data, s.dim); k >= 0 {
		v := data[k+len(s.dim):]
		if e := bytes.IndexByte(v, '"'); e >= 0 {
			v = v[:e]
			if c := bytes.LastIndexByte(v, ':'); c >= 0 {
				v = v[c+1:]
			}
			d := bytes.IndexAny(v, "0123456789")
			if d >= 0 {
				s.dimRows, _ = strconv.Atoi(string(v[d:]))
			}
		}
	}
}

// cellRef finds the r attribute of the last cell opened before the end of
// data, or "?" when it is out of reach.
func (s *formulaScan) cellRef(data []byte) string {
	k := bytes.LastIndex(data, s.cellTag)
	if k < 0 {
		return "?"
	}
	tag := data[k:]
	if e := bytes.IndexByte(tag, '>'); e >= 0 {
		tag = tag[:e]
	}
	a := bytes.Index(tag, []byte(` r="`))
	if a < 0 {
		return "?"
	}
	v := tag[a+4:]
	if e := bytes.IndexByte(v, '"'); e >= 0 {
		return string(v[:e])
	}
	return "?"
}
