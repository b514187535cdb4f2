package people_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

func TestUnitsTermsAndPosts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		// Units: validation, location, own organisation.
		unit := people.UnitInput{Name: "市委党校", Kind: people.PartyGovernmentOrgan, Rank: people.Division, AreaID: w.ids["a1"], On: d("2018-01-01")}
		for _, c := range []struct {
			edit       func(*people.UnitInput)
			key, field string
		}{
			{func(u *people.UnitInput) { u.Kind = "x" }, "err.unit_kind_invalid", "kind"},
			{func(u *people.UnitInput) { u.Rank = "x" }, "err.unit_rank_invalid", "rank"},
			{func(u *people.UnitInput) { u.AreaID = w.ids["A"] }, "err.not_a_community", "area_id"},
			{func(u *people.UnitInput) { u.On = d("2014-01-01") }, "err.date_before_established", "on"},
			{func(u *people.UnitInput) { u.On = d("2026-01-01") }, "err.date_future", "on"},
		} {
			in := unit
			c.edit(&in)
			_, err := w.s.CreateUnit(ctx, in)
			wantKey(t, err, c.key, c.field)
		}
		school, err := w.s.CreateUnit(ctx, unit)
		if err != nil {
			t.Fatal(err)
		}
		schoolOrg, err := w.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: school, Kind: "committee", Name: "市委党校党委", On: d("2018-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: school, Kind: "branch", Name: "又一个", On: d("2019-01-01")})
		wantKey(t, err, "err.unit_has_org", "unit_id")
		wantKey(t, w.s.MoveUnit(ctx, people.MoveUnitInput{UnitID: school, AreaID: w.ids["a1"], On: d("2020-01-01")}), "err.unit_move_same", "area_id")

		// Terms: counts and dates.
		secretary, _ := w.enrol(t, ctx, "周书记", "a1.org", "2018-01-01", 31)
		leader, _ := w.enrol(t, ctx, "吴校长", "a1.org", "2018-01-01", 32)
		elect := people.ElectionInput{OrgID: w.ids["a1.org"], ElectedOn: d("2024-12-20"), ExpectedVoters: 50, PresentVoters: 45, VotesCast: 45}
		for _, c := range []struct {
			edit       func(*people.ElectionInput)
			key, field string
		}{
			{func(e *people.ElectionInput) { e.ExpectedVoters = 0 }, "err.voters_expected", "expected_voters"},
			{func(e *people.ElectionInput) { e.PresentVoters = 51 }, "err.voters_present", "present_voters"},
			{func(e *people.ElectionInput) { e.VotesCast = 46 }, "err.votes_cast", "votes_cast"},
			{func(e *people.ElectionInput) { e.ElectedOn = d("2015-06-01") }, "err.date_before_established", "elected_on"},
			{func(e *people.ElectionInput) { e.ElectedOn = d("2025-07-01") }, "err.date_future", "elected_on"},
			{func(e *people.ElectionInput) { e.StartedOn = d("2024-12-01") }, "err.term_starts_before_election", "started_on"},
			{func(e *people.ElectionInput) {
				e.Posts = []people.PostInput{{PersonID: leader, Role: people.ConcurrentMember}}
			}, "err.concurrent_needs_unit", "posts[0].unit_id"},
			{func(e *people.ElectionInput) {
				e.Posts = []people.PostInput{{PersonID: secretary, Role: people.Secretary, UnitID: school}}
			}, "err.unit_only_concurrent", "posts[0].unit_id"},
			{func(e *people.ElectionInput) {
				e.Posts = []people.PostInput{{PersonID: secretary, Role: people.Secretary}, {PersonID: leader, Role: people.Secretary}}
			}, "err.post_taken", "posts[1].role"},
			{func(e *people.ElectionInput) {
				e.Posts = []people.PostInput{{PersonID: secretary, Role: people.Secretary}, {PersonID: secretary, Role: people.Member}}
			}, "err.post_person_overlap", "posts[1].person_id"},
		} {
			in := elect
			c.edit(&in)
			_, err := w.s.Elect(ctx, in)
			wantKey(t, err, c.key, c.field)
		}
		var terms int
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM term").Scan(&terms); err != nil || terms != 0 {
			t.Fatalf("refused elections left %d terms (%v)", terms, err)
		}
		elect.Posts = []people.PostInput{
			{PersonID: secretary, Role: people.Secretary},
			{PersonID: leader, Role: people.ConcurrentMember, UnitID: school},
		}
		t1, err := w.s.Elect(ctx, elect)
		if err != nil {
			t.Fatal(err)
		}
		// The director of the community is held in the community, not a party org.
		_, err = w.s.Appoint(ctx, people.PostInput{PersonID: secretary, Role: people.Director, OrgID: w.ids["a1.org"], AreaID: w.ids["a1"], From: d("2025-01-01")})
		wantKey(t, err, "err.director_in_community", "org_id")
		_, err = w.s.Appoint(ctx, people.PostInput{PersonID: secretary, Role: people.Director, AreaID: w.ids["a1.org"], From: d("2025-01-01")})
		if err == nil {
			t.Fatal("director attached to a party org id as area accepted")
		}
		if _, ok, _ := w.s.CrossAppointed(ctx, w.ids["a1"], d("2025-03-01")); ok {
			t.Error("cross-appointed before the director post")
		}
		if _, err := w.s.Appoint(ctx, people.PostInput{PersonID: secretary, Role: people.Director, AreaID: w.ids["a1"], From: d("2025-01-01")}); err != nil {
			t.Fatal(err)
		}
		if pid, ok, err := w.s.CrossAppointed(ctx, w.ids["a1"], d("2025-03-01")); !ok || pid != secretary || err != nil {
			t.Errorf("cross-appointed = %d %v %v", pid, ok, err)
		}
		team, err := w.s.Leadership(ctx, w.ids["a1.org"], d("2025-03-01"))
		if err != nil || len(team) != 2 || team[0].Role != people.Secretary || team[1].UnitID != school || team[1].TermID != t1 {
			t.Errorf("leadership = %+v, %v", team, err)
		}
		// The next term ends the previous one and its posts.
		elect2 := people.ElectionInput{OrgID: w.ids["a1.org"], ElectedOn: d("2025-06-01"), ExpectedVoters: 40, PresentVoters: 40, VotesCast: 39,
			Posts: []people.PostInput{{PersonID: leader, Role: people.Secretary}}}
		elect2.Number = 1
		_, err = w.s.Elect(ctx, elect2)
		wantKey(t, err, "err.term_number_taken", "number")
		elect2.Number = 0
		if _, err := w.s.Elect(ctx, elect2); err != nil {
			t.Fatal(err)
		}
		team, _ = w.s.Leadership(ctx, w.ids["a1.org"], d("2025-06-15"))
		if len(team) != 1 || team[0].PersonID != leader {
			t.Errorf("leadership after the second election = %+v", team)
		}
		terms2, _ := w.s.Terms(ctx, w.ids["a1.org"])
		if len(terms2) != 2 || terms2[0].Number != 2 || terms2[1].EndedOn != d("2025-06-01") {
			t.Errorf("terms = %+v", terms2)
		}
		_ = schoolOrg
	})
}

func TestRegistrations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		resident, _ := w.enrol(t, ctx, "居民党员", "a1.org", "2020-01-01", 41)
		worker, _, err := w.s.Enrol(ctx, people.EnrolInput{Person: person("在职党员", "1985-01-01", 42),
			Membership: people.MembershipInput{OrgID: w.ids["b1.org"], Status: people.Full, Category: people.InService,
				JoinedPartyOn: d("2010-07-01"), From: d("2020-01-01"), Reason: people.TransferIn, FromOrgName: "某单位党支部"}})
		if err != nil {
			t.Fatal(err)
		}
		reg := func(in people.RegistrationInput) error { _, err := w.s.Register(ctx, in); return err }
		wantKey(t, reg(people.RegistrationInput{Kind: people.MemberRegistration, PersonID: resident, AreaID: w.ids["a2"], From: d("2021-01-01")}),
			"err.registration_not_in_service", "person_id")
		wantKey(t, reg(people.RegistrationInput{Kind: people.MemberRegistration, PersonID: worker, AreaID: w.ids["A"], From: d("2021-01-01")}),
			"err.not_a_community", "area_id")
		wantKey(t, reg(people.RegistrationInput{Kind: "x", PersonID: worker, AreaID: w.ids["a2"], From: d("2021-01-01")}),
			"err.registration_kind_invalid", "kind")
		wantKey(t, reg(people.RegistrationInput{Kind: people.UnitRegistration, OrgID: w.ids["a1.org"], AreaID: w.ids["a2"], From: d("2021-01-01")}),
			"err.registration_org_not_unit", "org_id")
		if err := reg(people.RegistrationInput{Kind: people.MemberRegistration, PersonID: worker, AreaID: w.ids["a2"], From: d("2021-01-01")}); err != nil {
			t.Fatal(err)
		}
		wantKey(t, reg(people.RegistrationInput{Kind: people.MemberRegistration, PersonID: worker, AreaID: w.ids["a1"], From: d("2022-01-01")}),
			"err.registration_overlap", "from")
		u, err := w.s.CreateUnit(ctx, people.UnitInput{Name: "区房管所", Kind: people.PublicInstitution, Rank: people.Section, AreaID: w.ids["a2"], On: d("2019-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		uo, err := w.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: u, Kind: "branch", Name: "区房管所党支部", On: d("2019-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if err := reg(people.RegistrationInput{Kind: people.UnitRegistration, OrgID: uo, AreaID: w.ids["a2"], From: d("2021-03-01")}); err != nil {
			t.Fatal(err)
		}
		list, err := w.s.Registrations(ctx, w.ids["a2"], "", d("2025-01-01"))
		if err != nil || len(list) != 2 || list[0].Kind != people.MemberRegistration || list[1].Name != "区房管所党支部" {
			t.Errorf("registrations = %+v, %v", list, err)
		}
	})
}

// TestElectNewPerson: an election records a person not yet in the system
// with their post; a bad new person refuses the whole election, naming the
// post row, and leaves nothing behind.
func TestElectNewPerson(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		in := people.ElectionInput{OrgID: w.ids["a1.org"], ElectedOn: d("2024-03-01"), ExpectedVoters: 20, PresentVoters: 18, VotesCast: 18,
			Posts: []people.PostInput{{Role: people.Member, New: &people.PersonInput{Name: "新委员", Gender: people.Male, IDNumber: fakeID("1975-03-04", 41)}}}}
		bad := in
		bad.Posts = []people.PostInput{{Role: people.Member, New: &people.PersonInput{Name: "", Gender: people.Male, IDNumber: fakeID("1975-03-04", 42)}}}
		_, err := w.s.Elect(ctx, bad)
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Field != "posts[0].name" {
			t.Fatalf("a new person without a name: %v", err)
		}
		var persons, terms int
		dbh.Reader().QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM term)").Scan(&persons, &terms)
		if persons != 0 || terms != 0 {
			t.Fatalf("a refused election left %d persons, %d terms", persons, terms)
		}
		if _, err := w.s.Elect(ctx, in); err != nil {
			t.Fatal(err)
		}
		p, err := w.s.FindByIDNumber(ctx, fakeID("1975-03-04", 41))
		if err != nil || p.Name != "新委员" {
			t.Fatalf("the new person: %+v %v", p, err)
		}
		posts, err := w.s.Leadership(ctx, w.ids["a1.org"], d("2024-03-01"))
		if err != nil || len(posts) != 1 || posts[0].PersonID != p.ID || posts[0].Role != people.Member {
			t.Errorf("posts %+v %v", posts, err)
		}
	})
}
