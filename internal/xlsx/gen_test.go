package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"dangjian/internal/i18n"
)

// Fictional member rows for tests and benchmarks: names from a small pool,
// ID numbers with a valid GB 11643 check digit, all made up.
var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"}
	given    = []string{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇"}
)

func idNumber(i int) string {
	body := fmt.Sprintf("110105%04d%02d%02d%03d", 1940+i%60, 1+i%12, 1+i%28, i%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k := range 17 {
		sum += int(body[k]-'0') * weights[k]
	}
	return body + string("10X98765432"[sum%11])
}

func memberRow(i int) []string {
	return []string{
		surnames[i%len(surnames)] + given[i/len(surnames)%len(given)],
		[]string{"男", "女"}[i%2],
		"汉族",
		fmt.Sprintf("%04d-%02d-%02d", 1940+i%60, 1+i%12, 1+i%28),
		idNumber(i),
		"138" + fmt.Sprintf("%08d", i),
		[]string{"大学本科", "高中", "大专", "研究生"}[i%4],
		fmt.Sprintf("幸福路%d号%d单元%d室", i%300, i%6+1, i%40+101),
		fmt.Sprintf("第%d社区党支部", i%4000),
		[]string{"正式", "预备"}[min(i%20, 1)],
		[]string{"居民", "离退休", "在职", "流动"}[i%4],
		fmt.Sprintf("%04d-%02d-%02d", 1970+i%50, 1+i%12, 1+i%28),
		fmt.Sprintf("%04d-%02d-%02d", 2016+i%10, 1+i%12, 1+i%28),
		"纳入管理",
	}
}

// writeMembers writes n member rows in format with our Writer.
func writeMembers(tb testing.TB, w io.Writer, format string, n int) {
	tb.Helper()
	wr, err := NewWriter(w, format, Members, i18n.ZH)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		if err := wr.Write(memberRow(i)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := wr.Close(); err != nil {
		tb.Fatal(err)
	}
}

// cachedFile returns a file of n member rows in format under
// os.TempDir()/dangjian-bench, writing it on first use.
func cachedFile(tb testing.TB, format string, n int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "dangjian-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "members-v1-"+strconv.Itoa(n)+"."+format)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp, err := os.CreateTemp(dir, "members-*.tmp")
	if err != nil {
		tb.Fatal(err)
	}
	writeMembers(tb, tmp, format, n)
	if err := tmp.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// addPart copies the zip src and adds one raw entry to it.
func addPart(tb testing.TB, src []byte, fh *zip.FileHeader, raw []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			tb.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.Write(raw); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// replacePart copies the zip src with the entry name's content replaced.
func replacePart(tb testing.TB, src []byte, name string, content []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// readPart returns the content of one zip entry.
func readPart(tb testing.TB, src []byte, name string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
