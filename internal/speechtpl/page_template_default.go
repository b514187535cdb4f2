package speechtpl

import (
	"net/http"
	"strconv"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// templateRestoreDefault keeps the seed's words as the area's next
// version.
func (p *pages) templateRestoreDefault(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, i18n.T(web.Lang(r), "err.body_invalid", err.Error()), http.StatusBadRequest)
		return
	}
	lang := templateLang(r, r.PostForm)
	v, err := p.s.RestoreDefault(r.Context(), areaID(r), lang)
	if ie, ok := web.UserError(err); ok && web.UserErrorStatus(ie) != http.StatusForbidden {
		http.Error(w, ie.In(web.Lang(r)), http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	web.SetFlash(w, "ui.flash.tpl_default_restored", strconv.Itoa(v.Number))
	http.Redirect(w, r, editorURL(v.AreaID, lang), http.StatusSeeOther)
}
