package area_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestOrgsActiveUnder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := area.NewStore(d)
		s.Today = func() date.Date { return date.MustParse("2024-12-31") }
		must := func(id int64, err error) int64 {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		d1 := date.MustParse("2020-01-01")
		root := must(s.Create(ctx, area.CreateInput{Level: area.District, Name: "示范区", On: d1}))
		east := must(s.Create(ctx, area.CreateInput{ParentID: root, Name: "河东街道", On: d1}))
		west := must(s.Create(ctx, area.CreateInput{ParentID: root, Name: "西湖街道", On: d1}))
		a := must(s.Create(ctx, area.CreateInput{ParentID: east, Name: "迎宾社区", On: d1}))
		b := must(s.Create(ctx, area.CreateInput{ParentID: west, Name: "西湖社区", On: d1}))
		committee := must(s.CreateOrg(ctx, area.OrgInput{AreaID: east, Kind: area.Committee, Name: "河东街道党委", On: d1}))
		branchA := must(s.CreateOrg(ctx, area.OrgInput{AreaID: a, Kind: area.Branch, Name: "迎宾居民区党支部", On: d1}))
		must(s.CreateOrg(ctx, area.OrgInput{AreaID: b, Kind: area.Branch, Name: "西湖社区党支部", On: date.MustParse("2021-01-01")}))
		wc := must(s.Reform(ctx, area.ReformInput{OrgID: committee, Kind: area.WorkingCommittee, Name: "河东街道党工委", On: date.MustParse("2022-03-01")}))
		// 迎宾社区 moves to 西湖 in 2023, taking its branch along.
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: a, NewParentID: west, On: date.MustParse("2023-01-01")}); err != nil {
			t.Fatal(err)
		}
		names := func(root int64, on string) []string {
			t.Helper()
			orgs, err := s.OrgsActiveUnder(ctx, root, date.MustParse(on))
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, o := range orgs {
				out = append(out, o.Name)
			}
			return out
		}
		cases := []struct {
			root int64
			on   string
			want []string
		}{
			{root, "2019-12-31", nil},
			{root, "2020-06-01", []string{"河东街道党委", "迎宾居民区党支部"}},
			{east, "2022-03-01", []string{"河东街道党工委", "迎宾居民区党支部"}},
			{east, "2023-01-01", []string{"河东街道党工委"}},
			{west, "2023-01-01", []string{"迎宾居民区党支部", "西湖社区党支部"}},
			{west, "2020-06-01", nil},
		}
		for _, c := range cases {
			got := names(c.root, c.on)
			if len(got) != len(c.want) {
				t.Errorf("root %d on %s: got %v, want %v", c.root, c.on, got, c.want)
				continue
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("root %d on %s: got %v, want %v", c.root, c.on, got, c.want)
					break
				}
			}
		}
		orgs, err := s.OrgsActiveUnder(ctx, east, date.MustParse("2022-03-01"))
		if err != nil {
			t.Fatal(err)
		}
		if orgs[0].ID != wc || orgs[0].PredecessorID != committee || orgs[1].ID != branchA {
			t.Errorf("links: %+v", orgs)
		}
	})
}
