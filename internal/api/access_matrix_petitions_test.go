package api_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/services"
)

// The matrix's rows for the petitions: a case received by 迎宾社区
// (inside) and one by 官渡社区 (outside the scoped callers' subtree). Every
// write is refused after the access checks (a time in 2030).
func init() {
	for k, v := range map[string]func(in bool) (path, body string){
		"GET /api/v1/petitions": scopeQuery("/api/v1/petitions"),
		"POST /api/v1/petitions": func(in bool) (string, string) {
			return "/api/v1/petitions", `{"area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + `,"title":"矩阵","type":"help","received_at":"2030-01-01 08:00","channel":"hotline"}`
		},
		"GET /api/v1/petitions/{id}":           petitionPath("", ""),
		"POST /api/v1/petitions/{id}/requests": petitionPath("/requests", `{"received_at":"2030-01-01 08:00","channel":"hotline"}`),
		"POST /api/v1/petitions/{id}/dispatch": petitionPath("/dispatch", `{"at":"2030-01-01 08:00","department":"矩阵科"}`),
		"POST /api/v1/petitions/{id}/accept":   petitionPath("/accept", `{"at":"2030-01-01 08:00"}`),
		"POST /api/v1/petitions/{id}/reply":    petitionPath("/reply", `{"at":"2030-01-01 08:00","reply":"矩阵"}`),
		"POST /api/v1/petitions/{id}/resolve":  petitionPath("/resolve", `{"on":"2030-01-01"}`),
		"POST /api/v1/petitions/{id}/verify":   petitionPath("/verify", `{"on":"2030-01-01"}`),
		"POST /api/v1/petitions/{id}/callback": petitionPath("/callback", `{"on":"2030-01-01","satisfaction":"satisfied"}`),
		"GET /api/v1/petition-rates":           scopeQuery("/api/v1/petition-rates"),
		"GET /api/v1/open311/services.json":    func(bool) (string, string) { return "/api/v1/open311/services.json", "" },
		"GET /api/v1/open311/requests.json": func(bool) (string, string) {
			return "/api/v1/open311/requests.json?start_date=2024-01-01T00:00:00%2B08:00", ""
		},
	} {
		matrixRequests[k] = v
	}
	// The Open311 view names no area: a scoped caller reads their subtree.
	unaimed["GET /api/v1/open311/services.json"] = true
	unaimed["GET /api/v1/open311/requests.json"] = true
}

func petitionPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/petitions/" + pick(in, "{矩阵诉求}", "{官渡诉求}") + suffix, body
	}
}

// matrixPetitions records the matrix's cases.
func matrixPetitions(t testing.TB, f *fixture) {
	ctx := context.Background()
	for _, c := range []struct{ community, title string }{{"迎宾社区", "矩阵诉求"}, {"官渡社区", "官渡诉求"}} {
		id, err := f.App.Petitions.Receive(ctx, services.PetitionReceipt{AreaID: f.IDs[c.community], Title: c.title, Type: "help",
			ReceivedAt: time.Date(2024, 5, 1, 1, 0, 0, 0, time.UTC), Channel: "hotline", CallerName: "矩阵来电人", CallerPhone: "13800009999"})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[c.title] = id
	}
}
