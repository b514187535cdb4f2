package services

import (
	"context"
	"math"
	"sort"

	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// PetitionRates are the three rates of the cases an area's subtree
// received in a period (domain.md): response, resolution, satisfaction,
// in percent with one decimal, with the counts behind them.
type PetitionRates struct {
	Cases        int     `json:"cases"`
	Responded    int     `json:"responded"`
	Resolved     int     `json:"resolved"`
	Rated        int     `json:"rated"`
	Satisfied    int     `json:"satisfied"`
	Response     float64 `json:"response_rate"`
	Resolution   float64 `json:"resolution_rate"`
	Satisfaction float64 `json:"satisfaction_rate"`
}

// finish computes the rates from the counts.
func (r *PetitionRates) finish() {
	r.Response, r.Resolution, r.Satisfaction = percent(r.Responded, r.Cases), percent(r.Resolved, r.Cases), percent(r.Satisfied, r.Rated)
}

// percent is 100 × n ÷ of, one decimal; 0 when of is 0.
func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(1000*float64(n)/float64(of)) / 10
}

// AgencyRates are the rates of one department or unit.
type AgencyRates struct {
	Agency string `json:"agency"`
	PetitionRates
}

// PetitionReport is the rates of a scope and period and the ranking of
// the departments and units with enough cases to rank.
type PetitionReport struct {
	AreaID   int64         `json:"area_id"`
	From     date.Date     `json:"from"`
	To       date.Date     `json:"to"`
	By       string        `json:"by"`
	MinCases int           `json:"min_cases"`
	Rates    PetitionRates `json:"rates"`
	Ranking  []AgencyRates `json:"ranking"`
}

// PetitionRankings are the rates a ranking may be ordered by.
var PetitionRankings = []string{"resolution", "response", "satisfaction"}

// Report computes the rates of the cases areaID's subtree (the caller's
// scope when 0) received from from to to, as the figures define them,
// and ranks the departments and units that had at least
// PetitionRankMinCases of them by the rate by (best first; ties by the
// other two rates, then by name).
func (s *PetitionStore) Report(ctx context.Context, areaID int64, from, to date.Date, by string) (PetitionReport, error) {
	if by == "" {
		by = "resolution"
	}
	out := PetitionReport{AreaID: areaID, From: from, To: to, By: by, MinCases: PetitionRankMinCases, Ranking: []AgencyRates{}}
	if !petitionOneOf(by, PetitionRankings) {
		return out, i18n.Errf("by", "err.petition_rank_invalid")
	}
	switch {
	case from.IsZero():
		return out, i18n.Errf("from", "err.date_required")
	case to.IsZero():
		return out, i18n.Errf("to", "err.date_required")
	case to.Before(from):
		return out, i18n.Errf("to", "err.petition_period_reversed")
	}
	if areaID == 0 {
		areaID = s.scope(ctx)
	}
	if areaID == 0 {
		root, err := s.Areas.Root(ctx)
		if err != nil {
			return out, err
		}
		areaID = root.ID
	}
	if _, err := s.inScope(ctx, "area", areaID); err != nil {
		return out, err
	}
	out.AreaID = areaID
	q := s.DB.Reader()
	query := figures.SQLJoin(
		"SELECT COALESCE((SELECT u.name FROM unit u WHERE u.id = p.unit_id), p.department), COUNT(*),",
		"COALESCE(SUM("+flagResponded+"), 0), COALESCE(SUM("+flagResolved+"), 0),",
		"COALESCE(SUM(CASE WHEN p.satisfaction IS NOT NULL THEN 1 ELSE 0 END), 0), COALESCE(SUM("+flagSatisfied+"), 0)",
		petitionsReceived,
		"GROUP BY COALESCE((SELECT u.name FROM unit u WHERE u.id = p.unit_id), p.department)",
	)
	rows, err := q.QueryContext(ctx, query, areaID, from, to)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var a AgencyRates
		if err := rows.Scan(&a.Agency, &a.Cases, &a.Responded, &a.Resolved, &a.Rated, &a.Satisfied); err != nil {
			return out, err
		}
		out.Rates.Cases += a.Cases
		out.Rates.Responded += a.Responded
		out.Rates.Resolved += a.Resolved
		out.Rates.Rated += a.Rated
		out.Rates.Satisfied += a.Satisfied
		if a.Agency != "" && a.Cases >= PetitionRankMinCases {
			a.finish()
			out.Ranking = append(out.Ranking, a)
		}
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	out.Rates.finish()
	key := func(a AgencyRates) [3]float64 {
		switch by {
		case "response":
			return [3]float64{a.Response, a.Resolution, a.Satisfaction}
		case "satisfaction":
			return [3]float64{a.Satisfaction, a.Resolution, a.Response}
		}
		return [3]float64{a.Resolution, a.Satisfaction, a.Response}
	}
	sort.SliceStable(out.Ranking, func(i, j int) bool {
		ki, kj := key(out.Ranking[i]), key(out.Ranking[j])
		for n := range ki {
			if ki[n] != kj[n] {
				return ki[n] > kj[n]
			}
		}
		return out.Ranking[i].Agency < out.Ranking[j].Agency
	})
	return out, nil
}
