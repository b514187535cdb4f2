// Package report renders the speech: a template in the seed's own words,
// one file per part, with every ××× replaced by a figure reference
// {{key}} that is filled from data for a scope and a period.
package report

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

//go:embed speech
var speechFS embed.FS

// placeholder matches {{key}} references.
var placeholder = regexp.MustCompile(`\{\{\s*([a-z_.]+)\s*\}\}`)

// Context placeholders that are not figures.
const (
	phScope = "scope"
	phFrom  = "from"
	phTo    = "to"
)

// Template is the speech in one language, its parts in order.
type Template struct {
	Lang  i18n.Lang
	Parts []string
}

// LoadTemplate reads the embedded default template of lang.
func LoadTemplate(lang i18n.Lang) (*Template, error) {
	dir := path.Join("speech", string(lang))
	entries, err := fs.ReadDir(speechFS, dir)
	if err != nil {
		return nil, fmt.Errorf("report: template %s: %w", lang, err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	t := &Template{Lang: lang}
	for _, n := range names {
		b, err := fs.ReadFile(speechFS, path.Join(dir, n))
		if err != nil {
			return nil, err
		}
		t.Parts = append(t.Parts, string(b))
	}
	return t, t.Check()
}

// Keys lists the figure keys the template refers to, in order of first use.
func (t *Template) Keys() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.Parts {
		for _, m := range placeholder.FindAllStringSubmatch(p, -1) {
			k := m[1]
			if k == phScope || k == phFrom || k == phTo || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// Check refuses a template that refers to an unregistered figure.
func (t *Template) Check() error {
	for _, k := range t.Keys() {
		if figures.Get(k) == nil {
			return i18n.Errf("template", "err.figure_unknown", k)
		}
	}
	return nil
}

// Filled is the template with its figures computed.
type Filled struct {
	Scope  figures.Scope
	Lang   i18n.Lang
	Values map[string]figures.Value
	parts  []string
}

// Fill computes the figures the template uses for scope s.
func (t *Template) Fill(ctx context.Context, q db.Q, s figures.Scope) (*Filled, error) {
	var fs []*figures.Figure
	for _, k := range t.Keys() {
		fs = append(fs, figures.Get(k))
	}
	list, err := figures.ComputeList(ctx, q, s, t.Lang, fs)
	if err != nil {
		return nil, err
	}
	vals := make(map[string]figures.Value, len(list))
	for _, v := range list {
		vals[v.Key] = v
	}
	return &Filled{Scope: s, Lang: t.Lang, Values: vals, parts: t.Parts}, nil
}

func (f *Filled) title() string {
	return i18n.T(f.Lang, "speech.title", f.Scope.AreaName, f.Scope.From.String(), f.Scope.To.String())
}

// expand replaces every placeholder with what value returns for it.
func (f *Filled) expand(text string, value func(key, shown string) string, plain func(string) string) string {
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		k := placeholder.FindStringSubmatch(m)[1]
		switch k {
		case phScope:
			return plain(f.Scope.AreaName)
		case phFrom:
			return plain(f.Scope.From.String())
		case phTo:
			return plain(f.Scope.To.String())
		}
		return value(k, f.Values[k].Text)
	})
}

// Markdown renders the speech as Markdown.
func (f *Filled) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + f.title() + "\n\n")
	id := func(s string) string { return s }
	for i, p := range f.parts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(f.expand(strings.TrimSpace(p), func(_, shown string) string { return shown }, id))
		b.WriteString("\n")
	}
	return b.String()
}

// HTML renders the speech as an HTML fragment. Each figure links to its
// records under linkBase (for example "/figures/"), with the scope and period
// in the query; an empty linkBase renders plain numbers.
func (f *Filled) HTML(linkBase string) string {
	q := url.Values{}
	q.Set("area", fmt.Sprint(f.Scope.AreaID))
	q.Set("from", f.Scope.From.String())
	q.Set("to", f.Scope.To.String())
	var b bytes.Buffer
	b.WriteString("<article class=\"speech\">\n<h1>" + html.EscapeString(f.title()) + "</h1>\n")
	for _, p := range f.parts {
		for _, block := range strings.Split(strings.TrimSpace(p), "\n\n") {
			block = strings.TrimSpace(block)
			tag := "p"
			if strings.HasPrefix(block, "## ") {
				tag, block = "h2", strings.TrimPrefix(block, "## ")
			}
			body := f.expand(html.EscapeString(block), func(key, shown string) string {
				if linkBase == "" {
					return `<span class="figure" data-key="` + key + `">` + shown + `</span>`
				}
				return `<a class="figure" data-key="` + key + `" href="` + html.EscapeString(linkBase+key+"?"+q.Encode()) + `">` + shown + `</a>`
			}, html.EscapeString)
			fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, body, tag)
		}
	}
	b.WriteString("</article>\n")
	return b.String()
}

// HTMLDocument wraps the speech in a standalone HTML page.
func HTMLDocument(f *Filled) string {
	lang := "zh-CN"
	if f.Lang == i18n.EN {
		lang = "en"
	}
	return "<!doctype html>\n<html lang=\"" + lang + "\">\n<head><meta charset=\"utf-8\"><title>" + html.EscapeString(f.title()) +
		"</title></head>\n<body>\n" + f.HTML("") + "</body>\n</html>\n"
}
