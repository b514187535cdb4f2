package dashboard_test

import (
	"context"
	"encoding/json"
	"math"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/cobuilding"
	"dangjian/internal/dashboard"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestDashboardValues: every number of the dashboard, asked through the
// API by callers of different scopes and periods, equals its figure
// counted from the records directly (Figure.CountRows, not the maintained
// counts the dashboard reads), and every element links to the records of
// its figure, scope and period; the lists hold what the records say.
func TestDashboardValues(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := testkit.New(t, d, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		year := w.Today.Year()
		for _, c := range []struct {
			as, query, area string
			from, to        date.Date
		}{
			{"admin", "", "示范区", date.New(year, 1, 1), date.New(year, 12, 31)},
			{"hedong", "", "河东街道", date.New(year, 1, 1), date.New(year, 12, 31)},
			{"district", "?area={河东街道}&from=2024-03-01&to=2024-11-30", "河东街道", date.MustParse("2024-03-01"), date.MustParse("2024-11-30")},
			{"district", "?from=2024-01-01&to=2024-12-31&lang=en", "示范区", date.New(2024, 1, 1), date.New(2024, 12, 31)},
			{"yingbin", "", "迎宾社区", date.New(year, 1, 1), date.New(year, 12, 31)},
		} {
			t.Run(c.as+c.query, func(t *testing.T) {
				rec := w.Serve(t, h, testkit.Scenario{Name: "dashboard", As: c.as, Path: "/api/v1/dashboard" + c.query, Status: 200})
				var got dashboard.Data
				if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
					t.Fatal(err)
				}
				s := figures.Scope{AreaID: w.ID(c.area), AreaName: c.area, From: c.from, To: c.to}
				checkDashboard(t, w, s, &got)
			})
		}
	})
}

// checkDashboard compares got with the figures of s counted from rows.
func checkDashboard(t *testing.T, w *testkit.World, s figures.Scope, got *dashboard.Data) {
	t.Helper()
	ctx, q := context.Background(), w.DB.Reader()
	count := func(key string, s figures.Scope) float64 {
		t.Helper()
		v, err := figures.Get(key).CountRows(ctx, q, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got.Scope.AreaID != s.AreaID || got.From != s.From.String() || got.To != s.To.String() {
		t.Fatalf("scope %+v %s–%s, want %d %s–%s", got.Scope, got.From, got.To, s.AreaID, s.From, s.To)
	}
	earlier := s
	earlier.From, earlier.To = date.New(s.From.Year()-1, s.From.Month(), s.From.Day()), date.New(s.To.Year()-1, s.To.Month(), s.To.Day())
	if got.EarlierFrom != earlier.From.String() || got.EarlierTo != earlier.To.String() {
		t.Errorf("year earlier %s–%s, want %s–%s", got.EarlierFrom, got.EarlierTo, earlier.From, earlier.To)
	}
	if len(got.Headline) < 10 {
		t.Errorf("%d headline figures", len(got.Headline))
	}
	nonzero := 0
	for _, h := range got.Headline {
		v, e := count(h.Key, s), count(h.Key, earlier)
		f := figures.Get(h.Key)
		if h.Value != v || h.Earlier != e || h.Text != f.Format(v) {
			t.Errorf("%s: %v (%s), a year earlier %v; counted %v, %v", h.Key, h.Value, h.Text, h.Earlier, v, e)
		}
		// The change as the figure shows its values: to its last decimal,
		// signed unless it is nothing.
		shown, err := strconv.ParseFloat(h.ChangeText, 64)
		if tol := 0.5 * math.Pow(10, -float64(decimals(h.Text))); err != nil || math.Abs(shown-(v-e)) > tol || math.Abs(h.Change-(v-e)) > tol ||
			(shown != 0) != strings.ContainsAny(h.ChangeText[:1], "+-") {
			t.Errorf("%s: change %v %q, want %v", h.Key, h.Change, h.ChangeText, v-e)
		}
		if h.Link != figures.RecordsLink(h.Key, s) || h.EarlierLink != figures.RecordsLink(h.Key, earlier) {
			t.Errorf("%s: links %s, %s", h.Key, h.Link, h.EarlierLink)
		}
		if v != 0 {
			nonzero++
		}
	}
	if nonzero < 3 {
		t.Errorf("only %d headline figures are not zero: the demo should fill them", nonzero)
	}
	charts := map[string]dashboard.Chart{}
	for _, c := range got.Charts {
		charts[c.Key] = c
	}
	for _, key := range []string{"coverage", "part1", "part2", "part3", "part4", "funding", "outlets", "petitions"} {
		c, ok := charts[key]
		if !ok {
			t.Errorf("no chart %s", key)
			continue
		}
		if c.Title == "" || len(c.Series) == 0 {
			t.Errorf("chart %s: %+v", key, c)
		}
		for _, sr := range c.Series {
			for i, p := range sr.Data {
				key, ps := pointScope(t, p.Link)
				if c.Type != "pie" && c.Categories[i] != p.Name {
					t.Errorf("chart %s: point %d is %q under %q", c.Key, i, p.Name, c.Categories[i])
				}
				if want := count(key, ps); p.Value != want {
					t.Errorf("chart %s, %s of %d %s–%s: %v, counted %v", c.Key, key, ps.AreaID, ps.From, ps.To, p.Value, want)
				}
				checkPointScope(t, w, c.Key, s, ps, i, len(sr.Data))
			}
		}
	}
	// Coverage: a bar for each sub-area active at the period's end.
	var subs []string
	rows, err := q.QueryContext(ctx, "SELECT name FROM area WHERE parent_id = ? AND established_on <= ? AND (ended_on IS NULL OR ended_on > ?) ORDER BY id", s.AreaID, s.To, s.To)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		subs = append(subs, n)
	}
	rows.Close()
	if c := charts["coverage"]; !slices.Equal(c.Categories, subs) || (len(subs) == 0) != (c.Empty != "") {
		t.Errorf("coverage by %v (empty %q), want %v", c.Categories, c.Empty, subs)
	}
	// The lists: as many as the records say, ten at most, "more" beyond.
	on := s.To
	if w.Today.Before(on) {
		on = w.Today
	}
	atOn := s
	atOn.To = on
	want := map[string]int{
		"overdue_actions": int(count("actions.overdue", atOn)),
		"open_whistles":   sqlCount(t, w, "SELECT COUNT(*) FROM whistle w WHERE w.resolved_on IS NULL AND w.area_id IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ? AND to_on IS NULL)", s.AreaID),
		"open_demands":    sqlCount(t, w, "SELECT COUNT(*) FROM demand d WHERE d.status = 'open' AND d.area_id IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ? AND to_on IS NULL)", s.AreaID),
		"three_lacks":     int(count("communities.three_lacks_at_end", s)),
	}
	for _, l := range got.Lists {
		n, ok := want[l.Key]
		if !ok {
			t.Errorf("unknown list %s", l.Key)
			continue
		}
		delete(want, l.Key)
		if len(l.Items) != min(n, dashboard.ListCap) || (l.More != "") != (n > dashboard.ListCap) || l.All == "" || l.Title == "" {
			t.Errorf("list %s: %d items, more %q; the records hold %d", l.Key, len(l.Items), l.More, n)
		}
		for _, it := range l.Items {
			if it.Link == "" || it.Name == "" {
				t.Errorf("list %s: %+v", l.Key, it)
			}
		}
		// The open whistles and demands, first of the stores' own lists.
		var ids []int64
		for _, it := range l.Items {
			ids = append(ids, it.ID)
		}
		var first []int64
		scoped := access.WithScope(ctx, s.AreaID)
		switch l.Key {
		case "open_whistles":
			ws, err := w.App.Coordination.OpenWhistles(scoped, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range ws[:min(len(ws), dashboard.ListCap)] {
				first = append(first, x.ID)
			}
		case "open_demands":
			ds, err := w.App.Cobuilding.ListDemands(scoped, cobuilding.DemandFilter{Status: cobuilding.Open, Limit: dashboard.ListCap})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range ds {
				first = append(first, x.ID)
			}
		default:
			continue
		}
		if !slices.Equal(ids, first) {
			t.Errorf("list %s: %v, the store lists %v first", l.Key, ids, first)
		}
	}
	for k := range want {
		t.Errorf("no list %s", k)
	}
	if got.Labels["change"] == "" || got.Labels["more"] == "" {
		t.Errorf("labels %v", got.Labels)
	}
}

// decimals is the number of decimals of a value as text.
func decimals(text string) int {
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return len(text) - i - 1
	}
	return 0
}

// pointScope reads the figure and scope of a records link.
func pointScope(t *testing.T, link string) (string, figures.Scope) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	key := u.Path[len("/figures/"):]
	if figures.Get(key) == nil {
		t.Fatalf("link %s names no figure", link)
	}
	id, _ := strconv.ParseInt(u.Query().Get("area"), 10, 64)
	from, err1 := date.Parse(u.Query().Get("from"))
	to, err2 := date.Parse(u.Query().Get("to"))
	if err1 != nil || err2 != nil || id == 0 {
		t.Fatalf("link %s", link)
	}
	return key, figures.Scope{AreaID: id, From: from, To: to}
}

// checkPointScope checks the scope of a chart's point i of n: a sub-area
// of s for coverage, year i of the ten for the parts, s otherwise.
func checkPointScope(t *testing.T, w *testkit.World, chart string, s, ps figures.Scope, i, n int) {
	t.Helper()
	switch chart {
	case "coverage":
		var parent int64
		if err := w.DB.Reader().QueryRowContext(context.Background(), "SELECT parent_id FROM area WHERE id = ?", ps.AreaID).Scan(&parent); err != nil || parent != s.AreaID || ps.From != s.From || ps.To != s.To {
			t.Errorf("coverage point %d: %+v under %d", i, ps, parent)
		}
	case "part1", "part2", "part3", "part4":
		y := s.To.Year() - n + 1 + i
		if n != dashboard.Years || ps.AreaID != s.AreaID || ps.From != date.New(y, 1, 1) || ps.To != date.New(y, 12, 31) {
			t.Errorf("%s point %d of %d: %+v, want the year %d", chart, i, n, ps, y)
		}
	default:
		if ps.AreaID != s.AreaID || ps.From != s.From || ps.To != s.To {
			t.Errorf("%s point %d: %+v", chart, i, ps)
		}
	}
}

func sqlCount(t *testing.T, w *testkit.World, query string, args ...any) int {
	t.Helper()
	var n int
	if err := w.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDashboardRequests: the pages, the page's data and the API, in both
// languages, and the refusals: an area outside the caller's scope (403,
// recorded), a bad date (422 naming the field), an unknown area.
func TestDashboardRequests(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := testkit.New(t, d, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		as := func(user string) map[string]string {
			return map[string]string{"Cookie": web.SessionCookie + "=" + w.Sessions[user]}
		}
		year := strconv.Itoa(w.Today.Year())
		period := "from=" + year + "-01-01&amp;to=" + year + "-12-31"
		for _, sc := range []testkit.Scenario{
			{Name: "the home page is the dashboard of the user's area", Path: "/", Header: as("hedong"), As: testkit.Nobody, Status: 200,
				Want: []string{`id="dashboard"`, `data-src="/dashboard.json?area={河东街道}&amp;` + period + `"`,
					`href="/dashboard/screen?area={河东街道}&amp;` + period + `"`, `/static/vendor/echarts/echarts.min.js`, `/static/dashboard.js`, "工作概览", `id="nav-tree"`}},
			{Name: "in English", Path: "/?lang=en", Header: as("hedong"), As: testkit.Nobody, Status: 200, Want: []string{"Dashboard", "Big screen"}},
			{Name: "another area and period", Path: "/?area={迎宾社区}&from=2024-01-01&to=2024-06-30", Header: as("hedong"), As: testkit.Nobody, Status: 200,
				Want: []string{`data-src="/dashboard.json?area={迎宾社区}&amp;from=2024-01-01&amp;to=2024-06-30"`}},
			{Name: "an area outside the user's scope", Path: "/?area={官渡街道}", Header: as("hedong"), As: testkit.Nobody, Status: 403,
				Not: []string{`data-src=`}},
			{Name: "a bad date", Path: "/?from=2024-13-01", Header: as("hedong"), As: testkit.Nobody, Status: 422, Want: []string{`id="from-error"`}},
			{Name: "the tree moved to /areas", Path: "/areas", Header: as("hedong"), As: testkit.Nobody, Status: 200, Want: []string{`id="tree"`, `id="nav-tree" aria-current="page"`}},
			{Name: "the full-screen mode", Path: "/dashboard/screen?refresh=5", Header: as("viewer"), As: testkit.Nobody, Status: 200,
				Want: []string{`id="screen"`, `data-refresh="5"`, `data-theme="dark"`, `id="fullscreen-toggle"`, "每 5 秒自动刷新", "社区党建数据大屏"}},
			{Name: "the full-screen mode, a refresh out of bounds", Path: "/dashboard/screen?refresh=0&lang=en", Header: as("viewer"), As: testkit.Nobody, Status: 200,
				Want: []string{`data-refresh="60"`, "Refreshes every 60 seconds", "Full screen"}},
			{Name: "the full-screen mode outside the scope", Path: "/dashboard/screen?area={官渡街道}", Header: as("viewer"), As: testkit.Nobody, Status: 403},
			{Name: "the page's data", Path: "/dashboard.json?area={迎宾社区}", Header: as("hedong"), As: testkit.Nobody, Status: 200,
				Want:    []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `"key":"coverage"`, `"empty":"该范围没有下级区域。"`, `"key":"three_lacks"`},
				Headers: map[string]string{"Content-Type": "application/json"}},
			{Name: "the page's data in English", Path: "/dashboard.json?lang=en", Header: as("hedong"), As: testkit.Nobody, Status: 200,
				Want: []string{`"title":"One-branch-per-community coverage by sub-area"`, `"title":"Overdue actions"`, `"change":"vs a year earlier"`}},
			{Name: "the page's data outside the scope", Path: "/dashboard.json?area={官渡街道}", Header: as("hedong"), As: testkit.Nobody, Status: 403,
				Want: []string{`"error":`}, Not: []string{`"headline"`}},
			{Name: "the page's data with an inverted period", Path: "/dashboard.json?from=2025-02-01&to=2025-01-01&lang=en", Header: as("hedong"), As: testkit.Nobody, Status: 422,
				Want: []string{`"field":"to"`, "the start date 2025-02-01 is after the end date 2025-01-01"}},
			{Name: "the page's data without a session", Path: "/dashboard.json", As: testkit.Nobody, Status: 303},
			{Name: "the API", Path: "/api/v1/dashboard?area=河东街道", As: "district", Status: 200,
				Want: []string{`"scope":{"id":{河东街道},"name":"河东街道"}`, `"key":"members.total"`, `"link":"/figures/members.total?area={河东街道}&from=` + year + `-01-01&to=` + year + `-12-31"`}},
			{Name: "the API outside the scope", Path: "/api/v1/dashboard?area={官渡街道}", As: "hedong", Status: 403, Want: []string{`"code":`}},
			{Name: "the API, a community officer asking for the district", Path: "/api/v1/dashboard?area={示范区}", As: "yingbin", Status: 403},
			{Name: "the API, an unknown area", Path: "/api/v1/dashboard?area=无名社区", As: "district", Status: 404, Want: []string{`"field":"area"`}},
			{Name: "the API, a bad date", Path: "/api/v1/dashboard?to=2025-02-30", As: "district", Status: 422, Want: []string{`"field":"to"`}},
			{Name: "the API, an auditor", Path: "/api/v1/dashboard", As: "auditor", Status: 403},
			// ECharts, served from the embedded files: the version the page
			// asks for is the one vendored, cached for good at that address.
			{Name: "ECharts", Path: "/static/vendor/echarts/echarts.min.js?v=" + echartsVersion(t), As: testkit.Nobody, Status: 200,
				Want:    []string{`version="` + echartsVersion(t) + `"`, "Licensed to the Apache Software Foundation"},
				Headers: map[string]string{"Cache-Control": "immutable"}},
			{Name: "the page asks for that version", Path: "/", Header: as("viewer"), As: testkit.Nobody, Status: 200,
				Want: []string{`/static/vendor/echarts/echarts.min.js?v=` + echartsVersion(t) + `"`}},
		} {
			w.Serve(t, h, sc)
		}
		// A refusal of the pages is recorded in the audit trail.
		if n := sqlCount(t, w, "SELECT COUNT(*) FROM audit_entry WHERE action = 'access.denied' AND target_id LIKE '%/dashboard.json%'"); n == 0 {
			t.Error("the refused data request is not in the audit trail")
		}
	})
}

// echartsVersion is the version of the vendored ECharts (its VERSION file).
func echartsVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../web/static/vendor/echarts/VERSION")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(strings.TrimSpace(string(b)), "echarts ")
}

// TestFiguresRegistered: every key the dashboard names is a registered
// figure (figs panics on one that is not; this says which).
func TestFiguresRegistered(t *testing.T) {
	for _, k := range dashboard.Keys() {
		if figures.Get(k) == nil {
			t.Errorf("no figure %s", k)
		}
	}
}
