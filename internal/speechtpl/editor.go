package speechtpl

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/web"
)

// editor is the data of the editor page.
type editor struct {
	Area area.Area
	// Lang is the template's language (the page's own may differ).
	Lang  string
	Langs []web.Option
	Parts []editPart
	// From and To are the preview's period.
	From, To string
	Preview  template.HTML
	// PreviewNote says why there is no preview (a refusal, a bad period).
	PreviewNote string
	// Error is a refusal of the whole template (its number of parts).
	Error    string
	Versions []versionRow
	// Source says where the current template comes from.
	Source   string
	CanWrite bool
}

// editPart is one part's textarea and its refusal.
type editPart struct {
	N       int
	Heading string
	Text    string
	Refusal string
	Rows    int
}

// versionRow is a version in the list, with the one before it for a diff.
type versionRow struct {
	Version
	When     string
	Origin   string
	Previous int64
}

// langWords name the templates' languages.
var langWords = map[i18n.Lang]string{i18n.ZH: "ui.tpl.lang_zh", i18n.EN: "ui.tpl.lang_en"}

// partField names the textarea of part n.
func partField(n int) string { return "part" + strconv.Itoa(n) }

// templateLang is the template's language asked for (tpl_lang), else the
// page's.
func templateLang(r *http.Request, v url.Values) i18n.Lang {
	if l := v.Get("tpl_lang"); l != "" {
		return i18n.Lang(l)
	}
	return web.Lang(r)
}

// postedParts reads the parts' textareas of a posted editor.
func postedParts(r *http.Request, n int) []string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.ReplaceAll(r.PostFormValue(partField(i+1)), "\r\n", "\n")
	}
	return parts
}

// newEditor builds the editor of area a's template in lang: parts nil
// shows the template the scope uses now (its own or inherited, else the
// seed's words).
func (p *pages) newEditor(ctx context.Context, r *http.Request, a area.Area, lang i18n.Lang, parts []string, v url.Values) (*editor, error) {
	ui := web.Lang(r)
	e := &editor{Area: a, Lang: string(lang), From: strings.TrimSpace(v.Get("from")), To: strings.TrimSpace(v.Get("to"))}
	for _, l := range i18n.Langs {
		e.Langs = append(e.Langs, web.Option{Value: string(l), Label: i18n.T(ui, langWords[l]), Selected: l == lang})
	}
	if pr, ok := web.Principal(r); ok {
		e.CanWrite = pr.Can(WriteTemplates)
	}
	def, err := report.DefaultParts(lang)
	if err != nil {
		return nil, err
	}
	cur, err := p.s.Inherited(ctx, a.ID, lang)
	if err != nil {
		return nil, err
	}
	switch {
	case cur == nil:
		e.Source = i18n.T(ui, "ui.tpl.source_default")
	case cur.AreaID == a.ID:
		e.Source = i18n.T(ui, "ui.tpl.source_own", cur.Number, cur.By, when(cur.At))
	default:
		// The area above the caller's scope is named, not opened.
		name, err := p.s.areaName(ctx, cur.AreaID)
		if err != nil {
			return nil, err
		}
		e.Source = i18n.T(ui, "ui.tpl.source_inherited", name, cur.Number)
	}
	if parts == nil {
		parts = def
		if cur != nil {
			parts = cur.Parts
		}
	}
	for i, text := range parts {
		heading := ""
		if i < len(def) {
			heading = strings.TrimPrefix(strings.SplitN(def[i], "\n", 2)[0], "## ")
		}
		e.Parts = append(e.Parts, editPart{N: i + 1, Heading: heading, Text: text, Rows: min(40, max(8, strings.Count(text, "\n")+3))})
	}
	versions, err := p.s.Versions(ctx, a.ID, lang)
	if err != nil {
		return nil, err
	}
	for i, ver := range versions {
		row := versionRow{Version: ver, When: when(ver.At), Origin: originWords(ui, ver)}
		if i+1 < len(versions) {
			row.Previous = versions[i+1].ID
		}
		e.Versions = append(e.Versions, row)
	}
	return e, nil
}

// check places each part's refusal beside its textarea; ok is false when
// there is any.
func (e *editor) check(ui i18n.Lang, parts []string) (bool, error) {
	refusals, err := Refusals(i18n.Lang(e.Lang), parts)
	if err != nil {
		return false, err
	}
	for _, ie := range refusals {
		n, isPart := 0, ie.Field == "template" && len(ie.Args) > 0
		if isPart {
			n, _ = ie.Args[0].(int)
		}
		if n >= 1 && n <= len(e.Parts) {
			e.Parts[n-1].Refusal = ie.In(ui)
		} else {
			e.Error = ie.In(ui)
		}
	}
	return len(refusals) == 0, nil
}

// preview fills the checked parts for the area and the period asked for.
func (p *pages) preview(ctx context.Context, ui i18n.Lang, e *editor, parts []string) error {
	ok, err := e.check(ui, parts)
	if err != nil || !ok {
		e.PreviewNote = i18n.T(ui, "ui.tpl.preview_refused")
		return err
	}
	t, err := report.ParseTemplate(i18n.Lang(e.Lang), parts...)
	if err != nil {
		return err
	}
	sc, err := report.ResolveScope(ctx, p.s.Areas, strconv.FormatInt(e.Area.ID, 10), e.From, e.To)
	if ie, isUser := web.UserError(err); isUser {
		e.PreviewNote = ie.In(ui)
		return nil
	}
	if err != nil {
		return err
	}
	e.From, e.To = sc.From.String(), sc.To.String()
	filled, err := t.Fill(ctx, p.s.DB.Reader(), sc, p.s.Areas.Today())
	if err != nil {
		return err
	}
	// HTML escapes the template's text and the scope's name itself.
	e.Preview = template.HTML(filled.HTML("/figures/"))
	return nil
}

// editorURL is the editor of area id's template in lang.
func editorURL(id int64, lang i18n.Lang) string {
	return "/areas/" + strconv.FormatInt(id, 10) + "/speech-template?tpl_lang=" + string(lang)
}
