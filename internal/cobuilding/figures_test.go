package cobuilding_test

import (
	"context"

	"dangjian/internal/area"
	"fmt"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/testkit"
)

// TestPartFourFigures: every figure of part four (a) against the dataset
// of partFour.projects, by scope and period; the answers are counted by
// hand from its comment. P2 runs across two periods (counted when done,
// its 2023 banner in 2023); U6 gave to 宾南's P2 after moving there from
// 官渡, so it counts for 河东 and not for 官渡; P5 was done in 河滨 before
// 河滨 was merged into 宾南.
func TestPartFourFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		p.projects()
		for _, tc := range []struct {
			scope, from, to string
			want            map[string]float64
		}{
			{"示范区", "2024-01-01", "2024-12-31", map[string]float64{"projects.done": 3, "projects.units": 3, "projects.saved": 20.5, "feedback.banners": 3}},
			{"河东街道", "2024-01-01", "2024-12-31", map[string]float64{"projects.done": 3, "projects.units": 3, "projects.saved": 20.5, "feedback.banners": 2}},
			{"官渡街道", "2024-01-01", "2024-12-31", map[string]float64{"projects.done": 0, "projects.units": 0, "projects.saved": 0, "feedback.banners": 1}},
			{"迎宾社区", "2024-01-01", "2024-12-31", map[string]float64{"projects.done": 2, "projects.units": 2, "projects.saved": 20.5, "feedback.banners": 2}},
			{"示范区", "2023-01-01", "2023-12-31", map[string]float64{"projects.done": 0, "projects.units": 0, "projects.saved": 0, "feedback.banners": 1}},
			{"河东街道", "2022-01-01", "2022-12-31", map[string]float64{"projects.done": 1, "projects.units": 0, "projects.saved": 1, "feedback.banners": 0}},
			{"宾南社区", "2022-01-01", "2022-12-31", map[string]float64{"projects.done": 0, "projects.units": 0, "projects.saved": 0, "feedback.banners": 0}},
			{"官渡街道", "2025-01-01", "2025-06-30", map[string]float64{"projects.done": 1, "projects.units": 1, "projects.saved": 1, "feedback.banners": 0}},
			{"示范区", "2024-03-28", "2024-06-29", map[string]float64{"projects.done": 1, "projects.units": 2, "projects.saved": 20, "feedback.banners": 2}},
		} {
			t.Run(fmt.Sprintf("%s %s..%s", tc.scope, tc.from, tc.to), func(t *testing.T) {
				s := figures.Scope{AreaID: p.ID(tc.scope), From: d(tc.from), To: d(tc.to)}
				for key, want := range tc.want {
					f := figures.Get(key)
					if f == nil {
						t.Fatalf("%s is not registered", key)
					}
					got, err := f.Compute(context.Background(), dbh.Reader(), s)
					if err != nil {
						t.Fatalf("%s: %v", key, err)
					}
					if fmt.Sprintf("%.2f", got) != fmt.Sprintf("%.2f", want) {
						t.Errorf("%s: %v, want %v", key, got, want)
					}
					recs, err := f.Records(context.Background(), dbh.Reader(), s)
					if err != nil || (want > 0 && len(recs) == 0) || (want == 0 && f.Agg == figures.Count && len(recs) > 0) {
						t.Errorf("%s: %d records, %v", key, len(recs), err)
					}
				}
			})
		}
		// The maintained counts give every tallied figure the rows give, for
		// every area, on and around each day the dataset changes something.
		// 官渡社区 moves to 河东街道 in 2025, after P3 was done there: its
		// units count for 官渡街道 in 2025, from rows (it left during the
		// year), and not for 河东街道.
		if err := p.App.Areas.Adjust(context.Background(), area.AdjustInput{AreaID: p.ID("官渡社区"), NewParentID: p.ID("河东街道"), On: d("2025-03-01")}); err != nil {
			t.Fatal(err)
		}
		for scope, want := range map[string]float64{"官渡街道": 1, "河东街道": 0} {
			s := figures.Scope{AreaID: p.ID(scope), From: d("2025-01-01"), To: d("2025-12-31")}
			if got, err := figures.Get("projects.units").Compute(context.Background(), dbh.Reader(), s); err != nil || got != want {
				t.Errorf("projects.units of %s in 2025 after the move: %v, %v; want %v", scope, got, err, want)
			}
		}
		// Spans of years too, whole and with parts of years at either end,
		// for the units' sets (read by whole year, the rest from rows).
		periods := append(testkit.TalliedPeriods(2022, 2025,
			"2022-05-01", "2023-12-20", "2024-03-28", "2024-04-05", "2024-05-01", "2024-06-30", "2024-11-30", "2024-12-01", "2025-01-15"),
			[2]date.Date{d("2022-01-01"), d("2024-12-31")}, [2]date.Date{d("2023-07-01"), d("2025-03-31")}, [2]date.Date{d("2021-03-01"), d("2024-12-31")},
			[2]date.Date{d("2024-01-01"), d("2025-06-30")}, [2]date.Date{d("2022-04-01"), d("2024-06-29")}, [2]date.Date{d("2024-03-01"), d("2025-12-31")})
		t.Logf("%d scopes and periods compared", testkit.CheckTallied(t, dbh, periods))
	})
}
