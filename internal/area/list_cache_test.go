package area_test

import (
	"context"
	"dangjian/internal/access"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestListCacheSeesOtherWriters: a change made through another Store (as
// another process or server would) is seen at once by a Store that has the
// list cached.
func TestListCacheSeesOtherWriters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		reader, ids := small(t, dbh)
		other := area.NewStore(dbh)
		other.Today = reader.Today
		on := d("2024-01-01")
		first, err := reader.ListActive(ctx, on)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := reader.ListActive(ctx, on)
		if len(again) != len(first) {
			t.Fatalf("cached list differs: %d vs %d", len(again), len(first))
		}
		again[0].Name = "changed by the caller"
		if third, _ := reader.ListActive(ctx, on); third[0].Name == "changed by the caller" {
			t.Error("a caller's change leaked into the cache")
		}
		if _, err := other.Create(ctx, area.CreateInput{ParentID: ids["E"], Name: "新建社区", On: d("2023-06-01")}); err != nil {
			t.Fatal(err)
		}
		after, _ := reader.ListActive(ctx, on)
		if len(after) != len(first)+1 {
			t.Errorf("list after another store's create: %d areas, want %d", len(after), len(first)+1)
		}
		if err := other.Rename(ctx, area.RenameInput{AreaID: ids["e1"], Name: "东一新名社区", On: d("2023-07-01")}); err != nil {
			t.Fatal(err)
		}
		renamed, _ := reader.ListActive(ctx, on)
		found := false
		for _, a := range renamed {
			found = found || a.Name == "东一新名社区"
		}
		if !found {
			t.Error("rename by another store not seen")
		}
		// Scopes are cached apart.
		scoped, _ := reader.ListActive(access.WithScope(ctx, ids["W"]), on)
		if len(scoped) != 2 {
			t.Errorf("scoped list = %d areas, want 西街道 and 西一社区", len(scoped))
		}
	})
}
