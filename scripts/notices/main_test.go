package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// root is the module root, where release.sh and go.mod are.
const root = "../.."

// releaseTargets reads the TARGETS line of scripts/release.sh, so that this
// test checks the targets the release builds, not a copy of them.
func releaseTargets(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "scripts", "release.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^TARGETS="([^"]+)"$`).FindSubmatch(b)
	if m == nil {
		t.Fatal(`scripts/release.sh has no TARGETS="..." line`)
	}
	targets := strings.Fields(string(m[1]))
	for _, want := range []string{"linux/amd64", "linux/arm64", "windows/amd64"} {
		if !strings.Contains(" "+string(m[1])+" ", " "+want+" ") {
			t.Errorf("release.sh TARGETS %q lacks %s", m[1], want)
		}
	}
	return targets
}

// goCmd runs the go command in the module root with extra environment.
func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// linkedByList is the set of modules `go list -deps` says the command links
// for goos/goarch with cgo off, replacements applied: what the notices of that
// target's binary must cover, found without building it.
func linkedByList(t *testing.T, goos, goarch string) []Module {
	t.Helper()
	out := goCmd(t, []string{"GOOS=" + goos, "GOARCH=" + goarch, "CGO_ENABLED=0"},
		"list", "-deps", "-f", `{{with .Module}}{{if not .Main}}{{with .Replace}}{{.Path}} {{.Version}}{{else}}{{.Path}} {{.Version}}{{end}}{{end}}{{end}}`, "./cmd/dangjian")
	seen := map[string]bool{}
	var mods []Module
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || seen[line] {
			continue
		}
		seen[line] = true
		mods = append(mods, Module{Path: f[0], Version: f[1]})
	}
	if len(mods) < 5 {
		t.Fatalf("go list -deps for %s/%s found only %v", goos, goarch, mods)
	}
	return mods
}

// TestNoticesCoverEveryLinkedModule writes the notices for each release
// target's linked modules and checks that every one of them, each at the
// version `go list -m all` selects, has a section with its licence text, as
// do Go itself and the embedded ECharts. A new dependency without a licence
// file fails here before it fails a release.
func TestNoticesCoverEveryLinkedModule(t *testing.T) {
	selected := map[string]bool{}
	for _, line := range strings.Split(goCmd(t, nil, "list", "-m", "all"), "\n") {
		if f := strings.Fields(line); len(f) >= 2 {
			selected[f[0]+" "+f[len(f)-1]] = true
		}
	}
	for _, target := range releaseTargets(t) {
		goos, goarch, _ := strings.Cut(target, "/")
		t.Run(goos+"_"+goarch, func(t *testing.T) {
			mods := linkedByList(t, goos, goarch)
			var buf bytes.Buffer
			if err := write(&buf, append([]Module(nil), mods...), runtime.Version(), root); err != nil {
				t.Fatal(err)
			}
			text := buf.String()
			titles := []string{"Go standard library and runtime " + runtime.Version(), "Apache ECharts (", "Common password list ("}
			for _, m := range mods {
				if !selected[m.Path+" "+m.Version] {
					t.Errorf("%s %s is linked but not in go list -m all", m.Path, m.Version)
				}
				titles = append(titles, "Go module "+m.Path+" "+m.Version)
			}
			rule := strings.Repeat("=", 78)
			for _, title := range titles {
				// A section: its title between two rules, then its files up
				// to the blank line before the next section's rule.
				i := strings.Index(text, rule+"\n"+title)
				if i < 0 {
					t.Errorf("no section for %q", title)
					continue
				}
				body := text[i+len(rule)+1:]
				end := strings.Index(body, "\n"+rule+"\n")
				if end < 0 {
					t.Errorf("section %q has no closing rule after its title", title)
					continue
				}
				body = body[end+len(rule)+2:]
				if j := strings.Index(body, "\n\n"+rule+"\n"); j >= 0 {
					body = body[:j]
				}
				if !strings.Contains(body, "\n--- ") || !regexp.MustCompile(`(?i)licen[cs]e|copyright|permission`).MatchString(body) {
					t.Errorf("section %q has no licence text:\n%.300s", title, body)
				}
			}
		})
	}
	// golang.org/x/sys/windows/svc makes x/sys a direct dependency on Windows.
	if mods := linkedByList(t, "windows", "amd64"); !containsModule(mods, "golang.org/x/sys") {
		t.Errorf("windows/amd64 links no golang.org/x/sys: %v", mods)
	}
}

func containsModule(mods []Module, path string) bool {
	for _, m := range mods {
		if m.Path == path {
			return true
		}
	}
	return false
}

// TestModuleWithoutLicenceIsRefused checks that a module whose folder has no
// licence file stops the notices instead of shipping without it.
func TestModuleWithoutLicenceIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("no licence here"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		files   []string
		wantErr bool
	}{
		{nil, true},
		{[]string{"LICENSE"}, false},
		{[]string{"COPYING.txt"}, false},
		{[]string{"LICENSE-MIT", "NOTICE"}, false},
	} {
		d := t.TempDir()
		for _, f := range tc.files {
			if err := os.WriteFile(filepath.Join(d, f), []byte("Copyright the authors"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := write(&bytes.Buffer{}, []Module{{Path: "example.com/m", Version: "v1.0.0", Dir: d}}, runtime.Version(), root)
		if (err != nil) != tc.wantErr {
			t.Errorf("module with %v: err = %v, want error %v", tc.files, err, tc.wantErr)
		}
	}
}

// TestReleaseCheckBuildsEveryTarget runs scripts/release.sh --check: each
// target cross-built static with the release flags, its notices written from
// the binary's own module list, and the host binary's version stamp checked.
// Cross-building three targets takes minutes on two cores, so it runs where
// CI or DANGJIAN_TEST_SCALE is set (CI sets both; .ci/run also runs the
// script directly).
func TestReleaseCheckBuildsEveryTarget(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("DANGJIAN_TEST_SCALE") == "" {
		t.Skip("set CI or DANGJIAN_TEST_SCALE to cross-build the release targets")
	}
	if runtime.GOOS == "windows" {
		t.Skip("release.sh is a bash script")
	}
	cmd := exec.Command("bash", filepath.Join("scripts", "release.sh"), "--check")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("release.sh --check: %v\n%s", err, out)
	}
	for _, target := range releaseTargets(t) {
		if !strings.Contains(string(out), "release --check: "+target+"\n") {
			t.Errorf("release.sh --check did not build %s:\n%s", target, out)
		}
	}
}
