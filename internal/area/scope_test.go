package area_test

import (
	"context"
	"dangjian/internal/access"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestWithin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2023-01-01")}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			anc, id string
			want    bool
		}{
			{"root", "e1", true},
			{"W", "e1", true},  // moved in
			{"E", "e1", false}, // moved out
			{"E", "e3", true},  // ended, stays where it was
			{"e1", "e1", true},
			{"e1", "W", false},
			{"W", "e2", false},
		}
		for _, c := range cases {
			got, err := s.Within(ctx, ids[c.anc], ids[c.id])
			if err != nil || got != c.want {
				t.Errorf("Within(%s, %s) = %v %v, want %v", c.anc, c.id, got, err, c.want)
			}
		}
	})
}

// TestScopedStoreRefusesOutsideItsSubtree calls every read and write of a
// store scoped to 东街道 on an area inside and one outside.
func TestScopedStoreRefusesOutsideItsSubtree(t *testing.T) {
	type op func(ctx context.Context, s *area.Store, target int64, ids map[string]int64) error
	ops := map[string]op{
		"Get": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Get(ctx, id)
			return err
		},
		"Tree": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Tree(ctx, id, d("2024-01-01"))
			return err
		},
		"History": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.History(ctx, id)
			return err
		},
		"Orgs": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Orgs(ctx, id)
			return err
		},
		"Children": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Children(ctx, id)
			return err
		},
		"Ancestors": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Ancestors(ctx, id)
			return err
		},
		"OrgsActiveUnder": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.OrgsActiveUnder(ctx, id, d("2024-01-01"))
			return err
		},
		"Rename": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: id, Name: "改名社区", On: d("2024-01-01")})
		},
		"Adjust": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			return s.Adjust(ctx, area.AdjustInput{AreaID: id, Note: "边界", On: d("2024-01-01")})
		},
		"Dissolve": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			return s.Dissolve(ctx, area.DissolveInput{AreaID: id, On: d("2024-01-01")})
		},
		"Split": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Split(ctx, area.SplitInput{AreaID: id, Names: []string{"甲", "乙"}, On: d("2024-01-01")})
			return err
		},
		"Merge into the target": func(ctx context.Context, s *area.Store, id int64, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e2"], TargetID: id, On: d("2024-01-01")})
		},
		"Merge the subject": func(ctx context.Context, s *area.Store, id int64, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: id, TargetID: ids["e2"], On: d("2024-01-01")})
		},
		"Create under": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: id, Name: "新社区", On: d("2024-01-01")})
			return err
		},
		"CreateOrg": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			_, err := s.CreateOrg(ctx, area.OrgInput{AreaID: id, Kind: area.Branch, Name: "党支部", On: d("2024-01-01")})
			return err
		},
		"Reform": func(ctx context.Context, s *area.Store, id int64, _ map[string]int64) error {
			orgs, err := s.In(0).Orgs(ctx, id)
			if err != nil || len(orgs) == 0 {
				return err
			}
			_, err = s.Reform(ctx, area.ReformInput{OrgID: orgs[0].ID, Kind: area.GeneralBranch, Name: "党总支", On: d("2024-01-01")})
			return err
		},
	}
	targets := map[string]string{ // op → inside target, outside target
		"Create under": "E|W", "Merge into the target": "e1|w1",
	}
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		for name, run := range ops {
			for _, inside := range []bool{true, false} {
				ctx := context.Background()
				s, ids := small(t, dbtest.Open(t, dbh.Dialect))
				for _, k := range []string{"e1", "w1"} {
					if _, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids[k], Kind: area.Branch, Name: k + "党支部", On: d("2021-01-01")}); err != nil {
						t.Fatal(err)
					}
				}
				in, out := "e1", "w1"
				if tg, ok := targets[name]; ok {
					in, out = tg[:strings.Index(tg, "|")], tg[strings.Index(tg, "|")+1:]
				}
				target := ids[out]
				if inside {
					target = ids[in]
				}
				err := run(ctx, s.In(ids["E"]), target, ids)
				if inside && errors.Is(err, area.ErrOutOfScope) {
					t.Errorf("%s inside the scope refused: %v", name, err)
				}
				if !inside && !errors.Is(err, area.ErrOutOfScope) {
					t.Errorf("%s outside the scope: got %v, want out of scope", name, err)
				}
			}
		}
	})
}

func TestScopedListsAndRoot(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		sc := s.In(ids["E"])
		root, err := sc.Root(ctx)
		if err != nil || root.ID != ids["E"] {
			t.Errorf("scoped Root = %+v %v", root, err)
		}
		list, _ := sc.ListActive(ctx, d("2024-01-01"))
		for _, a := range list {
			if a.ID == ids["W"] || a.ID == ids["w1"] || a.ID == ids["root"] {
				t.Errorf("scoped list shows %s", a.Name)
			}
		}
		if len(list) != 3 {
			t.Errorf("scoped list has %d areas, want 东街道, 东一, 东二", len(list))
		}
		if _, err := sc.Find(ctx, "西一社区"); err == nil {
			t.Error("scoped Find found an area outside")
		}
		anc, _ := s.In(ids["E"]).Ancestors(ctx, ids["e1"])
		if len(anc) != 1 || anc[0].ID != ids["E"] {
			t.Errorf("scoped ancestors = %+v", anc)
		}
	})
}

func TestScopeFromContext(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s, ids := small(t, dbh)
		ctx := access.WithScope(context.Background(), ids["W"])
		if _, err := s.Get(ctx, ids["e1"]); !errors.Is(err, area.ErrOutOfScope) {
			t.Errorf("context scope ignored: %v", err)
		}
		if root, err := s.Root(ctx); err != nil || root.ID != ids["W"] {
			t.Errorf("Root under a context scope = %+v %v", root, err)
		}
		if _, err := s.Get(access.WithScope(context.Background(), 0), ids["e1"]); err != nil {
			t.Errorf("scope 0 restricted: %v", err)
		}
	})
}

// TestScopeCheckedBeforeValidation: a refusal for an area outside the scope
// says nothing else about it, not its dates nor whether it exists.
func TestScopeCheckedBeforeValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		sc := s.In(ids["E"])
		early := d("2019-01-01") // before everything was established
		checks := map[string]error{}
		_, checks["create under"] = sc.Create(ctx, area.CreateInput{ParentID: ids["W"], Name: "x", On: early})
		checks["move under"] = sc.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2024-01-01")})
		checks["rename"] = sc.Rename(ctx, area.RenameInput{AreaID: ids["w1"], Name: "y", On: early})
		_, checks["org on"] = sc.CreateOrg(ctx, area.OrgInput{AreaID: ids["w1"], Kind: area.Branch, Name: "z", On: early})
		_, checks["org on a missing area"] = sc.CreateOrg(ctx, area.OrgInput{AreaID: 987654, Kind: area.Branch, Name: "z", On: d("2024-01-01")})
		_, checks["missing area"] = sc.Get(ctx, 987654)
		_, checks["missing org"] = sc.Org(ctx, 987654)
		for name, err := range checks {
			if !errors.Is(err, area.ErrOutOfScope) {
				t.Errorf("%s: %v, want out of scope", name, err)
			}
		}
	})
}

// TestScopedFindDoesNotExhaustThePool: sixteen concurrent scoped Finds by
// name, four times as many as the SQLite reader pool has connections, all
// return. A Find that kept its rows open while it asked Within on a second
// connection would have every connection held and waiting for another,
// and any scoped viewer could hang /figures?area=NAME and
// /api/v1/figures?area=NAME that way.
func TestScopedFindDoesNotExhaustThePool(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s, ids := small(t, dbh)
		ctx, cancel := context.WithTimeout(access.WithScope(context.Background(), ids["E"]), 5*time.Second)
		defer cancel()
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					if _, err := s.Find(ctx, "东一社区"); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("concurrent scoped Find calls deadlocked on the reader pool: %v", err)
			}
			t.Fatal(err)
		}
	})
}

// TestScopedHistoryNamesNoAreaOutsideScope: the History of an area, read
// through a store scoped to 西街道, names only areas inside 西街道, even
// for e1, which moved in from 东街道 (the store-level form of the area
// page's history in the web test TestAreaHistoryNamesNoAreaOutsideScope).
func TestScopedHistoryNamesNoAreaOutsideScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s, ids := small(t, dbh)
		ctx := context.Background()
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: date.MustParse("2023-01-01")}); err != nil {
			t.Fatal(err)
		}
		evs, err := s.In(ids["W"]).History(ctx, ids["e1"])
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			for _, r := range []*area.Ref{e.Target, e.FromParent, e.ToParent} {
				if r == nil {
					continue
				}
				if ok, _ := s.Within(ctx, ids["W"], r.ID); !ok {
					t.Errorf("History for a 西街道 reader names %d %q (outside the scope) in a %s event", r.ID, r.Name, e.Kind)
				}
			}
		}
	})
}
