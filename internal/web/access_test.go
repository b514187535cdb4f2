package web_test

import (
	"context"
	dapp "dangjian/internal/app"
	"dangjian/internal/web"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// accessRow is the request the access test makes for one route. In path,
// {T} is the target: an area for areaTarget routes, a party organisation
// for orgTarget routes, a person or a unit for personTarget and unitTarget
// routes (seeded by seedAccessPeople). Requests that would change something use an
// unknown id or an empty form, so an allowed request is answered 404 or
// 422 and the database stays as it was.
type accessRow struct {
	perm   auth.Permission // what the route must declare
	method string
	path   string
}

// accessRows has one row per route of the table in server.go; the test
// fails when a route has none, so no page is added without its check.
var accessRows = map[string]accessRow{
	"GET /lang/{lang}":                      {"", "GET", "/lang/en"},
	"/signin":                               {"", "GET", "/signin"},
	"POST /signout":                         {auth.OwnAccount, "POST", "/signout"},
	"/account/password":                     {auth.OwnAccount, "GET", "/account/password"},
	"GET /account/tokens":                   {auth.OwnAccount, "GET", "/account/tokens"},
	"POST /account/tokens":                  {auth.OwnAccount, "POST", "/account/tokens"},
	"POST /account/tokens/{id}/revoke":      {auth.OwnAccount, "POST", "/account/tokens/99999/revoke"},
	"GET /admin/users":                      {auth.ManageUsers, "GET", "/admin/users"},
	"/admin/users/new":                      {auth.ManageUsers, "POST", "/admin/users/new"},
	"POST /admin/users/{id}/reset":          {auth.ManageUsers, "POST", "/admin/users/99999/reset"},
	"POST /admin/users/{id}/disable":        {auth.ManageUsers, "POST", "/admin/users/99999/disable"},
	"POST /admin/users/{id}/enable":         {auth.ManageUsers, "POST", "/admin/users/99999/enable"},
	"POST /admin/tokens/{id}/revoke":        {auth.ManageUsers, "POST", "/admin/tokens/99999/revoke"},
	"GET /audit":                            {auth.ReadAudit, "GET", "/audit"},
	"GET /audit.xlsx":                       {auth.ReadAudit, "GET", "/audit.xlsx"},
	"GET /areas":                            {auth.ReadAreas, "GET", "/areas"},
	"GET /areas/{id}":                       {auth.ReadAreas, "GET", "/areas/{T}"},
	"GET /areas/{id}/tree":                  {auth.ReadAreas, "GET", "/areas/{T}/tree"},
	"GET /conferences":                      {"coordination.read", "GET", "/conferences"},
	"GET /conferences/{id}":                 {"coordination.read", "GET", "/conferences/{T}"},
	"/conferences/{id}/sessions/new":        {"coordination.write", "POST", "/conferences/{T}/sessions/new"},
	"GET /actions":                          {"coordination.read", "GET", "/actions"},
	"GET /whistles":                         {"coordination.read", "GET", "/whistles"},
	"GET /actions/export":                   {"coordination.read", "GET", "/actions/export"},
	"GET /actions/import":                   {"coordination.write", "GET", "/actions/import"},
	"POST /actions/import":                  {"coordination.write", "POST", "/actions/import"},
	"GET /actions/{id}":                     {"coordination.read", "GET", "/actions/{T}"},
	"/actions/{id}/progress":                {"coordination.write", "POST", "/actions/{T}/progress"},
	"/actions/{id}/sub-actions/new":         {"coordination.write", "POST", "/actions/{T}/sub-actions/new"},
	"GET /whistles/new":                     {"coordination.write", "GET", "/whistles/new"},
	"POST /whistles/new":                    {"coordination.write", "POST", "/whistles/new"},
	"GET /whistles/{id}":                    {"coordination.read", "GET", "/whistles/{T}"},
	"POST /whistles/{id}/report":            {"coordination.write", "POST", "/whistles/{T}/report"},
	"POST /whistles/{id}/score":             {"coordination.write", "POST", "/whistles/{T}/score"},
	"POST /whistles/{id}/resolve":           {"coordination.write", "POST", "/whistles/{T}/resolve"},
	"/whistles/{id}/actions/new":            {"coordination.write", "POST", "/whistles/{T}/actions/new"},
	"GET /campaigns":                        {"coordination.read", "GET", "/campaigns"},
	"GET /campaigns/new":                    {"coordination.write", "GET", "/campaigns/new"},
	"POST /campaigns/new":                   {"coordination.write", "POST", "/campaigns/new"},
	"GET /campaigns/{id}":                   {"coordination.read", "GET", "/campaigns/{T}"},
	"GET /units/{id}/actions":               {"unit_actions.read", "GET", "/units/{T}/actions"},
	"/units/{id}/actions/{action}/progress": {"unit_actions.write", "POST", "/units/{T}/actions/999999/progress"},
	"GET /pick/areas":                       {auth.ReadAreas, "GET", "/pick/areas?q=x"},
	"/areas/{id}/children/new":              {auth.WriteAreas, "POST", "/areas/{T}/children/new"},
	"/areas/{id}/merge":                     {auth.WriteAreas, "POST", "/areas/{T}/merge"},
	"/areas/{id}/split":                     {auth.WriteAreas, "POST", "/areas/{T}/split"},
	"/areas/{id}/adjust":                    {auth.WriteAreas, "POST", "/areas/{T}/adjust"},
	"/areas/{id}/rename":                    {auth.WriteAreas, "POST", "/areas/{T}/rename"},
	"/areas/{id}/dissolve":                  {auth.WriteAreas, "POST", "/areas/{T}/dissolve"},
	"/areas/{id}/party-orgs/new":            {auth.WriteAreas, "POST", "/areas/{T}/party-orgs/new"},
	"/party-orgs/{id}/reform":               {auth.WriteAreas, "POST", "/party-orgs/{T}/reform"},
	"/party-orgs/{id}/dissolve":             {auth.WriteAreas, "POST", "/party-orgs/{T}/dissolve"},
	"GET /figures":                          {"reports.read", "GET", "/figures"},
	"GET /figures/{key}":                    {"reports.read", "GET", "/figures/communities.total"},
	"GET /speech":                           {"reports.read", "GET", "/speech"},
	"GET /speech.md":                        {"reports.read", "GET", "/speech.md"},
	"GET /speech.html":                      {"reports.read", "GET", "/speech.html"},
	"GET /speech.docx":                      {"reports.read", "GET", "/speech.docx"},
	"/":                                     {"", "GET", "/no/such/page"},
}

// roleScopes gives each role the area its test account is scoped to, and
// the unit liaison its unit (seeded by seedAccessPeople).
var roleScopes = map[auth.Role]string{
	auth.Admin: "", auth.District: "示范区", auth.Subdistrict: "河东街道", auth.Community: "迎宾社区",
	auth.Unit: accessUnitIn, auth.Viewer: "河东街道", auth.Auditor: "",
}

// undecidedRoutes lists the routes without a row (no decision on who may
// use them), the rows whose permission differs from the route's, and the
// rows of routes that do not exist.
func undecidedRoutes(routes []web.Route, rows map[string]accessRow) []string {
	var out []string
	seen := map[string]bool{}
	for _, rt := range routes {
		seen[rt.Pattern] = true
		row, ok := rows[rt.Pattern]
		if !ok {
			out = append(out, fmt.Sprintf("route %q has no row in accessRows", rt.Pattern))
		} else if row.perm != rt.Perm {
			out = append(out, fmt.Sprintf("route %q requires %q, want %q", rt.Pattern, rt.Perm, row.perm))
		}
	}
	for p := range rows {
		if !seen[p] {
			out = append(out, fmt.Sprintf("accessRows has %q, which is not a route", p))
		}
	}
	sort.Strings(out)
	return out
}

// TestUndecidedRoutesFailTheAccessTest plants the mistakes the access test
// must catch: a module's route without a row, a row with another
// permission, a row without its route.
func TestUndecidedRoutesFailTheAccessTest(t *testing.T) {
	routes := []web.Route{
		{Pattern: "GET /ok", Perm: auth.ReadAreas},
		{Pattern: "GET /new-domain/things", Perm: auth.ReadAreas},
		{Pattern: "POST /changed", Perm: auth.WriteAreas},
	}
	rows := map[string]accessRow{
		"GET /ok":       {auth.ReadAreas, "GET", "/ok"},
		"POST /changed": {auth.ReadAreas, "POST", "/changed"},
		"GET /gone":     {auth.ReadAreas, "GET", "/gone"},
	}
	got := undecidedRoutes(routes, rows)
	want := []string{
		`accessRows has "GET /gone", which is not a route`,
		`route "GET /new-domain/things" has no row in accessRows`,
		`route "POST /changed" requires "areas.write", want "areas.read"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if len(undecidedRoutes(dapp.New(nil, nil, dapp.Options{}).PageRoutes(), accessRows)) != 0 {
		t.Error("the application's own routes are not all decided (see TestRouteAccess)")
	}
}

// TestRouteAccess walks every route × every role × a target inside and
// outside the role's scope, and checks allow or deny against the route's
// permission. Anonymous requests are sent to sign in (GET) or refused (POST).
func TestRouteAccess(t *testing.T) {
	routes := dapp.New(nil, nil, dapp.Options{}).PageRoutes()
	for _, problem := range undecidedRoutes(routes, accessRows) {
		t.Error(problem)
	}
	if t.Failed() {
		return
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		seedAccessPeople(t, app)
		seedAccessCoordination(t, app)
		seedAccessPremises(t, app)
		seedAccessCobuilding(t, app)
		seedAccessServices(t, app)
		seedAccessPetitions(t, app)
		seedAccessSpeechTemplates(t, app)
		for _, role := range auth.Roles {
			app.account("acc-"+string(role), role, roleScopes[role])
		}
		// Inside every scope, and outside the scopes below the district. The
		// unit liaison's inside is their unit; every route without a unit
		// permission denies them by role.
		// samples name the record of each place (by access.Place.Name) the
		// test aims at; a domain's seed adds its own (accessSamples).
		targets := []struct {
			name      string
			samples   map[string]string
			outsideOf map[auth.Role]bool
		}{
			{"inside", map[string]string{"area": "{迎宾社区}", "party_org": "{org:迎宾社区党支部}", "person": "{person:" + accessPersonIn + "}",
				"unit": "{unit:" + accessUnitIn + "}", "joint_conference": "{conf:迎宾社区共驻共建联席会议}", "agreed_action": "{action-in}",
				"whistle": "{whistle-in}", "campaign": "{campaign-in}", "party_org_of_area_or_unit": "{org:" + accessUnitOrgIn + "}"}, nil},
			{"outside", map[string]string{"area": "{官渡社区}", "party_org": "{org:官渡社区党支部}", "person": "{person:" + accessPersonOut + "}",
				"unit": "{unit:" + accessUnitOut + "}", "joint_conference": "{conf:官渡街道社区党建工作联席会议}", "agreed_action": "{action-out}",
				"whistle": "{whistle-out}", "campaign": "{campaign-out}", "party_org_of_area_or_unit": "{org:" + accessUnitOrgOut + "}"},
				map[auth.Role]bool{auth.Subdistrict: true, auth.Community: true, auth.Unit: true, auth.Viewer: true}},
		}
		for _, tg := range targets {
			for place, byTarget := range accessSamples {
				tg.samples[place] = byTarget[tg.name]
			}
		}
		do := func(t *testing.T, session, method, path string) *http.Response {
			req, _ := http.NewRequest(method, app.srv.URL+app.Expand(path), strings.NewReader(""))
			if method == "POST" {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if session != "" {
				req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: session})
			}
			res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res
		}
		for _, rt := range routes {
			row := accessRows[rt.Pattern]
			if strings.Contains(row.path, "{T}") != (rt.Place != nil) {
				t.Errorf("%s: the route's target and its row's {T} disagree", rt.Pattern)
				continue
			}
			for _, tg := range targets {
				if rt.Place == nil && tg.name == "outside" {
					continue
				}
				path := row.path
				if rt.Place != nil {
					sample, ok := tg.samples[rt.Place.Name]
					if !ok {
						t.Fatalf("%s: no sample target for a place named %q", rt.Pattern, rt.Place.Name)
					}
					path = strings.ReplaceAll(path, "{T}", sample)
				}
				// Anonymous.
				res := do(t, "", row.method, path)
				switch {
				case rt.Perm == "":
					if res.StatusCode == 401 || res.StatusCode == 403 {
						t.Errorf("anonymous %s %s: %d, want allowed", row.method, path, res.StatusCode)
					}
				case row.method == "GET":
					if loc := res.Header.Get("Location"); res.StatusCode != 303 || !strings.HasPrefix(loc, "/signin?next=") {
						t.Errorf("anonymous %s %s: %d %s, want 303 to sign in", row.method, path, res.StatusCode, loc)
					}
				default:
					if res.StatusCode != 401 {
						t.Errorf("anonymous %s %s: %d, want 401", row.method, path, res.StatusCode)
					}
				}
				for _, role := range auth.Roles {
					// The test accounts lack the per-account reveal flag.
					allowed := rt.Perm == "" || role.Allows(rt.Perm) && !tg.outsideOf[role] && rt.Perm != auth.RevealPII
					res := do(t, app.SignIn("acc-"+string(role)), row.method, path)
					loc := res.Header.Get("Location")
					denied := res.StatusCode == 401 || res.StatusCode == 403 || strings.HasPrefix(loc, "/signin?") || loc == "/account/password"
					if allowed && denied {
						t.Errorf("%s %s %s (%s): %d %s, want allowed", role, row.method, path, tg.name, res.StatusCode, loc)
					}
					if !allowed && res.StatusCode != 403 {
						t.Errorf("%s %s %s (%s): %d %s, want 403", role, row.method, path, tg.name, res.StatusCode, loc)
					}
				}
			}
		}
		// The refused and the allowed requests changed nothing.
		for _, name := range []string{"迎宾社区", "官渡社区"} {
			if a, err := app.App.Areas.Get(context.Background(), app.AreaID(name)); err != nil || !a.EndedOn.IsZero() || a.Name != name {
				t.Errorf("%s after the access test: %+v %v", name, a, err)
			}
		}
	})
}

// TestScopedUserSeesOwnAreaPage: a community secretary opens the page of
// their own community, a subdistrict officer that of their subdistrict and
// of a merged area inside it, and each gets the page (200), although the
// area's parent is outside their scope. (The access matrix counts a 500 as
// "allowed", so it does not check this.)
func TestScopedUserSeesOwnAreaPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("yingbin", auth.Community, "迎宾社区")
		app.account("hedong", auth.Subdistrict, "河东街道")
		runScenarios(t, clientAs(app, "yingbin"), []scenario{
			{Name: "own community", Path: "/areas/{迎宾社区}", Status: 200, Want: []string{"迎宾社区党支部"}},
		})
		runScenarios(t, clientAs(app, "hedong"), []scenario{
			{Name: "own subdistrict", Path: "/areas/{河东街道}", Status: 200, Want: []string{"河东街道党工委"}},
			// 朝阳社区 was merged into 东湖社区 (both inside 河东街道): fine.
			{Name: "merged area inside", Path: "/areas/{朝阳社区}", Status: 200},
		})
	})
}

// TestAreaHistoryNamesNoAreaOutsideScope: 湖心社区 was moved from 西湖街道
// to 南山街道. The 南山街道 officer reads 湖心社区 (now theirs), on its page
// and through /api/v1/areas/{id}/events: its history neither names nor
// links to 西湖街道, outside their scope.
func TestAreaHistoryNamesNoAreaOutsideScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("nanshan", auth.Subdistrict, "南山街道")
		app.account("xihu", auth.Viewer, "西湖街道")
		// The 南山 officer reads 湖心社区 (now theirs): its history does not name 西湖街道.
		runScenarios(t, clientAs(app, "nanshan"), []scenario{
			{Name: "moved-in community", Path: "/areas/{湖心社区}", Status: 200, Not: []string{"西湖街道", `href="/areas/{西湖街道}"`}},
		})
		// API: the same through /events.
		ctx := context.Background()
		_, secret, err := app.App.Auth.CreateToken(ctx, app.AccountID("nanshan"), "r", 3600e9)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", app.srv.URL+app.Expand("/api/v1/areas/{湖心社区}/events"), nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b [1 << 16]byte
		n, _ := res.Body.Read(b[:])
		if body := string(b[:n]); res.StatusCode == 200 && strings.Contains(body, "西湖街道") {
			t.Errorf("GET /api/v1/areas/湖心社区/events for a 南山街道 officer names 西湖街道 (outside the scope):\n%s", body)
		}
	})
}

// TestScopedUserCannotWriteAboveTheirArea: a community secretary may not
// split their own community (403): the split would end the community they
// are scoped to and create two new areas under 河东街道, outside their
// subtree. The community stays as it was.
func TestScopedUserCannotWriteAboveTheirArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("yingbin", auth.Community, "迎宾社区")
		c := clientAs(app, "yingbin")
		runScenarios(t, c, []scenario{
			{Name: "split own community", Method: "POST", Path: "/areas/{迎宾社区}/split",
				Form: form("names", "迎宾甲社区\n迎宾乙社区", "on", "2025-06-01"), Status: 403},
		})
		if a, err := app.App.Areas.Get(context.Background(), app.AreaID("迎宾社区")); err == nil && !a.EndedOn.IsZero() {
			t.Errorf("a community secretary ended their own community by splitting it into areas outside their scope")
		}
	})
}

// TestOutOfScopeFormRefusalIsAudited: a subdistrict officer posts a merge
// of their community into a community of another subdistrict. The domain
// refuses it (403), and the refusal is recorded as access.denied, as
// require and resolveScope record theirs.
func TestOutOfScopeFormRefusalIsAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("hedong", auth.Subdistrict, "河东街道")
		runScenarios(t, clientAs(app, "hedong"), []scenario{
			{Name: "merge into another subdistrict's community", Method: "POST", Path: "/areas/{迎宾社区}/merge",
				Form: form("target_id", "{官渡社区}", "on", "2025-06-01"), Status: 403},
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

// A user sees only the buttons they may use: a viewer none on an area's
// page, a subdistrict officer those that add to their own subdistrict but
// not those that change it (their parent's to do), and all of them on a
// community below it.
func TestAreaPageShowsOnlyUsableButtons(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("hedong-viewer", auth.Viewer, "河东街道")
		app.account("hedong", auth.Subdistrict, "河东街道")
		change := func(area string) []string {
			var out []string
			for _, a := range []string{"rename", "merge", "split", "dissolve", "adjust"} {
				out = append(out, "/areas/{"+area+"}/"+a)
			}
			return out
		}
		runScenarios(t, clientAs(app, "hedong-viewer"), []scenario{
			{Name: "a viewer's community page", Path: "/areas/{迎宾社区}", Status: 200, Want: []string{"迎宾社区党支部", `id="area-units"`},
				Not: append([]string{`id="area-actions"`, "/party-orgs/new", "/reform"}, change("迎宾社区")...)},
		})
		runScenarios(t, clientAs(app, "hedong"), []scenario{
			{Name: "own subdistrict", Path: "/areas/{河东街道}", Status: 200, Want: []string{`id="area-actions"`, "/children/new", "/party-orgs/new"},
				Not: change("河东街道")},
			{Name: "a community below", Path: "/areas/{迎宾社区}", Status: 200, Want: append([]string{`id="area-actions"`}, change("迎宾社区")...)},
		})
	})
}

// A viewer finds the exports of what they may read on the lists, and the
// export works for them (masked: a viewer may not reveal; see
// importer.TestExportRoundTrip).
func TestViewerExportsMasked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("hedong-viewer", auth.Viewer, "河东街道")
		runScenarios(t, clientAs(app, "hedong-viewer"), []scenario{
			{Name: "the member list offers the export", Path: "/members", Status: 200, Want: []string{`id="member-exports"`, `href="/export/members.xlsx"`}},
			{Name: "the unit list offers the export", Path: "/units", Status: 200, Want: []string{`id="unit-exports"`, `href="/export/units.csv`}},
			{Name: "the export works for a viewer", Path: "/export/members.csv", Status: 200, Want: []string{"身份证号", "望江社区党支部"}},
		})
	})
}

// The auditor's page says actions and their records in words: 换届选举 ·
// 迎宾社区党支部 第N届, 任命职务 · the person and the organisation.
func TestAuditPageInWords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		app.account("aud", auth.Auditor, "")
		runScenarios(t, clientAs(app, "aud"), []scenario{
			{Name: "elections", Path: "/audit?action=term.elect", Status: 200, Want: []string{`title="term.elect">换届选举</td>`, "迎宾社区党支部 第"},
				Not: []string{`>term.elect<`, "<code>term.elect</code>"}},
			{Name: "posts", Path: "/audit?action=post.appoint", Status: 200, Want: []string{`>任命职务</td>`, " · 迎宾社区党支部"}},
			{Name: "in English", Path: "/audit?action=term.elect", Lang: "en", Status: 200, Want: []string{">General election</td>", ", term "}},
			// An account is named by its username, its kind in words.
			{Name: "accounts", Path: "/audit?target_type=account", Status: 200, Want: []string{`title="account aud">账号 <code>aud</code></td>`},
				Not: []string{`">account <code>`}},
			{Name: "accounts in English", Path: "/audit?target_type=account", Lang: "en", Status: 200, Want: []string{`title="account aud">account <code>aud</code></td>`}},
		})
	})
}
