// Package report renders the speech: a template in the seed's own words,
// one file per part, written in the speech language (internal/speech) and
// filled from data for a scope and a period.
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
	"sort"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/memo"
	"dangjian/internal/speech"
)

//go:embed speech
var speechFS embed.FS

// Template is the speech in one language, parsed and checked.
type Template struct {
	Lang i18n.Lang
	t    *speech.Template
}

// LoadTemplate reads the embedded default template of lang: one file per
// part, in the order of their names.
func LoadTemplate(lang i18n.Lang) (*Template, error) {
	parts, err := DefaultParts(lang)
	if err != nil {
		return nil, err
	}
	return ParseTemplate(lang, parts...)
}

// DefaultParts are the parts of the embedded default template of lang (the
// seed's words), in order.
func DefaultParts(lang i18n.Lang) ([]string, error) {
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
	parts := make([]string, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(speechFS, path.Join(dir, n))
		if err != nil {
			return nil, err
		}
		parts = append(parts, string(b))
	}
	return parts, nil
}

// Templates gives the template a scope's speech is filled from. The
// editable templates (internal/speechtpl) give a scope's own or inherited
// saved template; Defaults gives the embedded one everywhere.
type Templates interface {
	// For is the template of area areaID in lang.
	For(ctx context.Context, areaID int64, lang i18n.Lang) (*Template, error)
}

type defaults struct{}

func (defaults) For(_ context.Context, _ int64, lang i18n.Lang) (*Template, error) {
	return LoadTemplate(lang)
}

// Defaults gives the embedded default template for every scope.
var Defaults Templates = defaults{}

// orDefaults is t, or Defaults when t is nil.
func orDefaults(t Templates) Templates {
	if t == nil {
		return Defaults
	}
	return t
}

// ParseTemplate reads a template's parts in the speech language
// (internal/speech) and refuses one that names an unknown figure, rule,
// field or word.
func ParseTemplate(lang i18n.Lang, parts ...string) (*Template, error) {
	t, err := speech.Parse(parts...)
	if err != nil {
		return nil, err
	}
	if err := t.Check(); err != nil {
		return nil, err
	}
	return &Template{Lang: lang, t: t}, nil
}

// Keys lists the figure keys the template refers to, in order of first use.
func (t *Template) Keys() []string { return t.t.Figures() }

// Filled is the template filled from data for a scope and period.
type Filled struct {
	Scope  figures.Scope
	Lang   i18n.Lang
	Values map[string]figures.Value
	parts  [][]speech.Segment
}

// Fill computes the figures the template uses for scope s and renders it
// as given on day today (去年 is the year before).
func (t *Template) Fill(ctx context.Context, q db.Q, s figures.Scope, today date.Date) (*Filled, error) {
	// What the figures and the examples compute is computed once: the
	// figures the examples read come with the template's, in one go.
	ctx = memo.With(ctx)
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
	// The figures said with their change from a year earlier are computed
	// for that period in one more batch.
	earlier := map[string]figures.Value{}
	if keys := t.t.Changes(); len(keys) > 0 {
		var efs []*figures.Figure
		for _, k := range keys {
			efs = append(efs, figures.Get(k))
		}
		elist, err := figures.ComputeList(ctx, q, figures.YearBefore(s), t.Lang, efs)
		if err != nil {
			return nil, err
		}
		for _, v := range elist {
			earlier[v.Key] = v
		}
	}
	d := &speechData{ctx: ctx, q: q, s: s, lang: t.Lang, values: vals, earlier: earlier, examples: map[string]speech.Fields{}, names: map[string]names{}}
	if err := d.prefetch(t.t); err != nil {
		return nil, err
	}
	parts, err := t.t.Render(speech.Context{Lang: t.Lang, Scope: s, Level: s.Level, Today: today}, d)
	if err != nil {
		return nil, err
	}
	return &Filled{Scope: s, Lang: t.Lang, Values: vals, parts: parts}, nil
}

// title names the speech; a community's name is not followed by 社区 twice.
func (f *Filled) title() string {
	key := "speech.title"
	if f.Lang != i18n.EN && strings.HasSuffix(f.Scope.AreaName, "社区") {
		key = "speech.title_community"
	}
	return i18n.T(f.Lang, key, f.Scope.AreaName, f.Scope.From.String(), f.Scope.To.String())
}

// Markdown renders the speech as Markdown.
func (f *Filled) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + f.title() + "\n\n")
	for i, p := range f.parts {
		if i > 0 {
			b.WriteString("\n")
		}
		var part strings.Builder
		for _, s := range p {
			part.WriteString(s.Text)
		}
		b.WriteString(strings.TrimSpace(part.String()))
		b.WriteString("\n")
	}
	return b.String()
}

// HTML renders the speech as an HTML fragment. Each figure links to its
// records under linkBase (for example "/figures/"), with the scope and
// period in the query, and each field of an example to its record's page;
// an empty linkBase renders plain numbers.
func (f *Filled) HTML(linkBase string) string {
	q := url.Values{}
	q.Set("area", fmt.Sprint(f.Scope.AreaID))
	q.Set("from", f.Scope.From.String())
	q.Set("to", f.Scope.To.String())
	e := figures.YearBefore(f.Scope)
	eq := url.Values{}
	eq.Set("area", fmt.Sprint(e.AreaID))
	eq.Set("from", e.From.String())
	eq.Set("to", e.To.String())
	var b bytes.Buffer
	b.WriteString("<article class=\"speech\">\n<h1>" + html.EscapeString(f.title()) + "</h1>\n")
	for _, p := range f.parts {
		var part strings.Builder
		for _, s := range p {
			if s.Key == "" {
				part.WriteString(html.EscapeString(s.Text))
				continue
			}
			link := s.Link
			switch {
			case figures.Get(s.Key) != nil && s.Earlier:
				link = linkBase + s.Key + "?" + eq.Encode()
			case figures.Get(s.Key) != nil:
				link = linkBase + s.Key + "?" + q.Encode()
			}
			if linkBase == "" || link == "" {
				part.WriteString(`<span class="figure" data-key="` + html.EscapeString(s.Key) + `">` + html.EscapeString(s.Text) + `</span>`)
				continue
			}
			part.WriteString(`<a class="figure" data-key="` + html.EscapeString(s.Key) + `" href="` + html.EscapeString(link) + `">` + html.EscapeString(s.Text) + `</a>`)
		}
		for _, block := range strings.Split(strings.TrimSpace(part.String()), "\n\n") {
			block = strings.TrimSpace(block)
			tag := "p"
			if strings.HasPrefix(block, "## ") {
				tag, block = "h2", strings.TrimPrefix(block, "## ")
			}
			fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, block, tag)
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

// speechData fills a template from the database: the figures computed
// beforehand, the names of their records and the examples on demand.
type speechData struct {
	ctx      context.Context
	q        db.Q
	s        figures.Scope
	lang     i18n.Lang
	values   map[string]figures.Value
	earlier  map[string]figures.Value
	examples map[string]speech.Fields
	names    map[string]names
}

// names are the names of a figure's records a speech says.
type names struct {
	list []string
	more bool
}

// prefetch finds the template's examples and the names it says side by
// side, two at a time on a pooled reader (a rule may read rows while it
// asks another query: two at a time leave the pool's four connections
// enough), so that rendering only looks them up. A rule the template's
// conditions leave out is found all the same: the speech's cost is its
// slowest rules, not their sum.
func (d *speechData) prefetch(t *speech.Template) error {
	rules, keys := t.Uses()
	found := make([]speech.Fields, len(rules))
	listed := make([]names, len(keys))
	var tasks []func() error
	for i, r := range rules {
		tasks = append(tasks, func() (err error) {
			found[i], err = speech.GetRule(r).Find(d.ctx, d.q, d.s, d.lang)
			return err
		})
	}
	for i, k := range keys {
		tasks = append(tasks, func() (err error) {
			listed[i].list, listed[i].more, err = d.readNames(k)
			return err
		})
	}
	parallel := 2
	if !d.q.Pooled() {
		parallel = 1
	}
	if err := figures.RunAll(tasks, parallel); err != nil {
		return err
	}
	for i, r := range rules {
		d.examples[r] = found[i]
	}
	for i, k := range keys {
		d.names[k] = listed[i]
	}
	return nil
}

func (d *speechData) Earlier(key string) (figures.Value, error) {
	v, ok := d.earlier[key]
	if !ok {
		return figures.Value{}, fmt.Errorf("report: figure %s a year earlier was not computed", key)
	}
	return v, nil
}

func (d *speechData) Value(key string) (figures.Value, error) {
	v, ok := d.values[key]
	if !ok {
		return figures.Value{}, fmt.Errorf("report: figure %s was not computed", key)
	}
	return v, nil
}

// namesRead bounds the records read for a list of names: enough to find a
// few distinct names among records that repeat them.
const namesRead = 200

// namesMax is the most names a speech says of one figure's records (the
// speech language names up to three, then 等): kept with one more, to know
// whether there are others.
const namesMax = 10

func (d *speechData) Names(key string, max int) ([]string, bool, error) {
	n, ok := d.names[key]
	if !ok {
		var err error
		if n.list, n.more, err = d.readNames(key); err != nil {
			return nil, false, err
		}
	}
	if len(n.list) > max {
		return n.list[:max], true, nil
	}
	return n.list, n.more, nil
}

// readNames reads the distinct names of a figure's records, up to
// namesMax, and whether there are others.
func (d *speechData) readNames(key string) ([]string, bool, error) {

	recs, more, err := figures.Get(key).RecordsUpTo(d.ctx, d.q, d.s, namesRead)
	if err != nil {
		return nil, false, err
	}
	var names []string
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Name == "" || seen[r.Name] {
			continue
		}
		if len(names) == namesMax {
			return names, true, nil
		}
		seen[r.Name] = true
		names = append(names, r.Name)
	}
	return names, more, nil
}

func (d *speechData) Example(rule string) (speech.Fields, error) {
	if f, ok := d.examples[rule]; ok {
		return f, nil
	}
	f, err := speech.GetRule(rule).Find(d.ctx, d.q, d.s, d.lang)
	if err != nil {
		return nil, err
	}
	d.examples[rule] = f
	return f, nil
}
