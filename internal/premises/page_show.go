package premises

import (
	"net/http"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// communityPage is the data of a community's premises page.
type communityPage struct {
	CommunityView
	CanWrite bool
	Error    string
}

// communityShow renders a community's premises with their rooms, funding
// by year, land, projects and its three-lacks state on ?on= (today by
// default) with the reason for each lack.
func (p *pages) communityShow(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	on := p.s.Today()
	status := http.StatusOK
	var bad string
	if s := strings.TrimSpace(r.URL.Query().Get("on")); s != "" {
		d, err := date.Parse(s)
		if err != nil {
			bad, status = i18n.T(lang, "err.date_invalid", s), http.StatusUnprocessableEntity
		} else {
			on = d
		}
	}
	v, err := p.s.Community(r.Context(), web.ParseID(r.PathValue("id")), on)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	p.Render(w, r, status, "community_premises", &web.View{Title: i18n.T(lang, "ui.community_premises.title", v.Area.Name), Nav: "premises",
		D: &communityPage{CommunityView: v, CanWrite: u.Can(WritePremises) && v.Area.EndedOn.IsZero(), Error: bad}})
}

// projectPage is the data of a building project's page.
type projectPage struct {
	ProjectView
	CanWrite bool
	Next     Step
}

// projectShow renders a building project: its steps as a timeline, its
// funding as shares of the total, the fees waived, the premises it opened.
func (p *pages) projectShow(w http.ResponseWriter, r *http.Request) {
	v, err := p.s.ProjectView(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	page := &projectPage{ProjectView: v}
	if len(v.Steps) < len(Steps) {
		page.Next = Steps[len(v.Steps)]
	}
	u, _ := web.Principal(r)
	page.CanWrite = u.Can(WritePremises)
	p.Render(w, r, http.StatusOK, "building_project", &web.View{Title: v.Name, Nav: "premises", D: page})
}
