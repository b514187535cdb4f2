package importer_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/importer"
	"dangjian/internal/people"
	"dangjian/internal/pii"
	"dangjian/internal/xlsx"
)

// benchBranches is how many community branches the benchmark district has.
const benchBranches = 400

// benchID is the i-th fictional ID number: a birth day from i/1000 and a
// sequence from i%1000, so 20,000,000 rows stay distinct; valid check digit.
func benchID(i int) string {
	born := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i/1000)%20000)
	first17 := "110105" + born.Format("20060102") + fmt.Sprintf("%03d", i%1000)
	return first17 + string(people.CheckDigit(first17))
}

func benchRow(i int) []string {
	sur := []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"}
	giv := []string{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇"}
	return []string{
		sur[i%10] + giv[i/10%12], []string{"男", "女"}[i%2], "汉族", "", benchID(i), fmt.Sprintf("138%08d", i%100000000),
		[]string{"大学本科", "高中", "大专", "研究生"}[i%4], fmt.Sprintf("幸福路%d号%d单元%d室", i%300, i%6+1, i%40+101),
		fmt.Sprintf("第%d社区党支部", i%benchBranches), []string{"正式", "预备"}[min(i%20, 1)], []string{"居民", "离退休", "在职", "流动"}[i%4],
		"", "2020-07-01", "纳入管理",
	}
}

// benchFile returns a cached XLSX of n member rows (written by xlsx.Writer,
// inline strings as our export writes them).
func benchFile(b *testing.B, n int) string {
	dir := filepath.Join(os.TempDir(), "dangjian-bench")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, fmt.Sprintf("import-members-v1-%d.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	wr, err := xlsx.NewWriter(f, xlsx.FormatXLSX, xlsx.Members, i18n.ZH)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		r := benchRow(i)
		// joined at 25
		r[11] = fmt.Sprintf("%s-07-01", fmt.Sprint(1965+(i/1000)%20000/365))
		if err := wr.Write(r); err != nil {
			b.Fatal(err)
		}
	}
	if err := wr.Close(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	os.Rename(path+".tmp", path)
	return path
}

// benchWorld is a district with benchBranches community branches.
func benchWorld(b *testing.B) *importer.Runner {
	ctx := context.Background()
	d := dbtest.Open(b, db.SQLite)
	a := area.NewStore(d)
	keys, _ := pii.New([]byte("0123456789abcdef0123456789abcdeK"))
	on := date.MustParse("2015-01-01")
	root, err := a.Create(ctx, area.CreateInput{Level: area.District, Name: "基准区", On: on})
	if err != nil {
		b.Fatal(err)
	}
	var sub int64
	for i := range benchBranches {
		if i%50 == 0 {
			if sub, err = a.Create(ctx, area.CreateInput{ParentID: root, Level: area.Subdistrict, Name: fmt.Sprintf("第%d街道", i/50), On: on}); err != nil {
				b.Fatal(err)
			}
		}
		c, err := a.Create(ctx, area.CreateInput{ParentID: sub, Level: area.Community, Name: fmt.Sprintf("第%d社区", i), On: on})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.CreateOrg(ctx, area.OrgInput{AreaID: c, Kind: area.Branch, Name: fmt.Sprintf("第%d社区党支部", i), On: date.MustParse("2016-01-01")}); err != nil {
			b.Fatal(err)
		}
	}
	return &importer.Runner{DB: d, People: people.NewStore(d, a, keys)}
}

// peak samples the Go heap and stacks in use (HeapInuse + StackInuse)
// every 20 ms in a goroutine of its own: the memory the import holds, as
// opposed to the process's RSS, which also counts freed pages the runtime
// has not returned yet and SQLite's page cache (bounded by its pragmas).
type peak struct {
	max  atomic.Uint64
	stop chan struct{}
}

func startPeak() *peak {
	p := &peak{stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if v := m.HeapInuse + m.StackInuse; v > p.max.Load() {
				p.max.Store(v)
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *peak) done() uint64 { close(p.stop); return p.max.Load() }

func bareRead(b *testing.B, path string) (int, time.Duration) {
	start := time.Now()
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetList()[0])
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	rows.Close()
	return n, time.Since(start)
}

func benchImport(b *testing.B, n int, export bool) {
	path := benchFile(b, n)
	for range b.N {
		b.StopTimer()
		rn := benchWorld(b)
		runtime.GC()
		b.StartTimer()
		_, bare := bareRead(b, path)
		runtime.GC()
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st, _ := f.Stat()
		pk := startPeak()
		start := time.Now()
		res, err := rn.Import(context.Background(), f, st.Size(), path, "members", importer.Options{})
		ours := time.Since(start)
		mem := pk.done()
		f.Close()
		if err != nil {
			b.Fatalf("import: %v %v", err, res.Errors[:min(5, len(res.Errors))])
		}
		if res.Created != n {
			b.Fatalf("created %d of %d", res.Created, n)
		}
		b.ReportMetric(bare.Seconds(), "bare-s")
		b.ReportMetric(ours.Seconds(), "import-s")
		b.ReportMetric(ours.Seconds()/bare.Seconds(), "ratio")
		b.ReportMetric(float64(mem)/(1<<20), "peak-MB")
		if export {
			benchExport(b, rn, n)
		}
	}
}

// benchExport writes the n members to an XLSX (full values) and compares
// it with a bare StreamWriter writing the same rows as strings.
func benchExport(b *testing.B, rn *importer.Runner, n int) {
	runtime.GC()
	start := time.Now()
	fx := excelize.NewFile()
	sw, err := fx.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	cells := make([]any, 14)
	for i := range n + 1 {
		r := benchRow(i)
		for k := range cells {
			cells[k] = r[k]
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
	}
	sw.Flush()
	fx.WriteTo(io.Discard)
	fx.Close()
	bare := time.Since(start)
	runtime.GC()
	pk := startPeak()
	start = time.Now()
	got, err := rn.Export(context.Background(), io.Discard, importer.ExportOptions{Kind: "members", Format: xlsx.FormatXLSX, Reveal: true, Lang: i18n.ZH})
	ours := time.Since(start)
	mem := pk.done()
	if err != nil || got != n {
		b.Fatalf("export: %d %v", got, err)
	}
	b.ReportMetric(bare.Seconds(), "bare-export-s")
	b.ReportMetric(ours.Seconds(), "export-s")
	b.ReportMetric(ours.Seconds()/bare.Seconds(), "export-ratio")
	b.ReportMetric(float64(mem)/(1<<20), "export-peak-MB")
}

func BenchmarkImport100k(b *testing.B) { benchImport(b, 100_000, false) }

func BenchmarkImportExport1M(b *testing.B) { benchImport(b, 1_000_000, true) }
