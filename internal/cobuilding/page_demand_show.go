package cobuilding

import (
	"net/http"

	"dangjian/internal/web"
)

// demandPage is a demand with the resources suggested for it today.
type demandPage struct {
	Demand      Demand
	AreaName    string
	Age         int
	Suggestions []Suggestion
	Areas       map[int64]string
	CanWrite    bool
}

// demandShow renders a demand and, while it is not settled, the resources
// that could meet it, ranked, each with its reason.
func (p *pages) demandShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := p.s.Demand(ctx, web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	pg := &demandPage{Demand: d, Age: d.AgeDays(p.s.Today())}
	if !d.Settled() {
		if pg.Suggestions, err = p.s.Suggest(ctx, d.ID, p.s.Today(), 20); err != nil {
			p.Fail(w, r, err)
			return
		}
	}
	ids := []int64{d.AreaID}
	for _, sg := range pg.Suggestions {
		ids = append(ids, sg.Resource.AreaID)
	}
	if pg.Areas, err = p.s.areaNames(ctx, ids); err != nil {
		p.Fail(w, r, err)
		return
	}
	pg.AreaName = pg.Areas[d.AreaID]
	u, _ := web.Principal(r)
	pg.CanWrite = u.Can(WriteCobuilding)
	p.Render(w, r, http.StatusOK, "demand", &web.View{Title: d.Title, Nav: "cobuilding", D: pg})
}
