package figures_test

import (
	"context"
	"strings"
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
		seen := map[string]bool{}
		for _, p := range periods {
			for _, sc := range scopes {
				s := figures.Scope{AreaID: w.AreaID(sc.area), AreaName: sc.area, From: date.MustParse(p[0]), To: date.MustParse(p[1])}
				b, err := figures.ComputeBySubArea(ctx, q, s, sc.level, i18n.ZH, fs)
				if err != nil {
					t.Fatal(err)
				}
				rows, err := figures.ComputeForAreasFromRows(ctx, q, s, sc.level, b.Areas, fs)
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

// TestGroupedSQL: the figures' queries all take the grouped form (else a
// breakdown computes them area by area), and a query with the scope used
// elsewhere does not.
func TestGroupedSQL(t *testing.T) {
	for _, f := range figures.All() {
		if _, ok := figures.GroupedSQL(f.SQL, []int64{1, 2}); !ok {
			t.Errorf("%s: not grouped", f.Key)
		}
	}
	cases := []struct {
		sql string
		ok  bool
	}{
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1", true},
		{"SELECT a.id AS id FROM area a WHERE a.id IN (SELECT sc.descendant_id FROM area_closure sc WHERE sc.ancestor_id = ?1)", false},
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1 WHERE a.id <> ?1", false},
		{"SELECT DISTINCT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1", false},
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1 GROUP BY a.id", false},
	}
	for _, c := range cases {
		got, ok := figures.GroupedSQL(c.sql, []int64{7, 9})
		if ok != c.ok {
			t.Errorf("%q: ok %v", c.sql, ok)
		}
		if ok && !strings.Contains(got, "sc.ancestor_id AS sub_id") || ok && !strings.Contains(got, "IN (7, 9)") {
			t.Errorf("%q: %s", c.sql, got)
		}
	}
}
