package cobuilding

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// projectsPage is the project list.
type projectsPage struct {
	Rows  []Project
	Areas map[int64]string
	Next  string
	// CanWrite says whether the user may import the project sheet.
	CanWrite bool
}

// projectList renders the co-building projects of the user's scope by id,
// each with its dates, costs and the money it saved.
func (p *pages) projectList(w http.ResponseWriter, r *http.Request) {
	f := ProjectFilter{After: after(r), Limit: 50}
	rows, err := p.s.ListProjects(r.Context(), f)
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
	pg := &projectsPage{Rows: rows, Areas: names, CanWrite: u.Can(WriteCobuilding)}
	if len(rows) == f.Limit {
		pg.Next = "after=" + web.Itoa(rows[len(rows)-1].ID)
	}
	p.Render(w, r, http.StatusOK, "co_projects", &web.View{Title: i18n.T(web.Lang(r), "ui.co_projects.title"), Nav: "cobuilding", D: pg})
}
