package services_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/testkit"
)

// TestPartFourBFigures: every figure of part four (b) against the dataset
// of partFourB.build, by scope and period; the answers are counted by
// hand from its comment. 迎宾社区 (O1, O7, D1, R1, R2, P1, P2, G2) moves
// from 河东 to 官渡 on 2024-07-01: its outlets and designation count for
// 官渡 at the end of 2024 and for 河东 at the end of June; its records for
// the subdistrict it lay in on their date. R1 is March's record (dated
// 2024-03-01) and R3 June's: a period from 15 March to 14 June holds R3
// whole and none of R1, nor R4 (15 June). R8 was 河滨's before the merge.
func TestPartFourBFigures(t *testing.T) {
	type want map[string]float64
	kinds := []string{"sanitation_station", "cleaning_team", "elderly_centre", "family_planning_centre", "housekeeping_centre", "disability_centre"}
	outlets := func(n ...float64) want {
		w := want{}
		for i, k := range kinds {
			w["outlets."+k] = n[i]
		}
		return w
	}
	services := func(total, training, job, health, elderly, other float64) want {
		return want{"services.person_times": total, "services.person_times.training": training, "services.person_times.job_guidance": job,
			"services.person_times.health_care": health, "services.person_times.elderly_care": elderly, "services.person_times.other": other}
	}
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		for _, tc := range []struct {
			scope, from, to string
			want            []want
		}{
			{"示范区", "2024-01-01", "2024-12-31", []want{outlets(1, 1, 1, 1, 1, 1), services(247, 120, 7, 50, 70, 0),
				{"subdistricts.total": 2, "designations.safe_neighbourhoods": 2, "placements.total": 3, "good_deeds.total": 3}}},
			{"河东街道", "2024-01-01", "2024-12-31", []want{outlets(0, 1, 0, 0, 1, 0), services(197, 120, 7, 0, 70, 0),
				{"subdistricts.total": 1, "designations.safe_neighbourhoods": 0, "placements.total": 2, "good_deeds.total": 1}}},
			{"官渡街道", "2024-01-01", "2024-12-31", []want{outlets(1, 0, 1, 1, 0, 1), services(50, 0, 0, 50, 0, 0),
				{"subdistricts.total": 1, "designations.safe_neighbourhoods": 2, "placements.total": 1, "good_deeds.total": 2}}},
			{"迎宾社区", "2024-01-01", "2024-12-31", []want{outlets(1, 0, 1, 0, 0, 0), services(150, 100, 0, 50, 0, 0),
				{"subdistricts.total": 0, "designations.safe_neighbourhoods": 1, "placements.total": 2, "good_deeds.total": 1}}},
			{"河东街道", "2024-01-01", "2024-06-30", []want{outlets(1, 1, 2, 0, 1, 0), services(137, 100, 7, 0, 30, 0),
				{"designations.safe_neighbourhoods": 1, "placements.total": 2, "good_deeds.total": 1}}},
			{"官渡街道", "2024-01-01", "2024-06-30", []want{outlets(0, 0, 0, 0, 0, 1), services(0, 0, 0, 0, 0, 0),
				{"designations.safe_neighbourhoods": 1, "placements.total": 0, "good_deeds.total": 0}}},
			{"河东街道", "2024-03-15", "2024-06-14", []want{services(30, 0, 0, 0, 30, 0), {"placements.total": 1}}},
			{"示范区", "2024-03-01", "2024-03-31", []want{services(100, 100, 0, 0, 0, 0)}},
			{"河东街道", "2022-01-01", "2022-12-31", []want{services(11, 0, 0, 0, 0, 11)}},
			{"宾南社区", "2022-01-01", "2022-12-31", []want{services(0, 0, 0, 0, 0, 0)}},
			{"示范区", "2025-01-01", "2025-06-30", []want{outlets(1, 1, 1, 1, 1, 1), services(5, 0, 0, 5, 0, 0),
				{"designations.safe_neighbourhoods": 1, "placements.total": 0, "good_deeds.total": 1}}},
			{"官渡街道", "2025-01-01", "2025-06-30", []want{{"designations.safe_neighbourhoods": 1, "good_deeds.total": 0}}},
			{"官渡街道", "2023-01-01", "2023-12-31", []want{{"placements.total": 1, "outlets.disability_centre": 1, "designations.safe_neighbourhoods": 0}}},
		} {
			t.Run(fmt.Sprintf("%s %s..%s", tc.scope, tc.from, tc.to), func(t *testing.T) {
				s := figures.Scope{AreaID: p.ID(tc.scope), From: d(tc.from), To: d(tc.to)}
				for _, w := range tc.want {
					for key, want := range w {
						f := figures.Get(key)
						if f == nil {
							t.Fatalf("%s is not registered", key)
						}
						got, err := f.Compute(context.Background(), dbh.Reader(), s)
						if err != nil {
							t.Fatalf("%s: %v", key, err)
						}
						if got != want {
							t.Errorf("%s: %v, want %v", key, got, want)
						}
						recs, err := f.Records(context.Background(), dbh.Reader(), s)
						if err != nil || (want > 0 && len(recs) == 0) || (want == 0 && len(recs) > 0 && f.Agg == figures.Count) {
							t.Errorf("%s: %d records, %v", key, len(recs), err)
						}
					}
				}
			})
		}
		// The maintained counts give every tallied figure the rows give, for
		// every area, on and around each day the dataset changes something.
		t.Logf("%d scopes and periods compared", testkit.CheckTallied(t, dbh, testkit.TalliedPeriods(2021, 2025,
			"2021-01-01", "2022-06-01", "2024-03-01", "2024-03-15", "2024-06-01", "2024-06-14", "2024-06-15", "2024-07-01", "2025-01-01", "2025-06-30")))
	})
}
