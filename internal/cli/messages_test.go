package cli

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	tparse "text/template/parse"

	"dangjian/internal/i18n"
)

// This package links every domain, so every package's messages are
// registered here: the tests below see the whole catalog.

// messageKey is the shape of a message key. A literal of this shape ending in
// "." is the prefix of keys built at run time ("ui.level."+string(l)).
var messageKey = regexp.MustCompile(`^(err|ui|xlsx|speech)\.[a-z0-9_]+(\.[a-z0-9_]+)*\.?$`)

// keyUse is a message key (or key prefix) a source file mentions.
type keyUse struct {
	file string
	line int
	key  string
}

// messageKeyOf returns the key or key prefix a string literal names, if any.
// A format such as "ui.import.kind.%s" names the prefix before its first verb.
func messageKeyOf(s string) (string, bool) {
	if i := strings.IndexByte(s, '%'); i >= 0 {
		s = s[:i]
		if !strings.HasSuffix(s, ".") {
			return "", false
		}
	}
	return s, messageKey.MatchString(s)
}

// goKeyUses lists the message keys among a Go file's string literals.
func goKeyUses(name string, src []byte) ([]keyUse, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []keyUse
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		if k, ok := messageKeyOf(s); ok {
			out = append(out, keyUse{name, fset.Position(lit.Pos()).Line, k})
		}
		return true
	})
	return out, nil
}

// templateKeyUses lists the message keys among a template's string constants
// ({{.T "ui.x"}}, {{$.T (print "ui.kind." .Kind)}}, {{printf "ui.x.%s" .}}).
func templateKeyUses(name string, src []byte) ([]keyUse, error) {
	t := tparse.New(name)
	t.Mode = tparse.SkipFuncCheck
	trees := map[string]*tparse.Tree{}
	if _, err := t.Parse(string(src), "{{", "}}", trees); err != nil {
		return nil, err
	}
	var out []keyUse
	var walk func(tr *tparse.Tree, n tparse.Node)
	walk = func(tr *tparse.Tree, n tparse.Node) {
		switch n := n.(type) {
		case *tparse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(tr, c)
				}
			}
		case *tparse.ActionNode:
			walk(tr, n.Pipe)
		case *tparse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(tr, c)
				}
			}
		case *tparse.CommandNode:
			for _, a := range n.Args {
				walk(tr, a)
			}
		case *tparse.ChainNode:
			walk(tr, n.Node)
		case *tparse.IfNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *tparse.RangeNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *tparse.WithNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *tparse.TemplateNode:
			walk(tr, n.Pipe)
		case *tparse.StringNode:
			if k, ok := messageKeyOf(n.Text); ok {
				loc, _ := tr.ErrorContext(n) // "name:line:col"
				line := 0
				if parts := strings.Split(loc, ":"); len(parts) >= 3 {
					line, _ = strconv.Atoi(parts[len(parts)-2])
				}
				out = append(out, keyUse{name, line, k})
			}
		}
	}
	for _, tr := range trees {
		walk(tr, tr.Root)
	}
	return out, nil
}

// missingMessageKeys reports, as "file:line: ...", every message key that
// the files (Go sources and *.html templates, by path) use and the catalogs
// lack: has tells whether both languages hold a key, hasPrefix whether both
// hold at least one key starting with a prefix ending in ".".
func missingMessageKeys(files map[string][]byte, has, hasPrefix func(string) bool) []string {
	var uses []keyUse
	var out []string
	for name, src := range files {
		var u []keyUse
		var err error
		switch {
		case strings.HasSuffix(name, ".go"):
			u, err = goKeyUses(name, src)
		case strings.HasSuffix(name, ".html"):
			u, err = templateKeyUses(name, src)
		default:
			continue
		}
		if err != nil {
			out = append(out, fmt.Sprintf("%s: cannot read its message keys: %v", name, err))
		}
		uses = append(uses, u...)
	}
	sort.Slice(uses, func(i, j int) bool {
		if uses[i].file != uses[j].file {
			return uses[i].file < uses[j].file
		}
		return uses[i].line < uses[j].line
	})
	for _, u := range uses {
		switch {
		case strings.HasSuffix(u.key, "."):
			if !hasPrefix(u.key) {
				out = append(out, fmt.Sprintf("%s:%d: no message key in both zh and en starts with %q", u.file, u.line, u.key))
			}
		case !has(u.key):
			out = append(out, fmt.Sprintf("%s:%d: message %q is not in both zh and en", u.file, u.line, u.key))
		}
	}
	return out
}

// moduleRoot is the directory above the working directory that holds go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// sourceFiles reads the non-test Go files and the templates under internal/
// and cmd/, keyed by their slash path from the module root.
func sourceFiles(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, top := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			n := d.Name()
			if !(strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") || strings.HasSuffix(n, ".html")) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			files[filepath.ToSlash(rel)] = b
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// catalogKeys is the set of keys both languages hold.
func catalogKeys() map[string]bool {
	en := map[string]bool{}
	for _, k := range i18n.Keys(i18n.EN) {
		en[k] = true
	}
	both := map[string]bool{}
	for _, k := range i18n.Keys(i18n.ZH) {
		if en[k] {
			both[k] = true
		}
	}
	return both
}

func prefixOf(keys map[string]bool) func(string) bool {
	return func(p string) bool {
		for k := range keys {
			if strings.HasPrefix(k, p) {
				return true
			}
		}
		return false
	}
}

// TestMessageKeysUsed fails on any message key that Go code or a template
// uses and that zh or en lacks: the page would show the raw key.
func TestMessageKeysUsed(t *testing.T) {
	root := moduleRoot(t)
	files := sourceFiles(t, root)
	if len(files) < 50 {
		t.Fatalf("read only %d files under %s", len(files), root)
	}
	keys := catalogKeys()
	has := func(k string) bool { return keys[k] }
	for _, m := range missingMessageKeys(files, has, prefixOf(keys)) {
		t.Error(m)
	}
}

// TestMissingMessageKeys plants mistakes and checks that each is reported,
// and that known keys are not.
func TestMissingMessageKeys(t *testing.T) {
	keys := map[string]bool{"err.known": true, "ui.level.city": true, "ui.kind.branch": true}
	has := func(k string) bool { return keys[k] }
	for _, tc := range []struct {
		name, file, src string
		want            []string // substrings of the reports, in order
	}{
		{"go known", "a.go", `package a; var _ = T("err.known"); var _ = "ui.level." + l`, nil},
		{"go unknown", "a.go", "package a\n\nvar _ = T(\"err.unknown\")\n", []string{`a.go:3: message "err.unknown"`}},
		{"go raw string", "a.go", "package a\nvar _ = `ui.raw_unknown`\n", []string{`a.go:2: message "ui.raw_unknown"`}},
		{"go unknown prefix", "a.go", "package a\nvar _ = T(\"ui.nolevel.\" + l)\n", []string{`a.go:2: no message key in both zh and en starts with "ui.nolevel."`}},
		{"go format prefix", "a.go", "package a\nvar _ = fmt.Sprintf(\"ui.nokind.%s\", k)\n", []string{`a.go:2: no message key in both zh and en starts with "ui.nokind."`}},
		{"go not a key", "a.go", `package a; var _ = "err"; var _ = "ui.Title"; var _ = "see err.known for details"; var _ = "%s.x"`, nil},
		{"template known", "t.html", `{{.T "err.known"}}{{$.T (print "ui.kind." .K)}}{{printf "ui.level.%s" .L}}`, nil},
		{"template unknown", "t.html", "<p>\n{{.T \"ui.error.server_title\"}}</p>", []string{`t.html:2: message "ui.error.server_title"`}},
		{"template unknown in branch", "t.html", `{{define "content"}}{{if .X}}{{else}}{{range .Y}}{{$.T "ui.nope" .}}{{end}}{{end}}{{end}}`, []string{`message "ui.nope"`}},
		{"template unknown prefix", "t.html", `{{with .R}}{{$.T (print "ui.role." .)}}{{end}}`, []string{`starts with "ui.role."`}},
		{"template unknown format", "t.html", `{{$.T (printf "ui.nokind.%s" .)}}`, []string{`starts with "ui.nokind."`}},
		{"two mistakes", "a.go", "package a\nvar _ = \"err.b\"\nvar _ = \"err.a\"\n", []string{`a.go:2: message "err.b"`, `a.go:3: message "err.a"`}},
		{"broken go", "a.go", "package", []string{"a.go: cannot read"}},
		{"other files ignored", "a.md", `"err.unknown"`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := missingMessageKeys(map[string][]byte{tc.file: []byte(tc.src)}, has, prefixOf(keys))
			if len(got) != len(tc.want) {
				t.Fatalf("reports %q, want %d matching %q", got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("report %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// TestMessageKeysShape checks that every registered key has the shape the
// scan above looks for, so no key escapes it.
func TestMessageKeysShape(t *testing.T) {
	for k := range catalogKeys() {
		if !messageKey.MatchString(k) || strings.HasSuffix(k, ".") {
			t.Errorf("message key %q does not match %s: widen the pattern", k, messageKey)
		}
	}
}

// verb matches a formatting verb, with an optional explicit index.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z%]`)

// TestCatalogVerbs checks that both languages of every registered message
// take the same number of arguments, so a translation cannot drop or add one.
func TestCatalogVerbs(t *testing.T) {
	keys := catalogKeys()
	if len(keys) < 500 {
		t.Fatalf("only %d messages registered: a package's messages are missing", len(keys))
	}
	for k := range keys {
		z, e := i18n.T(i18n.ZH, k), i18n.T(i18n.EN, k) // no arguments: the formats themselves
		if nz, ne := countArgs(z), countArgs(e); nz != ne {
			t.Errorf("%s: zh takes %d arguments, en %d", k, nz, ne)
		}
	}
}

func TestCountArgs(t *testing.T) {
	for f, want := range map[string]int{"": 0, "100%%": 0, "%s": 1, "%d of %s": 2, "%[2]s %[1]s": 2, "%[1]s %[1]q": 1, "%-5d%%": 1} {
		if got := countArgs(f); got != want {
			t.Errorf("countArgs(%q) = %d, want %d", f, got, want)
		}
	}
}

// countArgs is the number of distinct arguments a format uses.
func countArgs(format string) int {
	n, seen := 0, map[string]bool{}
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		key := m[1]
		if key == "" {
			n++
			key = "#" + string(rune('0'+n))
		}
		seen[key] = true
	}
	return len(seen)
}

// auditAction finds an action written to the audit trail in Go code: the
// action of record(ctx, q, "x.y", …), of an Entry{Action: "x.y"}, or a
// variable set to "x.y" before such a call (action := "account.enable").
var auditAction = regexp.MustCompile(`(?:record\(ctx, q, |Action: +|action(?: :)?= )"([a-z_]+\.[a-z_]+)"`)

// TestAuditActionsHaveWords fails on an action the code writes to the audit
// trail that the auditor's page could only show as its code.
func TestAuditActionsHaveWords(t *testing.T) {
	files := sourceFiles(t, moduleRoot(t))
	seen := 0
	for name, b := range files {
		for _, m := range auditAction.FindAllSubmatch(b, -1) {
			seen++
			if a := string(m[1]); !i18n.Has("ui.audit.action." + a) {
				t.Errorf("%s: the audit action %s has no words (ui.audit.action.%s)", name, a, a)
			}
		}
	}
	for _, kind := range []string{"members", "units", "posts"} {
		for _, a := range []string{"import." + kind, "export." + kind} {
			if !i18n.Has("ui.audit.action." + a) {
				t.Errorf("the audit action %s has no words", a)
			}
		}
	}
	if seen < 30 {
		t.Errorf("found only %d audit actions in the code", seen)
	}
	types := 0
	for name, b := range files {
		for _, m := range auditTargetType.FindAllSubmatch(b, -1) {
			types++
			if typ := string(m[1]); !i18n.Has("ui.audit.type." + typ) {
				t.Errorf("%s: the audit target type %s has no words (ui.audit.type.%s)", name, typ, typ)
			}
		}
	}
	if types < 10 {
		t.Errorf("found only %d audit target types in the code", types)
	}
}

// auditTargetType is a target type the code writes to the audit trail.
var auditTargetType = regexp.MustCompile(`(?:TargetType: +|record\(ctx, q, "[a-z_.]+", )"([a-z_]+)"`)
