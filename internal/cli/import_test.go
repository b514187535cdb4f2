package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

func cliID(seq int) string {
	first17 := fmt.Sprintf("11010519700506%03d", seq)
	return first17 + string(people.CheckDigit(first17))
}

func TestImportExportCommands(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			u := dbtest.URL(t, e)
			dir := t.TempDir()
			key := filepath.Join(dir, "k.key")
			ctx := context.Background()
			d, err := db.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			as := area.NewStore(d)
			root, err := as.Create(ctx, area.CreateInput{Level: area.District, Name: "命令区", On: date.MustParse("2015-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			sub, err := as.Create(ctx, area.CreateInput{ParentID: root, Level: area.Subdistrict, Name: "命令街道", On: date.MustParse("2015-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			c, err := as.Create(ctx, area.CreateInput{ParentID: sub, Level: area.Community, Name: "命令社区", On: date.MustParse("2015-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			branch := "命令社区党支部"
			if _, err := as.CreateOrg(ctx, area.OrgInput{AreaID: c, Kind: area.Branch, Name: branch, On: date.MustParse("2016-01-01")}); err != nil {
				t.Fatal(err)
			}
			d.Close()
			header := "姓名,身份证号,所在支部,党员状态,党员类别,入党日期\n"
			good := fmt.Sprintf("王芳,%s,%s,正式,居民,1995-07-01\n李强,%s,%s,预备,在职,2020-07-01\n", cliID(1), branch, cliID(2), branch)
			bad := good + fmt.Sprintf("张伟,%s,%s,正式,居民,1995-07-01\n", cliID(3)[:17]+"0", branch)
			write := func(name, s string) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
					t.Fatal(err)
				}
				return p
			}
			badFile := write("bad.csv", header+bad)
			code, out, stderr := run(t, "import", "members", badFile, "--db", u, "--key-file", key)
			if code == 0 || !strings.Contains(out, "行号") || !strings.Contains(out, "4  ") || !strings.Contains(out, "身份证号") || !strings.Contains(stderr, "1 行共有 1 处问题") {
				t.Fatalf("bad file: %d\n%s\n%s", code, out, stderr)
			}
			goodFile := write("good.csv", header+good)
			code, out, stderr = run(t, "import", "members", goodFile, "--dry-run", "--db", u, "--key-file", key)
			if code != 0 || !strings.Contains(out, "2 行均无误") {
				t.Fatalf("dry run: %d\n%s\n%s", code, out, stderr)
			}
			code, out, stderr = run(t, "import", "members", goodFile, "--db", u, "--key-file", key)
			if code != 0 || !strings.Contains(out, "新增 2") || !strings.Contains(stderr, "100%") {
				t.Fatalf("import: %d\n%s\n%s", code, out, stderr)
			}
			for _, ext := range []string{"xlsx", "csv"} {
				outFile := filepath.Join(dir, "members."+ext)
				code, out, stderr = run(t, "export", "members", "--out", outFile, "--db", u, "--key-file", key)
				if code != 0 || !strings.Contains(out, "exported") {
					t.Fatalf("export: %d\n%s\n%s", code, out, stderr)
				}
				code, out, stderr = run(t, "import", "members", outFile, "--db", u, "--key-file", key)
				if code != 0 || !strings.Contains(out, "新增 0，更新 0") {
					t.Fatalf("re-import of the export: %d\n%s\n%s", code, out, stderr)
				}
			}
			if code, _, _ := run(t, "import", "nonsense", goodFile, "--db", u, "--key-file", key); code != 1 {
				t.Errorf("unknown kind: exit %d", code)
			}
			if code, _, _ := run(t, "export", "members", "--out", filepath.Join(dir, "x.txt"), "--db", u, "--key-file", key); code != 1 {
				t.Errorf("bad extension: exit %d", code)
			}
		})
	}
}
