package api_test

import (
	"context"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
)

// The matrix's rows for part four (a): a demand and a co-building project
// inside (迎宾社区) and outside (官渡社区) the scoped callers' subtree.
func init() {
	for k, v := range map[string]func(in bool) (path, body string){
		"GET /api/v1/demands":                  scopeQuery("/api/v1/demands"),
		"POST /api/v1/areas/{id}/demands":      areaPath("/demands", `{"title":"矩阵需求","category":"road","on":"2030-01-01"}`),
		"GET /api/v1/demands/{id}":             demandPath("", ""),
		"GET /api/v1/demands/{id}/suggestions": demandPath("/suggestions", ""),
		"POST /api/v1/demands/{id}/match":      demandPath("/match", `{"org_id":1,"on":"2030-01-01"}`),
		"GET /api/v1/resources":                scopeQuery("/api/v1/resources"),
		"GET /api/v1/co-projects":              scopeQuery("/api/v1/co-projects"),
		"GET /api/v1/co-projects/{id}":         coProjectPath(""),
		"POST /api/v1/resources": func(in bool) (string, string) {
			return "/api/v1/resources", `{"department":"矩阵科","area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + `,"kind":"venue","description":"礼堂","on":"2030-01-01"}`
		},
		"POST /api/v1/co-projects/{id}":               coProjectPathBody("", `{"title":"矩阵","on":"2030-01-01"}`),
		"POST /api/v1/co-projects/{id}/contributions": coProjectPathBody("/contributions", `{"department":"矩阵科","kind":"money","on":"2030-01-01"}`),
		"POST /api/v1/co-projects/{id}/results":       coProjectPathBody("/results", `{"name":"矩阵","quantity":-1}`),
		"POST /api/v1/co-projects/{id}/feedback":      coProjectPathBody("/feedback", `{"kind":"banner","given_by":"矩阵","on":"2030-01-01"}`),
		"GET /api/v1/demands/export":                  scopeQuery("/api/v1/demands/export"),
		"GET /api/v1/resources/export":                scopeQuery("/api/v1/resources/export"),
		"GET /api/v1/co-projects/export":              scopeQuery("/api/v1/co-projects/export"),
		"POST /api/v1/demands/import":                 func(bool) (string, string) { return "/api/v1/demands/import", `{}` },
		"POST /api/v1/resources/import":               func(bool) (string, string) { return "/api/v1/resources/import", `{}` },
		"POST /api/v1/co-projects/import":             func(bool) (string, string) { return "/api/v1/co-projects/import", `{}` },
		"GET /api/v1/units/{id}/co-building/export":   unitPath("/co-building/export", ""),
	} {
		matrixRequests[k] = v
	}
	// The imports name no area: a scoped caller's sheet is checked
	// against their own subtree.
	for _, k := range []string{"POST /api/v1/demands/import", "POST /api/v1/resources/import", "POST /api/v1/co-projects/import"} {
		unaimed[k] = true
	}
}

func demandPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/demands/" + pick(in, "{矩阵需求}", "{官渡需求}") + suffix, body
	}
}

func coProjectPath(suffix string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/co-projects/" + pick(in, "{矩阵共建}", "{官渡共建}") + suffix, ""
	}
}

func coProjectPathBody(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		path, _ := coProjectPath(suffix)(in)
		return path, body
	}
}

// matrixCobuilding records the matrix's demands and projects.
func matrixCobuilding(t testing.TB, f *fixture) {
	ctx := context.Background()
	on := date.MustParse("2024-01-01")
	for _, c := range []struct{ community, org, demand, project string }{
		{"迎宾社区", "迎宾社区党支部", "矩阵需求", "矩阵共建"}, {"官渡社区", "官渡社区党支部", "官渡需求", "官渡共建"},
	} {
		id, err := f.App.Cobuilding.CreateDemand(ctx, cobuilding.DemandInput{AreaID: f.IDs[c.community], Title: c.demand, Category: "road", RaisedOn: on})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[c.demand] = id
		if id, err = f.App.Cobuilding.Match(ctx, cobuilding.MatchInput{DemandID: id, OrgID: f.IDs[c.org], StartedOn: on}); err != nil {
			t.Fatal(err)
		}
		f.IDs[c.project] = id
	}
}
