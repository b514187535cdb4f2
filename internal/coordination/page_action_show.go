package coordination

import (
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/web"
)

// actionShowPage is an action's page: its view, today (for the overdue mark)
// and what the user may do.
type actionShowPage struct {
	ActionView
	Today    date.Date
	CanWrite bool
}

// actionShow renders an action: owner, due date, status, timeline,
// sub-actions (the parent's progress is their mean) and result.
func (p *pages) actionShow(w http.ResponseWriter, r *http.Request) {
	v, err := p.s.ActionView(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	p.Render(w, r, http.StatusOK, "action", &web.View{Title: v.Title, Nav: "coordination", D: &actionShowPage{ActionView: v, Today: p.s.Today(),
		CanWrite: u.Can(WriteCoordination) && !v.Closed()}})
}
