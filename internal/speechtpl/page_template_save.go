package speechtpl

import (
	"net/http"
	"strconv"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/web"
)

// templateSave keeps the posted template as the area's next version. A
// template that does not check is shown again with each part's refusal
// beside it, and nothing is saved.
func (p *pages) templateSave(w http.ResponseWriter, r *http.Request) {
	p.posted(w, r, true)
}

// templatePreview fills the posted template for the area and period: the
// whole editor again (the 预览 button), or with ?fragment=1 only the
// preview and the refusals, which the page's script puts in place as the
// user types.
func (p *pages) templatePreview(w http.ResponseWriter, r *http.Request) {
	p.posted(w, r, false)
}

func (p *pages) posted(w http.ResponseWriter, r *http.Request, save bool) {
	ctx, ui := r.Context(), web.Lang(r)
	a, ok := web.LoadByPath(p.Kit, w, r, "area", p.s.Areas.Get)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, i18n.T(ui, "err.body_invalid", err.Error()), http.StatusBadRequest)
		return
	}
	lang := templateLang(r, r.PostForm)
	if err := checkLang(lang); err != nil {
		http.Error(w, i18n.T(ui, "err.tpl_lang", string(lang)), http.StatusUnprocessableEntity)
		return
	}
	def, err := report.DefaultParts(lang)
	if err != nil {
		p.ServerError(w, r, err)
		return
	}
	parts := postedParts(r, len(def))
	e, err := p.newEditor(ctx, r, a, lang, parts, r.PostForm)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	if save {
		okParts, err := e.check(ui, parts)
		if err != nil {
			p.ServerError(w, r, err)
			return
		}
		if okParts {
			v, err := p.s.Save(ctx, SaveInput{AreaID: a.ID, Lang: lang, Parts: parts})
			if ie, isUser := web.UserError(err); isUser {
				e.Error = ie.In(ui)
			} else if err != nil {
				p.Fail(w, r, err)
				return
			} else {
				web.SetFlash(w, "ui.flash.tpl_saved", strconv.Itoa(v.Number))
				http.Redirect(w, r, editorURL(a.ID, lang), http.StatusSeeOther)
				return
			}
		}
	}
	if err := p.preview(ctx, ui, e, parts); err != nil {
		p.Fail(w, r, err)
		return
	}
	status := http.StatusOK
	if e.Error != "" || e.PreviewNote != "" && save {
		status = http.StatusUnprocessableEntity
	}
	if !save && r.URL.Query().Get("fragment") == "1" {
		p.RenderFragment(w, r, "speech_template", "checked", &web.View{D: e})
		return
	}
	p.render(w, r, status, e)
}
