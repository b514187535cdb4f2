package speechtpl

import (
	"net/http"
	"strconv"

	"dangjian/internal/access"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// templateHome opens the editor of the user's own area (the whole tree's
// root for a user who is not scoped to one).
func (p *pages) templateHome(w http.ResponseWriter, r *http.Request) {
	id := access.ScopeFrom(r.Context())
	if id == 0 {
		root, err := p.s.Areas.Root(r.Context())
		if err != nil {
			p.Fail(w, r, err)
			return
		}
		id = root.ID
	}
	http.Redirect(w, r, editorURL(id, web.Lang(r)), http.StatusSeeOther)
}

// templateShow is the editor of the area's template: the template the
// scope uses now, its versions and a preview of its speech.
func (p *pages) templateShow(w http.ResponseWriter, r *http.Request) {
	a, ok := web.LoadByPath(p.Kit, w, r, "area", p.s.Areas.Get)
	if !ok {
		return
	}
	q := r.URL.Query()
	lang := templateLang(r, q)
	if err := checkLang(lang); err != nil {
		p.NotFound(w, r)
		return
	}
	e, err := p.newEditor(r.Context(), r, a, lang, nil, q)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	parts := make([]string, len(e.Parts))
	for i, x := range e.Parts {
		parts[i] = x.Text
	}
	if err := p.preview(r.Context(), web.Lang(r), e, parts); err != nil {
		p.Fail(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, e)
}

// render writes the editor page.
func (p *pages) render(w http.ResponseWriter, r *http.Request, status int, e *editor) {
	ui := web.Lang(r)
	p.Render(w, r, status, "speech_template", &web.View{Title: i18n.T(ui, "ui.tpl.title", e.Area.Name), Nav: "speech-template", D: e})
}

// areaID is the path's area id.
func areaID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}
