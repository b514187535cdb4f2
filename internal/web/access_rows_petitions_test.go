package web_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/services"
)

// petitionAccessRows are the access test's rows for the petitions' pages.
var petitionAccessRows = map[string]accessRow{
	"GET /petitions":               {"petitions.read", "GET", "/petitions"},
	"GET /areas/{id}/petitions":    {"petitions.read", "GET", "/areas/{T}/petitions"},
	"GET /petitions/new":           {"petitions.write", "GET", "/petitions/new"},
	"POST /petitions/new":          {"petitions.write", "POST", "/petitions/new"},
	"GET /petitions/{id}":          {"petitions.read", "GET", "/petitions/{T}"},
	"/petitions/{id}/requests/new": {"petitions.write", "POST", "/petitions/{T}/requests/new"},
	"/petitions/{id}/steps/{step}": {"petitions.write", "POST", "/petitions/{T}/steps/accept"},
	"GET /petition-rates":          {"petitions.read", "GET", "/petition-rates"},
}

func init() {
	for k, v := range petitionAccessRows {
		accessRows[k] = v
	}
	accessSamples["petition"] = map[string]string{"inside": "{petition-in}", "outside": "{petition-out}"}
}

// seedAccessPetitions gives 迎宾社区 (inside) and 官渡社区 (outside) a
// petition for the access test to aim at.
func seedAccessPetitions(t testing.TB, a *testApp) {
	t.Helper()
	for target, community := range map[string]string{"in": "迎宾社区", "out": "官渡社区"} {
		id, err := a.App.Petitions.Receive(context.Background(), services.PetitionReceipt{AreaID: a.AreaID(community), Title: community + "路灯不亮", Type: "help",
			ReceivedAt: time.Date(2025, 3, 1, 1, 0, 0, 0, time.UTC), Channel: "hotline"})
		if err != nil {
			t.Fatalf("petition %s: %v", community, err)
		}
		a.IDs["petition-"+target] = id
	}
}
