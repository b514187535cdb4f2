package cobuilding

import (
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// resourcesPage is the resource list.
type resourcesPage struct {
	Rows     []Resource
	Areas    map[int64]string
	Today    date.Date
	Kind     Kind
	Next     string
	CanWrite bool
}

// resourceList renders the resources offered in the user's scope, of a
// kind when one is asked (?kind=), by id.
func (p *pages) resourceList(w http.ResponseWriter, r *http.Request) {
	kind := Kind(r.URL.Query().Get("kind"))
	if !oneOf(kind, Kinds) {
		kind = ""
	}
	f := ResourceFilter{Kind: kind, After: after(r), Limit: 50}
	rows, err := p.s.ListResources(r.Context(), f)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids := make([]int64, len(rows))
	for i, x := range rows {
		ids[i] = x.AreaID
	}
	names, err := p.s.areaNames(r.Context(), ids)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	pg := &resourcesPage{Rows: rows, Areas: names, Today: p.s.Today(), Kind: kind, CanWrite: u.Can(WriteCobuilding)}
	if len(rows) == f.Limit {
		pg.Next = "kind=" + string(kind) + "&after=" + web.Itoa(rows[len(rows)-1].ID)
	}
	p.Render(w, r, http.StatusOK, "resources", &web.View{Title: i18n.T(web.Lang(r), "ui.resources.title"), Nav: "cobuilding", D: pg})
}
