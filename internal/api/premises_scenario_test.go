package api_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/premises"
)

// premisesWorld adds to the fixture part three's records: 迎宾社区's office
// premises 迎宾路1号 (120 m² since 2018, its premises 迎宾用房) and its
// former premises 迎宾旧址 (since 2015-06-01, still open), its office
// funding of 2025 only; 官渡社区's premises 官渡路2号 (官渡用房) and its
// building project 官渡办公用房. 宾南社区 has nothing: it is a
// three-lacks committee until the scenarios build it premises.
func premisesWorld(t testing.TB, f *fixture) {
	ctx := context.Background()
	st := f.App.Premises
	open := func(key, areaName, address string, sqm int64, from string) {
		id, err := st.OpenPremises(ctx, premises.PremisesInput{AreaID: f.IDs[areaName], Address: address, Use: premises.Office,
			FloorArea: sqm * 100, Tenure: premises.Owned, FromOn: date.MustParse(from)})
		if err != nil {
			t.Fatalf("premises %s: %v", address, err)
		}
		f.IDs[key] = id
	}
	open("迎宾用房", "迎宾社区", "迎宾路1号", 120, "2018-01-01")
	open("迎宾旧址", "迎宾社区", "迎宾路旧址", 60, "2015-06-01")
	open("官渡用房", "官渡社区", "官渡路2号", 300, "2016-01-01")
	if _, err := st.AddOfficeFunding(ctx, premises.OfficeFundingInput{AreaID: f.IDs["迎宾社区"], Year: 2025, Amount: 3_000_000, Source: "街道拨付"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateProject(ctx, premises.ProjectInput{AreaID: f.IDs["官渡社区"], Name: "官渡办公用房", Cost: 50_000_000, StartedOn: date.MustParse("2023-01-01")}); err != nil {
		t.Fatal(err)
	}
}

var premisesScenarios = []scenario{
	// A community's premises and its state on a day.
	{Name: "迎宾社区's premises in 2024", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/premises?on=2024-06-30", Status: 200,
		Want: []string{`"area":{"id":{迎宾社区},"level":"community","name":"迎宾社区"`, `"on":"2024-06-30"`,
			`"id":{迎宾用房},"area_id":{迎宾社区},"address":"迎宾路1号","use":"office","floor_area":12000,"tenure":"owned","from_on":"2018-01-01","rooms":[]`,
			`"funding":[{"year":2025,"total":3000000,"rows":[{"id":`, `"land":[]`, `"projects":[]`,
			`"office":{"lacks":false,"code":"has.premises"`, `"funding":{"lacks":true,"code":"lack.funding_none","arg":"2024","reason":"无：2024 年未登记办公经费"}`,
			`"land":{"lacks":true,"code":"lack.land_none"`, `"three_lacks":false`}},
	{Name: "迎宾社区's premises, reasons in English", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/premises?on=2025-06-30&lang=en", Status: 200,
		Want: []string{`"funding":{"lacks":false,"code":"has.funding","arg":"3.00","reason":"Has: 3.00 (10k yuan) this year"}`}},
	{Name: "宾南社区 is three-lacks", Method: "GET", Path: "/api/v1/areas/{宾南社区}/premises?on=2024-06-30", Status: 200,
		Want: []string{`"premises":[]`, `"office":{"lacks":true,"code":"lack.premises_none"`, `"three_lacks":true`}},
	{Name: "the premises of an area that is no community", Method: "GET", Path: "/api/v1/areas/{河东街道}/premises", Status: 422,
		Want: []string{`"field":"id"`, `"code":"premises_not_community"`}},
	{Name: "the premises on a bad day", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/premises?on=2024-13-01", Status: 422, Want: []string{`"field":"on"`}},
	{Name: "the viewer reads premises", As: "viewer", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 200, Want: []string{`"address":"迎宾路1号"`}},
	{Name: "premises outside the subtree", As: "hedong", Method: "GET", Path: "/api/v1/areas/{官渡社区}/premises", Status: 403,
		Want: []string{`"code":"out_of_scope"`}, Not: []string{"官渡路2号"}},

	// Premises, rooms, closing.
	{Name: "open service premises", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 201,
		Body:    `{"address":" 迎宾服务站 ","use":"service","floor_area":8000,"tenure":"rented","on":"2024-01-01"}`,
		Want:    []string{`"area_id":{迎宾社区},"address":"迎宾服务站","use":"service","floor_area":8000,"tenure":"rented","from_on":"2024-01-01"}`},
		Headers: map[string]string{"Location": "/api/v1/areas/{迎宾社区}/premises"}},
	{Name: "premises of zero floor area", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 422,
		Body: `{"address":"零号","use":"office","floor_area":0,"tenure":"owned","on":"2024-01-01"}`, Want: []string{`"field":"floor_area"`}},
	{Name: "premises of an ended community", Method: "POST", Path: "/api/v1/areas/{河滨社区}/premises", Status: 422,
		Body: `{"address":"河滨路","use":"office","floor_area":5000,"tenure":"owned","on":"2024-01-01"}`,
		Want: []string{`"field":"id"`, `"code":"premises_community_inactive"`}},
	{Name: "premises on a bad day", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 422,
		Body: `{"address":"甲","use":"office","floor_area":5000,"tenure":"owned","on":"2024-02-30"}`, Want: []string{`"field":"on"`}},
	{Name: "premises with a bad end", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 422,
		Body: `{"address":"甲","use":"office","floor_area":5000,"tenure":"owned","on":"2024-02-01","to_on":"x"}`, Want: []string{`"field":"to_on"`}},
	{Name: "the viewer records no premises", As: "viewer", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 403,
		Body: `{"address":"甲","use":"office","floor_area":5000,"tenure":"owned","on":"2024-02-01"}`, Want: []string{`"code":"forbidden"`}},
	{Name: "premises for a community outside", As: "yingbin", Method: "POST", Path: "/api/v1/areas/{宾南社区}/premises", Status: 403,
		Body: `{"address":"甲","use":"office","floor_area":5000,"tenure":"owned","on":"2024-02-01"}`},
	{Name: "a party activity room", Method: "POST", Path: "/api/v1/premises/{迎宾用房}/rooms", Status: 201,
		Body:    `{"kind":"party_activity","floor_area":3000,"on":"2019-01-01"}`,
		Want:    []string{`"premises_id":{迎宾用房},"kind":"party_activity","floor_area":3000,"from_on":"2019-01-01"}`},
		Headers: map[string]string{"Location": "/api/v1/areas/{迎宾社区}/premises"}},
	{Name: "a room larger than its premises", Method: "POST", Path: "/api/v1/premises/{迎宾用房}/rooms", Status: 422,
		Body: `{"kind":"library","floor_area":12001,"on":"2019-01-01"}`, Want: []string{`"field":"floor_area"`, `"code":"room_larger_than_premises"`}},
	{Name: "a room larger than its premises, in English", Method: "POST", Path: "/api/v1/premises/{迎宾用房}/rooms?lang=en", Status: 422,
		Body: `{"kind":"library","floor_area":12001,"on":"2019-01-01"}`,
		Want: []string{`"message":"the room is larger than its premises (120 m²)","field":"floor_area"`}},
	{Name: "a room before its premises", Method: "POST", Path: "/api/v1/premises/{迎宾用房}/rooms", Status: 422,
		Body: `{"kind":"library","floor_area":2000,"on":"2017-01-01"}`, Want: []string{`"field":"on"`}},
	{Name: "a room in premises outside", As: "hedong", Method: "POST", Path: "/api/v1/premises/{官渡用房}/rooms", Status: 403,
		Body: `{"kind":"library","floor_area":2000,"on":"2019-01-01"}`},
	{Name: "the viewer adds no room", As: "viewer", Method: "POST", Path: "/api/v1/premises/{迎宾用房}/rooms", Status: 403,
		Body: `{"kind":"library","floor_area":2000,"on":"2019-01-01"}`},
	{Name: "close the old premises", Method: "POST", Path: "/api/v1/premises/{迎宾旧址}/close", Status: 200, Body: `{"on":"2017-12-31"}`,
		Want: []string{`"id":{迎宾旧址}`, `"from_on":"2015-06-01","to_on":"2017-12-31"}`}},
	{Name: "close them again", Method: "POST", Path: "/api/v1/premises/{迎宾旧址}/close", Status: 422, Body: `{"on":"2018-12-31"}`,
		Want: []string{`"field":"on"`, `"code":"premises_closed"`}},
	{Name: "the room shows on the community's page", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/premises", Status: 200,
		Want: []string{`"rooms":[{"id":`, `"kind":"party_activity","floor_area":3000`, `"address":"迎宾服务站"`, `"to_on":"2017-12-31"`}},

	// Office funding, land, households, standards.
	{Name: "office funding of 2024", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/office-funding", Status: 201,
		Body: `{"year":2024,"amount":2500000,"source":" 区财政 "}`, Want: []string{`"year":2024,"amount":2500000,"source":"区财政"}`},
		Headers: map[string]string{"Location": "/api/v1/areas/{迎宾社区}/premises"}},
	{Name: "office funding before the community existed", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/office-funding", Status: 422,
		Body: `{"year":2010,"amount":2500000}`, Want: []string{`"field":"year"`, `"code":"funding_year_outside_community"`}},
	{Name: "office funding as text", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/office-funding", Status: 400,
		Body: `{"year":2024,"amount":"25000"}`, Want: []string{`"field":"amount"`}},
	{Name: "land of 迎宾社区", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/economic-land", Status: 201,
		Body: `{"location":"迎宾工业园","land_area":500000,"on":"2024-03-01"}`, Want: []string{`"land_area":500000,"location":"迎宾工业园","from_on":"2024-03-01"}`}},
	{Name: "land of no area", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/economic-land", Status: 422,
		Body: `{"location":"甲","land_area":-1,"on":"2024-03-01"}`, Want: []string{`"field":"land_area"`}},
	{Name: "households of 迎宾社区", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/households", Status: 201,
		Body: `{"households":2500,"on":"2025-01-01"}`, Want: []string{`"area_id":{迎宾社区},"households":2500,"counted_on":"2025-01-01"}`}},
	{Name: "households counted in the future", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/households", Status: 422,
		Body: `{"households":2500,"on":"2030-01-01"}`, Want: []string{`"field":"on"`}},
	{Name: "the district's standard", Method: "POST", Path: "/api/v1/areas/{示范区}/premises-standards", Status: 201,
		Body:    `{"min_area":15000,"per_100_households":1000,"on":"2020-01-01"}`,
		Want:    []string{`"area_id":{示范区},"min_area":15000,"per_100_households":1000,"from_on":"2020-01-01"}`},
		Headers: map[string]string{"Location": "/api/v1/premises/below-standard?area={示范区}"}},
	{Name: "an empty standard", Method: "POST", Path: "/api/v1/areas/{示范区}/premises-standards", Status: 422,
		Body: `{"on":"2020-01-01"}`, Want: []string{`"field":"min_area"`}},
	{Name: "the viewer sets no standard", As: "viewer", Method: "POST", Path: "/api/v1/areas/{河东街道}/premises-standards", Status: 403,
		Body: `{"min_area":15000,"on":"2020-01-01"}`},

	// A building project from siting to completion with the four shares.
	{Name: "start 宾南社区's project", Method: "POST", Path: "/api/v1/areas/{宾南社区}/building-projects", Status: 201,
		Body: `{"name":"宾南办公用房","cost":100000000,"on":"2024-01-10","note":"三无居委"}`,
		Want: []string{`"area_id":{宾南社区},"name":"宾南办公用房","cost":100000000,"started_on":"2024-01-10","note":"三无居委","steps":[],"funded":0`,
			`"area_name":"宾南社区"`, `"timeline":[{"step":"siting","reached":false}`, `"funding":[]`, `"shares":[]`, `"waivers":[]`, `"waived":0`, `"premises":[]`}},
	{Name: "a project with no name", Method: "POST", Path: "/api/v1/areas/{宾南社区}/building-projects", Status: 422,
		Body: `{"name":" ","on":"2024-01-10"}`, Want: []string{`"field":"name"`}},
	{Name: "siting", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 201,
		Body: `{"step":"siting","on":"2024-02-01"}`, Want: []string{`"steps":[{"step":"siting","on":"2024-02-01","note":""}]`},
		Headers: map[string]string{"Location": "/api/v1/building-projects/{宾南办公用房}"}},
	{Name: "a step out of order", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 422,
		Body: `{"step":"construction","on":"2024-03-01"}`, Want: []string{`"field":"step"`, `"code":"step_out_of_order"`}},
	{Name: "a step before the previous one", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 422,
		Body: `{"step":"funding","on":"2024-01-20"}`, Want: []string{`"field":"on"`, `"code":"step_before_previous"`}},
	{Name: "funding found", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 201, Body: `{"step":"funding","on":"2024-03-01"}`},
	{Name: "approved", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 201, Body: `{"step":"approval","on":"2024-05-01"}`},
	{Name: "built from", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 201, Body: `{"step":"construction","on":"2024-06-01"}`},
	{Name: "the city's share", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 201,
		Body: `{"source":"city","amount":30000000,"on":"2024-03-01"}`, Want: []string{`"source":"city","amount":30000000,"received_on":"2024-03-01"`, `"funded":30000000`},
		Headers: map[string]string{"Location": "/api/v1/building-projects/{宾南办公用房}"}},
	{Name: "the district's share", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 201, Body: `{"source":"district","amount":30000000,"on":"2024-03-05"}`},
	{Name: "the subdistrict's share", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 201, Body: `{"source":"subdistrict","amount":20000000,"on":"2024-03-10"}`},
	{Name: "the committee's own share", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 201, Body: `{"source":"self","amount":20000000,"on":"2024-04-01"}`},
	{Name: "funding from an unknown source", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 422,
		Body: `{"source":"bank","amount":100,"on":"2024-04-01"}`, Want: []string{`"field":"source"`}},
	{Name: "funding before the project", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 422,
		Body: `{"source":"city","amount":100,"on":"2023-12-31"}`, Want: []string{`"field":"on"`}},
	{Name: "a fee waived", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/waivers", Status: 201,
		Body: `{"amount":2000000,"waived_by":"区住建局","on":"2024-05-10"}`, Want: []string{`"waivers":[{"id":`, `"amount":2000000,"waived_by":"区住建局","on":"2024-05-10"}]`, `"waived":2000000`}},
	{Name: "a waiver by nobody", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/waivers", Status: 422,
		Body: `{"amount":2000000,"waived_by":"","on":"2024-05-10"}`, Want: []string{`"field":"waived_by"`}},
	{Name: "completed without its premises", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 422,
		Body: `{"step":"completed","on":"2025-03-01"}`, Want: []string{`"field":"premises"`}},
	{Name: "completed with premises of no area", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 422,
		Body: `{"step":"completed","on":"2025-03-01","premises":{"address":"宾南路8号","use":"office","floor_area":0,"tenure":"owned"}}`,
		Want: []string{`"field":"premises.floor_area"`}},
	{Name: "completed", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 201,
		Body: `{"step":"completed","on":"2025-03-01","premises":{"address":"宾南路8号","use":"office","floor_area":20000,"tenure":"owned"}}`,
		Want: []string{`"timeline":[{"step":"siting","reached":true,"on":"2024-02-01"}`, `{"step":"completed","reached":true,"on":"2025-03-01"}`,
			`"premises":[{"id":`, `"area_id":{宾南社区},"address":"宾南路8号","use":"office","floor_area":20000,"tenure":"owned","project_id":{宾南办公用房},"from_on":"2025-03-01"}]`}},
	{Name: "completed twice", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/steps", Status: 422,
		Body: `{"step":"completed","on":"2025-03-02","premises":{"address":"宾南路9号","use":"office","floor_area":20000,"tenure":"owned"}}`,
		Want: []string{`"field":"step"`, `"code":"step_reached"`}},
	{Name: "funding over the cost after completion without a note", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 422,
		Body: `{"source":"unit","amount":5000000,"on":"2025-04-01"}`, Want: []string{`"field":"note"`, `"code":"project_funding_over_cost"`}},
	{Name: "funding over the cost with a note", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 201,
		Body: `{"source":"unit","amount":5000000,"on":"2025-04-01","note":"共建单位追加装修款"}`, Want: []string{`"funded":105000000`}},
	{Name: "the project", Method: "GET", Path: "/api/v1/building-projects/{宾南办公用房}", Status: 200,
		Want: []string{`"shares":[{"source":"city","amount":30000000,"percent":28.5},{"source":"district","amount":30000000,"percent":28.5},` +
			`{"source":"subdistrict","amount":20000000,"percent":19},{"source":"self","amount":20000000,"percent":19},{"source":"unit","amount":5000000,"percent":4.7}]`,
			`"note":"共建单位追加装修款"`,
			// The refused second completion opened no premises.
			`"project_id":{宾南办公用房},"from_on":"2025-03-01"}]`}, Not: []string{"宾南路9号"}},
	{Name: "a project outside the subtree", As: "hedong", Method: "GET", Path: "/api/v1/building-projects/{project:官渡办公用房}", Status: 403, Not: []string{"官渡"}},
	{Name: "a step of a project outside", As: "hedong", Method: "POST", Path: "/api/v1/building-projects/{project:官渡办公用房}/steps", Status: 403,
		Body: `{"step":"siting","on":"2024-01-01"}`},
	{Name: "the viewer reads the project", As: "viewer", Method: "GET", Path: "/api/v1/building-projects/{宾南办公用房}", Status: 200},
	{Name: "the viewer reaches no step", As: "viewer", Method: "POST", Path: "/api/v1/building-projects/{project:官渡办公用房}/steps", Status: 403,
		Body: `{"step":"siting","on":"2024-01-01"}`},
	{Name: "the viewer records no funding", As: "viewer", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/funding", Status: 403,
		Body: `{"source":"city","amount":100,"on":"2025-04-01","note":"x"}`},
	{Name: "the viewer waives nothing", As: "viewer", Method: "POST", Path: "/api/v1/building-projects/{宾南办公用房}/waivers", Status: 403,
		Body: `{"amount":100,"waived_by":"x","on":"2025-04-01"}`},
	{Name: "an unknown project", Method: "GET", Path: "/api/v1/building-projects/99999", Status: 404, Want: []string{`"code":"project_unknown"`}},

	// The three-lacks report and lists, the communities below standard.
	{Name: "three-lacks in 河东街道", Method: "GET", Path: "/api/v1/three-lacks?area=河东街道&from=2024-01-01&to=2025-06-30", Status: 200,
		Want: []string{`"area":{"id":{河东街道}`, `"from":"2024-01-01","to":"2025-06-30"`,
			`"at_start":[{"area_id":{宾南社区},"name":"宾南社区","lacks_office":true,"lacks_funding":true,"lacks_land":true,"three_lacks":true}]`,
			`"at_end":[]`, `"solved":[{"area_id":{宾南社区},"name":"宾南社区","on":"2025-03-01","address":"宾南路8号","three_lacks":true}]`}},
	{Name: "three-lacks with the period inverted", Method: "GET", Path: "/api/v1/three-lacks?from=2025-01-01&to=2024-01-01", Status: 422, Want: []string{`"field":"to"`}},
	{Name: "three-lacks from a bad day", Method: "GET", Path: "/api/v1/three-lacks?from=2025-02-30", Status: 422, Want: []string{`"field":"from"`}},
	{Name: "three-lacks outside the subtree", As: "hedong", Method: "GET", Path: "/api/v1/three-lacks?area={官渡街道}", Status: 403},
	{Name: "three-lacks of the subdistrict's own scope", As: "hedong", Method: "GET", Path: "/api/v1/three-lacks?from=2024-01-01&to=2024-12-31", Status: 200,
		Want: []string{`"name":"宾南社区","lacks_office":true`}, Not: []string{"官渡"}},
	{Name: "three-lacks committees on a day", Method: "GET", Path: "/api/v1/three-lacks/communities?area={河东街道}&on=2024-06-30", Status: 200,
		Want: []string{`"on":"2024-06-30","communities":[{"area_id":{宾南社区},"name":"宾南社区","lacks_office":true,"lacks_funding":true,"lacks_land":true,"three_lacks":true}]`}},
	{Name: "every community lacking something", Method: "GET", Path: "/api/v1/three-lacks/communities?area={河东街道}&on=2023-06-30&all=true", Status: 200,
		Want: []string{`{"area_id":{迎宾社区},"name":"迎宾社区","lacks_office":false,"lacks_funding":true,"lacks_land":true,"three_lacks":false}`, `"name":"宾南社区"`}},
	{Name: "three-lacks committees after completion", Method: "GET", Path: "/api/v1/three-lacks/communities?area={河东街道}&on=2025-06-30", Status: 200,
		Want: []string{`"communities":[]`}},
	{Name: "a list with a bad all", Method: "GET", Path: "/api/v1/three-lacks/communities?all=maybe", Status: 422, Want: []string{`"field":"all"`}},
	{Name: "lists outside the subtree", As: "yingbin", Method: "GET", Path: "/api/v1/three-lacks/communities?area={宾南社区}", Status: 403},
	{Name: "below standard", Method: "GET", Path: "/api/v1/premises/below-standard?area=河东街道&on=2025-06-30", Status: 200,
		Want: []string{`"communities":[{"area_id":{迎宾社区},"name":"迎宾社区","floor_area":20000,"households":2500,"standard_area_id":{示范区},"standard_from":"2020-01-01","required":25000,"shortfall":5000}]`}},
	{Name: "below standard before the households were counted: 迎宾社区's 200 m² meet the minimum", Method: "GET", Path: "/api/v1/premises/below-standard?area=河东街道&on=2024-06-30", Status: 200,
		Want: []string{`"communities":[{"area_id":{宾南社区},"name":"宾南社区","floor_area":0,"households":0,"standard_area_id":{示范区},"standard_from":"2020-01-01","required":15000,"shortfall":15000}]`}},
	{Name: "below standard on a bad day", Method: "GET", Path: "/api/v1/premises/below-standard?on=x", Status: 422, Want: []string{`"field":"on"`}},
	{Name: "below standard outside the subtree", As: "hedong", Method: "GET", Path: "/api/v1/premises/below-standard?area={官渡社区}", Status: 403},
	{Name: "the survey of 河东街道", As: "hedong", Method: "GET", Path: "/api/v1/premises/survey?year=2025&format=csv", Status: 200,
		Want: []string{"社区,所属街道,年度,用房地址", "迎宾社区,河东街道,2025"}, Not: []string{"官渡"}},
	{Name: "the survey in a bad format", Method: "GET", Path: "/api/v1/premises/survey?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
	{Name: "the survey of a year before 1949", Method: "GET", Path: "/api/v1/premises/survey?year=1900", Status: 422, Want: []string{`"field":"year"`}},
	{Name: "the survey of an area outside", As: "hedong", Method: "GET", Path: "/api/v1/premises/survey?area={官渡社区}", Status: 403},
	{Name: "a survey import without a file", As: "hedong", Method: "POST", Path: "/api/v1/premises/survey", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
}
