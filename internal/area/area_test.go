package area_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// names flattens a tree into "parent/child" lines for comparison.
func names(n *area.Node) []string {
	var out []string
	var walk func(prefix string, n *area.Node)
	walk = func(prefix string, n *area.Node) {
		p := prefix + n.Name
		out = append(out, p)
		for _, c := range n.Children {
			walk(p+"/", c)
		}
	}
	walk("", n)
	return out
}

func TestTreeAsOfDate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2023-03-01")}); err != nil {
			t.Fatal(err)
		}
		if err := s.Rename(ctx, area.RenameInput{AreaID: ids["w1"], Name: "西一新社区", On: d("2023-04-01")}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			asOf string
			want string
		}{
			{"2019-12-31", ""},
			{"2021-12-31", "示例区 示例区/东街道 示例区/东街道/东一社区 示例区/东街道/东二社区 示例区/东街道/东三社区 示例区/西街道 示例区/西街道/西一社区"},
			{"2022-01-01", "示例区 示例区/东街道 示例区/东街道/东一社区 示例区/东街道/东二社区 示例区/西街道 示例区/西街道/西一社区"},
			{"2023-02-28", "示例区 示例区/东街道 示例区/东街道/东一社区 示例区/东街道/东二社区 示例区/西街道 示例区/西街道/西一社区"},
			{"2023-03-01", "示例区 示例区/东街道 示例区/东街道/东二社区 示例区/西街道 示例区/西街道/东一社区 示例区/西街道/西一社区"},
			{"2023-04-01", "示例区 示例区/东街道 示例区/东街道/东二社区 示例区/西街道 示例区/西街道/东一社区 示例区/西街道/西一新社区"},
		}
		for _, c := range cases {
			tree, err := s.Tree(ctx, ids["root"], d(c.asOf))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if tree != nil {
				got = strings.Join(names(tree), " ")
			}
			if got != c.want {
				t.Errorf("tree as of %s:\n got %s\nwant %s", c.asOf, got, c.want)
			}
		}
		// The moved community's subtree query from its old subdistrict, as of before and after.
		before, _ := s.Tree(ctx, ids["E"], d("2023-02-28"))
		after, _ := s.Tree(ctx, ids["E"], d("2023-03-01"))
		if len(before.Children) != 2 || len(after.Children) != 1 {
			t.Errorf("东街道 children: before %d after %d, want 2 and 1", len(before.Children), len(after.Children))
		}
	})
}

func TestMergeMovesChildrenAndEndsOrgs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		org, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["W"], Kind: area.Committee, Name: "西街道党委", On: d("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Merge(ctx, area.MergeInput{AreaID: ids["W"], TargetID: ids["E"], On: d("2024-01-01")}); err != nil {
			t.Fatal(err)
		}
		w, _ := s.Get(ctx, ids["W"])
		if w.EndedOn != d("2024-01-01") || w.SuccessorID != ids["E"] {
			t.Errorf("merged area = %+v", w)
		}
		w1, _ := s.Get(ctx, ids["w1"])
		if w1.ParentID != ids["E"] || !w1.EndedOn.IsZero() {
			t.Errorf("child of merged area = %+v, want moved under 东街道 and active", w1)
		}
		o, _ := s.Org(ctx, org)
		if o.EndedOn != d("2024-01-01") {
			t.Errorf("org of merged area ended %v, want 2024-01-01", o.EndedOn)
		}
		tree, _ := s.Tree(ctx, ids["root"], d("2024-01-01"))
		if got := strings.Join(names(tree), " "); got != "示例区 示例区/东街道 示例区/东街道/东一社区 示例区/东街道/东二社区 示例区/东街道/西一社区" {
			t.Errorf("tree after subdistrict merge: %s", got)
		}
	})
}

func TestHistoryTellsEachEvent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		parts, err := s.Split(ctx, area.SplitInput{AreaID: ids["e1"], Names: []string{"东一甲社区", "东一乙社区"}, On: d("2023-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.History(ctx, ids["e1"])
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 2 || h[0].Kind != area.Create || h[1].Kind != area.Split || len(h[1].Results) != 2 || h[1].Results[0].Name != "东一甲社区" {
			t.Fatalf("history of split area = %+v", h)
		}
		hp, _ := s.History(ctx, parts[1])
		if len(hp) != 1 || hp[0].Kind != area.Split {
			t.Errorf("a split's result should see the split in its history: %+v", hp)
		}
		h2, _ := s.History(ctx, ids["e2"])
		var merged bool
		for _, e := range h2 {
			if e.Kind == area.Merge && e.Target != nil && e.Target.ID == ids["e2"] && e.Area.Name == "东三社区" {
				merged = true
			}
		}
		if !merged {
			t.Errorf("merge target should see the merge in its history: %+v", h2)
		}
		if err := s.Rename(ctx, area.RenameInput{AreaID: ids["e2"], Name: "东二新社区", On: d("2023-02-01")}); err != nil {
			t.Fatal(err)
		}
		h2, _ = s.History(ctx, ids["e2"])
		last := h2[len(h2)-1]
		if last.Kind != area.Rename || last.OldName != "东二社区" || last.NewName != "东二新社区" {
			t.Errorf("rename event = %+v", last)
		}
		a, _ := s.Find(ctx, "东二社区") // found by its former name
		if a.ID != ids["e2"] || a.Name != "东二新社区" {
			t.Errorf("Find by former name = %+v", a)
		}
	})
}

func TestReformKeepsTheLink(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		old, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["E"], Kind: area.Committee, Name: "东街道党委", On: d("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		nu, err := s.Reform(ctx, area.ReformInput{OrgID: old, Kind: area.WorkingCommittee, Name: "东街道党工委", On: d("2023-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		o, _ := s.Org(ctx, old)
		n, _ := s.Org(ctx, nu)
		if o.EndedOn != d("2023-01-01") || o.SuccessorID != nu || n.PredecessorID != old || n.Kind != area.WorkingCommittee || n.StartedOn != d("2023-01-01") {
			t.Errorf("reform: old %+v new %+v", o, n)
		}
		orgs, _ := s.Orgs(ctx, ids["E"])
		if len(orgs) != 2 {
			t.Errorf("orgs of area = %d, want 2", len(orgs))
		}
	})
}

func TestFindRefusesAmbiguousAndUnknown(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		if _, err := s.Create(ctx, area.CreateInput{ParentID: ids["W"], Name: "东一社区", On: d("2023-01-01")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Find(ctx, "东一社区"); err == nil || !strings.Contains(err.Error(), "2 areas") {
			t.Errorf("ambiguous name: %v", err)
		}
		if _, err := s.Find(ctx, "无此社区"); err == nil {
			t.Error("unknown name found")
		}
		if a, err := s.Find(ctx, "西街道"); err != nil || a.ID != ids["W"] {
			t.Errorf("Find 西街道 = %+v, %v", a, err)
		}
	})
}
