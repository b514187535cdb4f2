package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

// peopleWorld adds to the fixture a member of 迎宾社区党支部 (测党员甲, ID
// number 449900198001010012, phone 13900020001), a member of 官渡社区党支部
// (测党员乙), a unit in 迎宾社区 that moved to 宾南社区 on 2024-01-01
// (测迎宾单位), a unit in 宾南社区 with its own branch registered with
// 宾南社区 since 2022 (测宾南单位, 测宾南单位党支部, 测宾南报到), and
// "revealer", a district officer allowed to reveal personal data.
func peopleWorld(t testing.TB, f *fixture) {
	ctx := context.Background()
	id, err := f.store.CreateOrg(ctx, area.OrgInput{AreaID: f.ids["官渡社区"], Kind: area.Branch, Name: "官渡社区党支部", On: date.MustParse("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.ids["官渡社区党支部"] = id
	f.enrol(t, "迎宾社区党支部", "测党员甲", 1)
	f.enrol(t, "官渡社区党支部", "测党员乙", 2)
	unit, err := f.people.CreateUnit(ctx, people.UnitInput{Name: "测迎宾单位", Kind: people.StateEnterprise, Rank: people.Division,
		AreaID: f.ids["迎宾社区"], On: date.MustParse("2021-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.ids["测迎宾单位"] = unit
	if err := f.people.MoveUnit(ctx, people.MoveUnitInput{UnitID: unit, AreaID: f.ids["宾南社区"], On: date.MustParse("2024-01-01")}); err != nil {
		t.Fatal(err)
	}
	binnan, err := f.people.CreateUnit(ctx, people.UnitInput{Name: "测宾南单位", Kind: people.PublicInstitution, Rank: people.Section,
		AreaID: f.ids["宾南社区"], On: date.MustParse("2021-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.ids["测宾南单位"] = binnan
	org, err := f.people.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: binnan, Kind: "branch", Name: "测宾南单位党支部", On: date.MustParse("2021-02-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.ids["测宾南单位党支部"] = org
	reg, err := f.people.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: org, AreaID: f.ids["宾南社区"], From: date.MustParse("2022-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.ids["测宾南报到"] = reg
	a, pw, err := f.auth.Create(ctx, auth.NewAccount{Username: "revealer", Role: auth.District, AreaID: f.ids["示范区"], CanReveal: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.auth.ChangePassword(ctx, a.ID, pw, testPassword, ""); err != nil {
		t.Fatal(err)
	}
	_, secret, err := f.auth.CreateToken(ctx, a.ID, "test", 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	f.tokens["revealer"] = secret
}

var peopleScenarios = []scenario{
	{name: "a member, numbers masked", method: "GET", path: "/api/v1/persons/{测党员甲}", status: 200,
		want: []string{`"person":{"id":{测党员甲},"name":"测党员甲","gender":"female"`, `"id_number":"449900********0012"`, `"phone":"139****0001"`,
			`"memberships":[{"id":`, `"org_name":"迎宾社区党支部","status":"full"`, `"posts":[]`, `"registrations":[]`},
		not: []string{"449900198001010012", "13900020001"}},
	{name: "a member, in English", method: "GET", path: "/api/v1/persons/{测党员甲}?lang=en", status: 200, want: []string{`"start_reason":"enrolment"`}},
	{name: "a member outside the caller's subtree", as: "hedong", method: "GET", path: "/api/v1/persons/{测党员乙}", status: 403,
		want: []string{`"code":"out_of_scope"`}, not: []string{"测党员乙"}},
	{name: "an unknown person, scoped caller", as: "hedong", method: "GET", path: "/api/v1/persons/99999", status: 403},
	{name: "an unknown person, admin", method: "GET", path: "/api/v1/persons/99999", status: 404, want: []string{`"code":"person_not_found"`}},
	{name: "a person id not a number", method: "GET", path: "/api/v1/persons/x", status: 400},
	{name: "a member inside, for the subdistrict", as: "hedong", method: "GET", path: "/api/v1/persons/{测党员甲}", status: 200},
	{name: "the auditor reads no person", as: "auditor", method: "GET", path: "/api/v1/persons/{测党员甲}", status: 403, want: []string{`"code":"forbidden"`}},

	{name: "the member list of 河东街道", as: "hedong", method: "GET", path: "/api/v1/members", status: 200,
		want: []string{`"members":[{"person":{"id":{测党员甲},"name":"测党员甲"`, `"id_number":"449900********0012"`}, not: []string{"测党员乙", "449900198001010012"}},
	{name: "the member list, one a page", method: "GET", path: "/api/v1/members?limit=1", status: 200,
		want: []string{`"name":"测党员甲"`, `"next":{测党员甲}`}, not: []string{"测党员乙"}},
	{name: "the member list, the next page", method: "GET", path: "/api/v1/members?limit=1&after={测党员甲}", status: 200,
		want: []string{`"name":"测党员乙"`}},
	{name: "the member list by name prefix and area", method: "GET", path: "/api/v1/members?area=官渡街道&name=测党员", status: 200,
		want: []string{`"name":"测党员乙"`}, not: []string{"测党员甲"}},
	{name: "the member list outside the subtree", as: "hedong", method: "GET", path: "/api/v1/members?area={官渡街道}", status: 403},
	{name: "a name outside the subtree is unknown", as: "hedong", method: "GET", path: "/api/v1/members?area=官渡街道", status: 404, want: []string{`"code":"area_name_unknown"`}},
	{name: "the member list with a bad limit", method: "GET", path: "/api/v1/members?limit=501", status: 422, want: []string{`"field":"limit"`}},
	{name: "the member list with a bad date", method: "GET", path: "/api/v1/members?active_on=2024-13-01", status: 422, want: []string{`"field":"active_on"`}},
	{name: "reveal without the account's permission", method: "POST", path: "/api/v1/persons/{测党员甲}/reveal", status: 403,
		want: []string{`"code":"forbidden"`}, not: []string{"449900198001010012"}},
	{name: "reveal", as: "revealer", method: "POST", path: "/api/v1/persons/{测党员甲}/reveal", status: 200,
		want: []string{`{"id_number":"449900198001010012","phone":"13900020001"}`}},
	{name: "reveal outside the subtree", as: "yingbin", method: "POST", path: "/api/v1/persons/{测党员乙}/reveal", status: 403},

	{name: "elect a team with a concurrent member from a unit", method: "POST", path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", status: 201,
		body: `{"elected_on":"2023-12-01","expected_voters":30,"present_voters":28,"votes_cast":28,"posts":[` +
			`{"person_id":{测党员甲},"role":"secretary"},` +
			`{"new_person":{"name":"测兼职委员","gender":"male","id_number":"` + fakeID(4) + `"},"role":"concurrent_member","unit_id":{测迎宾单位}}]}`,
		want: []string{`"terms":[{"id":`, `"number":1,"elected_on":"2023-12-01","expected_voters":30,"present_voters":28,"votes_cast":28,"started_on":"2023-12-01"}`,
			`"role":"secretary"`, `"person_name":"测兼职委员","role":"concurrent_member"`, `"unit_id":{测迎宾单位}`},
		headers: map[string]string{"Location": "/api/v1/party-orgs/{迎宾社区党支部}/leadership"}},
	{name: "the team", method: "GET", path: "/api/v1/party-orgs/{迎宾社区党支部}/leadership?as_of=2024-01-15", status: 200,
		want: []string{`"as_of":"2024-01-15"`, `"person_name":"测党员甲","role":"secretary"`}},
	{name: "the team before the election", method: "GET", path: "/api/v1/party-orgs/{迎宾社区党支部}/leadership?as_of=2023-01-01", status: 200,
		want: []string{`"posts":[]`}},
	{name: "an election with more votes than voters present", method: "POST", path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", status: 422,
		body: `{"elected_on":"2024-02-01","expected_voters":30,"present_voters":20,"votes_cast":25,"posts":[]}`, want: []string{`"field":"votes_cast"`}},
	{name: "an election with a bad post", method: "POST", path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", status: 422,
		body: `{"elected_on":"2024-02-01","expected_voters":30,"present_voters":20,"votes_cast":20,"posts":[{"person_id":{测党员甲},"role":"secretary"},{"person_id":{测党员甲},"role":"concurrent_member"}]}`,
		want: []string{`"field":"posts[1].unit_id"`}},
	{name: "the team of a branch outside", as: "yingbin", method: "GET", path: "/api/v1/party-orgs/{官渡社区党支部}/leadership", status: 403},

	{name: "registrations with 宾南社区", method: "GET", path: "/api/v1/areas/{宾南社区}/registrations?as_of=2023-06-30&kind=unit", status: 200,
		want: []string{`"registrations":[{"id":{测宾南报到},"kind":"unit","org_id":{测宾南单位党支部},"name":"测宾南单位党支部","area_id":{宾南社区},"from":"2022-01-01"}]`}},
	{name: "registrations of a bad kind", method: "GET", path: "/api/v1/areas/{宾南社区}/registrations?kind=club", status: 422, want: []string{`"field":"kind"`}},
	{name: "end a registration", method: "POST", path: "/api/v1/registrations/{测宾南报到}/end", status: 200, body: `{"on":"2023-07-01"}`,
		want: []string{`"id":{测宾南报到}`, `"to":"2023-07-01"`}},
	{name: "register with 迎宾社区", method: "POST", path: "/api/v1/registrations", status: 201,
		body: `{"kind":"unit","org_id":{测宾南单位党支部},"area_id":{迎宾社区},"on":"2023-08-01","note":"就近报到"}`,
		want: []string{`"kind":"unit","org_id":{测宾南单位党支部}`, `"area_id":{迎宾社区},"from":"2023-08-01","note":"就近报到"}`}},
	{name: "register with a community outside", as: "yingbin", method: "POST", path: "/api/v1/registrations", status: 403,
		body: `{"kind":"unit","org_id":{测宾南单位党支部},"area_id":{官渡社区},"on":"2023-08-01"}`, want: []string{`"field":"area_id"`}},
	{name: "register a resident member", method: "POST", path: "/api/v1/registrations", status: 422,
		body: `{"kind":"member","person_id":{测党员甲},"area_id":{迎宾社区},"on":"2023-08-01"}`},

	{name: "enrol a member", method: "POST", path: "/api/v1/members", status: 201,
		body: `{"person":{"name":"测新党员","gender":"male","id_number":"` + fakeID(3) + `","phone":"13900020003"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"probationary","category":"retired","joined_party_on":"2024-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		want: []string{`{"person_id":`, `"membership_id":`}, headers: map[string]string{"Location": "/api/v1/persons/"}},
	{name: "enrol: a bad ID number", method: "POST", path: "/api/v1/members", status: 422,
		body: `{"person":{"name":"测错号","gender":"male","id_number":"449900198001010019"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		want: []string{`"field":"person.id_number"`}, not: []string{"449900198001010019"}},
	{name: "enrol: a bad date names its field", method: "POST", path: "/api/v1/members", status: 422,
		body: `{"person":{"name":"测错日","gender":"male","birth_date":"1980-02-30"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		want: []string{`"field":"person.birth_date"`}},
	{name: "enrol: an unknown organisation", method: "POST", path: "/api/v1/members", status: 422,
		body: `{"person":{"name":"测无组织","gender":"male","birth_date":"1980-02-01"},` +
			`"membership":{"org_id":99999,"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		want: []string{`"code":"org_not_found"`}},
	{name: "enrol outside the caller's subtree", as: "yingbin", method: "POST", path: "/api/v1/members", status: 403,
		body: `{"person":{"name":"测越界","gender":"male"},"membership":{"org_id":{官渡社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		want: []string{`"code":"out_of_scope"`, `"field":"membership.org_id"`}, not: []string{"官渡"}},
	{name: "enrol: an unknown field", method: "POST", path: "/api/v1/members", status: 400,
		body: `{"person":{"name":"测","gender":"male","nickname":"x"},"membership":{},"on":"2024-09-01"}`, want: []string{`"code":"api_body_unknown_field"`}},
	{name: "convert a full member", method: "POST", path: "/api/v1/persons/{测党员甲}/convert", status: 422, body: `{"on":"2024-09-01"}`},
	{name: "transfer to a branch outside the subtree", as: "yingbin", method: "POST", path: "/api/v1/persons/{测党员甲}/transfer", status: 403,
		body: `{"to_org_id":{官渡社区党支部},"on":"2024-09-01"}`, want: []string{`"code":"out_of_scope"`}},
	{name: "transfer", method: "POST", path: "/api/v1/persons/{测党员甲}/transfer", status: 201,
		body: `{"to_org_id":{官渡社区党支部},"category":"floating","on":"2024-09-01","note":"搬迁"}`,
		want: []string{`{"person_id":{测党员甲},"membership_id":`}, headers: map[string]string{"Location": "/api/v1/persons/{测党员甲}"}},
	{name: "the history shows the transfer", method: "GET", path: "/api/v1/persons/{测党员甲}", status: 200,
		want: []string{`"org_name":"迎宾社区党支部"`, `"to":"2024-09-01","start_reason":"enrolment","end_reason":"transfer_out"`,
			`"org_name":"官渡社区党支部","status":"full","category":"floating"`, `"from":"2024-09-01","start_reason":"transfer_in"`}},
	{name: "the member is outside 迎宾社区 now", as: "yingbin", method: "POST", path: "/api/v1/persons/{测党员甲}/end", status: 403,
		body: `{"reason":"died","on":"2024-10-01"}`},
	{name: "end before the membership began", method: "POST", path: "/api/v1/persons/{测党员甲}/end", status: 422,
		body: `{"reason":"died","on":"2024-08-01"}`, want: []string{`"field":"on"`}},
	{name: "end: a transfer out of the system", method: "POST", path: "/api/v1/persons/{测党员甲}/end", status: 200,
		body: `{"reason":"transfer_out","to_org_name":"外省某支部","on":"2024-10-01"}`, want: []string{`{"person_id":{测党员甲},"membership_id":`}},
	{name: "nothing left to end", method: "POST", path: "/api/v1/persons/{测党员甲}/end", status: 422,
		body: `{"reason":"died","on":"2024-11-01"}`, want: []string{`"code":"no_open_membership"`}},
	{name: "a membership overlapping the last one", method: "POST", path: "/api/v1/persons/{测党员甲}/memberships", status: 422,
		body: `{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-09-15"}`,
		want: []string{`"code":"membership_overlap"`}},
	{name: "a membership of a branch outside", as: "hedong", method: "POST", path: "/api/v1/persons/{测党员甲}/memberships", status: 403,
		body: `{"org_id":{官渡社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-11-15"}`,
		want: []string{`"field":"org_id"`}},
	{name: "start a membership again: back from outside", method: "POST", path: "/api/v1/persons/{测党员甲}/memberships", status: 201,
		body: `{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-11-15","note":"转回"}`,
		want: []string{`{"person_id":{测党员甲},"membership_id":`}, headers: map[string]string{"Location": "/api/v1/persons/{测党员甲}"}},

	{name: "a unit with its locations", method: "GET", path: "/api/v1/units/{测迎宾单位}", status: 200,
		want: []string{`"unit":{"id":{测迎宾单位},"name":"测迎宾单位"`, `"area_id":{宾南社区}`,
			`"locations":[{"area_id":{迎宾社区},"area_name":"迎宾社区","from":"2021-01-01","to":"2024-01-01"},{"area_id":{宾南社区},"area_name":"宾南社区","from":"2024-01-01"}]`}},
	{name: "a unit outside the caller's subtree", as: "yingbin", method: "GET", path: "/api/v1/units/{测迎宾单位}", status: 403},
	{name: "the units of 河东街道", as: "hedong", method: "GET", path: "/api/v1/units", status: 200,
		want: []string{`"units":[{"id":{测宾南单位},"name":"测宾南单位"`, `{"id":{测迎宾单位},"name":"测迎宾单位"`}, not: []string{"官渡"}},
	{name: "the units of a community by name", method: "GET", path: "/api/v1/units?area=宾南社区&as_of=2023-06-30", status: 200,
		want: []string{`"as_of":"2023-06-30","units":[{"id":{测宾南单位},`}, not: []string{"测迎宾单位"}},
	{name: "the units of an unknown area", method: "GET", path: "/api/v1/units?area=无此社区", status: 404, want: []string{`"code":"area_name_unknown"`, `"field":"area"`}},
	{name: "record a unit", as: "yingbin", method: "POST", path: "/api/v1/units", status: 201,
		body:    `{"name":"测新单位","kind":"public_institution","rank":"section","area_id":{迎宾社区},"on":"2024-05-01"}`,
		want:    []string{`"unit":{"id":`, `"name":"测新单位","kind":"public_institution","rank":"section","area_id":{迎宾社区},"started_on":"2024-05-01"}`},
		headers: map[string]string{"Location": "/api/v1/units/"}},
	{name: "record a unit outside the subtree", as: "yingbin", method: "POST", path: "/api/v1/units", status: 403,
		body: `{"name":"测越界单位","kind":"public_institution","rank":"section","area_id":{官渡社区},"on":"2024-05-01"}`, want: []string{`"field":"area_id"`}, not: []string{"官渡"}},
	{name: "record a unit in a subdistrict", method: "POST", path: "/api/v1/units", status: 422,
		body: `{"name":"测街道单位","kind":"public_institution","rank":"section","area_id":{河东街道},"on":"2024-05-01"}`, want: []string{`"field":"area_id"`}},
	{name: "record a unit without a name", method: "POST", path: "/api/v1/units", status: 422,
		body: `{"name":"","kind":"public_institution","rank":"section","area_id":{迎宾社区},"on":"2024-05-01"}`, want: []string{`"field":"name"`}},
	{name: "move a unit to an unknown community", method: "POST", path: "/api/v1/units/{测迎宾单位}/move", status: 422,
		body: `{"area_id":99999,"on":"2024-06-01"}`},
	{name: "move a unit back", method: "POST", path: "/api/v1/units/{测迎宾单位}/move", status: 200,
		body: `{"area_id":{迎宾社区},"on":"2024-06-01"}`, want: []string{`"area_id":{迎宾社区}`, `{"area_id":{迎宾社区},"area_name":"迎宾社区","from":"2024-06-01"}`}},
	{name: "the unit's own party organisation", method: "POST", path: "/api/v1/units/{测迎宾单位}/party-org", status: 201,
		body: `{"kind":"branch","name":"测迎宾单位党支部","on":"2024-06-01"}`, want: []string{`"org_id":`}},
	{name: "end a unit before it began", method: "POST", path: "/api/v1/units/{测迎宾单位}/end", status: 422, body: `{"on":"2020-01-01"}`, want: []string{`"field":"on"`}},
	{name: "end a unit", method: "POST", path: "/api/v1/units/{测迎宾单位}/end", status: 200, body: `{"on":"2024-07-01","note":"搬离"}`,
		want: []string{`"ended_on":"2024-07-01"`}},
	{name: "an unknown unit", method: "GET", path: "/api/v1/units/99999", status: 404, want: []string{`"code":"unit_not_found"`}},
}

// TestRevealIsAuditedWithoutTheNumbers: the API's reveal is in the audit
// trail, naming the person, and no audit entry holds the full numbers.
func TestRevealIsAuditedWithoutTheNumbers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		peopleWorld(t, f)
		rec := f.do(t, "revealer", "", "POST", "/api/v1/persons/{测党员甲}/reveal", "")
		if rec.Code != 200 {
			t.Fatalf("reveal: %d %s", rec.Code, rec.Body)
		}
		recs, _, err := audit.Query(context.Background(), f.db.Reader(), audit.Filter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		revealed := 0
		for _, r := range recs {
			text := r.Action + " " + r.TargetType + " " + r.TargetID + " " + r.Detail + " " + r.Before + " " + r.After
			if strings.Contains(text, "449900198001010012") || strings.Contains(text, "13900020001") {
				t.Errorf("audit entry %d holds a full number: %s", r.Seq, text)
			}
			if r.Action == "pii.reveal" {
				revealed++
			}
		}
		if revealed != 2 {
			t.Errorf("%d reveal entries, want 2 (ID number and phone)", revealed)
		}
	})
}
