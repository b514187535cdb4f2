package api_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
	"dangjian/internal/people"
)

// cobuildingWorld adds part four (a)'s records: the matrix's demands and
// projects (矩阵需求 met by 矩阵共建 in 迎宾社区, 官渡需求 by 官渡共建), an
// open demand 路灯 of 迎宾社区 and a resource of a department serving it
// (矩阵资源).
func cobuildingWorld(t testing.TB, f *fixture) {
	ctx := context.Background()
	on := date.MustParse("2024-01-01")
	id, err := f.App.Areas.CreateOrg(ctx, area.OrgInput{AreaID: f.IDs["官渡社区"], Kind: area.Branch, Name: "官渡社区党支部", On: date.MustParse("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["官渡社区党支部"] = id
	matrixCobuilding(t, f)
	if f.IDs["官渡单位"], err = f.App.People.CreateUnit(ctx, people.UnitInput{Name: "官渡单位", Kind: people.StateEnterprise, Rank: people.NoRank,
		AreaID: f.IDs["官渡社区"], On: date.MustParse("2020-01-01")}); err != nil {
		t.Fatal(err)
	}
	if f.IDs["路灯"], err = f.App.Cobuilding.CreateDemand(ctx, cobuilding.DemandInput{AreaID: f.IDs["迎宾社区"], Title: "路灯", Category: "security", RaisedOn: on}); err != nil {
		t.Fatal(err)
	}
	if f.IDs["矩阵资源"], err = f.App.Cobuilding.CreateResource(ctx, cobuilding.ResourceInput{Department: "城管科", AreaID: f.IDs["迎宾社区"], Kind: "equipment", Description: "登高车", FromOn: on}); err != nil {
		t.Fatal(err)
	}
}

var cobuildingScenarios = []scenario{
	{Name: "the demand list", Method: "GET", Path: "/api/v1/demands?area={迎宾社区}", Status: 200,
		Want: []string{`"id":{矩阵需求},"area_id":{迎宾社区},"title":"矩阵需求","category":"road","tags":[]`, `"status":"matched"`, `"title":"路灯"`}, Not: []string{"官渡需求"}},
	{Name: "open demands of a subdistrict", As: "hedong", Method: "GET", Path: "/api/v1/demands?status=open", Status: 200, Want: []string{`"title":"路灯"`}, Not: []string{"矩阵需求"}},
	{Name: "a demand outside", As: "hedong", Method: "GET", Path: "/api/v1/demands/{官渡需求}", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "a demand", Method: "GET", Path: "/api/v1/demands/{路灯}", Status: 200, Want: []string{`"title":"路灯","category":"security"`, `"status":"open"`}},
	{Name: "its suggestions", Method: "GET", Path: "/api/v1/demands/{路灯}/suggestions?as_of=2025-01-01&lang=en", Status: 200,
		Want: []string{`"id":{矩阵资源}`, `"fits":true,"nearness":"same_community","promised_elsewhere":0,"reasons":["its kind fits the need","offered in the same community"]`}},
	{Name: "a demand recorded", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/demands", Status: 201,
		Body: `{"title":"垃圾清运","category":"sanitation","tags":["mass"],"households":40,"raised_by":"居民","on":"2025-04-01"}`,
		Want: []string{`"title":"垃圾清运"`, `"tags":["mass"]`, `"households":40`, `"status":"open"`}},
	{Name: "a demand of a subdistrict", Method: "POST", Path: "/api/v1/areas/{河东街道}/demands", Status: 422,
		Body: `{"title":"垃圾清运","category":"sanitation","on":"2025-04-01"}`, Want: []string{`"field":"id"`}},
	{Name: "matched with a resource", Method: "POST", Path: "/api/v1/demands/{路灯}/match", Status: 201,
		Body: `{"org_id":{迎宾社区党支部},"resource_ids":[{矩阵资源}],"estimated_cost":500000,"on":"2025-02-01"}`,
		Want: []string{`"title":"路灯"`, `"estimated_cost":500000`, `"status":"matched"`, `"description":"登高车"`, `"contributions":[]`}},
	{Name: "a match before the resource", Method: "POST", Path: "/api/v1/demands/{路灯}/match", Status: 422,
		Body: `{"org_id":{迎宾社区党支部},"resource_ids":[{矩阵资源}],"on":"2023-02-01"}`, Want: []string{`"field":"resource_ids[0]"`}},
	{Name: "the resource list", As: "yingbin", Method: "GET", Path: "/api/v1/resources", Status: 200, Want: []string{`"department":"城管科"`, `"kind":"equipment"`}},
	{Name: "the project list", As: "hedong", Method: "GET", Path: "/api/v1/co-projects", Status: 200, Want: []string{`"title":"矩阵需求"`, `"saved":0`}, Not: []string{"官渡需求"}},
	{Name: "a project's story", As: "viewer", Method: "GET", Path: "/api/v1/co-projects/{矩阵共建}", Status: 200,
		Want: []string{`"project":{"id":{矩阵共建}`, `"org_name":"迎宾社区党支部"`, `"demands":[{"id":{矩阵需求}`, `"results":[]`, `"feedback":[]`}},
	{Name: "a project outside", As: "hedong", Method: "GET", Path: "/api/v1/co-projects/{官渡共建}", Status: 403},
	{Name: "a resource recorded", As: "yingbin", Method: "POST", Path: "/api/v1/resources", Status: 201,
		Body: `{"department":"社区卫生站","area_id":{迎宾社区},"kind":"skill","description":"义诊","on":"2025-01-01"}`, Want: []string{`"department":"社区卫生站"`, `"area_id":{迎宾社区}`}},
	{Name: "a resource outside", As: "yingbin", Method: "POST", Path: "/api/v1/resources", Status: 403,
		Body: `{"department":"区卫健委","area_id":{示范区},"kind":"skill","description":"义诊","on":"2025-01-01"}`},
	{Name: "given by a department", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}/contributions", Status: 201,
		Body: `{"department":"市规划设计院","kind":"free_service","value":3000000,"on":"2024-02-01"}`, Want: []string{`"giver":"市规划设计院"`, `"value":3000000`}},
	{Name: "given by an outside unit", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}/contributions", Status: 422,
		Body: `{"unit_id":{官渡单位},"kind":"money","value":100,"on":"2024-02-01"}`, Want: []string{`"field":"unit_id"`}},
	{Name: "a result", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}/results", Status: 201,
		Body: `{"name":"道路","quantity":800,"unit":"米"}`, Want: []string{`"name":"道路","quantity":800,"unit":"米"`}},
	{Name: "an actual cost without a done date", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}", Status: 422,
		Body: `{"title":"矩阵需求","estimated_cost":800000,"actual_cost":600000}`, Want: []string{`"field":"actual_cost"`}},
	{Name: "done", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}", Status: 200,
		Body: `{"title":"道路硬化","estimated_cost":800000,"actual_cost":600000,"on":"2024-03-01"}`,
		Want: []string{`"done_on":"2024-03-01"`, `"actual_cost":600000`, `"saved":200000`, `"status":"done"`}},
	{Name: "thanks before the start", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}/feedback", Status: 422,
		Body: `{"kind":"banner","given_by":"居民","on":"2023-12-01"}`, Want: []string{`"field":"on"`}},
	{Name: "a banner", Method: "POST", Path: "/api/v1/co-projects/{矩阵共建}/feedback", Status: 201,
		Body: `{"kind":"banner","given_by":"一巷居民","on":"2024-04-01"}`, Want: []string{`"kind":"banner"`, `"given_by":"一巷居民"`}},
}
