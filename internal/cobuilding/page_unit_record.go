package cobuilding

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// unitRecordShow renders a unit's record of co-building: what it offers,
// what it gave by year and to which project.
func (p *pages) unitRecordShow(w http.ResponseWriter, r *http.Request) {
	rec, err := p.s.UnitRecordOf(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	rec.CanWrite = u.Can(WriteUnitResources)
	p.Render(w, r, http.StatusOK, "unit_cobuilding", &web.View{Title: i18n.T(web.Lang(r), "ui.unit_cobuilding.title", rec.UnitName), Nav: "cobuilding", D: &rec})
}
