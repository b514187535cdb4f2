package cobuilding

import (
	"net/http"

	"dangjian/internal/web"
)

// projectPage is a project's story and its community's name.
type projectPage struct {
	Story
	AreaName string
	CanWrite bool
}

// canWrite reports whether the user may change part four (a)'s records.
func canWrite(r *http.Request) bool {
	u, _ := web.Principal(r)
	return u.Can(WriteCobuilding)
}

// projectShow renders a project as its story: the demand, the units and
// departments, what each gave, the results, the thanks, and the money
// saved.
func (p *pages) projectShow(w http.ResponseWriter, r *http.Request) {
	st, err := p.s.ProjectStory(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	names, err := p.s.areaNames(r.Context(), []int64{st.Project.AreaID})
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.Render(w, r, http.StatusOK, "co_project", &web.View{Title: st.Project.Title, Nav: "cobuilding", D: &projectPage{Story: st, AreaName: names[st.Project.AreaID], CanWrite: canWrite(r)}})
}
