package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/people"
)

// The people the access test reaches through {person:…} and {unit:…}:
// one inside every scope (迎宾社区) and one outside the scopes below the
// district (官渡社区). The names are fictional.
const (
	accessPersonIn  = "测甲一"
	accessPersonOut = "测乙一"
	accessUnitIn    = "测试迎宾单位"
	accessUnitOut   = "测试官渡单位"
	// Units' own party organisations, placed where their units are.
	accessUnitOrgIn  = "测试迎宾二厂党支部"
	accessUnitOrgOut = "测试官渡二厂党支部"
)

// fakeIDNumber makes a fictional ID number with a valid check character:
// region 659001 (so it cannot clash with the demo's people), the birth
// date and a sequence number.
func fakeIDNumber(birth string, seq int) string {
	first17 := "659001" + birth[0:4] + birth[5:7] + birth[8:10] + fmt.Sprintf("%03d", seq%1000)
	return first17 + string(people.CheckDigit(first17))
}

// seedID is the ID number enrolMember gives the person of seq.
func seedID(seq int) string {
	return fakeIDNumber(fmt.Sprintf("19%02d-%02d-%02d", 60+seq%20, 1+seq%12, 1+seq%28), seq)
}

// enrolMember adds a fictional member to the organisation orgName and
// returns the person's id.
func (a *testApp) enrolMember(t testing.TB, orgName, name string, seq int, status people.Status, cat people.Category, from string) int64 {
	t.Helper()
	pid, _, err := a.App.People.Enrol(context.Background(), people.EnrolInput{
		Person: people.PersonInput{Name: name, Gender: []people.Gender{people.Male, people.Female}[seq%2], Ethnicity: "汉族",
			IDNumber: seedID(seq), Phone: fmt.Sprintf("139%08d", 10000+seq), Education: people.Bachelor, Address: "测试路 " + fmt.Sprint(seq) + " 号"},
		Membership: people.MembershipInput{OrgID: a.OrgID(orgName), Status: status, Category: cat,
			JoinedPartyOn: date.MustParse("2001-07-01"), From: date.MustParse(from), Reason: people.Enrolment},
	})
	if err != nil {
		t.Fatalf("enrol %s: %v", name, err)
	}
	return pid
}

// createUnit adds a stationed unit to the community areaName.
func (a *testApp) createUnit(t testing.TB, areaName, name string, rank people.Rank) int64 {
	t.Helper()
	id, err := a.App.People.CreateUnit(context.Background(), people.UnitInput{Name: name, Kind: people.StateEnterprise, Rank: rank,
		AreaID: a.AreaID(areaName), On: date.MustParse("2024-06-01")})
	if err != nil {
		t.Fatalf("unit %s: %v", name, err)
	}
	return id
}

// seedAccessPeople adds the access test's people and units.
func seedAccessPeople(t testing.TB, a *testApp) {
	t.Helper()
	a.enrolMember(t, "迎宾社区党支部", accessPersonIn, 901, people.Probationary, people.Resident, "2024-06-01")
	a.enrolMember(t, "官渡社区党支部", accessPersonOut, 902, people.Probationary, people.Resident, "2024-06-01")
	a.createUnit(t, "迎宾社区", accessUnitIn, people.Section)
	a.createUnit(t, "官渡社区", accessUnitOut, people.Section)
	// Units with their own party organisations, for the leadership pages.
	for _, u := range []struct{ area, org string }{{"迎宾社区", accessUnitOrgIn}, {"官渡社区", accessUnitOrgOut}} {
		id := a.createUnit(t, u.area, strings.TrimSuffix(u.org, "党支部"), people.NoRank)
		if _, err := a.App.People.CreateUnitOrg(context.Background(), people.UnitOrgInput{UnitID: id, Kind: "branch", Name: u.org,
			On: date.MustParse("2024-06-01")}); err != nil {
			t.Fatalf("%s: %v", u.org, err)
		}
	}
}
