package workbook_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/testkit"
)

// TestComputeBySubArea holds every figure by sub-area to the figure
// computed for that sub-area as its own scope, and the total row to the
// scope's figure, on the demo district: in 2022 湖心社区 moved from 西湖街道
// to 南山街道 (1 July) and 新华社区 split in two (1 April); on 5 January
// 2025 翠柳社区 merged into 荷塘社区.
func TestComputeBySubArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		ctx := context.Background()
		q := dbh.Reader()
		periods := [][2]string{{"2022-01-01", "2022-12-31"}, {"2024-01-01", "2024-12-31"}, {"2025-01-01", "2025-06-30"}, {"2022-03-01", "2024-10-31"}}
		scopes := []struct {
			area, level string
		}{
			{"示范区", "subdistrict"},
			{"示范区", "community"},
			{"西湖街道", "community"},
			{"南山街道", "community"},
			{"新华街道", "community"},
		}
		fs := figures.All()
		for _, f := range fs {
			if !f.Grouped() {
				t.Errorf("%s: a breakdown computes it area by area", f.Key)
			}
		}
		seen := map[string]bool{}
		for _, p := range periods {
			for _, sc := range scopes {
				s := figures.Scope{AreaID: w.AreaID(sc.area), AreaName: sc.area, From: date.MustParse(p[0]), To: date.MustParse(p[1])}
				b, err := figures.ComputeBySubArea(ctx, q, s, sc.level, i18n.ZH, fs)
				if err != nil {
					t.Fatal(err)
				}
				rows, err := figures.ComputeForAreasFromRows(ctx, q, s, sc.level, b.Areas, i18n.ZH, fs)
				if err != nil {
					t.Fatal(err)
				}
				if len(b.Areas) == 0 {
					t.Fatalf("%s %s: no sub-areas", sc.area, sc.level)
				}
				for i, a := range b.Areas {
					if a.Level != sc.level || a.Name == "" || a.ParentName == "" {
						t.Errorf("%s: sub-area %+v", sc.area, a)
					}
					seen[a.Name+"/"+a.ParentName] = true
					if !a.EndedOn.IsZero() {
						seen["ended "+a.Name] = true
					}
					for j, f := range fs {
						want, err := f.Compute(ctx, q, b.AreaScope(i))
						if err != nil {
							t.Fatal(err)
						}
						if got := b.Values[i][j]; got != want {
							t.Errorf("%s…%s %s: %s for %s is %v, its own scope %v", p[0], p[1], sc.area, f.Key, a.Name, got, want)
						}
						if got := rows.Values[i][j]; got != want {
							t.Errorf("%s…%s %s: %s for %s counted from rows is %v, its own scope %v", p[0], p[1], sc.area, f.Key, a.Name, got, want)
						}
					}
				}
				for j, f := range fs {
					want, err := f.Compute(ctx, q, s)
					if err != nil {
						t.Fatal(err)
					}
					if b.Total[j] != want {
						t.Errorf("%s…%s %s: total %s is %v, the scope's %v", p[0], p[1], sc.area, f.Key, b.Total[j], want)
					}
				}
			}
		}
		// The tree's changes are in the rows: 湖心社区 under 南山街道 after
		// its move, the merged 翠柳社区 kept as ended in 2025, both halves
		// of 新华社区 and 新华社区 itself as ended in 2022.
		for _, k := range []string{"湖心社区/南山街道", "ended 翠柳社区", "新华东社区/新华街道", "ended 新华社区"} {
			if !seen[k] {
				t.Errorf("no row %s", k)
			}
		}
	})
}
