package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/cli"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
)

// run executes the command line and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runWith(t, "zh_CN.UTF-8", "", args...)
}

// runWith is run with the LANG and standard input given.
func runWith(t *testing.T, langEnv, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(stdin), Getenv: func(k string) string {
		if k == "LANG" {
			return langEnv
		}
		return ""
	}}
	code := cli.Main(context.Background(), args, env)
	return code, out.String(), errb.String()
}

func demoDB(t *testing.T, e db.Dialect) string {
	t.Helper()
	u := dbtest.URL(t, e)
	if code, _, stderr := run(t, "demo", "--db", u); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	return u
}

func TestFiguresJSONOnDemoIsNonZeroAndSameOnBothEngines(t *testing.T) {
	var outputs []string
	for _, e := range dbtest.Engines() {
		u := demoDB(t, e)
		code, out, stderr := run(t, "figures", "--db", u, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: figures exit %d: %s", e, code, stderr)
		}
		var got cli.FiguresJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v\n%s", e, err, out)
		}
		if got.Scope.AreaName != "示范区" || got.From == "" || got.To == "" || len(got.Figures) < 7 {
			t.Errorf("%s: figures json = %+v", e, got)
		}
		for _, f := range got.Figures {
			// Part three tells what changed over years; the demo's
			// test asks it of five (demo.TestDemoFiguresNonZero).
			if f.Value == 0 && figures.Get(f.Key).Part <= 2 {
				t.Errorf("%s: demo figure %s is zero for the current year", e, f.Key)
			}
			if f.Label == "" {
				t.Errorf("%s: %s has no label", e, f.Key)
			}
		}
		for _, key := range []string{`"scope"`, `"id"`, `"name"`, `"from"`, `"to"`, `"figures"`, `"key"`, `"label"`, `"value"`, `"unit"`} {
			if !strings.Contains(out, key) {
				t.Errorf("%s: output lacks %s", e, key)
			}
		}
		outputs = append(outputs, out)
	}
	for i := 1; i < len(outputs); i++ {
		if outputs[i] != outputs[0] {
			t.Errorf("figures json differs between engines:\n%s\n---\n%s", outputs[0], outputs[i])
		}
	}
}

func TestCommandErrorsAreOneLine(t *testing.T) {
	u := demoDB(t, db.SQLite)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"unknown area", []string{"figures", "--db", u, "--area", "无此街道"}, "找不到名为“无此街道”的区域"},
		{"inverted period", []string{"figures", "--db", u, "--from", "2024-12-31", "--to", "2024-01-01"}, "开始日期 2024-12-31 晚于结束日期 2024-01-01"},
		{"bad date", []string{"speech", "--db", u, "--from", "2024-02-30"}, "日期“2024-02-30”无效"},
		{"bad format", []string{"figures", "--db", u, "--format", "xml"}, "格式“xml”无效"},
		{"bad flag", []string{"figures", "--db", u, "--nope"}, "flag provided but not defined"},
		{"stray argument", []string{"figures", "--db", u, "extra"}, "unexpected argument"},
		{"demo on a non-empty database", []string{"demo", "--db", u}, "already holds areas"},
		{"bad tier", []string{"gen", "--db", u, "--tier", "planet"}, "--tier must be one of"},
		{"malformed url", []string{"figures", "--db", "mysql://x"}, "malformed database URL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code == 0 {
				t.Fatalf("exit 0 for %v", c.args)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr %q lacks %q", stderr, c.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace in %q", stderr)
			}
			if c.name != "bad flag" && c.name != "unknown command" && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("message is not one line: %q", stderr)
			}
		})
	}
}

func TestFiguresForASubtreeAndTheSpeechFile(t *testing.T) {
	u := demoDB(t, db.SQLite)
	code, out, stderr := run(t, "figures", "--db", u, "--area", "河东街道", "--from", "2000-01-01", "--to", "2100-12-31", "--format", "table")
	if code != 0 || !strings.Contains(out, "河东街道") || !strings.Contains(out, "communities.total") {
		t.Fatalf("figures table: %d %s %s", code, out, stderr)
	}
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "docx"} {
		path := filepath.Join(dir, "speech."+f)
		if code, _, stderr := run(t, "speech", "--db", u, "--format", f, "--out", path); code != 0 {
			t.Fatalf("speech %s: %s", f, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f == "docx" {
			if !bytes.HasPrefix(b, []byte("PK")) || !bytes.Contains(b, []byte("word/document.xml")) {
				t.Errorf("speech.docx is not a Word document: %d bytes", len(b))
			}
			continue
		}
		if !strings.Contains(string(b), "健全组织网络") || strings.Contains(string(b), "{{") {
			t.Errorf("speech.%s: %s", f, b)
		}
	}
	if code, _, stderr := run(t, "speech", "--db", u, "--format", "docx"); code == 0 || !strings.Contains(stderr, "--out") {
		t.Errorf("docx to standard output: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "speech", "--db", u, "--out", filepath.Join(dir, "no", "such", "file.md"))
	if code == 0 || !strings.Contains(stderr, "cannot write") {
		t.Errorf("unwritable --out: %d %s", code, stderr)
	}
}

func TestMigrateCommand(t *testing.T) {
	for _, e := range dbtest.Engines() {
		u := dbtest.URL(t, e)
		for i := 0; i < 2; i++ {
			if code, _, stderr := run(t, "migrate", "--db", u); code != 0 {
				t.Fatalf("%s migrate #%d: %s", e, i, stderr)
			}
		}
	}
}
