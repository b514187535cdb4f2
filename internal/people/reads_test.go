package people_test

import (
	"context"
	"dangjian/internal/access"
	"errors"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

// TestPageReads: the reads the web pages need (a person's posts and
// registrations, a unit's locations, concurrent members and registrations,
// organisations under an area, one organisation) name what they show and
// keep to the scope.
func TestPageReads(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		unit, err := w.s.CreateUnit(ctx, people.UnitInput{Name: "甲一医院", Kind: people.PublicInstitution, Rank: people.Section, AreaID: w.ids["a1"], On: d("2018-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.MoveUnit(ctx, people.MoveUnitInput{UnitID: unit, AreaID: w.ids["a2"], On: d("2020-01-01")}); err != nil {
			t.Fatal(err)
		}
		unitOrg, err := w.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: unit, Kind: "branch", Name: "甲一医院党支部", On: d("2018-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: unitOrg, AreaID: w.ids["a2"], From: d("2021-01-01")}); err != nil {
			t.Fatal(err)
		}
		doc, _ := w.enrol(t, ctx, "钱医生", "a2.org", "2019-01-01", 61)
		if _, err := w.s.Elect(ctx, people.ElectionInput{OrgID: w.ids["a2.org"], ElectedOn: d("2024-01-10"), ExpectedVoters: 30, PresentVoters: 28, VotesCast: 28,
			Posts: []people.PostInput{{PersonID: doc, Role: people.ConcurrentMember, UnitID: unit}}}); err != nil {
			t.Fatal(err)
		}

		posts, err := w.s.PersonPosts(ctx, doc)
		if err != nil || len(posts) != 1 || posts[0].PlaceName != "宾南社区党支部" || posts[0].UnitName != "甲一医院" || posts[0].TermNumber != 1 {
			t.Fatalf("person posts = %+v, %v", posts, err)
		}
		conc, err := w.s.UnitConcurrentPosts(ctx, unit, d("2025-01-01"))
		if err != nil || len(conc) != 1 || conc[0].PersonName != "钱医生" {
			t.Fatalf("unit posts = %+v, %v", conc, err)
		}
		if conc, _ := w.s.UnitConcurrentPosts(ctx, unit, d("2023-01-01")); len(conc) != 0 {
			t.Errorf("unit posts before the election = %+v", conc)
		}
		locs, err := w.s.UnitLocations(ctx, unit)
		if err != nil || len(locs) != 2 || locs[0].AreaName != "迎宾社区" || locs[0].To != d("2020-01-01") || locs[1].AreaName != "宾南社区" || !locs[1].To.IsZero() {
			t.Fatalf("locations = %+v, %v", locs, err)
		}
		regs, err := w.s.UnitRegistrations(ctx, unit)
		if err != nil || len(regs) != 1 || regs[0].AreaName != "宾南社区" || regs[0].Name != "甲一医院党支部" {
			t.Fatalf("unit registrations = %+v, %v", regs, err)
		}
		if regs, err := w.s.PersonRegistrations(ctx, doc); err != nil || len(regs) != 0 {
			t.Fatalf("person registrations = %+v, %v", regs, err)
		}
		o, err := w.s.Org(ctx, unitOrg)
		if err != nil || o.PlaceID != w.ids["a2"] || o.PlaceName != "宾南社区" || o.UnitID != unit {
			t.Fatalf("org = %+v, %v", o, err)
		}
		all, err := w.s.OrgsUnder(ctx, 0, d("2025-01-01"))
		if err != nil || len(all) != 5 {
			t.Fatalf("orgs under everything = %+v, %v", all, err)
		}
		a, err := w.s.OrgsUnder(ctx, w.ids["A"], d("2025-01-01"))
		if err != nil || len(a) != 4 {
			t.Fatalf("orgs under 河东街道 = %+v, %v", a, err)
		}

		// Scoped to 官渡街道: none of it is visible.
		b := access.WithScope(ctx, w.ids["B"])
		out := func(err error) {
			t.Helper()
			if !errors.Is(err, area.ErrOutOfScope) {
				t.Errorf("err = %v, want out of scope", err)
			}
		}
		_, err = w.s.PersonPosts(b, doc)
		out(err)
		_, err = w.s.PersonRegistrations(b, doc)
		out(err)
		_, err = w.s.UnitLocations(b, unit)
		out(err)
		_, err = w.s.UnitConcurrentPosts(b, unit, d("2025-01-01"))
		out(err)
		_, err = w.s.UnitRegistrations(b, unit)
		out(err)
		_, err = w.s.Org(b, unitOrg)
		out(err)
		_, err = w.s.OrgsUnder(b, w.ids["A"], d("2025-01-01"))
		out(err)
		if own, err := w.s.OrgsUnder(b, 0, d("2025-01-01")); err != nil || len(own) != 1 || own[0].Name != "官渡社区党支部" {
			t.Errorf("orgs in 官渡街道's scope = %+v, %v", own, err)
		}
	})
}
