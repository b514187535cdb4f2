package premises_test

import (
	"context"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/premises"
)

// TestThreeLacksLists reads the three-lacks report, the below-standard list
// and a community's state on the hand-built dataset; the lists are the
// records the figures count (TestPartThreeFigures).
func TestThreeLacksLists(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartThree(t, dbh)
		p.build()
		r, err := p.s.ThreeLacks(ctx, p.ID("示范区"), d("2024-01-01"), d("2024-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		names := func(xs []premises.CommunityLacks) (out []string) {
			for _, x := range xs {
				out = append(out, x.Name)
			}
			return out
		}
		if got := names(r.AtStart); !same(got, "官渡社区", "迎宾社区") {
			t.Errorf("three-lacks at the start: %v", got)
		}
		if got := names(r.AtEnd); !same(got, "新村社区") {
			t.Errorf("three-lacks at the end: %v", got)
		}
		want := map[string]struct {
			on, address string
			three       bool
		}{
			"迎宾社区": {"2024-04-10", "迎宾一巷1号", true},
			"官渡社区": {"2024-03-01", "官渡路3号", true},
			"宾南社区": {"2024-09-01", "宾南路8号", false},
		}
		if len(r.Solved) != len(want) {
			t.Errorf("solved: %+v", r.Solved)
		}
		for _, x := range r.Solved {
			w, ok := want[x.Name]
			if !ok || x.On.String() != w.on || x.Address != w.address || x.ThreeLacks != w.three {
				t.Errorf("solved %+v, want %+v", x, w)
			}
		}

		// Every community lacking something on 2024-01-01, and what.
		all, err := p.s.Lacks(ctx, p.ID("示范区"), d("2024-01-01"), false)
		if err != nil {
			t.Fatal(err)
		}
		lacks := map[string][3]bool{}
		for _, x := range all {
			lacks[x.Name] = [3]bool{x.Office, x.Funding, x.Land}
		}
		if lacks["宾南社区"] != [3]bool{true, true, false} || lacks["迎宾社区"] != [3]bool{true, true, true} || len(lacks) != 3 {
			t.Errorf("lacks on 2024-01-01: %v", lacks)
		}

		below, err := p.s.BelowStandard(ctx, p.ID("示范区"), d("2024-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		// 新村 has nothing against the district's 100 m²; 官渡 has 80 m²
		// against max(100, 20 × 300 ÷ 100 = 60) = 100.
		if len(below) != 2 || below[0].Name != "新村社区" || below[0].Shortfall != 100_00 ||
			below[1].Name != "官渡社区" || below[1].FloorArea != 80_00 || below[1].Required != 100_00 || below[1].Shortfall != 20_00 {
			t.Errorf("below standard: %+v", below)
		}

		// 宾南 on 2024-06-30: land since 2020, no premises yet, no funding
		// for 2024; 迎宾 on 2024-01-01: nothing, its office comes later.
		v, err := p.s.Community(ctx, p.ID("宾南社区"), d("2024-06-30"))
		if err != nil {
			t.Fatal(err)
		}
		st := v.State
		if st.ThreeLacks || !st.Office.Lacks || st.Office.Why != "ui.lack.premises_later" || st.Office.Arg != "2024-09-01" ||
			st.Funding.Why != "ui.lack.funding_none" || st.Land.Lacks || st.Land.Arg != "宾南路" {
			t.Errorf("宾南 state: %+v", st)
		}
		if len(v.Premises) != 2 || len(v.Premises[1].Rooms) != 1 || len(v.Funding) != 1 || v.Funding[0].Total != 2*wan || len(v.Land) != 1 {
			t.Errorf("宾南 page: %+v", v)
		}
		v, err = p.s.Community(ctx, p.ID("宾南社区"), d("2024-12-15"))
		if err != nil || v.State.Office.Lacks || v.State.Office.Arg != "宾南路8号" {
			t.Errorf("宾南 in December: %+v, %v", v.State, err)
		}
		v, err = p.s.Community(ctx, p.ID("官渡社区"), d("2024-01-01"))
		if err != nil || !v.State.ThreeLacks || v.State.Funding.Why != "ui.lack.funding_none" || len(v.Projects) != 1 {
			t.Errorf("官渡 on 2024-01-01: %+v, %v", v.State, err)
		}
		if _, err := p.s.Community(ctx, p.ID("河东街道"), d("2024-01-01")); err == nil {
			t.Error("a subdistrict's premises page was read as a community's")
		}
	})
}

func same(got []string, want ...string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}
