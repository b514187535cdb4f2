package people_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/people"
)

// attachedWorld gives 宾南社区 a member who is also its branch secretary, a
// unit and an in-service member's registration, all from 2020.
func attachedWorld(t *testing.T, dbh *db.DB) (*world, int64) {
	t.Helper()
	ctx := context.Background()
	w := newWorld(t, dbh)
	pid, _ := w.enrol(t, ctx, "宾南党员", "a2.org", "2020-01-01", 71)
	if _, err := w.s.Appoint(ctx, people.PostInput{PersonID: pid, Role: people.Secretary, OrgID: w.ids["a2.org"], From: d("2020-02-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.CreateUnit(ctx, people.UnitInput{Name: "宾南单位", Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: w.ids["a2"], On: d("2020-01-01")}); err != nil {
		t.Fatal(err)
	}
	w.enrol(t, ctx, "官渡党员", "b1.org", "2020-01-01", 72)
	unit, err := w.s.CreateUnit(ctx, people.UnitInput{Name: "官渡单位", Kind: people.PublicInstitution, Rank: people.Section, AreaID: w.ids["b1"], On: d("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	org, err := w.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: unit, Kind: "branch", Name: "官渡单位党支部", On: d("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: org, AreaID: w.ids["a2"], From: d("2021-01-01")}); err != nil {
		t.Fatal(err)
	}
	return w, pid
}

func count(t *testing.T, dbh *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := dbh.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A merge moves what hangs on the merged community: the member transfers
// to the survivor's branch (not counted as enrolled), the post ends with
// the organisation, the unit relocates, the registration continues.
func TestMergeMovesAttachedRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		w, pid := attachedWorld(t, dbh)
		attached, err := w.areas.AttachedTo(ctx, w.ids["a2"], d("2025-01-01"))
		if err != nil || area.AttachedWords("zh", attached) != "1名党员、1个职务、1个驻区单位、1个报到" {
			t.Fatalf("attached = %v (%q), %v", attached, area.AttachedWords("zh", attached), err)
		}
		enrolled := func() float64 {
			v, err := figures.Get("members.enrolled").CountRows(ctx, dbh.Reader(), figures.Scope{AreaID: w.ids["root"], From: d("2025-01-01"), To: d("2025-12-31")})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		before := enrolled()
		merge := area.MergeInput{AreaID: w.ids["a2"], TargetID: w.ids["a1"], On: d("2025-01-01")}
		wantKey(t, w.areas.Merge(ctx, merge), "err.confirm_attached", "confirm")
		merge.Confirmed = true
		if err := w.areas.Merge(ctx, merge); err != nil {
			t.Fatal(err)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM membership WHERE person_id = ? AND org_id = ? AND to_on IS NULL AND start_reason = 'other' AND from_org_name = '宾南社区党支部'", pid, w.ids["a1.org"]); n != 1 {
			t.Errorf("open memberships in 迎宾社区党支部 coming from 宾南 = %d, want 1", n)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM membership WHERE person_id = ? AND org_id = ? AND to_on = '2025-01-01' AND end_reason = 'transfer_out'", pid, w.ids["a2.org"]); n != 1 {
			t.Errorf("the old membership did not end on the merge day as a transfer out (%d)", n)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM post WHERE person_id = ? AND to_on IS NULL", pid); n != 0 {
			t.Errorf("%d posts still open after their organisation ended", n)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM unit_location WHERE area_id = ? AND to_on IS NULL", w.ids["a1"]); n != 1 {
			t.Errorf("units now in 迎宾社区 = %d, want 1", n)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM registration WHERE area_id = ? AND to_on IS NULL", w.ids["a1"]); n != 1 {
			t.Errorf("registrations now with 迎宾社区 = %d, want 1", n)
		}
		if after := enrolled(); after != before {
			t.Errorf("members.enrolled %v → %v: a merge is not an enrolment", before, after)
		}
	})
}

// A dissolve is refused while records hang on the community unless a
// place for them is chosen; a place without a party organisation cannot
// take members.
func TestDissolveNeedsAPlaceForAttachedRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		w, _ := attachedWorld(t, dbh)
		in := area.DissolveInput{AreaID: w.ids["a2"], On: d("2025-01-01"), Confirmed: true}
		wantKey(t, w.areas.Dissolve(ctx, in), "err.area_has_attached", "target_id")
		noOrg := w.Area("无组织社区", "河东街道", area.Community, d("2015-01-01"))
		in.TargetID = noOrg
		wantKey(t, w.areas.Dissolve(ctx, in), "err.attached_no_org", "target_id")
		in.TargetID = w.ids["b1"]
		if err := w.areas.Dissolve(ctx, in); err != nil {
			t.Fatal(err)
		}
		if n := count(t, dbh, "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND m.to_on IS NULL", w.ids["b1"]); n != 2 {
			t.Errorf("open memberships in 官渡社区 = %d, want 2 (its own and the one moved)", n)
		}
		split := area.SplitInput{AreaID: w.ids["a1"], Names: []string{"迎宾东社区", "迎宾西社区"}, On: d("2025-02-01")}
		if _, err := w.s.Appoint(ctx, people.PostInput{PersonID: w.PersonID("官渡党员"), Role: people.Director, AreaID: w.ids["a1"], From: d("2024-01-01")}); err != nil {
			t.Fatal(err)
		}
		_, err := w.areas.Split(ctx, split)
		wantKey(t, err, "err.area_has_attached", "target_id")
	})
}
