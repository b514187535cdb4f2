package services_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
)

// petitionCases is the dataset of the petitions' figures, on testkit's
// small district, after 官渡社区 moved from 官渡街道 to 河东街道 on
// 2024-07-01. Times are China Standard Time; every case is dispatched on
// receipt and replied to when accepted.
//
//	A1 迎宾   help                 2024-01-01 00:30  accepted +9.5h  resolved 2024-01-03  satisfied
//	A2 迎宾   complaint            2023-12-31 23:30  accepted +8.5h  resolved 2024-01-02  unsatisfied
//	A3 宾南   complaint, 30 people 2024-03-01 09:00  accepted +25h   resolved 2024-03-20  basically
//	A4 宾南   report               2024-12-31 22:00  accepted +11h   resolved 2025-01-10  satisfied
//	A5 河东街道 suggestion, 5 people 2024-06-01 09:00  not accepted    open
//	A6 官渡   help, 12 people      2024-05-01 09:00  accepted +3h    resolved 2024-05-10  unsatisfied  (官渡街道 then)
//	A7 官渡   consult              2024-08-01 09:00  accepted +0.5h  resolved 2024-08-01  satisfied    (河东街道 then)
//	A8 迎宾   complaint, 8 people  2023-11-01 09:00  accepted +1h    resolved 2024-02-01  not called back
var petitionCases = []ptCase{
	{title: "A1", area: "迎宾社区", kind: "help", received: "2024-01-01 00:30", agency: "区城管局", accepted: "2024-01-01 10:00", resolved: "2024-01-03", sat: "satisfied"},
	{title: "A2", area: "迎宾社区", kind: "complaint", received: "2023-12-31 23:30", agency: "区城管局", accepted: "2024-01-01 08:00", resolved: "2024-01-02", sat: "unsatisfied"},
	{title: "A3", area: "宾南社区", kind: "complaint", headcount: 30, received: "2024-03-01 09:00", agency: "区住建局", accepted: "2024-03-02 10:00", resolved: "2024-03-20", sat: "basically"},
	{title: "A4", area: "宾南社区", kind: "report", received: "2024-12-31 22:00", agency: "区公安分局", accepted: "2025-01-01 09:00", resolved: "2025-01-10", sat: "satisfied"},
	{title: "A5", area: "河东街道", kind: "suggestion", headcount: 5, received: "2024-06-01 09:00", agency: "区规划局"},
	{title: "A6", area: "官渡社区", kind: "help", headcount: 12, received: "2024-05-01 09:00", agency: "区水务局", accepted: "2024-05-01 12:00", resolved: "2024-05-10", sat: "unsatisfied"},
	{title: "A7", area: "官渡社区", kind: "consult", received: "2024-08-01 09:00", agency: "区民政局", accepted: "2024-08-01 09:30", resolved: "2024-08-01", sat: "satisfied"},
	{title: "A8", area: "迎宾社区", kind: "complaint", headcount: 8, received: "2023-11-01 09:00", agency: "区城管局", accepted: "2023-11-01 10:00", resolved: "2024-02-01"},
}

// TestPetitionFigures: the four figures against petitionCases by scope and
// period; the answers are counted by hand from its comment. A1 and A4
// fall inside 2024 by their day in China (in UTC A1 is 2023), A2 outside;
// A4 is resolved after 2024 ends; A6 counts for 官渡街道, A7 (after the
// move) for 河东街道; A8, received in 2023, is a collective case resolved
// in 2024.
func TestPetitionFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		ctx := context.Background()
		p.ok(p.App.Areas.Adjust(ctx, area.AdjustInput{AreaID: p.ID("官渡社区"), NewParentID: p.ID("河东街道"), On: ptDay("2024-07-01")}))
		for _, c := range petitionCases {
			p.receive(c)
		}
		type want struct{ collective, response, resolution, satisfaction float64 }
		for _, tc := range []struct {
			scope, from, to string
			want
		}{
			{"示范区", "2024-01-01", "2024-12-31", want{3, 66.7, 66.7, 80}},
			{"河东街道", "2024-01-01", "2024-12-31", want{2, 60, 60, 100}},
			{"官渡街道", "2024-01-01", "2024-12-31", want{1, 100, 100, 0}},
			{"官渡社区", "2024-01-01", "2024-12-31", want{1, 100, 100, 50}},
			{"迎宾社区", "2023-01-01", "2023-12-31", want{0, 100, 0, 0}},
			{"示范区", "2024-01-01", "2024-01-01", want{0, 100, 0, 100}},
			{"示范区", "2024-12-31", "2025-01-31", want{0, 100, 100, 100}},
			{"示范区", "2024-02-01", "2024-02-01", want{1, 0, 0, 0}},
			{"宾南社区", "2022-01-01", "2022-12-31", want{0, 0, 0, 0}},
		} {
			t.Run(fmt.Sprintf("%s %s..%s", tc.scope, tc.from, tc.to), func(t *testing.T) {
				s := figures.Scope{AreaID: p.ID(tc.scope), From: ptDay(tc.from), To: ptDay(tc.to)}
				for key, want := range map[string]float64{"petitions.collective_resolved": tc.collective, "petitions.response_rate": tc.response,
					"petitions.resolution_rate": tc.resolution, "petitions.satisfaction_rate": tc.satisfaction} {
					f := figures.Get(key)
					if f == nil {
						t.Fatalf("%s is not registered", key)
					}
					got, err := f.Compute(ctx, dbh.Reader(), s)
					if err != nil {
						t.Fatalf("%s: %v", key, err)
					}
					if f.Format(got) != f.Format(want) {
						t.Errorf("%s: %s, want %s", key, f.Format(got), f.Format(want))
					}
					recs, err := f.Records(ctx, dbh.Reader(), s)
					if err != nil || (want > 0 && len(recs) == 0) || (want == 0 && f.Agg == figures.Count && len(recs) > 0) {
						t.Errorf("%s: %d records, %v", key, len(recs), err)
					}
				}
				// The report's rates are the figures'.
				r, err := p.s.Report(ctx, p.ID(tc.scope), s.From, s.To, "")
				p.ok(err)
				if r.Rates.Response != tc.response || r.Rates.Resolution != tc.resolution || r.Rates.Satisfaction != tc.satisfaction {
					t.Errorf("report: %+v", r.Rates)
				}
			})
		}
		// The maintained counts give every tallied figure the rows give, for
		// every area, on and around each day the dataset changes something.
		t.Logf("%d scopes and periods compared", testkit.CheckTallied(t, dbh, testkit.TalliedPeriods(2023, 2025,
			"2023-11-01", "2024-01-01", "2024-01-02", "2024-02-01", "2024-03-01", "2024-03-20", "2024-05-10", "2024-07-01", "2024-08-01", "2024-12-31", "2025-01-10")))
		// The drill-down names the case and where it was sent.
		recs, err := figures.Get("petitions.collective_resolved").Records(ctx, dbh.Reader(), figures.Scope{AreaID: p.ID("官渡街道"), From: ptDay("2024-01-01"), To: ptDay("2024-12-31")})
		p.ok(err)
		if len(recs) != 1 || recs[0].Name != "A6" || recs[0].Detail != "区水务局" {
			t.Errorf("官渡街道's collective cases resolved in 2024: %+v", recs)
		}
	})
}

// TestPetitionRanking: departments are ranked by the rates of their cases
// in the scope and period only with at least PetitionRankMinCases of
// them.
//
//	区城管局  10 in 迎宾: all accepted in an hour, 9 resolved, 9 satisfied → 100 / 90 / 100
//	           + 1 in 官渡 (官渡街道), resolved, satisfied
//	区住建局  11 in 宾南: one accepted after 30 hours, all resolved, 8 satisfied, 3 not → 90.9 / 100 / 72.7
//	区水务局   3 in 宾南: all in time, resolved, satisfied → too few to rank
func TestPetitionRanking(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		ctx := context.Background()
		for i := 0; i < 10; i++ {
			c := ptCase{title: fmt.Sprintf("城管%d", i), area: "迎宾社区", kind: "complaint", received: fmt.Sprintf("2024-03-%02d 09:00", i+1), agency: "区城管局",
				accepted: fmt.Sprintf("2024-03-%02d 10:00", i+1), resolved: fmt.Sprintf("2024-03-%02d", i+2), sat: "satisfied"}
			if i == 9 {
				c.resolved, c.sat = "", ""
			}
			p.receive(c)
		}
		p.receive(ptCase{title: "城管官渡", area: "官渡社区", kind: "help", received: "2024-04-01 09:00", agency: "区城管局", accepted: "2024-04-01 10:00", resolved: "2024-04-02", sat: "satisfied"})
		for i := 0; i < 11; i++ {
			c := ptCase{title: fmt.Sprintf("住建%d", i), area: "宾南社区", kind: "help", received: fmt.Sprintf("2024-05-%02d 09:00", i+1), agency: "区住建局",
				accepted: fmt.Sprintf("2024-05-%02d 10:00", i+1), resolved: fmt.Sprintf("2024-05-%02d", i+3), sat: "satisfied"}
			if i == 0 {
				c.accepted = "2024-05-02 15:00"
			}
			if i >= 8 {
				c.sat = "unsatisfied"
			}
			p.receive(c)
		}
		for i := 0; i < 3; i++ {
			p.receive(ptCase{title: fmt.Sprintf("水务%d", i), area: "宾南社区", kind: "help", received: fmt.Sprintf("2024-06-%02d 09:00", i+1), agency: "区水务局",
				accepted: fmt.Sprintf("2024-06-%02d 10:00", i+1), resolved: fmt.Sprintf("2024-06-%02d", i+2), sat: "satisfied"})
		}
		from, to := ptDay("2024-01-01"), ptDay("2024-12-31")
		type row struct {
			agency                   string
			cases                    int
			response, resolved, sati float64
		}
		for _, tc := range []struct {
			scope, by string
			rates     [3]float64
			want      []row
		}{
			{"河东街道", "", [3]float64{95.8, 95.8, 87}, []row{{"区住建局", 11, 90.9, 100, 72.7}, {"区城管局", 10, 100, 90, 100}}},
			{"河东街道", "response", [3]float64{95.8, 95.8, 87}, []row{{"区城管局", 10, 100, 90, 100}, {"区住建局", 11, 90.9, 100, 72.7}}},
			{"河东街道", "satisfaction", [3]float64{95.8, 95.8, 87}, []row{{"区城管局", 10, 100, 90, 100}, {"区住建局", 11, 90.9, 100, 72.7}}},
			{"示范区", "", [3]float64{96, 96, 87.5}, []row{{"区住建局", 11, 90.9, 100, 72.7}, {"区城管局", 11, 100, 90.9, 100}}},
			{"官渡街道", "", [3]float64{100, 100, 100}, []row{}},
		} {
			r, err := p.s.Report(ctx, p.ID(tc.scope), from, to, tc.by)
			p.ok(err)
			if got := [3]float64{r.Rates.Response, r.Rates.Resolution, r.Rates.Satisfaction}; got != tc.rates {
				t.Errorf("%s: rates %v, want %v", tc.scope, got, tc.rates)
			}
			got := []row{}
			for _, a := range r.Ranking {
				got = append(got, row{a.Agency, a.Cases, a.Response, a.Resolution, a.Satisfaction})
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%s by %q: %v, want %v", tc.scope, tc.by, got, tc.want)
			}
		}
		if _, err := p.s.Report(ctx, 0, from, to, "speed"); err == nil {
			t.Error("a ranking by an unknown rate was accepted")
		}
		if services.PetitionRankMinCases != 10 {
			t.Errorf("the ranking's minimum is %d cases", services.PetitionRankMinCases)
		}
	})
}
