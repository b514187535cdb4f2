package speechtpl

import (
	"net/http"
	"strconv"

	"dangjian/internal/web"
)

// versionRestore keeps a copy of the version as its area's next version.
func (p *pages) versionRestore(w http.ResponseWriter, r *http.Request) {
	id, _ := web.PathID(r)
	v, err := p.s.Restore(r.Context(), id)
	if ie, ok := web.UserError(err); ok && web.UserErrorStatus(ie) != http.StatusForbidden && !web.IsNotFound(err) {
		http.Error(w, ie.In(web.Lang(r)), http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	web.SetFlash(w, "ui.flash.tpl_restored", strconv.Itoa(v.RestoredFrom), strconv.Itoa(v.Number))
	http.Redirect(w, r, editorURL(v.AreaID, v.Lang), http.StatusSeeOther)
}
