package services

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// petitionsPage is the work list.
type petitionsPage struct {
	Rows   []Petition
	Status string
	// AreaID is the area of the path (0: the scope); AreaName its name.
	AreaID   int64
	AreaName string
	// Next is the query of the next page ("" on the last).
	Next     string
	CanWrite bool
}

// list renders the cases of the user's scope (or of the area of the
// path): open ones first, the soonest due on top, each with its time left
// or how long it is overdue; ?status=open or closed narrows it.
func (p *petitionPages) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := PetitionFilter{Status: q.Get("status"), AreaID: web.ParseID(r.PathValue("id")), Limit: 50}
	if f.Status != "open" && f.Status != "closed" {
		f.Status = ""
	}
	pg := &petitionsPage{Status: f.Status, AreaID: f.AreaID}
	if f.AreaID != 0 {
		a, err := p.s.Areas.Get(r.Context(), f.AreaID)
		if err != nil {
			p.Fail(w, r, err)
			return
		}
		pg.AreaName = a.Name
	}
	if after := web.ParseID(q.Get("after")); after != 0 {
		last, err := p.s.load(r.Context(), p.s.DB.Reader(), "after", after)
		if err != nil {
			p.Fail(w, r, err)
			return
		}
		f.After = &last
	}
	rows, err := p.s.ListPetitions(r.Context(), f)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	pg.Rows = rows
	if len(rows) == f.Limit {
		pg.Next = "status=" + f.Status + "&after=" + web.Itoa(rows[len(rows)-1].ID)
	}
	u, _ := web.Principal(r)
	pg.CanWrite = u.Can(WritePetitions)
	title := i18n.T(web.Lang(r), "ui.petitions.title")
	if pg.AreaName != "" {
		title = pg.AreaName + " · " + title
	}
	p.Render(w, r, http.StatusOK, "petitions", &web.View{Title: title, Nav: "petitions", D: pg})
}
