package web_test

import (
	"context"
	"testing"

	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
)

// cobuildingAccessRows are the access test's rows for part four (a)'s
// pages.
var cobuildingAccessRows = map[string]accessRow{
	"GET /demands":                        {"cobuilding.read", "GET", "/demands"},
	"GET /demands/{id}":                   {"cobuilding.read", "GET", "/demands/{T}"},
	"GET /areas/{id}/demands":             {"cobuilding.read", "GET", "/areas/{T}/demands"},
	"GET /resources":                      {"cobuilding.read", "GET", "/resources"},
	"GET /co-projects":                    {"cobuilding.read", "GET", "/co-projects"},
	"GET /co-projects/{id}":               {"cobuilding.read", "GET", "/co-projects/{T}"},
	"GET /units/{id}/co-building":         {"unit_resources.read", "GET", "/units/{T}/co-building"},
	"/demands/{id}/match":                 {"cobuilding.write", "POST", "/demands/{T}/match"},
	"/areas/{id}/demands/new":             {"cobuilding.write", "POST", "/areas/{T}/demands/new"},
	"/demands/{id}/close":                 {"cobuilding.write", "POST", "/demands/{T}/close"},
	"/resources/new":                      {"cobuilding.write", "POST", "/resources/new"},
	"/co-projects/{id}/edit":              {"cobuilding.write", "POST", "/co-projects/{T}/edit"},
	"/co-projects/{id}/contributions/new": {"cobuilding.write", "POST", "/co-projects/{T}/contributions/new"},
	"/co-projects/{id}/results/new":       {"cobuilding.write", "POST", "/co-projects/{T}/results/new"},
	"/co-projects/{id}/feedback/new":      {"cobuilding.write", "POST", "/co-projects/{T}/feedback/new"},
	"/units/{id}/resources/new":           {"unit_resources.write", "POST", "/units/{T}/resources/new"},
	"GET /demands/export":                 {"cobuilding.read", "GET", "/demands/export"},
	"GET /demands/import":                 {"cobuilding.write", "GET", "/demands/import"},
	"POST /demands/import":                {"cobuilding.write", "POST", "/demands/import"},
	"GET /resources/export":               {"cobuilding.read", "GET", "/resources/export"},
	"GET /resources/import":               {"cobuilding.write", "GET", "/resources/import"},
	"POST /resources/import":              {"cobuilding.write", "POST", "/resources/import"},
	"GET /co-projects/export":             {"cobuilding.read", "GET", "/co-projects/export"},
	"GET /co-projects/import":             {"cobuilding.write", "GET", "/co-projects/import"},
	"POST /co-projects/import":            {"cobuilding.write", "POST", "/co-projects/import"},
	"GET /units/{id}/co-building/export":  {"unit_resources.read", "GET", "/units/{T}/co-building/export"},
}

func init() {
	for k, v := range cobuildingAccessRows {
		accessRows[k] = v
	}
	accessSamples["demand"] = map[string]string{"inside": "{demand-in}", "outside": "{demand-out}"}
	accessSamples["co_project"] = map[string]string{"inside": "{co-project-in}", "outside": "{co-project-out}"}
}

// seedAccessCobuilding gives 迎宾社区 (inside) and 官渡社区 (outside) a
// demand and a co-building project for the access test to aim at.
func seedAccessCobuilding(t testing.TB, a *testApp) {
	t.Helper()
	ctx := context.Background()
	on := date.MustParse("2025-03-01")
	for target, community := range map[string]string{"in": "迎宾社区", "out": "官渡社区"} {
		id, err := a.App.Cobuilding.CreateDemand(ctx, cobuilding.DemandInput{AreaID: a.AreaID(community), Title: community + "道路破损", Category: "road", RaisedOn: on})
		if err != nil {
			t.Fatalf("demand %s: %v", community, err)
		}
		a.IDs["demand-"+target] = id
		if _, err := a.App.Cobuilding.CreateResource(ctx, cobuilding.ResourceInput{Department: "城管科", AreaID: a.AreaID(community), Kind: "equipment", Description: "压路机", FromOn: on}); err != nil {
			t.Fatalf("resource %s: %v", community, err)
		}
		id, err = a.App.Cobuilding.Match(ctx, cobuilding.MatchInput{DemandID: id, OrgID: a.OrgID(community + "党支部"), StartedOn: on})
		if err != nil {
			t.Fatalf("project %s: %v", community, err)
		}
		a.IDs["co-project-"+target] = id
	}
}
