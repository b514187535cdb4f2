package figures_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// fixture is a small hand-built district whose right answers are written in
// the tests. Every id is kept by name.
type fixture struct {
	store *area.Store
	ids   map[string]int64
}

func d(s string) date.Date { return date.MustParse(s) }

func buildFixture(t *testing.T, dbh *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	s := area.NewStore(dbh)
	s.Today = func() date.Date { return d("2025-12-31") }
	f := &fixture{store: s, ids: map[string]int64{}}
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	create := func(key string, parent string, name, on string) {
		f.ids[key] = must(s.Create(ctx, area.CreateInput{ParentID: f.ids[parent], Level: levelFor(parent), Name: name, On: d(on)}))
	}
	org := func(key, areaKey string, kind area.OrgKind, name, on string) {
		f.ids[key] = must(s.CreateOrg(ctx, area.OrgInput{AreaID: f.ids[areaKey], Kind: kind, Name: name, On: d(on)}))
	}
	create("root", "", "测试区", "2018-01-01")
	create("A", "root", "甲街道", "2018-01-01")
	create("B", "root", "乙街道", "2018-01-01")
	for _, c := range []struct{ key, parent, name string }{
		{"a1", "A", "甲一社区"}, {"a2", "A", "甲二社区"}, {"a3", "A", "甲三社区"},
		{"b1", "B", "乙一社区"}, {"b2", "B", "乙二社区"},
	} {
		create(c.key, c.parent, c.name, "2018-01-01")
	}
	org("A.org", "A", area.Committee, "甲街道党委", "2018-01-01")
	org("B.org", "B", area.Committee, "乙街道党委", "2018-01-01")
	org("a1.org", "a1", area.Branch, "甲一居民区党支部", "2018-01-01")
	org("a2.org", "a2", area.Branch, "甲二居民区党支部", "2018-01-01")
	org("b1.org", "b1", area.Branch, "乙一居民区党支部", "2018-01-01")

	create("a5", "A", "甲五社区", "2023-05-01")
	org("a5.org", "a5", area.GeneralBranch, "甲五社区党总支", "2023-05-01")

	create("b3", "B", "乙三社区", "2024-02-01")
	ok(s.Merge(ctx, area.MergeInput{AreaID: f.ids["a2"], TargetID: f.ids["a1"], On: d("2024-03-01")}))
	create("a4", "A", "甲四社区", "2024-04-01")
	ok(s.Adjust(ctx, area.AdjustInput{AreaID: f.ids["b2"], NewParentID: f.ids["A"], On: d("2024-05-01")}))
	parts, err := s.Split(ctx, area.SplitInput{AreaID: f.ids["b1"], Names: []string{"乙一东社区", "乙一西社区"}, On: d("2024-06-01")})
	ok(err)
	f.ids["b1e"], f.ids["b1w"] = parts[0], parts[1]
	f.ids["A.wc"] = must(s.Reform(ctx, area.ReformInput{OrgID: f.ids["A.org"], Kind: area.WorkingCommittee, Name: "甲街道党工委", On: d("2024-07-01")}))
	f.ids["a1.cb"] = must(s.Reform(ctx, area.ReformInput{OrgID: f.ids["a1.org"], Kind: area.Branch, Name: "甲一社区党支部", On: d("2024-07-01")}))
	org("a4.org", "a4", area.Branch, "甲四社区党支部", "2024-08-01")
	ok(s.Rename(ctx, area.RenameInput{AreaID: f.ids["a3"], Name: "甲三新社区", On: d("2024-09-01")}))
	ok(s.Dissolve(ctx, area.DissolveInput{AreaID: f.ids["b3"], On: d("2024-11-01")}))
	return f
}

func levelFor(parent string) area.Level {
	switch parent {
	case "":
		return area.District
	case "root":
		return area.Subdistrict
	}
	return area.Community
}
