package area_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestChildCoverageCountsTheWholeSubtree holds the tree page's one-query
// counts to the whole tree read node by node (Tree), on dates before and
// after a merge, a move and the organisations' starts, on both engines.
func TestChildCoverageCountsTheWholeSubtree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		for _, o := range []struct {
			key, name, on string
		}{{"e1", "东一社区党支部", "2021-01-01"}, {"w1", "西一社区党支部", "2020-06-01"}} {
			if _, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids[o.key], Kind: area.Branch, Name: o.name, On: d(o.on)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2023-03-01")}); err != nil {
			t.Fatal(err)
		}
		for _, on := range []string{"2019-12-31", "2020-03-01", "2021-06-01", "2022-01-01", "2023-02-28", "2023-03-01", "2025-06-30"} {
			for _, root := range []string{"root", "E", "W"} {
				tree, err := s.Tree(ctx, ids[root], d(on))
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.ChildCoverage(ctx, ids[root], d(on))
				if err != nil {
					t.Fatal(err)
				}
				want := map[int64]area.Coverage{}
				if tree != nil {
					for _, c := range tree.Children {
						var cv area.Coverage
						for _, n := range c.Children {
							n.Walk(func(n *area.Node) {
								cv.Below++
								if n.Level == area.Community {
									cv.Communities++
									if n.ActiveOrg == 0 {
										cv.Lacking++
									}
								}
							})
						}
						if cv.Below > 0 {
							want[c.ID] = cv
						}
					}
				}
				if len(got) != len(want) {
					t.Errorf("%s on %s: coverage %v, want %v", root, on, got, want)
					continue
				}
				for id, w := range want {
					if got[id] != w {
						t.Errorf("%s on %s: area %d coverage %+v, want %+v", root, on, id, got[id], w)
					}
				}
			}
		}
		// The counts that matter: on 2025-06-30 西街道 holds both communities, one of which lacks nothing.
		got, _ := s.ChildCoverage(ctx, ids["root"], d("2025-06-30"))
		if w := (area.Coverage{Communities: 2, Lacking: 0, Below: 2}); got[ids["W"]] != w {
			t.Errorf("西街道 on 2025-06-30: %+v, want %+v", got[ids["W"]], w)
		}
	})
}
