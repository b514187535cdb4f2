package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// sheetInfo is what the zip check learns about the sheet to read.
type sheetInfo struct {
	name    string // as the workbook names it, for excelize.Rows
	part    string // zip entry, "xl/worksheets/sheet1.xml"
	dimRows int    // last row of <dimension ref>, 0 when absent
	rows    int    // <row> elements in the sheet
}

// checkZip vets an XLSX before excelize opens it. On the zip directory: the
// OOXML parts are there, the entries are few enough, their declared sizes
// add up to at most MaxUncompressed and none declares a ratio above
// MaxRatio. Then every part is inflated once through a counter that stops
// as soon as a part passes its declared size or MaxRatio or the total
// passes MaxUncompressed, so a directory that lies is caught while reading
// (excelize itself ignores a part that inflates past its declared size and
// keeps the truncated data). The same pass scans the first worksheet for
// <f> elements and reads its <dimension>.
func checkZip(r io.ReaderAt, size int64, name string, lim Limits) (sheetInfo, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return sheetInfo{}, refuse(ErrFormat, "xlsx.damaged", name)
	}
	if len(zr.File) > lim.MaxParts {
		return sheetInfo{}, refuse(ErrTooLarge, "xlsx.zip_bomb", name, strconv.Itoa(len(zr.File))+" parts")
	}
	files := map[string]*zip.File{}
	var declared uint64
	for _, f := range zr.File {
		files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
		declared += f.UncompressedSize64
		if declared > uint64(lim.MaxUncompressed) {
			return sheetInfo{}, refuse(ErrTooLarge, "xlsx.zip_bomb", name, f.Name)
		}
		if overRatio(f.UncompressedSize64, f.CompressedSize64, lim) {
			return sheetInfo{}, refuse(ErrTooLarge, "xlsx.zip_bomb", name, f.Name)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return sheetInfo{}, refuse(ErrFormat, "xlsx.damaged", name)
		}
	}
	wb, rels := files["xl/workbook.xml"], files["xl/_rels/workbook.xml.rels"]
	if files["[content_types].xml"] == nil || wb == nil || rels == nil {
		return sheetInfo{}, refuse(ErrFormat, "xlsx.not_xlsx", name)
	}
	g := &guard{lim: lim, name: name}
	info, err := firstSheet(g, wb, rels)
	if err != nil {
		return sheetInfo{}, err
	}
	if files[strings.ToLower(info.part)] == nil {
		return sheetInfo{}, refuse(ErrFormat, "xlsx.no_sheet", name)
	}
	buf := make([]byte, 64<<10)
	for _, f := range zr.File {
		var scan *formulaScan
		if strings.EqualFold(f.Name, info.part) {
			scan = &formulaScan{}
		}
		if err := g.inflate(f, buf, scan); err != nil {
			return sheetInfo{}, err
		}
		if scan != nil {
			if scan.found {
				return sheetInfo{}, refuse(ErrFormula, "xlsx.formula", scan.ref)
			}
			if !scan.closed {
				// The sheet's XML stops before its end: excelize would
				// read the rows up to there and say nothing.
				return sheetInfo{}, refuse(ErrFormat, "xlsx.damaged", name)
			}
			if scan.rows-1 > lim.MaxRows || scan.rows > lim.MaxLines {
				// Refused before any row is read.
				return sheetInfo{}, refuse(ErrTooManyRows, "xlsx.too_many_rows", lim.MaxRows, scan.rows)
			}
			info.rows, info.dimRows = scan.rows, scan.dimRows
			if info.dimRows <= 1 { // absent, or "A1" as some writers leave it
				info.dimRows = scan.rows
			}
		}
	}
	return info, nil
}

// overRatio reports whether a part of u bytes compressed to c exceeds the
// ratio limit.
func overRatio(u, c uint64, lim Limits) bool {
	return u > uint64(lim.RatioFloor) && u > uint64(lim.MaxRatio)*max(c, 1)
}

// guard inflates parts within the limits, counting the total.
type guard struct {
	lim   Limits
	name  string
	total int64
}

// inflate reads f to the end through the limits, handing each chunk to
// scan when it is not nil.
func (g *guard) inflate(f *zip.File, buf []byte, scan *formulaScan) error {
	rc, err := f.Open()
	if err != nil {
		return refuse(ErrFormat, "xlsx.damaged", g.name)
	}
	defer rc.Close()
	var n uint64
	for {
		k, err := rc.Read(buf)
		n += uint64(k)
		g.total += int64(k)
		if n > f.UncompressedSize64 || overRatio(n, f.CompressedSize64, g.lim) || g.total > g.lim.MaxUncompressed {
			return refuse(ErrTooLarge, "xlsx.zip_bomb", g.name, f.Name)
		}
		if scan != nil && k > 0 && scan.feed(buf[:k]) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, zip.ErrFormat) {
				// archive/zip also refuses a part past its declared size.
				return refuse(ErrTooLarge, "xlsx.zip_bomb", g.name, f.Name)
			}
			return refuse(ErrFormat, "xlsx.damaged", g.name)
		}
	}
}

// read inflates a small part whole, through the limits.
func (g *guard) read(f *zip.File) ([]byte, error) {
	var out bytes.Buffer
	rc, err := f.Open()
	if err != nil {
		return nil, refuse(ErrFormat, "xlsx.damaged", g.name)
	}
	defer rc.Close()
	limit := min(int64(f.UncompressedSize64), 64<<20)
	if _, err := io.Copy(&out, io.LimitReader(rc, limit+1)); err != nil {
		return nil, refuse(ErrFormat, "xlsx.damaged", g.name)
	}
	if int64(out.Len()) > limit {
		return nil, refuse(ErrTooLarge, "xlsx.zip_bomb", g.name, f.Name)
	}
	return out.Bytes(), nil
}

// firstSheet finds the workbook's first sheet and its part through the
// workbook's relationships.
func firstSheet(g *guard, wb, rels *zip.File) (sheetInfo, error) {
	wbData, err := g.read(wb)
	if err != nil {
		return sheetInfo{}, err
	}
	relData, err := g.read(rels)
	if err != nil {
		return sheetInfo{}, err
	}
	var w struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rs struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wbData, &w) != nil || xml.Unmarshal(relData, &rs) != nil {
		return sheetInfo{}, refuse(ErrFormat, "xlsx.damaged", g.name)
	}
	if len(w.Sheets) == 0 {
		return sheetInfo{}, refuse(ErrFormat, "xlsx.no_sheet", g.name)
	}
	var rid string
	for _, a := range w.Sheets[0].Attrs {
		if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
			rid = a.Value
		}
	}
	for _, r := range rs.Rel {
		if r.ID == rid && rid != "" {
			t := r.Target
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join("xl", t)
			}
			return sheetInfo{name: w.Sheets[0].Name, part: t}, nil
		}
	}
	return sheetInfo{}, refuse(ErrFormat, "xlsx.no_sheet", g.name)
}
