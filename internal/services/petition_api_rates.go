package services

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// rates serves GET /api/v1/petition-rates: the three rates of the cases
// the scope (or ?area=) received from ?from= to ?to= (this year to today
// by default) and the departments and units ranked ?by= resolution
// (default), response or satisfaction, each with at least
// PetitionRankMinCases cases.
func (a *petitionAPI) rates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, to, err := petitionPeriod(q.Get("from"), q.Get("to"), a.s.Today())
	var areaID int64
	if err == nil {
		areaID, err = queryID("area", q.Get("area"))
	}
	var rep PetitionReport
	if err == nil {
		rep, err = a.s.Report(r.Context(), areaID, from, to, q.Get("by"))
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusOK, rep)
}

// petitionPeriod reads a period, by default the year of today up to today.
func petitionPeriod(fromS, toS string, today date.Date) (from, to date.Date, err error) {
	if from, err = api.ParseDate("from", fromS); err != nil {
		return
	}
	if to, err = api.ParseDate("to", toS); err != nil {
		return
	}
	if to.IsZero() {
		to = today
	}
	if from.IsZero() {
		from = date.New(to.Year(), 1, 1)
	}
	return from, to, nil
}
