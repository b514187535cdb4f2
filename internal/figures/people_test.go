package figures_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// fictionalID makes a made-up ID number with a valid check character.
func fictionalID(seq int) string {
	first17 := fmt.Sprintf("110105198001%02d%03d", seq%28+1, seq)
	return first17 + string(people.CheckDigit(first17))
}

// addPeople puts members, units, posts and registrations on the hand-built
// district. 乙二 (b2) moves from 乙 (B) to 甲 (A) on 2024-05-01.
func addPeople(t *testing.T, dbh *db.DB, f *fixture) *people.Store {
	t.Helper()
	ctx := context.Background()
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(3 + i*11)
	}
	keys, err := pii.New(key)
	if err != nil {
		t.Fatal(err)
	}
	s := &people.Store{DB: dbh, Areas: f.store, Keys: keys, Today: func() date.Date { return d("2025-12-31") }}
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
	f.ids["b2.org"] = must(f.store.CreateOrg(ctx, area.OrgInput{AreaID: f.ids["b2"], Kind: area.Branch, Name: "乙二社区党支部", On: d("2019-01-01")}))
	f.ids["U1"] = must(s.CreateUnit(ctx, people.UnitInput{Name: "市委党校", Kind: people.PartyGovernmentOrgan, Rank: people.Division, AreaID: f.ids["a4"], On: d("2024-04-01")}))
	f.ids["U1.org"] = must(s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: f.ids["U1"], Kind: "committee", Name: "市委党校党委", On: d("2024-04-01")}))
	f.ids["U2"] = must(s.CreateUnit(ctx, people.UnitInput{Name: "区房管所", Kind: people.PublicInstitution, Rank: people.Section, AreaID: f.ids["b2"], On: d("2019-01-01")}))
	f.ids["U2.org"] = must(s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: f.ids["U2"], Kind: "branch", Name: "区房管所党支部", On: d("2019-01-01")}))

	seq := 0
	enrol := func(key, name, org string, cat people.Category, reason people.StartReason, from string) {
		t.Helper()
		seq++
		pid, mid, err := s.Enrol(ctx, people.EnrolInput{
			Person: people.PersonInput{Name: name, Gender: people.Male, IDNumber: fictionalID(seq)},
			Membership: people.MembershipInput{OrgID: f.ids[org], Status: people.Full, Category: cat, JoinedPartyOn: d("2005-07-01"),
				From: d(from), Reason: reason, FromOrgName: "外地某支部"},
		})
		ok(err)
		f.ids[key], f.ids[key+".m"] = pid, mid
	}
	enrol("P1", "一号", "b2.org", people.Resident, people.Enrolment, "2024-03-01")   // b2 still under B
	enrol("P2", "二号", "b2.org", people.Resident, people.TransferIn, "2024-06-01")  // b2 now under A
	enrol("P3", "三号", "a5.org", people.Retired, people.Joined, "2024-02-01")       // not an enrolment
	enrol("P4", "四号", "a4.org", people.Resident, people.Enrolment, "2024-09-01")   //
	enrol("P5", "五号", "b1.org", people.Resident, people.Enrolment, "2020-01-01")   // leaves 2024-05-15
	enrol("P6", "六号", "U1.org", people.InService, people.TransferIn, "2024-05-01") // a unit's organisation, not community level
	ok(s.End(ctx, people.EndInput{MembershipID: f.ids["P5.m"], On: d("2024-05-15"), Reason: people.TransferOut, ToOrgName: "外区某支部"}))

	must(s.Appoint(ctx, people.PostInput{PersonID: f.ids["P4"], Role: people.Secretary, OrgID: f.ids["a4.org"], From: d("2024-09-01")}))
	must(s.Appoint(ctx, people.PostInput{PersonID: f.ids["P4"], Role: people.Director, AreaID: f.ids["a4"], From: d("2024-09-01")}))
	must(s.Appoint(ctx, people.PostInput{PersonID: f.ids["P2"], Role: people.Secretary, OrgID: f.ids["b2.org"], From: d("2024-06-01")}))
	must(s.Appoint(ctx, people.PostInput{PersonID: f.ids["P1"], Role: people.Director, AreaID: f.ids["b2"], From: d("2024-03-01")}))
	must(s.Appoint(ctx, people.PostInput{PersonID: f.ids["P6"], Role: people.ConcurrentMember, OrgID: f.ids["a4.org"], UnitID: f.ids["U1"], From: d("2024-10-01")}))

	must(s.Register(ctx, people.RegistrationInput{Kind: people.MemberRegistration, PersonID: f.ids["P6"], AreaID: f.ids["a5"], From: d("2024-06-01")}))
	must(s.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: f.ids["U2.org"], AreaID: f.ids["b2"], From: d("2023-01-01")}))
	return s
}

func TestPeopleFiguresOnHandBuiltDistrict(t *testing.T) {
	type want map[string]float64
	cases := []struct {
		name, scope, from, to string
		want                  want
	}{
		{"whole district 2024", "root", "2024-01-01", "2024-12-31", want{
			"members.total":                    5, // P1 P2 P3 P4 P6 (P5 left)
			"members.enrolled":                 3, // P1, P2, P4 (P3 joined; P6 in a unit's organisation)
			"posts.cross_appointed":            1, // 甲四: P4 secretary and director
			"posts.concurrent_from_units":      1,
			"units.total":                      2,
			"units.with_concurrent_member":     1,
			"registrations.in_service_members": 1,
			"registrations.units":              1,
		}},
		{"subdistrict A 2024: 乙二 counts here after its move", "A", "2024-01-01", "2024-12-31", want{
			"members.total": 5, "members.enrolled": 2, // P2 (after the move) and P4; P1 enrolled before it
			"posts.cross_appointed": 1, "posts.concurrent_from_units": 1,
			"units.total": 2, "units.with_concurrent_member": 1,
			"registrations.in_service_members": 1, "registrations.units": 1,
		}},
		{"subdistrict B 2024: P1's enrolment counts here, the rest moved away", "B", "2024-01-01", "2024-12-31", want{
			"members.total": 0, "members.enrolled": 1,
			"posts.cross_appointed": 0, "posts.concurrent_from_units": 0,
			"units.total": 0, "units.with_concurrent_member": 0,
			"registrations.in_service_members": 0, "registrations.units": 0,
		}},
		{"subdistrict B 2023, before the move", "B", "2023-01-01", "2023-12-31", want{
			"members.total": 1, "members.enrolled": 0, "units.total": 1, "registrations.units": 1,
		}},
		{"subdistrict A 2023", "A", "2023-01-01", "2023-12-31", want{
			"members.total": 0, "units.total": 0, "registrations.units": 0,
		}},
		{"one community 甲四", "a4", "2024-01-01", "2024-12-31", want{
			"members.total": 2, "members.enrolled": 1, "posts.cross_appointed": 1, "units.total": 1, "units.with_concurrent_member": 1,
		}},
		{"before the posts (2024-08-31)", "root", "2024-01-01", "2024-08-31", want{
			"posts.cross_appointed": 0, "posts.concurrent_from_units": 0, "units.with_concurrent_member": 0, "members.total": 4,
		}},
	}
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		f := buildFixture(t, dbh)
		addPeople(t, dbh, f)
		ctx := context.Background()
		requireTallyClean(t, dbh)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s := figures.Scope{AreaID: f.ids[c.scope], From: d(c.from), To: d(c.to)}
				for k, w := range c.want {
					fig := figures.Get(k)
					if fig == nil {
						t.Fatalf("no figure %s", k)
					}
					got, err := fig.Compute(ctx, dbh.Reader(), s)
					if err != nil {
						t.Fatal(err)
					}
					if got != w {
						t.Errorf("%s = %v, want %v", k, got, w)
					}
					rows, err := fig.CountRows(ctx, dbh.Reader(), s)
					if err != nil {
						t.Fatal(err)
					}
					if rows != w {
						t.Errorf("%s counted from rows = %v, want %v", k, rows, w)
					}
					recs, err := fig.Records(ctx, dbh.Reader(), s)
					if err != nil {
						t.Fatal(err)
					}
					distinct := map[int64]bool{}
					for _, r := range recs {
						distinct[r.ID] = true
					}
					if float64(len(distinct)) != got {
						t.Errorf("%s: %d distinct records, value %v", k, len(distinct), got)
					}
				}
			})
		}
		// The records of units.with_concurrent_member carry the unit's rank.
		recs, err := figures.Get("units.with_concurrent_member").Records(ctx, dbh.Reader(),
			figures.Scope{AreaID: f.ids["root"], From: d("2024-01-01"), To: d("2024-12-31")})
		if err != nil || len(recs) != 1 || recs[0].Name != "市委党校" || recs[0].Detail != "division" {
			t.Errorf("records = %+v, %v", recs, err)
		}
	})
}
