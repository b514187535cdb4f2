package xlsx

import (
	"io"
	"os"
	"runtime"
	"testing"

	"dangjian/internal/dbtest"
)

// TestStreamingConstantMemory reads 200,000 rows and checks that the
// memory allocated per row and the live heap do not grow with the row
// count: the first 20,000 rows and the remaining 180,000 cost the same per
// row, and the live heap at the end is what it was after 20,000 rows.
func TestStreamingConstantMemory(t *testing.T) {
	dbtest.RequireScale(t) // 200,000 rows
	path := cachedFile(t, FormatXLSX, 200_000)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	rd, err := Open(f, st.Size(), path, Members)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	stats := func() (mallocs, bytes, live uint64) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Mallocs, m.TotalAlloc, m.HeapAlloc
	}
	read := func(n int) {
		for range n {
			if _, err := rd.Next(); err != nil {
				t.Fatal(err)
			}
		}
	}
	m0, b0, _ := stats()
	read(20_000)
	m1, b1, live1 := stats()
	read(180_000)
	m2, b2, live2 := stats()
	if _, err := rd.Next(); err != io.EOF {
		t.Fatalf("after 200,000 rows: %v", err)
	}
	first, rest := float64(m1-m0)/20_000, float64(m2-m1)/180_000
	firstB, restB := float64(b1-b0)/20_000, float64(b2-b1)/180_000
	t.Logf("allocations per row: %.1f then %.1f; bytes per row: %.0f then %.0f; live heap %d KiB then %d KiB",
		first, rest, firstB, restB, live1>>10, live2>>10)
	if rest > first*1.1 || restB > firstB*1.1 {
		t.Errorf("allocation per row grows: %.1f → %.1f allocs, %.0f → %.0f bytes", first, rest, firstB, restB)
	}
	if live2 > live1+4<<20 {
		t.Errorf("live heap grows with rows: %d KiB → %d KiB", live1>>10, live2>>10)
	}
}
