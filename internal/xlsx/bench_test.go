package xlsx

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/i18n"
)

// heapPeak samples the heap every few thousand rows of a read.
type heapPeak struct{ max uint64 }

func (h *heapPeak) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.max = max(h.max, m.HeapAlloc)
}

// readOurs reads a member file with Reader and returns the rows read.
func readOurs(tb testing.TB, path string, peak *heapPeak) int {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	rd, err := Open(f, st.Size(), path, Members)
	if err != nil {
		tb.Fatal(err)
	}
	defer rd.Close()
	n := 0
	for {
		_, err := rd.Next()
		if err == io.EOF {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		if n++; peak != nil && n%20000 == 0 {
			peak.sample()
		}
	}
}

// readBare is excelize's own streaming read of the first sheet.
func readBare(tb testing.TB, path string) int {
	f, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetList()[0])
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	return n - 1 // the header
}

// BenchmarkReadXLSX reads 100,000 member rows with Reader and, in the same
// iteration, with excelize's bare Rows loop over the same file.
func BenchmarkReadXLSX(b *testing.B) {
	path := cachedFile(b, FormatXLSX, 100_000)
	var bare, ours time.Duration
	peak := &heapPeak{}
	for b.Loop() {
		t0 := time.Now()
		if n := readBare(b, path); n != 100_000 {
			b.Fatalf("bare read %d rows", n)
		}
		t1 := time.Now()
		runtime.GC()
		if n := readOurs(b, path, peak); n != 100_000 {
			b.Fatalf("read %d rows", n)
		}
		bare, ours = bare+t1.Sub(t0), ours+time.Since(t1)
	}
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "ours-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "ratio")
	b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
}

// BenchmarkRead1M reads 1,000,000 member rows and reports the peak heap.
func BenchmarkRead1M(b *testing.B) {
	path := cachedFile(b, FormatXLSX, 1_000_000)
	peak := &heapPeak{}
	for b.Loop() {
		runtime.GC()
		if n := readOurs(b, path, peak); n != 1_000_000 {
			b.Fatalf("read %d rows", n)
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(m.HeapSys)/(1<<20), "heap-sys-MB")
}

// BenchmarkWriteXLSX writes 1,000,000 member rows with Writer and, in the
// same iteration, with excelize's bare StreamWriter (strings, no style).
func BenchmarkWriteXLSX(b *testing.B) {
	const n = 1_000_000
	pool := make([][]string, 1000)
	for i := range pool {
		pool[i] = memberRow(i)
	}
	var bare, ours time.Duration
	for b.Loop() {
		t0 := time.Now()
		writeBare(b, pool, n)
		t1 := time.Now()
		wr, err := NewWriter(io.Discard, FormatXLSX, Members, i18n.ZH)
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			if err := wr.Write(pool[i%len(pool)]); err != nil {
				b.Fatal(err)
			}
		}
		if err := wr.Close(); err != nil {
			b.Fatal(err)
		}
		bare, ours = bare+t1.Sub(t0), ours+time.Since(t1)
	}
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "ours-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "ratio")
}

func writeBare(b *testing.B, pool [][]string, n int) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, len(Members.Columns))
	for i, h := range Members.Headers(i18n.ZH) {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		for j, v := range pool[i%len(pool)] {
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if _, err := f.WriteTo(io.Discard); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRefuseOversized opens files of more rows than the limit: a CSV
// of 2,000,000 member rows and an XLSX of 1,048,000, both refused at open.
// The baseline, in the same run, is reading the same CSV's bytes once.
func BenchmarkRefuseOversized(b *testing.B) {
	for _, c := range []struct {
		format string
		rows   int
	}{{FormatCSV, 2_000_000}, {FormatXLSX, 1_048_000}} {
		path := oversizedFile(b, c.format, c.rows)
		b.Run(c.format, func(b *testing.B) {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			st, _ := f.Stat()
			for b.Loop() {
				rd, err := OpenWith(f, st.Size(), "big."+c.format, Members, Options{})
				if !errors.Is(err, ErrTooManyRows) {
					if rd != nil {
						rd.Close()
					}
					b.Fatalf("open: %v", err)
				}
			}
		})
		if c.format == FormatCSV {
			b.Run("baseline-read-csv-bytes", func(b *testing.B) {
				for b.Loop() {
					if _, err := os.ReadFile(path); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// oversizedFile is cachedFile for more rows than Writer writes: the CSV is
// written with encoding/csv directly.
func oversizedFile(tb testing.TB, format string, n int) string {
	tb.Helper()
	if format != FormatCSV {
		return cachedFile(tb, format, n)
	}
	path := filepath.Join(os.TempDir(), "dangjian-bench", fmt.Sprintf("members-%d.csv", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		tb.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(bw)
	_ = cw.Write(Members.Headers(i18n.ZH))
	for i := range n {
		_ = cw.Write(memberRow(i))
	}
	cw.Flush()
	if err := errors.Join(cw.Error(), bw.Flush(), f.Close(), os.Rename(path+".tmp", path)); err != nil {
		tb.Fatal(err)
	}
	return path
}
