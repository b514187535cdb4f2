package people_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

// TestListUnitsPagesAndFinds: the unit list comes a page at a time, finds
// a unit by any part of its name, keeps to the area and to the caller's
// scope.
func TestListUnitsPagesAndFinds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		for i, a := range []string{"a1", "a1", "a2", "b1", "a1"} {
			if _, err := w.s.CreateUnit(ctx, people.UnitInput{Name: fmt.Sprintf("第%d房管所", i+1), Kind: people.PublicInstitution,
				Rank: people.Section, AreaID: w.ids[a], On: d("2019-01-01")}); err != nil {
				t.Fatal(err)
			}
		}
		names := func(us []people.Unit) (out []string) {
			for _, u := range us {
				out = append(out, u.Name)
			}
			return out
		}
		list := func(ctx context.Context, f people.UnitFilter) []people.Unit {
			t.Helper()
			f.On = d("2025-06-30")
			us, err := w.s.ListUnits(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return us
		}
		first := list(ctx, people.UnitFilter{AreaID: w.ids["root"], Limit: 2})
		second := list(ctx, people.UnitFilter{AreaID: w.ids["root"], Limit: 2, After: first[1].ID})
		rest := list(ctx, people.UnitFilter{AreaID: w.ids["root"], Limit: 2, After: second[1].ID})
		if got := fmt.Sprint(names(first), names(second), names(rest)); got != "[第1房管所 第2房管所] [第3房管所 第4房管所] [第5房管所]" {
			t.Errorf("pages: %s", got)
		}
		for _, tc := range []struct {
			name string
			ctx  context.Context
			f    people.UnitFilter
			want string
		}{
			{"part of the name", ctx, people.UnitFilter{AreaID: w.ids["root"], Name: "3房", Limit: 50}, "[第3房管所]"},
			{"a LIKE wildcard is a character", ctx, people.UnitFilter{AreaID: w.ids["root"], Name: "%", Limit: 50}, "[]"},
			{"an area", ctx, people.UnitFilter{AreaID: w.ids["a1"], Limit: 50}, "[第1房管所 第2房管所 第5房管所]"},
			{"a subdistrict", ctx, people.UnitFilter{AreaID: w.ids["B"], Limit: 50}, "[第4房管所]"},
			{"the caller's scope", access.WithScope(ctx, w.ids["A"]), people.UnitFilter{AreaID: w.ids["A"], Limit: 50}, "[第1房管所 第2房管所 第3房管所 第5房管所]"},
		} {
			if got := fmt.Sprint(names(list(tc.ctx, tc.f))); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}
		if _, err := w.s.ListUnits(access.WithScope(ctx, w.ids["A"]), people.UnitFilter{AreaID: w.ids["B"], On: d("2025-06-30"), Limit: 50}); err == nil {
			t.Error("a unit list outside the caller's scope was given")
		}
	})
}
