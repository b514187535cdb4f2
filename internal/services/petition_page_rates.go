package services

import (
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// ratesPage is the rates of a scope and period with the ranking.
type ratesPage struct {
	Report   PetitionReport
	AreaName string
	Rankings []string
	Error    string
}

// rates renders the three rates of the cases the scope (or ?area=)
// received in the period (?from=, ?to=; this year to today by default)
// and the departments ranked ?by= one of them, each with at least
// PetitionRankMinCases cases.
func (p *petitionPages) rates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lang := web.Lang(r)
	to, errTo := date.Parse(q.Get("to"))
	if errTo != nil {
		to = p.s.Today()
	}
	from, errFrom := date.Parse(q.Get("from"))
	if errFrom != nil {
		from = date.New(to.Year(), 1, 1)
	}
	rep, err := p.s.Report(r.Context(), web.ParseID(q.Get("area")), from, to, q.Get("by"))
	pg := &ratesPage{Rankings: PetitionRankings}
	status := http.StatusOK
	if err != nil {
		e, ok := web.UserError(err)
		if !ok || web.UserErrorStatus(e) == http.StatusForbidden {
			p.Fail(w, r, err)
			return
		}
		pg.Error, status = e.In(lang), web.UserErrorStatus(e)
	}
	pg.Report = rep
	if rep.AreaID != 0 {
		if a, err := p.s.Areas.Get(r.Context(), rep.AreaID); err == nil {
			pg.AreaName = a.Name
		}
	}
	p.Render(w, r, status, "petition_rates", &web.View{Title: i18n.T(lang, "ui.petition_rates.title"), Nav: "petition-rates", D: pg})
}
