package cobuilding

import (
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// demandsPage is the demand list.
type demandsPage struct {
	Rows   []Demand
	Areas  map[int64]string
	Today  date.Date
	Status DemandStatus
	// Next is the query of the next page ("" on the last).
	Next string
	// AreaID is the area of the path (0 for the scope); a community's
	// list offers to record a demand there.
	AreaID   int64
	CanWrite bool
}

// demandList renders the demands of the user's scope (or of the area of
// the path), oldest first (the open ones by default), so that a need
// raised years ago stands out.
func (p *pages) demandList(w http.ResponseWriter, r *http.Request) {
	status := DemandStatus(r.URL.Query().Get("status"))
	if status == "" {
		status = Open
	}
	if status == "all" {
		status = ""
	}
	f := DemandFilter{Status: status, Limit: 50, AreaID: web.ParseID(r.PathValue("id"))}
	if id := after(r); id != 0 {
		on, _ := date.Parse(r.URL.Query().Get("after_on"))
		f.After = &Demand{ID: id, RaisedOn: on}
	}
	rows, err := p.s.ListDemands(r.Context(), f)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids := make([]int64, len(rows))
	for i, d := range rows {
		ids[i] = d.AreaID
	}
	names, err := p.s.areaNames(r.Context(), ids)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	pg := &demandsPage{Rows: rows, Areas: names, Today: p.s.Today(), Status: status, AreaID: f.AreaID, CanWrite: u.Can(WriteCobuilding)}
	if len(rows) == f.Limit {
		last := rows[len(rows)-1]
		pg.Next = "status=" + string(status) + "&after_on=" + last.RaisedOn.String() + "&after=" + web.Itoa(last.ID)
		if status == "" {
			pg.Next = "status=all" + pg.Next[len("status="):]
		}
	}
	p.Render(w, r, http.StatusOK, "demands", &web.View{Title: i18n.T(web.Lang(r), "ui.demands.title"), Nav: "cobuilding", D: pg})
}
