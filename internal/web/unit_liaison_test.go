package web_test

import (
	"net/url"
	"strconv"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/web"
)

// TestUnitLiaison: a unit liaison sees their unit's page and establishes its
// party organisation; another unit, the tree, the members, the figures and
// the speech are refused.
func TestUnitLiaison(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		seedAccessPeople(t, app)
		admin := newClient(app)
		runScenarios(t, admin, []scenario{
			{Name: "user form offers units", Path: "/admin/users/new", Status: 200, Want: []string{`name="unit_id"`, accessUnitIn}},
			{Name: "unit account without unit", Method: "POST", Path: "/admin/users/new", Status: 422,
				Form: url.Values{"username": {"liaison.x"}, "role": {"unit"}}, Want: []string{zh("err.role_needs_unit")}},
			{Name: "unit account", Method: "POST", Path: "/admin/users/new", Status: 200,
				Form: url.Values{"username": {"liaison.y"}, "role": {"unit"}, "unit_id": {strconv.FormatInt(app.UnitID(accessUnitIn), 10)}},
				Want: []string{"liaison.y", accessUnitIn}},
		})

		app.account("liaison", auth.Unit, accessUnitIn)
		c := newClient(app)
		c.session = app.SignIn("liaison")
		runScenarios(t, c, []scenario{
			{Name: "own unit", Path: "/units/{unit:" + accessUnitIn + "}", Status: 200,
				Want: []string{accessUnitIn, `id="unit-org-new"`}, Not: []string{`id="unit-move"`, `id="unit-end"`, `href="/figures"`}},
			{Name: "other unit", Path: "/units/{unit:" + accessUnitOut + "}", Status: 403},
			{Name: "unknown unit", Path: "/units/999999", Status: 403},
			{Name: "tree", Path: "/", Status: 403},
			{Name: "area", Path: "/areas/{迎宾社区}", Status: 403},
			{Name: "members", Path: "/members", Status: 403},
			{Name: "member", Path: "/members/{person:" + accessPersonIn + "}", Status: 403},
			{Name: "units", Path: "/units", Status: 403},
			{Name: "figures", Path: "/figures", Status: 403},
			{Name: "speech", Path: "/speech", Status: 403},
			{Name: "registrations", Path: "/areas/{迎宾社区}/registrations", Status: 403},
			{Name: "move own unit", Method: "POST", Path: "/units/{unit:" + accessUnitIn + "}/move", Status: 403, Form: url.Values{}},
			{Name: "other unit's org", Method: "POST", Path: "/units/{unit:" + accessUnitOut + "}/party-org/new", Status: 403,
				Form: url.Values{"kind": {"branch"}, "name": {"测官渡单位党支部"}, "on": {"2024-07-01"}}},
			{Name: "own unit's org", Method: "POST", Path: "/units/{unit:" + accessUnitIn + "}/party-org/new", Status: 303,
				Form: url.Values{"kind": {"branch"}, "name": {"测迎宾单位党支部"}, "on": {"2024-07-01"}}},
			{Name: "own unit with its org", Path: "/units/{unit:" + accessUnitIn + "}", Status: 200,
				Want: []string{"测迎宾单位党支部"}, Not: []string{`id="unit-org-new"`}},
		})
		p := auth.Principal{Account: auth.Account{ID: 1, Role: auth.Unit, UnitID: 7}}
		if got := web.HomeFor(p); got != "/units/7" {
			t.Errorf("home of a unit liaison = %q", got)
		}
	})
}
