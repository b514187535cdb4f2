package speechtpl

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// Names of templates the command line's --template takes besides a path.
const (
	NameDefault = "default" // the embedded seed's words
	NameSaved   = "saved"   // the scope's own or inherited saved template (no --template)
)

// Named is the template --template NAME names for area areaID in lang:
// "default", "saved" (also ""), or the path of a directory of part files
// (*.md, read in the order of their names, as the embedded default) or of
// one .md file whose parts each begin with a "## " heading line. Anything
// else is refused on the field "template".
func (s *Store) Named(ctx context.Context, name string, areaID int64, lang i18n.Lang) (*report.Template, error) {
	switch name {
	case NameDefault:
		return report.LoadTemplate(lang)
	case NameSaved, "":
		return s.For(ctx, areaID, lang)
	}
	parts, err := readParts(name)
	if err != nil {
		return nil, err
	}
	return report.ParseTemplate(lang, parts...)
}

// readParts reads the parts of a template kept in files.
func readParts(name string) ([]string, error) {
	st, err := os.Stat(name)
	if err != nil || (!st.IsDir() && !strings.HasSuffix(name, ".md")) {
		return nil, i18n.Errf("template", "err.tpl_unknown", name)
	}
	if !st.IsDir() {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, i18n.Errf("template", "err.tpl_file", name, err.Error())
		}
		return SplitParts(string(b)), nil
	}
	files, err := filepath.Glob(filepath.Join(name, "*.md"))
	if err != nil || len(files) == 0 {
		return nil, i18n.Errf("template", "err.tpl_unknown", name)
	}
	sort.Strings(files)
	parts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, i18n.Errf("template", "err.tpl_file", f, err.Error())
		}
		parts = append(parts, string(b))
	}
	return parts, nil
}

// SplitParts splits one file into parts: each "## " line at the start of
// a line begins a part (text before the first belongs to it).
func SplitParts(src string) []string {
	var parts []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(src, "\n") {
		if strings.HasPrefix(line, "## ") && strings.TrimSpace(cur.String()) != "" {
			parts = append(parts, cur.String())
			cur.Reset()
		}
		cur.WriteString(line)
	}
	if strings.TrimSpace(cur.String()) != "" || len(parts) == 0 {
		parts = append(parts, cur.String())
	}
	return parts
}
