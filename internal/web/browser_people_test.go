package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMemberSearch: a name prefix and a branch narrow the member
// list, and the pages follow one another.
func TestBrowserMemberSearch(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		peopleWorld(t, app)
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/members?limit=2"),
			chromedp.WaitVisible(chromedp.CSS("#member-filter")),
			chromedp.SendKeys(chromedp.CSS("#m-name"), "测"),
			pick("#f-org", "迎宾", "迎宾社区党支部"),
			clickAndLoad(chromedp.CSS("#m-submit")),
			chromedp.WaitVisible(chromedp.CSS("#members")),
		)
		first := textOf(t, ctx, "#members tbody")
		wantContains(t, "first page", first, "测甲一", "测张一", "659001********", "迎宾社区党支部")
		if strings.Contains(first, "测乙一") || strings.Contains(first, "测张二") {
			t.Errorf("first page: %q", first)
		}
		shot(t, ctx, "members")
		run(t, ctx, clickAndLoad(chromedp.CSS("#page-next")), chromedp.WaitVisible(chromedp.CSS("#members")))
		second := textOf(t, ctx, "#members tbody")
		wantContains(t, "second page", second, "测张二", "测李三")
		if strings.Contains(second, "测甲一") {
			t.Errorf("second page repeats the first: %q", second)
		}
		if v := get(t, ctx, chromedp.Value(chromedp.CSS("#m-name"))); v != "测" {
			t.Errorf("name kept as %q", v)
		}
		run(t, ctx, clickAndLoad(chromedp.CSS("#page-next")), chromedp.WaitVisible(chromedp.CSS("#no-members")))
		// A member's page from the list.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/members?name="+"测张一"),
			chromedp.WaitVisible(chromedp.CSS("#members")),
			clickAndLoad(chromedp.CSS("#members tbody a")),
			chromedp.WaitVisible(chromedp.CSS("#memberships")),
		)
		wantContains(t, "member page", textOf(t, ctx, "#memberships"), "迎宾社区党支部", "纳入社区管理")
		shot(t, ctx, "member")
		run(t, ctx, chromedp.Navigate(app.srv.URL+"/units"), chromedp.WaitVisible(chromedp.CSS("#units")))
		shot(t, ctx, "units")
		run(t, ctx, chromedp.Navigate(app.srv.URL+app.Expand("/units/{unit:"+accessUnitIn+"}")), chromedp.WaitVisible(chromedp.CSS("#locations")))
		shot(t, ctx, "unit")
	})
}

// enterElection fills the election form of 迎宾社区党支部: the secretary
// chosen from the members, a concurrent member by ID number without a
// unit (refused, next to its row), then with unit, accepted; and a member
// new to the system, by ID number and name.
func enterElection(t *testing.T, ctx context.Context, app *testApp, unit string) {
	t.Helper()
	run(t, ctx,
		chromedp.Navigate(app.srv.URL+app.Expand("/party-orgs/{org:迎宾社区党支部}/leadership")),
		chromedp.WaitVisible(chromedp.CSS("#term")),
		clickAndLoad(chromedp.CSS("#election-new")),
		chromedp.WaitVisible(chromedp.CSS("#election-form")),
		chromedp.SetValue(chromedp.CSS("#f-elected_on"), "2025-05-10"),
		chromedp.SendKeys(chromedp.CSS("#f-expected_voters"), "30"),
		chromedp.SendKeys(chromedp.CSS("#f-present_voters"), "28"),
		chromedp.SendKeys(chromedp.CSS("#f-votes_cast"), "27"),
		chromedp.SetValue(chromedp.CSS("#f-person_id_0"), app.Expand("{person:测张二}")),
		chromedp.SetValue(chromedp.CSS("#f-role_0"), "secretary"),
		chromedp.SendKeys(chromedp.CSS("#f-id_number_1"), seedID(901)),
		chromedp.SetValue(chromedp.CSS("#f-role_1"), "concurrent_member"),
		clickAndLoad(chromedp.CSS("#submit")),
		chromedp.WaitVisible(chromedp.CSS("#post-1-error")),
	)
	wantContains(t, "row refusal", textOf(t, ctx, "#post-1-error"), "兼职委员")
	if v := get(t, ctx, chromedp.Value(chromedp.CSS("#f-id_number_1"))); v != seedID(901) {
		t.Errorf("ID number not kept: %q", v)
	}
	if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".field-error").length`)); n != 1 {
		t.Errorf("%d refusals shown, want 1", n)
	}
	shot(t, ctx, "election-refused")
	run(t, ctx,
		pick("#f-unit_id_1", unit[len(unit)-6:], unit+" · 迎宾社区"),
		chromedp.SendKeys(chromedp.CSS("#f-id_number_2"), fakeIDNumber("1990-01-01", 1)),
		chromedp.SendKeys(chromedp.CSS("#f-name_2"), "测新委员"),
		chromedp.SetValue(chromedp.CSS("#f-role_2"), "member"),
		clickAndLoad(chromedp.CSS("#submit")),
		chromedp.WaitVisible(chromedp.CSS("#term-number")),
	)
}

// TestBrowserElection: an election entered through the form, one row
// refused and then accepted; the leadership page shows the new term.
func TestBrowserElection(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		peopleWorld(t, app)
		app.signInBrowser(t, ctx, "tester")
		enterElection(t, ctx, app, accessUnitIn)
		wantContains(t, "flash", textOf(t, ctx, "#flash"), "迎宾社区党支部")
		wantContains(t, "term", textOf(t, ctx, "#term"), "2025-05-10", "应到30人，实到28人，投票27人")
		wantContains(t, "posts", textOf(t, ctx, "#posts"), "书记", "测张二", "兼职委员", "测甲一", accessUnitIn, "委员", "测新委员")
		shot(t, ctx, "leadership")
		run(t, ctx, chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}/registrations")), chromedp.WaitVisible(chromedp.CSS("#member-registrations")))
		shot(t, ctx, "registrations")
		run(t, ctx, chromedp.Click(chromedp.CSS("#lang-en")), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #member-registrations`)),
			chromedp.Navigate(app.srv.URL+app.Expand("/party-orgs/{org:迎宾社区党支部}/leadership")), chromedp.WaitVisible(chromedp.CSS("#term")))
		wantContains(t, "English term", textOf(t, ctx, "#term"), "30 expected, 28 present, 27 voted")
		shot(t, ctx, "leadership-en")
	})
}

// TestBrowserPeopleFigures: a member enrolled, a unit added and its
// concurrent member elected through the forms show in the figures.
func TestBrowserPeopleFigures(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		peopleWorld(t, app)
		app.signInBrowser(t, ctx, "tester")
		figure := func(key string) int {
			t.Helper()
			run(t, ctx, chromedp.Navigate(app.srv.URL+"/figures"), chromedp.WaitVisible(chromedp.CSS("#figures")))
			v := textOf(t, ctx, `tr[data-key="`+key+`"] a.value`)
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("%s = %q", key, v)
			}
			return n
		}
		members, units := figure("members.total"), figure("units.with_concurrent_member")

		// A member enrolled through the form.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/members/new"),
			chromedp.WaitVisible(chromedp.CSS("#f-name")),
			chromedp.SendKeys(chromedp.CSS("#f-name"), "测新党员"),
			chromedp.SetValue(chromedp.CSS("#f-gender"), "female"),
			chromedp.SendKeys(chromedp.CSS("#f-id_number"), fakeIDNumber("1982-04-05", 77)),
			pick("#f-org_id", "迎宾社区", "迎宾社区党支部"),
			chromedp.SendKeys(chromedp.CSS("#f-joined_party_on"), "2010-07-01"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-03-01"),
		)
		shot(t, ctx, "member-new")
		run(t, ctx, clickAndLoad(chromedp.CSS("#submit")), chromedp.WaitVisible(chromedp.CSS("#memberships")))
		wantContains(t, "enrolled", textOf(t, ctx, "#flash"), "测新党员")

		// A unit added through the form.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/units/new?area={迎宾社区}")),
			chromedp.WaitVisible(chromedp.CSS("#f-name")),
			chromedp.SendKeys(chromedp.CSS("#f-name"), "测试新驻区单位"),
			chromedp.SetValue(chromedp.CSS("#f-kind"), "state_enterprise"),
			chromedp.SetValue(chromedp.CSS("#f-rank"), "division"),
			chromedp.SetValue(chromedp.CSS("#f-on"), "2025-01-01"),
			clickAndLoad(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#locations")),
		)
		// Its concurrent member elected through the form.
		enterElection(t, ctx, app, "测试新驻区单位")

		if got := figure("members.total"); got != members+1 {
			t.Errorf("members.total %d, want %d", got, members+1)
		}
		// The election ended the branch's previous term, and with it the
		// posts of any concurrent members it had: the figure is what the
		// posts now say, and the new unit is among its records.
		var want int
		if err := app.DB.Reader().QueryRowContext(context.Background(), `SELECT COUNT(DISTINCT unit_id) FROM post
WHERE role = 'concurrent_member' AND from_on <= '2025-12-31' AND (to_on IS NULL OR to_on > '2025-12-31')`).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got := figure("units.with_concurrent_member"); got != want || want == units && units == 0 {
			t.Errorf("units.with_concurrent_member %d, want %d (before %d)", got, want, units)
		}
		shot(t, ctx, "figures")
		run(t, ctx,
			chromedp.Click(chromedp.CSS(`tr[data-key="units.with_concurrent_member"] a.value`)),
			chromedp.WaitVisible(chromedp.CSS("#records")),
		)
		wantContains(t, "records", textOf(t, ctx, "#records"), "测试新驻区单位")
		shot(t, ctx, "figure-units")
	})
}
