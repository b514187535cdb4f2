package area_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestReviewScopedFindDoesNotExhaustThePool: a scoped Find by name keeps
// its rows open while it asks Within on a second connection of the same
// pool. With as many concurrent Finds as the SQLite reader pool has
// connections (4), every one holds a connection and waits for another:
// the requests (/figures?area=NAME, /api/v1/figures?area=NAME) hang until
// the client goes away. Any scoped viewer can do it.
func TestReviewScopedFindDoesNotExhaustThePool(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		s, ids := small(t, dbh)
		ctx, cancel := context.WithTimeout(area.WithScope(context.Background(), ids["E"]), 5*time.Second)
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

// TestReviewHistoryOfOwnAreaHidesOtherAreas: the store-level form of the
// web finding: History of 西街道 scoped to 西街道 names 东街道, from which
// e1 moved in.
func TestReviewHistoryOfOwnAreaHidesOtherAreas(t *testing.T) {
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
