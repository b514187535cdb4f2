// Command notices writes THIRD_PARTY_NOTICES.txt for a dangjian binary: the
// licence and notice files of every Go module linked into it (as the binary's
// own build information lists them, the same list `go version -m` prints),
// of the Go standard library and runtime, and of the third-party files the
// binary embeds (Apache ECharts under internal/web/static/vendor, the common
// password list under internal/auth).
//
//	go run ./scripts/notices -o THIRD_PARTY_NOTICES.txt dist/dangjian
//
// It fails when a linked module has no licence file in the module cache, so a
// new dependency cannot ship without its licence. Run it from the module root.
package main

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/notices [-o FILE] BINARY")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "notices:", err)
		os.Exit(1)
	}
}

func run(binary, out string) error {
	mods, goVersion, err := linkedModules(binary)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, mods, goVersion, "."); err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// Module is one linked module at the version built.
type Module struct {
	Path, Version string
	Dir           string // in the module cache; filled by locate
}

// linkedModules reads the modules linked into binary, replacements
// applied, and the Go release it was built with.
func linkedModules(binary string) ([]Module, string, error) {
	bi, err := buildinfo.ReadFile(binary)
	if err != nil {
		return nil, "", fmt.Errorf("read build information of %s: %w", binary, err)
	}
	var mods []Module
	for _, d := range bi.Deps {
		if d.Replace != nil {
			d = d.Replace
		}
		mods = append(mods, Module{Path: d.Path, Version: d.Version})
	}
	return mods, bi.GoVersion, nil
}

// locate fills in the directory in the module cache of each module that has
// none (downloading nothing that is already there).
func locate(mods []Module) error {
	args := []string{"mod", "download", "-json"}
	for _, m := range mods {
		if m.Dir != "" {
			continue
		}
		if m.Version == "" || strings.HasPrefix(m.Version, "(") {
			return fmt.Errorf("module %s has no version (a local replacement?): its licence cannot be located", m.Path)
		}
		args = append(args, m.Path+"@"+m.Version)
	}
	if len(args) == 3 {
		return nil
	}
	cmd := exec.Command("go", args...)
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod download: %w", err)
	}
	dirs := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		var r struct{ Path, Version, Dir, Error string }
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("go mod download: %w", err)
		}
		if r.Error != "" {
			return fmt.Errorf("go mod download %s@%s: %s", r.Path, r.Version, r.Error)
		}
		dirs[r.Path+"@"+r.Version] = r.Dir
	}
	for i, m := range mods {
		if m.Dir != "" {
			continue
		}
		if mods[i].Dir = dirs[m.Path+"@"+m.Version]; mods[i].Dir == "" {
			return fmt.Errorf("go mod download did not report %s@%s", m.Path, m.Version)
		}
	}
	return nil
}

// licenceName matches the files at a module's root that carry its terms.
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)([-._].*)?$`)

// licenceFiles lists dir's licence and notice files, sorted.
func licenceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && licenceName.MatchString(e.Name()) {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

// Embedded is third-party code embedded as a file rather than linked as a
// module: its licence files sit beside it in the repository.
type Embedded struct {
	Name, VersionFile, Dir string
}

// embedded lists the third-party files the binary embeds, relative to the
// module root.
var embedded = []Embedded{
	{Name: "Apache ECharts", VersionFile: "VERSION", Dir: "internal/web/static/vendor/echarts"},
	// common_passwords.txt holds entries of SecLists and zxcvbn (MIT); the
	// notice quotes their licences.
	{Name: "Common password list", Dir: "internal/auth"},
}

// write writes the notices for mods (located here), the Go distribution of
// goVersion and the embedded files under root (the module root).
func write(w io.Writer, mods []Module, goVersion, root string) error {
	if err := locate(mods); err != nil {
		return err
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	fmt.Fprintln(w, "THIRD-PARTY NOTICES for dangjian")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The dangjian binary includes the third-party code listed below, each part under")
	fmt.Fprintln(w, "its own licence, reproduced in full. dangjian itself is under the licence in LICENSE.")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Go standard library and runtime %s\n", goVersion)
	for _, m := range mods {
		fmt.Fprintf(w, "Go module %s %s\n", m.Path, m.Version)
	}
	var sections []section
	goroot, err := goRoot(goVersion)
	if err != nil {
		return err
	}
	sections = append(sections, section{title: "Go standard library and runtime " + goVersion, files: []string{filepath.Join(goroot, "LICENSE"), filepath.Join(goroot, "PATENTS")}})
	for _, m := range mods {
		files, err := licenceFiles(m.Dir)
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("module %s %s has no licence file in %s: find its licence before shipping it", m.Path, m.Version, m.Dir)
		}
		sections = append(sections, section{title: "Go module " + m.Path + " " + m.Version, files: files})
	}
	for _, e := range embedded {
		dir := filepath.Join(root, e.Dir)
		version := ""
		if e.VersionFile != "" {
			v, err := os.ReadFile(filepath.Join(dir, e.VersionFile))
			if err != nil {
				return err
			}
			version = strings.TrimSpace(string(v)) + ", "
		}
		files, err := licenceFiles(dir)
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("%s in %s has no licence file", e.Name, dir)
		}
		title := e.Name + " (" + version + "embedded: " + e.Dir + ")"
		fmt.Fprintln(w, title)
		sections = append(sections, section{title: title, files: files})
	}
	for _, s := range sections {
		if err := s.write(w); err != nil {
			return err
		}
	}
	return nil
}

// goRoot is the GOROOT of the go command, which must be the release the
// binary was built with so that its LICENSE is the one that applies.
func goRoot(goVersion string) (string, error) {
	raw, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		return "", fmt.Errorf("go env: %w", err)
	}
	f := strings.Fields(string(raw))
	if len(f) != 2 {
		return "", fmt.Errorf("go env GOROOT GOVERSION: unexpected %q", raw)
	}
	if goVersion != "" && f[1] != goVersion {
		return "", fmt.Errorf("the binary was built with %s, the go command here is %s", goVersion, f[1])
	}
	return f[0], nil
}

type section struct {
	title string
	files []string
}

func (s section) write(w io.Writer) error {
	rule := strings.Repeat("=", 78)
	fmt.Fprintf(w, "\n%s\n%s\n%s\n", rule, s.title, rule)
	for _, f := range s.files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n--- %s ---\n\n", filepath.Base(f))
		w.Write(bytes.TrimRight(b, "\n"))
		fmt.Fprintln(w)
	}
	return nil
}
