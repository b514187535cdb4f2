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
	"dangjian/internal/testkit"
)

// peopleWorld adds to the fixture a member of 迎宾社区党支部 (测党员甲, ID
// number 449900198001010012, phone 13900020001), a member of 官渡社区党支部
// (测党员乙), a unit in 迎宾社区 that moved to 宾南社区 on 2024-01-01
// (测迎宾单位), a unit in 宾南社区 with its own branch registered with
// 宾南社区 since 2022 (测宾南单位, 测宾南单位党支部, 测宾南报到), and
// "revealer", a district officer allowed to reveal personal data.
func peopleWorld(t testing.TB, f *fixture) {
	ctx := context.Background()
	id, err := f.App.Areas.CreateOrg(ctx, area.OrgInput{AreaID: f.IDs["官渡社区"], Kind: area.Branch, Name: "官渡社区党支部", On: date.MustParse("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["官渡社区党支部"] = id
	f.enrol(t, "迎宾社区党支部", "测党员甲", 1)
	f.enrol(t, "官渡社区党支部", "测党员乙", 2)
	unit, err := f.App.People.CreateUnit(ctx, people.UnitInput{Name: "测迎宾单位", Kind: people.StateEnterprise, Rank: people.Division,
		AreaID: f.IDs["迎宾社区"], On: date.MustParse("2021-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["测迎宾单位"] = unit
	if err := f.App.People.MoveUnit(ctx, people.MoveUnitInput{UnitID: unit, AreaID: f.IDs["宾南社区"], On: date.MustParse("2024-01-01")}); err != nil {
		t.Fatal(err)
	}
	binnan, err := f.App.People.CreateUnit(ctx, people.UnitInput{Name: "测宾南单位", Kind: people.PublicInstitution, Rank: people.Section,
		AreaID: f.IDs["宾南社区"], On: date.MustParse("2021-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["测宾南单位"] = binnan
	org, err := f.App.People.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: binnan, Kind: "branch", Name: "测宾南单位党支部", On: date.MustParse("2021-02-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["测宾南单位党支部"] = org
	reg, err := f.App.People.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: org, AreaID: f.IDs["宾南社区"], From: date.MustParse("2022-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["测宾南报到"] = reg
	a, pw, err := f.App.Auth.Create(ctx, auth.NewAccount{Username: "revealer", Role: auth.District, AreaID: f.IDs["示范区"], CanReveal: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.App.Auth.ChangePassword(ctx, a.ID, pw, testkit.Password, ""); err != nil {
		t.Fatal(err)
	}
	_, secret, err := f.App.Auth.CreateToken(ctx, a.ID, "test", 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	f.Tokens["revealer"] = secret
}

var peopleScenarios = []scenario{
	{Name: "a member, numbers masked", Method: "GET", Path: "/api/v1/persons/{测党员甲}", Status: 200,
		Want: []string{`"person":{"id":{测党员甲},"name":"测党员甲","gender":"female"`, `"id_number":"449900********0012"`, `"phone":"139****0001"`,
			`"memberships":[{"id":`, `"org_name":"迎宾社区党支部","status":"full"`, `"posts":[]`, `"registrations":[]`},
		Not: []string{"449900198001010012", "13900020001"}},
	{Name: "a member, in English", Method: "GET", Path: "/api/v1/persons/{测党员甲}?lang=en", Status: 200, Want: []string{`"start_reason":"enrolment"`}},
	{Name: "a member outside the caller's subtree", As: "hedong", Method: "GET", Path: "/api/v1/persons/{测党员乙}", Status: 403,
		Want: []string{`"code":"out_of_scope"`}, Not: []string{"测党员乙"}},
	{Name: "an unknown person, scoped caller", As: "hedong", Method: "GET", Path: "/api/v1/persons/99999", Status: 403},
	{Name: "an unknown person, admin", Method: "GET", Path: "/api/v1/persons/99999", Status: 404, Want: []string{`"code":"person_not_found"`}},
	{Name: "a person id not a number", Method: "GET", Path: "/api/v1/persons/x", Status: 400},
	{Name: "a member inside, for the subdistrict", As: "hedong", Method: "GET", Path: "/api/v1/persons/{测党员甲}", Status: 200},
	{Name: "the auditor reads no person", As: "auditor", Method: "GET", Path: "/api/v1/persons/{测党员甲}", Status: 403, Want: []string{`"code":"forbidden"`}},

	{Name: "the member list of 河东街道", As: "hedong", Method: "GET", Path: "/api/v1/members", Status: 200,
		Want: []string{`"members":[{"person":{"id":{测党员甲},"name":"测党员甲"`, `"id_number":"449900********0012"`}, Not: []string{"测党员乙", "449900198001010012"}},
	{Name: "the member list, one a page", Method: "GET", Path: "/api/v1/members?limit=1", Status: 200,
		Want: []string{`"name":"测党员甲"`, `"next":{测党员甲}`}, Not: []string{"测党员乙"}},
	{Name: "the member list, the next page", Method: "GET", Path: "/api/v1/members?limit=1&after={测党员甲}", Status: 200,
		Want: []string{`"name":"测党员乙"`}},
	{Name: "the member list by name prefix and area", Method: "GET", Path: "/api/v1/members?area=官渡街道&name=测党员", Status: 200,
		Want: []string{`"name":"测党员乙"`}, Not: []string{"测党员甲"}},
	{Name: "the member list outside the subtree", As: "hedong", Method: "GET", Path: "/api/v1/members?area={官渡街道}", Status: 403},
	{Name: "a name outside the subtree is unknown", As: "hedong", Method: "GET", Path: "/api/v1/members?area=官渡街道", Status: 404, Want: []string{`"code":"area_name_unknown"`}},
	{Name: "the member list with a bad limit", Method: "GET", Path: "/api/v1/members?limit=501", Status: 422, Want: []string{`"field":"limit"`}},
	{Name: "the member list with a bad date", Method: "GET", Path: "/api/v1/members?active_on=2024-13-01", Status: 422, Want: []string{`"field":"active_on"`}},
	{Name: "reveal without the account's permission", Method: "POST", Path: "/api/v1/persons/{测党员甲}/reveal", Status: 403,
		Want: []string{`"code":"forbidden"`}, Not: []string{"449900198001010012"}},
	{Name: "reveal", As: "revealer", Method: "POST", Path: "/api/v1/persons/{测党员甲}/reveal", Status: 200,
		Want: []string{`{"id_number":"449900198001010012","phone":"13900020001"}`}},
	{Name: "reveal outside the subtree", As: "yingbin", Method: "POST", Path: "/api/v1/persons/{测党员乙}/reveal", Status: 403},

	{Name: "elect a team with a concurrent member from a unit", Method: "POST", Path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", Status: 201,
		Body: `{"elected_on":"2023-12-01","expected_voters":30,"present_voters":28,"votes_cast":28,"posts":[` +
			`{"person_id":{测党员甲},"role":"secretary"},` +
			`{"new_person":{"name":"测兼职委员","gender":"male","id_number":"` + fakeID(4) + `"},"role":"concurrent_member","unit_id":{测迎宾单位}}]}`,
		Want: []string{`"terms":[{"id":`, `"number":1,"elected_on":"2023-12-01","expected_voters":30,"present_voters":28,"votes_cast":28,"started_on":"2023-12-01"}`,
			`"role":"secretary"`, `"person_name":"测兼职委员","role":"concurrent_member"`, `"unit_id":{测迎宾单位}`},
		Headers: map[string]string{"Location": "/api/v1/party-orgs/{迎宾社区党支部}/leadership"}},
	{Name: "the team", Method: "GET", Path: "/api/v1/party-orgs/{迎宾社区党支部}/leadership?as_of=2024-01-15", Status: 200,
		Want: []string{`"as_of":"2024-01-15"`, `"person_name":"测党员甲","role":"secretary"`}},
	{Name: "the team before the election", Method: "GET", Path: "/api/v1/party-orgs/{迎宾社区党支部}/leadership?as_of=2023-01-01", Status: 200,
		Want: []string{`"posts":[]`}},
	{Name: "an election with more votes than voters present", Method: "POST", Path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", Status: 422,
		Body: `{"elected_on":"2024-02-01","expected_voters":30,"present_voters":20,"votes_cast":25,"posts":[]}`, Want: []string{`"field":"votes_cast"`}},
	{Name: "an election with a bad post", Method: "POST", Path: "/api/v1/party-orgs/{迎宾社区党支部}/elections", Status: 422,
		Body: `{"elected_on":"2024-02-01","expected_voters":30,"present_voters":20,"votes_cast":20,"posts":[{"person_id":{测党员甲},"role":"secretary"},{"person_id":{测党员甲},"role":"concurrent_member"}]}`,
		Want: []string{`"field":"posts[1].unit_id"`}},
	{Name: "the team of a branch outside", As: "yingbin", Method: "GET", Path: "/api/v1/party-orgs/{官渡社区党支部}/leadership", Status: 403},

	{Name: "registrations with 宾南社区", Method: "GET", Path: "/api/v1/areas/{宾南社区}/registrations?as_of=2023-06-30&kind=unit", Status: 200,
		Want: []string{`"registrations":[{"id":{测宾南报到},"kind":"unit","org_id":{测宾南单位党支部},"name":"测宾南单位党支部","area_id":{宾南社区},"from":"2022-01-01"}]`}},
	{Name: "registrations of a bad kind", Method: "GET", Path: "/api/v1/areas/{宾南社区}/registrations?kind=club", Status: 422, Want: []string{`"field":"kind"`}},
	{Name: "end a registration", Method: "POST", Path: "/api/v1/registrations/{测宾南报到}/end", Status: 200, Body: `{"on":"2023-07-01"}`,
		Want: []string{`"id":{测宾南报到}`, `"to":"2023-07-01"`}},
	{Name: "register with 迎宾社区", Method: "POST", Path: "/api/v1/registrations", Status: 201,
		Body: `{"kind":"unit","org_id":{测宾南单位党支部},"area_id":{迎宾社区},"on":"2023-08-01","note":"就近报到"}`,
		Want: []string{`"kind":"unit","org_id":{测宾南单位党支部}`, `"area_id":{迎宾社区},"from":"2023-08-01","note":"就近报到"}`}},
	{Name: "register with a community outside", As: "yingbin", Method: "POST", Path: "/api/v1/registrations", Status: 403,
		Body: `{"kind":"unit","org_id":{测宾南单位党支部},"area_id":{官渡社区},"on":"2023-08-01"}`, Want: []string{`"field":"area_id"`}},
	{Name: "register a resident member", Method: "POST", Path: "/api/v1/registrations", Status: 422,
		Body: `{"kind":"member","person_id":{测党员甲},"area_id":{迎宾社区},"on":"2023-08-01"}`},

	{Name: "enrol a member", Method: "POST", Path: "/api/v1/members", Status: 201,
		Body: `{"person":{"name":"测新党员","gender":"male","id_number":"` + fakeID(3) + `","phone":"13900020003"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"probationary","category":"retired","joined_party_on":"2024-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		Want: []string{`{"person_id":`, `"membership_id":`}, Headers: map[string]string{"Location": "/api/v1/persons/"}},
	{Name: "enrol: a bad ID number", Method: "POST", Path: "/api/v1/members", Status: 422,
		Body: `{"person":{"name":"测错号","gender":"male","id_number":"449900198001010019"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		Want: []string{`"field":"person.id_number"`}, Not: []string{"449900198001010019"}},
	{Name: "enrol: a bad date names its field", Method: "POST", Path: "/api/v1/members", Status: 422,
		Body: `{"person":{"name":"测错日","gender":"male","birth_date":"1980-02-30"},` +
			`"membership":{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		Want: []string{`"field":"person.birth_date"`}},
	{Name: "enrol: an unknown organisation", Method: "POST", Path: "/api/v1/members", Status: 422,
		Body: `{"person":{"name":"测无组织","gender":"male","birth_date":"1980-02-01"},` +
			`"membership":{"org_id":99999,"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		Want: []string{`"code":"org_not_found"`}},
	{Name: "enrol outside the caller's subtree", As: "yingbin", Method: "POST", Path: "/api/v1/members", Status: 403,
		Body: `{"person":{"name":"测越界","gender":"male"},"membership":{"org_id":{官渡社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2024-09-01"}`,
		Want: []string{`"code":"out_of_scope"`, `"field":"membership.org_id"`}, Not: []string{"官渡"}},
	{Name: "enrol: an unknown field", Method: "POST", Path: "/api/v1/members", Status: 400,
		Body: `{"person":{"name":"测","gender":"male","nickname":"x"},"membership":{},"on":"2024-09-01"}`, Want: []string{`"code":"api_body_unknown_field"`}},
	{Name: "convert a full member", Method: "POST", Path: "/api/v1/persons/{测党员甲}/convert", Status: 422, Body: `{"on":"2024-09-01"}`},
	{Name: "transfer to a branch outside the subtree", As: "yingbin", Method: "POST", Path: "/api/v1/persons/{测党员甲}/transfer", Status: 403,
		Body: `{"to_org_id":{官渡社区党支部},"on":"2024-09-01"}`, Want: []string{`"code":"out_of_scope"`}},
	{Name: "transfer", Method: "POST", Path: "/api/v1/persons/{测党员甲}/transfer", Status: 201,
		Body: `{"to_org_id":{官渡社区党支部},"category":"floating","on":"2024-09-01","note":"搬迁"}`,
		Want: []string{`{"person_id":{测党员甲},"membership_id":`}, Headers: map[string]string{"Location": "/api/v1/persons/{测党员甲}"}},
	{Name: "the history shows the transfer", Method: "GET", Path: "/api/v1/persons/{测党员甲}", Status: 200,
		Want: []string{`"org_name":"迎宾社区党支部"`, `"to":"2024-09-01","start_reason":"enrolment","end_reason":"transfer_out"`,
			`"org_name":"官渡社区党支部","status":"full","category":"floating"`, `"from":"2024-09-01","start_reason":"transfer_in"`}},
	{Name: "the member is outside 迎宾社区 now", As: "yingbin", Method: "POST", Path: "/api/v1/persons/{测党员甲}/end", Status: 403,
		Body: `{"reason":"died","on":"2024-10-01"}`},
	{Name: "end before the membership began", Method: "POST", Path: "/api/v1/persons/{测党员甲}/end", Status: 422,
		Body: `{"reason":"died","on":"2024-08-01"}`, Want: []string{`"field":"on"`}},
	{Name: "end: a transfer out of the system", Method: "POST", Path: "/api/v1/persons/{测党员甲}/end", Status: 200,
		Body: `{"reason":"transfer_out","to_org_name":"外省某支部","on":"2024-10-01"}`, Want: []string{`{"person_id":{测党员甲},"membership_id":`}},
	{Name: "nothing left to end", Method: "POST", Path: "/api/v1/persons/{测党员甲}/end", Status: 422,
		Body: `{"reason":"died","on":"2024-11-01"}`, Want: []string{`"code":"no_open_membership"`}},
	{Name: "a membership overlapping the last one", Method: "POST", Path: "/api/v1/persons/{测党员甲}/memberships", Status: 422,
		Body: `{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-09-15"}`,
		Want: []string{`"code":"membership_overlap"`}},
	{Name: "a membership of a branch outside", As: "hedong", Method: "POST", Path: "/api/v1/persons/{测党员甲}/memberships", Status: 403,
		Body: `{"org_id":{官渡社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-11-15"}`,
		Want: []string{`"field":"org_id"`}},
	{Name: "start a membership again: back from outside", Method: "POST", Path: "/api/v1/persons/{测党员甲}/memberships", Status: 201,
		Body: `{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外省某支部","on":"2024-11-15","note":"转回"}`,
		Want: []string{`{"person_id":{测党员甲},"membership_id":`}, Headers: map[string]string{"Location": "/api/v1/persons/{测党员甲}"}},

	{Name: "a unit with its locations", Method: "GET", Path: "/api/v1/units/{测迎宾单位}", Status: 200,
		Want: []string{`"unit":{"id":{测迎宾单位},"name":"测迎宾单位"`, `"area_id":{宾南社区}`,
			`"locations":[{"area_id":{迎宾社区},"area_name":"迎宾社区","from":"2021-01-01","to":"2024-01-01"},{"area_id":{宾南社区},"area_name":"宾南社区","from":"2024-01-01"}]`}},
	{Name: "a unit outside the caller's subtree", As: "yingbin", Method: "GET", Path: "/api/v1/units/{测迎宾单位}", Status: 403},
	{Name: "the units of 河东街道", As: "hedong", Method: "GET", Path: "/api/v1/units", Status: 200,
		Want: []string{`"units":[{"id":{测宾南单位},"name":"测宾南单位"`, `{"id":{测迎宾单位},"name":"测迎宾单位"`}, Not: []string{"官渡"}},
	{Name: "the units of a community by name", Method: "GET", Path: "/api/v1/units?area=宾南社区&as_of=2023-06-30", Status: 200,
		Want: []string{`"as_of":"2023-06-30","units":[{"id":{测宾南单位},`}, Not: []string{"测迎宾单位"}},
	{Name: "the units of an unknown area", Method: "GET", Path: "/api/v1/units?area=无此社区", Status: 404, Want: []string{`"code":"area_name_unknown"`, `"field":"area"`}},
	{Name: "record a unit", As: "yingbin", Method: "POST", Path: "/api/v1/units", Status: 201,
		Body:    `{"name":"测新单位","kind":"public_institution","rank":"section","area_id":{迎宾社区},"on":"2024-05-01"}`,
		Want:    []string{`"unit":{"id":`, `"name":"测新单位","kind":"public_institution","rank":"section","area_id":{迎宾社区},"started_on":"2024-05-01"}`},
		Headers: map[string]string{"Location": "/api/v1/units/"}},
	{Name: "record a unit outside the subtree", As: "yingbin", Method: "POST", Path: "/api/v1/units", Status: 403,
		Body: `{"name":"测越界单位","kind":"public_institution","rank":"section","area_id":{官渡社区},"on":"2024-05-01"}`, Want: []string{`"field":"area_id"`}, Not: []string{"官渡"}},
	{Name: "record a unit in a subdistrict", Method: "POST", Path: "/api/v1/units", Status: 422,
		Body: `{"name":"测街道单位","kind":"public_institution","rank":"section","area_id":{河东街道},"on":"2024-05-01"}`, Want: []string{`"field":"area_id"`}},
	{Name: "record a unit without a name", Method: "POST", Path: "/api/v1/units", Status: 422,
		Body: `{"name":"","kind":"public_institution","rank":"section","area_id":{迎宾社区},"on":"2024-05-01"}`, Want: []string{`"field":"name"`}},
	{Name: "move a unit to an unknown community", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/move", Status: 422,
		Body: `{"area_id":99999,"on":"2024-06-01"}`},
	{Name: "move a unit back", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/move", Status: 200,
		Body: `{"area_id":{迎宾社区},"on":"2024-06-01"}`, Want: []string{`"area_id":{迎宾社区}`, `{"area_id":{迎宾社区},"area_name":"迎宾社区","from":"2024-06-01"}`}},
	{Name: "the unit's own party organisation", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/party-org", Status: 201,
		Body: `{"kind":"branch","name":"测迎宾单位党支部","on":"2024-06-01"}`, Want: []string{`"org_id":`}},
	{Name: "end a unit before it began", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/end", Status: 422, Body: `{"on":"2020-01-01"}`, Want: []string{`"field":"on"`}},
	{Name: "end a unit", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/end", Status: 200, Body: `{"on":"2024-07-01","note":"搬离"}`,
		Want: []string{`"ended_on":"2024-07-01"`}},
	{Name: "an unknown unit", Method: "GET", Path: "/api/v1/units/99999", Status: 404, Want: []string{`"code":"unit_not_found"`}},
	// An area with records attached ends only when the caller confirms
	// that they move along (and, for a dissolve, says where).
	{Name: "merge not confirmed", Method: "POST", Path: "/api/v1/areas/{宾南社区}/merge", Body: `{"target_id":{迎宾社区},"on":"2025-01-01"}`,
		Status: 422, Want: []string{`"code":"confirm_attached"`, `"field":"confirm"`}},
	{Name: "dissolve without a place", Method: "POST", Path: "/api/v1/areas/{宾南社区}/dissolve", Body: `{"on":"2025-01-01","confirmed":true}`,
		Status: 422, Want: []string{`"code":"area_has_attached"`, `"field":"target_id"`}},
	{Name: "merge confirmed", Method: "POST", Path: "/api/v1/areas/{宾南社区}/merge", Body: `{"target_id":{迎宾社区},"on":"2025-01-01","confirmed":true}`,
		Status: 200},
	{Name: "the unit moved along", Method: "GET", Path: "/api/v1/units/{测宾南单位}", Status: 200, Want: []string{`"area_name":"迎宾社区"`}},
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
		recs, _, err := audit.Query(context.Background(), f.DB.Reader(), audit.Filter{Limit: 1000})
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
