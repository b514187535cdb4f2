package web_test

import (
	"context"
	"dangjian/internal/web"
	"html"
	"net/url"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// peopleWorld seeds the demo application with fictional members of
// 迎宾社区 and 官渡社区 and a stationed unit in each.
func peopleWorld(t *testing.T, app *testApp) {
	t.Helper()
	seedAccessPeople(t, app)
	app.enrolMember(t, "迎宾社区党支部", "测张一", 11, people.Full, people.Resident, "2024-06-01")
	app.enrolMember(t, "迎宾社区党支部", "测张二", 12, people.Full, people.InService, "2024-06-01")
	app.enrolMember(t, "迎宾社区党支部", "测李三", 13, people.Full, people.Retired, "2024-06-01")
}

// zh is the Chinese text of a message as it appears in a page.
func zh(key string, args ...any) string { return html.EscapeString(i18n.T(i18n.ZH, key, args...)) }

func TestPeoplePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		peopleWorld(t, app)
		c := newClient(app)
		full := seedID(11)
		masked := full[:6] + "********" + full[14:]

		runScenarios(t, c, []scenario{
			{name: "member list", path: "/members?name=测", status: 200,
				want:    []string{"测张一", "测张二", "测甲一", "测乙一", masked, "139****0011", "迎宾社区党支部", "居民党员", "2001-07-01", `id="m-org"`},
				notWant: []string{full}},
			{name: "name prefix", path: "/members?name=测张", status: 200, want: []string{"测张一", "测张二"}, notWant: []string{"测李三", "测甲一"}},
			{name: "branch filter", path: "/members?org={org:官渡社区党支部}", status: 200, want: []string{"测乙一"}, notWant: []string{"测张一"}},
			{name: "category filter", path: "/members?category=in_service", status: 200, want: []string{"测张二"}, notWant: []string{"测张一"}},
			{name: "status filter", path: "/members?status=probationary", status: 200, want: []string{"测甲一", "测乙一"}, notWant: []string{"测张一"}},
			{name: "before they joined", path: "/members?name=测&on=2024-01-01", status: 200, notWant: []string{"测张一"}, want: []string{`id="no-members"`}},
			{name: "bad status", path: "/members?status=x", status: 422, want: []string{zh("err.status_invalid")}},
			{name: "first page", path: "/members?name=测&limit=2", status: 200, want: []string{"page-next", "测甲一", "测乙一"}, notWant: []string{"测张一"}},
			{name: "member page", path: "/members/{person:测张一}", status: 200,
				want:    []string{"测张一", masked, "139****0011", "纳入社区管理", "迎宾社区党支部", "member-transfer", "member-end"},
				notWant: []string{full, `id="reveal"`, "member-convert"}},
			{name: "probationary member can be converted", path: "/members/{person:测甲一}", status: 200, want: []string{"member-convert", "预备党员"}},
			{name: "reveal refused without the flag", method: "POST", path: "/members/{person:测张一}/reveal", form: url.Values{}, status: 403},
			{name: "unknown person", path: "/members/999999", status: 404},
			{name: "bad ID number", method: "POST", path: "/members/new", status: 422,
				form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {full[:17] + "0"}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				want: []string{`id="id_number-error"`, zh("err.id_number_check", string(full[17]))}},
			{name: "ID number taken", method: "POST", path: "/members/new", status: 422,
				form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {full}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				want: []string{`id="id_number-error"`, zh("err.id_number_taken")}},
			{name: "enrol", method: "POST", path: "/members/new", status: 303,
				form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {fakeIDNumber("1980-03-04", 21)}, "phone": {"13900000021"}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"probationary"}, "category": {"resident"}, "joined_party_on": {"2024-07-01"}, "reason": {"joined"}, "on": {"2024-07-01"}}},
			{name: "overlapping membership", method: "POST", path: "/members/{person:测张一}/start", status: 422,
				form: url.Values{"org_id": {"{org:官渡社区党支部}"}, "status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"},
					"reason": {"transfer_in"}, "from_org_name": {"外单位"}, "on": {"2025-01-01"}},
				want: []string{`id="on-error"`, zh("err.membership_overlap_open", "迎宾社区党支部", "2024-06-01")}},
			{name: "transfer", method: "POST", path: "/members/{person:测张一}/transfer", status: 303,
				form: url.Values{"to_org_id": {"{org:官渡社区党支部}"}, "on": {"2025-02-01"}}},
			{name: "history after the transfer", path: "/members/{person:测张一}", status: 200,
				inOrder: []string{"迎宾社区党支部", "2024-06-01", "2025-02-01", "官渡社区党支部", "2025-02-01", "组织关系转入"}},
			{name: "transfer out needs the organisation", method: "POST", path: "/members/{person:测张二}/transfer", status: 422,
				form: url.Values{"to_org_id": {"out"}, "on": {"2025-02-01"}}, want: []string{`id="to_org_name-error"`}},
			{name: "convert before joining", method: "POST", path: "/members/{person:测甲一}/convert", status: 422,
				form: url.Values{"on": {"2000-01-01"}}, want: []string{`id="on-error"`}},
			{name: "convert", method: "POST", path: "/members/{person:测甲一}/convert", status: 303, form: url.Values{"on": {"2025-03-01"}}},
			{name: "end", method: "POST", path: "/members/{person:测李三}/end", status: 303, form: url.Values{"reason": {"died"}, "on": {"2025-03-01"}}},
			{name: "ended member has a start form", path: "/members/{person:测李三}", status: 200, want: []string{"member-start", "去世"}, notWant: []string{"member-transfer"}},
		})
		if got := c.lastHeader.Get("Cache-Control"); got != "no-store" {
			t.Errorf("member page Cache-Control %q", got)
		}

		// Units.
		runScenarios(t, c, []scenario{
			{name: "unit list", path: "/units", status: 200, want: []string{accessUnitIn, accessUnitOut, "国有企业", "科级", "迎宾社区"}},
			{name: "unit list of a community", path: "/units?area={迎宾社区}", status: 200, want: []string{accessUnitIn}, notWant: []string{accessUnitOut}},
			{name: "create unit refused", method: "POST", path: "/units/new", status: 422,
				form: url.Values{"name": {"测医院"}, "kind": {"public_institution"}, "rank": {"division"}, "area_id": {"{河东街道}"}, "on": {"2024-01-01"}},
				want: []string{`id="area_id-error"`}},
			{name: "create unit", method: "POST", path: "/units/new", status: 303,
				form: url.Values{"name": {"测医院"}, "kind": {"public_institution"}, "rank": {"division"}, "area_id": {"{迎宾社区}"}, "on": {"2024-01-01"}}},
			{name: "unit org", method: "POST", path: "/units/{unit:测医院}/party-org/new", status: 303,
				form: url.Values{"kind": {"branch"}, "name": {"测医院党支部"}, "on": {"2024-02-01"}}},
			{name: "move", method: "POST", path: "/units/{unit:测医院}/move", status: 303, form: url.Values{"area_id": {"{官渡社区}"}, "on": {"2025-01-01"}}},
			{name: "unit page", path: "/units/{unit:测医院}", status: 200,
				want: []string{"测医院党支部", "事业单位", "处级"}, inOrder: []string{"迎宾社区", "2024-01-01", "2025-01-01", "官渡社区", "2025-01-01"}},
			{name: "end unit", method: "POST", path: "/units/{unit:" + accessUnitOut + "}/end", status: 303, form: url.Values{"on": {"2025-03-01"}}},
			{name: "unknown unit", path: "/units/999999", status: 404},
		})

		// Leadership and elections in 迎宾社区党支部 (the demo may have
		// terms of its own: the new one is numbered after them).
		runScenarios(t, c, []scenario{
			{name: "votes above present", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"20"}, "votes_cast": {"21"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"}},
				want: []string{`id="votes_cast-error"`, zh("err.votes_cast", 20)}},
			{name: "not a number", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"三十"}}, want: []string{`id="expected_voters-error"`}},
			{name: "concurrent member without unit", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"}, "id_number_3": {seedID(901)}, "role_3": {"concurrent_member"}},
				want: []string{`id="post-3-error"`, zh("err.concurrent_needs_unit")}, notWant: []string{`id="post-0-error"`}},
			{name: "unknown ID number", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"id_number_2": {fakeIDNumber("1990-01-01", 1)}, "role_2": {"member"}},
				want: []string{`id="post-2-error"`, zh("err.election_person_unknown")}},
			{name: "a new person with a bad ID number", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"id_number_2": {"110105199001011234"}, "name_2": {"测新委员"}, "role_2": {"member"}},
				want: []string{`id="post-2-error"`, `value="测新委员"`}},
			{name: "election", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 303,
				location: "/party-orgs/{org:迎宾社区党支部}/leadership",
				form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"27"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"},
					"id_number_2": {fakeIDNumber("1990-01-01", 1)}, "name_2": {"测新委员"}, "role_2": {"member"},
					"id_number_3": {seedID(901)}, "role_3": {"concurrent_member"}, "unit_id_3": {"{unit:" + accessUnitIn + "}"}}},
			{name: "leadership", path: "/party-orgs/{org:迎宾社区党支部}/leadership", status: 200,
				want: []string{"2025-05-10", zh("ui.term.voters_line", 30, 28, 27), "测张二", "书记", "兼职委员", accessUnitIn, `id="director"`, "测新委员"}},
			{name: "unit shows its concurrent member", path: "/units/{unit:" + accessUnitIn + "}", status: 200, want: []string{"测甲一", "迎宾社区党支部"}},
			{name: "member shows the post", path: "/members/{person:测张二}", status: 200, want: []string{"书记", "迎宾社区党支部"}},
		})

		// Registrations with 迎宾社区.
		runScenarios(t, c, []scenario{
			{name: "resident cannot register", method: "POST", path: "/areas/{迎宾社区}/registrations/new", status: 422,
				form: url.Values{"kind": {"member"}, "id_number": {seedID(901)}, "on": {"2025-01-01"}},
				want: []string{`id="id_number-error"`}},
			{name: "register member", method: "POST", path: "/areas/{迎宾社区}/registrations/new", status: 303,
				form: url.Values{"kind": {"member"}, "id_number": {seedID(12)}, "on": {"2025-01-01"}}},
			{name: "registration list", path: "/areas/{迎宾社区}/registrations", status: 200, want: []string{"测张二", "2025-01-01", "registration-end"}},
			{name: "registration on the member page", path: "/members/{person:测张二}", status: 200, want: []string{"/areas/{迎宾社区}/registrations"}},
			{name: "a subdistrict keeps no registrations", path: "/areas/{河东街道}/registrations/new", status: 404},
			{name: "area page links", path: "/areas/{迎宾社区}", status: 200,
				want: []string{"/areas/{迎宾社区}/registrations", "/units?area={迎宾社区}", "/party-orgs/{org:迎宾社区党支部}/leadership"}},
			{name: "tree links leadership", path: "/", status: 200, want: []string{"/party-orgs/{org:迎宾社区党支部}/leadership"}},
		})
		regs, err := app.people.Registrations(context.Background(), app.areaID("迎宾社区"), people.MemberRegistration, testToday)
		var reg int64
		for _, x := range regs {
			if x.Name == "测张二" {
				reg = x.ID
			}
		}
		if err != nil || reg == 0 {
			t.Fatalf("registrations %+v %v", regs, err)
		}
		runScenarios(t, c, []scenario{
			{name: "end registration", method: "POST", path: "/areas/{迎宾社区}/registrations/end", status: 303,
				form: url.Values{"registration_id": {web.Itoa(reg)}, "on": {"2025-04-01"}}},
			{name: "registration gone", path: "/areas/{迎宾社区}/registrations", status: 200, notWant: []string{`href="/members/{person:测张二}"`}},
		})

		// English.
		runScenarios(t, c, []scenario{
			{name: "members in English", lang: "en", path: "/members", status: 200, want: []string{"Members", "Branch", "Resident", "Next page"[:4]}},
			{name: "member in English", lang: "en", path: "/members/{person:测张一}", status: 200, want: []string{"Membership history", "Transfer in", "Enrolment into the community"}},
			{name: "leadership in English", lang: "en", path: "/party-orgs/{org:迎宾社区党支部}/leadership", status: 200,
				want: []string{"Leadership of 迎宾社区党支部", "30 expected, 28 present, 27 voted", "Concurrent member", "Secretary"}},
			{name: "units in English", lang: "en", path: "/units", status: 200, want: []string{"Stationed units", "State enterprise", "Section level"}},
			{name: "refusal in English", lang: "en", method: "POST", path: "/party-orgs/{org:迎宾社区党支部}/elections/new", status: 422,
				form: url.Values{"elected_on": {"2025-05-11"}, "expected_voters": {"30"}, "present_voters": {"31"}},
				want: []string{`id="present_voters-error"`, html.EscapeString(i18n.T(i18n.EN, "err.voters_present", 30))}},
			{name: "registrations in English", lang: "en", path: "/areas/{迎宾社区}/registrations", status: 200, want: []string{"Dual registration with 迎宾社区", "In-service members"}},
		})
	})
}

// TestPeopleScope: a community user sees and changes only the people and
// units of their community; one outside is refused with 403 and the
// refusal is audited. Reveal needs the per-account flag and is audited.
func TestPeopleScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		peopleWorld(t, app)
		c := newClient(app)
		c.session = app.signIn(app.account("yingbin", auth.Community, "迎宾社区"))
		runScenarios(t, c, []scenario{
			{name: "own members only", path: "/members?name=测", status: 200, want: []string{"测张一"}, notWant: []string{"测乙一"}},
			{name: "branch select in scope", path: "/members", status: 200, want: []string{"迎宾社区党支部"}, notWant: []string{"官渡社区党支部"}},
			{name: "branch outside", path: "/members?org={org:官渡社区党支部}", status: 403},
			{name: "person outside", path: "/members/{person:测乙一}", status: 403, want: []string{zh("err.out_of_scope")}},
			{name: "unit outside", path: "/units/{unit:" + accessUnitOut + "}", status: 403},
			{name: "units in scope", path: "/units", status: 200, want: []string{accessUnitIn}, notWant: []string{accessUnitOut}},
			{name: "leadership outside", path: "/party-orgs/{org:官渡社区党支部}/leadership", status: 403},
			// A unit's own organisation stands where its unit is located.
			{name: "leadership of a unit's organisation in scope", path: "/party-orgs/{org:" + accessUnitOrgIn + "}/leadership", status: 200,
				want: []string{accessUnitOrgIn, `href="/party-orgs/{org:` + accessUnitOrgIn + `}/elections/new"`}},
			{name: "election form of a unit's organisation in scope", path: "/party-orgs/{org:" + accessUnitOrgIn + "}/elections/new", status: 200},
			{name: "leadership of a unit's organisation outside", path: "/party-orgs/{org:" + accessUnitOrgOut + "}/leadership", status: 403},
			{name: "enrol outside", method: "POST", path: "/members/new", status: 403,
				form: url.Values{"name": {"测外人"}, "gender": {"male"}, "id_number": {fakeIDNumber("1975-05-05", 31)}, "org_id": {"{org:官渡社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				want: []string{zh("err.out_of_scope")}},
			{name: "transfer to outside", method: "POST", path: "/members/{person:测张一}/transfer", status: 403,
				form: url.Values{"to_org_id": {"{org:官渡社区党支部}"}, "on": {"2025-02-01"}}},
			{name: "unit into outside", method: "POST", path: "/units/new", status: 403,
				form: url.Values{"name": {"测外单位"}, "kind": {"public_institution"}, "rank": {"none"}, "area_id": {"{官渡社区}"}, "on": {"2024-01-01"}}},
		})
		var denied int
		if err := d.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_entry WHERE outcome = 'denied'").Scan(&denied); err != nil || denied == 0 {
			t.Errorf("denied refusals audited: %d %v", denied, err)
		}

		// The reveal: a district officer with the flag sees the full
		// numbers once, and the reveal is audited without them.
		acct, once, err := app.auth.Create(context.Background(), auth.NewAccount{Username: "revealer", Role: auth.District, AreaID: app.areaID("示范区"), CanReveal: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := app.auth.ChangePassword(context.Background(), acct.ID, once, testPassword, ""); err != nil {
			t.Fatal(err)
		}
		c.session = app.signIn("revealer")
		full := seedID(11)
		runScenarios(t, c, []scenario{
			{name: "button", path: "/members/{person:测张一}", status: 200, want: []string{`id="reveal"`}, notWant: []string{full}},
			{name: "reveal", method: "POST", path: "/members/{person:测张一}/reveal", form: url.Values{}, status: 200,
				want: []string{full, "13900010011", `id="revealed"`}, header: map[string]string{"Cache-Control": "no-store"}},
			{name: "masked again", path: "/members/{person:测张一}", status: 200, notWant: []string{full}},
		})
		var reveals int
		if err := d.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_entry WHERE action = 'pii.reveal' AND outcome <> 'denied'").Scan(&reveals); err != nil || reveals != 2 {
			t.Errorf("reveals audited: %d %v", reveals, err)
		}
		var leaked int
		if err := d.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_entry WHERE before_json LIKE ? OR after_json LIKE ? OR detail LIKE ?", "%"+full+"%", "%"+full+"%", "%"+full+"%").Scan(&leaked); err != nil || leaked != 0 {
			t.Errorf("full ID number in the audit trail: %d %v", leaked, err)
		}
	})
}
