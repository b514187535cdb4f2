package app_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/web"
)

// The pages of the city tier (4,000 communities, 80,000 units, 2,000,000
// members) as the district officer (scope: the whole tree) opens them with
// no parameters: each must answer in under 100 ms and 300 KB. The tier is
// generated once into os.TempDir()/dangjian-bench (about two minutes).
//
//	DANGJIAN_CITY_PAGES=1 go test ./internal/app -run TestCityPages -v
//	go test ./internal/app -run '^$' -bench CityPages -benchtime 20x -count 3
const (
	cityPageBudget  = 100 * time.Millisecond
	cityPageMaxSize = 300 << 10
)

// cityPages opens the city tier's application and returns its handler, a
// district officer's session and the pages to measure.
func cityPages(tb testing.TB) (http.Handler, *http.Cookie, []string) {
	tb.Helper()
	ctx := context.Background()
	path, err := demo.CachedTier(ctx, "city", demo.BenchKeys(), tb.Logf)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	a := app.New(d, demo.BenchKeys(), app.Options{AuthParams: &auth.TestParams})
	tb.Cleanup(func() { a.Close(ctx); d.Close() })
	h, err := a.Handler(app.HTTP{})
	if err != nil {
		tb.Fatal(err)
	}
	// The officer's account is kept in the cached file between runs.
	const user, password = "bench-city-officer", "Bench-Passw0rd-1"
	if _, _, err := a.Auth.SignIn(ctx, user, password, "127.0.0.1", "bench"); err != nil {
		root, err := a.Areas.Root(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		acc, once, err := a.Auth.Create(ctx, auth.NewAccount{Username: user, Role: auth.District, AreaID: root.ID})
		if err != nil {
			tb.Fatal(err)
		}
		if err := a.Auth.ChangePassword(ctx, acc.ID, once, password, ""); err != nil {
			tb.Fatal(err)
		}
	}
	tok, _, err := a.Auth.SignIn(ctx, user, password, "127.0.0.1", "bench")
	if err != nil {
		tb.Fatal(err)
	}
	id := func(query string) int64 {
		var n int64
		if err := d.Reader().QueryRowContext(ctx, query).Scan(&n); err != nil {
			tb.Fatalf("%s: %v", query, err)
		}
		return n
	}
	// The largest community (most units), its branch and a member of it.
	community := id(`SELECT area_id FROM unit_location WHERE to_on IS NULL GROUP BY area_id ORDER BY COUNT(*) DESC, area_id LIMIT 1`)
	subdistrict := id(fmt.Sprintf(`SELECT parent_id FROM area WHERE id = %d`, community))
	org := id(fmt.Sprintf(`SELECT id FROM party_org WHERE area_id = %d AND ended_on IS NULL AND unit_id IS NULL ORDER BY id LIMIT 1`, community))
	member := id(fmt.Sprintf(`SELECT person_id FROM membership WHERE org_id = %d AND to_on IS NULL ORDER BY id LIMIT 1`, org))
	unit := id(fmt.Sprintf(`SELECT unit_id FROM unit_location WHERE area_id = %d AND to_on IS NULL ORDER BY unit_id LIMIT 1`, community))
	pages := []string{
		"/", "/areas", fmt.Sprintf("/areas/%d", subdistrict), fmt.Sprintf("/areas/%d", community),
		"/members", "/members?name=" + url.QueryEscape("王"), "/members/new", fmt.Sprintf("/members/%d", member),
		fmt.Sprintf("/members/%d/start", member), fmt.Sprintf("/members/%d/transfer", member),
		"/units", "/units/new", fmt.Sprintf("/units/%d", unit), fmt.Sprintf("/units/%d/move", unit),
		fmt.Sprintf("/party-orgs/%d/leadership", org), fmt.Sprintf("/party-orgs/%d/elections/new", org),
		fmt.Sprintf("/areas/%d/registrations", community), fmt.Sprintf("/areas/%d/registrations/new", community),
		fmt.Sprintf("/areas/%d/merge", community), fmt.Sprintf("/areas/%d/split", community),
		fmt.Sprintf("/areas/%d/adjust", community), fmt.Sprintf("/areas/%d/dissolve", community),
		fmt.Sprintf("/areas/%d/children/new", subdistrict),
		"/figures", "/speech", "/import", "/account/tokens",
		// what the pages' script asks for: matches as the user types, a
		// district's children in the tree
		"/pick/orgs?q=" + url.QueryEscape("党支部"), "/pick/units?q=1", "/pick/areas?level=community&q=" + url.QueryEscape("社区"),
		fmt.Sprintf("/areas/%d/tree", id(`SELECT id FROM area WHERE level = 'district' ORDER BY id LIMIT 1`)),
	}
	return h, &http.Cookie{Name: web.SessionCookie, Value: tok}, pages
}

// get serves one page and returns its body.
func get(tb testing.TB, h http.Handler, c *http.Cookie, page string) []byte {
	req := httptest.NewRequest(http.MethodGet, page, nil)
	req.AddCookie(c)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s: %d\n%.2000s", page, rec.Code, rec.Body.String())
	}
	return rec.Body.Bytes()
}

// TestCityPages checks every page against the budget: the median of five
// requests after a warm-up.
func TestCityPages(t *testing.T) {
	if os.Getenv("DANGJIAN_CITY_PAGES") == "" {
		t.Skip("set DANGJIAN_CITY_PAGES=1 to measure the city tier's pages (generates it once, about two minutes)")
	}
	h, c, pages := cityPages(t)
	for _, p := range pages {
		body := get(t, h, c, p)
		var times []time.Duration
		for range 5 {
			start := time.Now()
			get(t, h, c, p)
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		med := times[len(times)/2]
		t.Logf("%-36s %8.1f KB %8.1f ms", p, float64(len(body))/1024, float64(med.Microseconds())/1000)
		if len(body) > cityPageMaxSize || med > cityPageBudget {
			t.Errorf("%s: %d bytes, %s (budget %d bytes, %s)", p, len(body), med, cityPageMaxSize, cityPageBudget)
		}
	}
}

// BenchmarkCityPages times each page against a bare handler writing the
// same bytes, in the same run.
func BenchmarkCityPages(b *testing.B) {
	h, c, pages := cityPages(b)
	for _, p := range pages {
		body := get(b, h, c, p)
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				get(b, h, c, p)
			}
			b.ReportMetric(float64(len(body))/1024, "KB/page")
		})
		bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		})
		b.Run(p+"/bare", func(b *testing.B) {
			for b.Loop() {
				get(b, bare, c, p)
			}
		})
	}
}
