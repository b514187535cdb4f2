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
			{name: "user form offers units", path: "/admin/users/new", status: 200, want: []string{`name="unit_id"`, accessUnitIn}},
			{name: "unit account without unit", method: "POST", path: "/admin/users/new", status: 422,
				form: url.Values{"username": {"liaison.x"}, "role": {"unit"}}, want: []string{zh("err.role_needs_unit")}},
			{name: "unit account", method: "POST", path: "/admin/users/new", status: 200,
				form: url.Values{"username": {"liaison.y"}, "role": {"unit"}, "unit_id": {strconv.FormatInt(app.unitID(accessUnitIn), 10)}},
				want: []string{"liaison.y", accessUnitIn}},
		})

		app.account("liaison", auth.Unit, accessUnitIn)
		c := newClient(app)
		c.session = app.signIn("liaison")
		runScenarios(t, c, []scenario{
			{name: "own unit", path: "/units/{unit:" + accessUnitIn + "}", status: 200,
				want: []string{accessUnitIn, `id="unit-org-new"`}, notWant: []string{`id="unit-move"`, `id="unit-end"`, `href="/figures"`}},
			{name: "other unit", path: "/units/{unit:" + accessUnitOut + "}", status: 403},
			{name: "unknown unit", path: "/units/999999", status: 403},
			{name: "tree", path: "/", status: 403},
			{name: "area", path: "/areas/{迎宾社区}", status: 403},
			{name: "members", path: "/members", status: 403},
			{name: "member", path: "/members/{person:" + accessPersonIn + "}", status: 403},
			{name: "units", path: "/units", status: 403},
			{name: "figures", path: "/figures", status: 403},
			{name: "speech", path: "/speech", status: 403},
			{name: "registrations", path: "/areas/{迎宾社区}/registrations", status: 403},
			{name: "move own unit", method: "POST", path: "/units/{unit:" + accessUnitIn + "}/move", status: 403, form: url.Values{}},
			{name: "other unit's org", method: "POST", path: "/units/{unit:" + accessUnitOut + "}/party-org/new", status: 403,
				form: url.Values{"kind": {"branch"}, "name": {"测官渡单位党支部"}, "on": {"2024-07-01"}}},
			{name: "own unit's org", method: "POST", path: "/units/{unit:" + accessUnitIn + "}/party-org/new", status: 303,
				form: url.Values{"kind": {"branch"}, "name": {"测迎宾单位党支部"}, "on": {"2024-07-01"}}},
			{name: "own unit with its org", path: "/units/{unit:" + accessUnitIn + "}", status: 200,
				want: []string{"测迎宾单位党支部"}, notWant: []string{`id="unit-org-new"`}},
		})
		p := auth.Principal{Account: auth.Account{ID: 1, Role: auth.Unit, UnitID: 7}}
		if got := web.HomeFor(p); got != "/units/7" {
			t.Errorf("home of a unit liaison = %q", got)
		}
	})
}
