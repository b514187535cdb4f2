package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestReviewScopedUserSeesOwnAreaPage: a community secretary opens the
// page of their own community. areaShow loads the parent (outside the
// scope) through the scoped store and answers 500 instead of the page.
// The access matrix counts a 500 as "allowed", so it never noticed.
func TestReviewScopedUserSeesOwnAreaPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("yingbin", auth.Community, "迎宾社区")
		app.account("hedong", auth.Subdistrict, "河东街道")
		runScenarios(t, clientAs(app, "yingbin"), []scenario{
			{name: "own community", path: "/areas/{迎宾社区}", status: 200, want: []string{"迎宾社区党支部"}},
		})
		runScenarios(t, clientAs(app, "hedong"), []scenario{
			{name: "own subdistrict", path: "/areas/{河东街道}", status: 200, want: []string{"河东街道党工委"}},
			// 朝阳社区 was merged into 东湖社区 (both inside 河东街道): fine.
			{name: "merged area inside", path: "/areas/{朝阳社区}", status: 200},
		})
	})
}

// TestReviewHistoryNamesNoAreaOutsideScope: 湖心社区 was moved from 西湖街道
// to 南山街道. The 西湖街道 officer's own area page tells the story with a
// link to and the name of 南山街道 (and of 湖心社区, no longer theirs):
// History reports every area an event names, whatever the reader's scope.
func TestReviewHistoryNamesNoAreaOutsideScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("nanshan", auth.Subdistrict, "南山街道")
		app.account("xihu", auth.Viewer, "西湖街道")
		// The 南山 officer reads 湖心社区 (now theirs): its history names 西湖街道.
		runScenarios(t, clientAs(app, "nanshan"), []scenario{
			{name: "moved-in community", path: "/areas/{湖心社区}", status: 200, notWant: []string{"西湖街道", `href="/areas/{西湖街道}"`}},
		})
		// API: the same through /events.
		ctx := context.Background()
		_, secret, err := app.auth.CreateToken(ctx, app.accountID("nanshan"), "r", 3600e9)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", app.srv.URL+app.expand("/api/v1/areas/{湖心社区}/events"), nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b [1 << 16]byte
		n, _ := res.Body.Read(b[:])
		if body := string(b[:n]); res.StatusCode == 200 && contains(body, "西湖街道") {
			t.Errorf("GET /api/v1/areas/湖心社区/events for a 南山街道 officer names 西湖街道 (outside the scope):\n%s", body)
		}
	})
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestReviewScopedUserCannotWriteAboveTheirArea: a community secretary
// splits their own community. The split ends the community they are scoped
// to and creates two new areas under 河东街道 — outside their subtree.
func TestReviewScopedUserCannotWriteAboveTheirArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("yingbin", auth.Community, "迎宾社区")
		c := clientAs(app, "yingbin")
		runScenarios(t, c, []scenario{
			{name: "split own community", method: "POST", path: "/areas/{迎宾社区}/split",
				form: form("names", "迎宾甲社区\n迎宾乙社区", "on", "2025-06-01"), status: 403},
		})
		if a, err := app.store.Get(context.Background(), app.areaID("迎宾社区")); err == nil && !a.EndedOn.IsZero() {
			t.Errorf("a community secretary ended their own community by splitting it into areas outside their scope")
		}
	})
}

// TestReviewOutOfScopeFormRefusalIsAudited: a subdistrict officer posts a
// merge of their community into a community of another subdistrict. The
// domain refuses it (403), but serveForm never records the denied access,
// unlike require and resolveScope.
func TestReviewOutOfScopeFormRefusalIsAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("hedong", auth.Subdistrict, "河东街道")
		runScenarios(t, clientAs(app, "hedong"), []scenario{
			{name: "merge into another subdistrict's community", method: "POST", path: "/areas/{迎宾社区}/merge",
				form: form("target_id", "{官渡社区}", "on", "2025-06-01"), status: 403},
		})
		recs, _, err := audit.Query(context.Background(), d.Reader(), audit.Filter{Actor: "hedong", Action: "access.denied"})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) == 0 {
			t.Errorf("a write refused as outside the scope (403) left no access.denied entry")
		}
	})
}

// TestReviewClientIPBehindProxyIsNotSpoofable: behind a reverse proxy that
// appends the peer to X-Forwarded-For, the leftmost entry is whatever the
// client sent. clientIP takes it, so a client picks its own address: the
// per-IP sign-in rate limit is bypassed and audit entries name a forged IP.
func TestReviewClientIPBehindProxyIsNotSpoofable(t *testing.T) {
	s := &Server{trustProxy: true}
	r := httptest.NewRequest("POST", "/signin", nil)
	r.RemoteAddr = "10.0.0.2:5555"                          // the proxy
	r.Header.Set("X-Forwarded-For", "1.2.3.4, 203.0.113.9") // forged by the client, then appended by the proxy
	if got := s.clientIP(r); got != "203.0.113.9" {
		t.Errorf("clientIP = %q, want the address the trusted proxy added (203.0.113.9)", got)
	}
	// The limiter, keyed by the forged value, never runs dry.
	s.signinLimit = newRateLimiter(20, 10)
	allowed := 0
	for i := range 100 {
		r.Header.Set("X-Forwarded-For", "198.51.100."+Itoa(int64(i))+", 203.0.113.9")
		if s.signinLimit.allow(s.clientIP(r)) {
			allowed++
		}
	}
	if allowed > 10 {
		t.Errorf("one client got %d sign-in attempts through the rate limit (burst 10) by varying X-Forwarded-For", allowed)
	}
}
