package area_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

func d(s string) date.Date { return date.MustParse(s) }

// small builds 示例区 › 东街道 › {东一社区, 东二社区, 东三社区}, 西街道 › 西一社区,
// all established 2020-01-01, then ends 东三社区 by merging it into 东二社区 on 2022-01-01.
func small(t *testing.T, dbh *db.DB) (*area.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s := area.NewStore(dbh)
	s.Today = func() date.Date { return d("2025-06-30") }
	ids := map[string]int64{}
	mk := func(key, parent string, lvl area.Level, name string) {
		t.Helper()
		id, err := s.Create(ctx, area.CreateInput{ParentID: ids[parent], Level: lvl, Name: name, On: d("2020-01-01")})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		ids[key] = id
	}
	mk("root", "", area.District, "示例区")
	mk("E", "root", area.Subdistrict, "东街道")
	mk("W", "root", area.Subdistrict, "西街道")
	mk("e1", "E", area.Community, "东一社区")
	mk("e2", "E", area.Community, "东二社区")
	mk("e3", "E", area.Community, "东三社区")
	mk("w1", "W", area.Community, "西一社区")
	if err := s.Merge(ctx, area.MergeInput{AreaID: ids["e3"], TargetID: ids["e2"], On: d("2022-01-01")}); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

// TestEventValidation checks that every refused event is refused with the
// message key and field the user sees, and that nothing is written.
func TestEventValidation(t *testing.T) {
	type op func(ctx context.Context, s *area.Store, ids map[string]int64) error
	cases := []struct {
		name      string
		run       op
		wantKey   string
		wantField string
	}{
		{"merge into an ended area", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e1"], TargetID: ids["e3"], On: d("2023-01-01")})
		}, "err.merge_target_ended", "target_id"},
		{"merge an ended area", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e3"], TargetID: ids["e1"], On: d("2023-01-01")})
		}, "err.area_ended", "area_id"},
		{"merge into itself", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e1"], TargetID: ids["e1"], On: d("2023-01-01")})
		}, "err.merge_self", "target_id"},
		{"merge across levels", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e1"], TargetID: ids["W"], On: d("2023-01-01")})
		}, "err.merge_level", "target_id"},
		{"merge without target", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e1"], On: d("2023-01-01")})
		}, "err.target_required", "target_id"},
		{"merge into unknown area", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Merge(ctx, area.MergeInput{AreaID: ids["e1"], TargetID: 9999, On: d("2023-01-01")})
		}, "err.area_not_found", "target_id"},
		{"date before establishment", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: ids["e1"], Name: "新名社区", On: d("2019-12-31")})
		}, "err.date_before_established", "on"},
		{"date before the latest change", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: ids["e2"], Name: "新名社区", On: d("2021-06-01")})
		}, "err.date_before_last_event", "on"},
		{"date in the future", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: ids["e1"], Name: "新名社区", On: d("2025-07-01")})
		}, "err.date_future", "on"},
		{"no date", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Dissolve(ctx, area.DissolveInput{AreaID: ids["e1"]})
		}, "err.date_required", "on"},
		{"sibling name taken on create", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["E"], Name: "东一社区", On: d("2023-01-01")})
			return err
		}, "err.name_taken", "name"},
		{"sibling name taken on rename", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: ids["e1"], Name: "东二社区", On: d("2023-01-01")})
		}, "err.name_taken", "name"},
		{"sibling name taken on move", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			if _, err := s.Create(ctx, area.CreateInput{ParentID: ids["W"], Name: "东一社区", On: d("2023-01-01")}); err != nil {
				return err
			}
			return s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2023-02-01")})
		}, "err.name_taken", "new_parent_id"},
		{"rename to the same name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Rename(ctx, area.RenameInput{AreaID: ids["e1"], Name: " 东一社区 ", On: d("2023-01-01")})
		}, "err.rename_same", "name"},
		{"empty name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["E"], Name: "  ", On: d("2023-01-01")})
			return err
		}, "err.name_required", "name"},
		{"bad division code", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["E"], Name: "东四社区", Code: "12345", On: d("2023-01-01")})
			return err
		}, "err.code_format", "code"},
		{"child under a community", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["e1"], Name: "楼栋", On: d("2023-01-01")})
			return err
		}, "err.parent_is_community", "parent_id"},
		{"wrong level under a subdistrict", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["E"], Level: area.Subdistrict, Name: "北街道", On: d("2023-01-01")})
			return err
		}, "err.level_mismatch", "level"},
		{"second root", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{Level: area.District, Name: "另一区", On: d("2023-01-01")})
			return err
		}, "err.parent_required", "parent_id"},
		{"create under an ended area", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Create(ctx, area.CreateInput{ParentID: ids["e3"], Name: "x", On: d("2023-01-01")})
			return err
		}, "err.area_ended", "parent_id"},
		{"split with one name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Split(ctx, area.SplitInput{AreaID: ids["e1"], Names: []string{"甲社区", ""}, On: d("2023-01-01")})
			return err
		}, "err.split_two_names", "names"},
		{"split with a repeated name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Split(ctx, area.SplitInput{AreaID: ids["e1"], Names: []string{"甲社区", "甲社区"}, On: d("2023-01-01")})
			return err
		}, "err.split_duplicate", "names"},
		{"split into a sibling's name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.Split(ctx, area.SplitInput{AreaID: ids["e1"], Names: []string{"甲社区", "东二社区"}, On: d("2023-01-01")})
			return err
		}, "err.name_taken", "names"},
		{"dissolve a subdistrict with communities", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Dissolve(ctx, area.DissolveInput{AreaID: ids["W"], On: d("2023-01-01")})
		}, "err.has_children", "area_id"},
		{"boundary adjust without a note", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], On: d("2023-01-01")})
		}, "err.adjust_note_required", "note"},
		{"move a community under a community", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			return s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["w1"], On: d("2023-01-01")})
		}, "err.level_mismatch", "new_parent_id"},
		{"working committee on a community", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["e1"], Kind: area.WorkingCommittee, Name: "x", On: d("2023-01-01")})
			return err
		}, "err.org_kind_level", "kind"},
		{"party org on an ended area", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["e3"], Kind: area.Branch, Name: "x", On: d("2023-01-01")})
			return err
		}, "err.org_area_inactive", "on"},
		{"unknown party org kind", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			_, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["e1"], Kind: "club", Name: "x", On: d("2023-01-01")})
			return err
		}, "err.org_kind_invalid", "kind"},
		{"reform to the same kind and name", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			id, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["E"], Kind: area.Committee, Name: "东街道党委", On: d("2021-01-01")})
			if err != nil {
				return err
			}
			_, err = s.Reform(ctx, area.ReformInput{OrgID: id, Kind: area.Committee, Name: "东街道党委", On: d("2023-01-01")})
			return err
		}, "err.reform_same", "kind"},
		{"reform an ended org", func(ctx context.Context, s *area.Store, ids map[string]int64) error {
			id, err := s.CreateOrg(ctx, area.OrgInput{AreaID: ids["E"], Kind: area.Committee, Name: "东街道党委", On: d("2021-01-01")})
			if err != nil {
				return err
			}
			if _, err := s.Reform(ctx, area.ReformInput{OrgID: id, Kind: area.WorkingCommittee, Name: "东街道党工委", On: d("2022-01-01")}); err != nil {
				return err
			}
			_, err = s.Reform(ctx, area.ReformInput{OrgID: id, Kind: area.WorkingCommittee, Name: "东街道党工委", On: d("2023-01-01")})
			return err
		}, "err.org_ended", "org_id"},
	}
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ctx := context.Background()
				s, ids := small(t, dbh2(t, dbh))
				before := snapshot(t, s.DB)
				err := c.run(ctx, s, ids)
				var ie *i18n.Error
				if !errors.As(err, &ie) {
					t.Fatalf("want %s, got %v", c.wantKey, err)
				}
				if ie.Key != c.wantKey || ie.Field != c.wantField {
					t.Fatalf("got %s on %q (%s), want %s on %q", ie.Key, ie.Field, ie.Error(), c.wantKey, c.wantField)
				}
				for _, l := range i18n.Langs {
					if msg := ie.In(l); msg == "" || msg == ie.Key {
						t.Errorf("no %s message for %s", l, ie.Key)
					}
				}
				// A refused event leaves no trace: the multi-step cases may have
				// written their own set-up, so only single-step cases compare.
				if after := snapshot(t, s.DB); !setupWrites[c.name] && after != before {
					t.Errorf("refused event changed the database: %s → %s", before, after)
				}
			})
		}
	})
}

// setupWrites names the cases that write their own set-up before the refused step.
var setupWrites = map[string]bool{
	"sibling name taken on move":       true,
	"reform to the same kind and name": true,
	"reform an ended org":              true,
}

// dbh2 gives each case its own database on the same engine.
func dbh2(t *testing.T, dbh *db.DB) *db.DB { return dbtest.Open(t, dbh.Dialect) }

func snapshot(t *testing.T, dbh *db.DB) string {
	t.Helper()
	var out string
	for _, tbl := range []string{"area", "area_name", "area_closure", "area_event", "party_org", "party_org_event"} {
		var n int
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out += tbl + "=" + strconv.Itoa(n) + " "
	}
	return out
}

// TestEventDateOrdering checks how far back an event may be dated for the
// role the area plays in it.
func TestEventDateOrdering(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s, ids := small(t, dbh)
		if _, err := s.Create(ctx, area.CreateInput{ParentID: ids["W"], Name: "西二社区", On: d("2023-06-01")}); err != nil {
			t.Fatal(err)
		}
		// A parent gaining a child later does not stop an earlier rename of the parent…
		if err := s.Rename(ctx, area.RenameInput{AreaID: ids["W"], Name: "西城街道", On: d("2023-01-01")}); err != nil {
			t.Errorf("rename before a child's creation refused: %v", err)
		}
		// …nor a child created under it on an earlier date.
		if _, err := s.Create(ctx, area.CreateInput{ParentID: ids["W"], Name: "西三社区", On: d("2023-02-01")}); err != nil {
			t.Errorf("create under a parent with a later event refused: %v", err)
		}
		// But the parent cannot end before something later happened under it.
		if err := s.Adjust(ctx, area.AdjustInput{AreaID: ids["e1"], NewParentID: ids["W"], On: d("2024-01-01")}); err != nil {
			t.Fatal(err)
		}
		err := s.Merge(ctx, area.MergeInput{AreaID: ids["W"], TargetID: ids["E"], On: d("2023-12-01")})
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Key != "err.date_before_last_event" {
			t.Errorf("merge of a parent dated before a later move into it: %v", err)
		}
		_, err = s.Get(ctx, 424242)
		if !errors.Is(err, area.ErrNotFound) {
			t.Errorf("Get of a missing area: %v is not ErrNotFound", err)
		}
	})
}
