package web_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/premises"
)

// accessSamples are the samples of places a domain's seed names, by place
// and by target ("inside", "outside").
var accessSamples = map[string]map[string]string{
	"premises":         {"inside": "{premises-in}", "outside": "{premises-out}"},
	"building_project": {"inside": "{project-in}", "outside": "{project-out}"},
}

// premisesAccessRows are the access test's rows for part three's pages.
var premisesAccessRows = map[string]accessRow{
	"GET /premises":                       {"premises.read", "GET", "/premises"},
	"GET /premises/below-standard":        {"premises.read", "GET", "/premises/below-standard"},
	"GET /premises/survey":                {"premises.read", "GET", "/premises/survey"},
	"GET /premises/survey/export":         {"premises.read", "GET", "/premises/survey/export"},
	"POST /premises/survey/import":        {"premises.write", "POST", "/premises/survey/import"},
	"GET /areas/{id}/premises":            {"premises.read", "GET", "/areas/{T}/premises"},
	"/areas/{id}/premises/new":            {"premises.write", "POST", "/areas/{T}/premises/new"},
	"/areas/{id}/office-funding/new":      {"premises.write", "POST", "/areas/{T}/office-funding/new"},
	"/areas/{id}/economic-land/new":       {"premises.write", "POST", "/areas/{T}/economic-land/new"},
	"/areas/{id}/households/new":          {"premises.write", "POST", "/areas/{T}/households/new"},
	"/areas/{id}/building-projects/new":   {"premises.write", "POST", "/areas/{T}/building-projects/new"},
	"/areas/{id}/premises-standard/new":   {"premises.write", "POST", "/areas/{T}/premises-standard/new"},
	"/premises/{id}/rooms/new":            {"premises.write", "POST", "/premises/{T}/rooms/new"},
	"/premises/{id}/close":                {"premises.write", "POST", "/premises/{T}/close"},
	"GET /building-projects/{id}":         {"premises.read", "GET", "/building-projects/{T}"},
	"/building-projects/{id}/steps/new":   {"premises.write", "POST", "/building-projects/{T}/steps/new"},
	"/building-projects/{id}/funding/new": {"premises.write", "POST", "/building-projects/{T}/funding/new"},
	"/building-projects/{id}/waivers/new": {"premises.write", "POST", "/building-projects/{T}/waivers/new"},
}

func init() {
	for k, v := range premisesAccessRows {
		accessRows[k] = v
	}
}

// seedAccessPremises gives 迎宾社区 (inside) and 官渡社区 (outside) premises
// and a building project for the access test to aim at.
func seedAccessPremises(t testing.TB, a *testApp) {
	t.Helper()
	ctx := context.Background()
	for target, community := range map[string]string{"in": "迎宾社区", "out": "官渡社区"} {
		id, err := a.App.Premises.OpenPremises(ctx, premises.PremisesInput{AreaID: a.AreaID(community), Address: community + "办公室",
			Use: premises.Office, FloorArea: 80_00, Tenure: premises.Owned, FromOn: date.MustParse("2024-01-01")})
		if err != nil {
			t.Fatalf("premises %s: %v", community, err)
		}
		a.IDs["premises-"+target] = id
		id, err = a.App.Premises.CreateProject(ctx, premises.ProjectInput{AreaID: a.AreaID(community), Name: community + "党群服务中心", StartedOn: date.MustParse("2024-01-01")})
		if err != nil {
			t.Fatalf("project %s: %v", community, err)
		}
		a.IDs["project-"+target] = id
	}
}
