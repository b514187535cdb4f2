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
			{Name: "member list", Path: "/members?name=测", Status: 200,
				Want: []string{"测张一", "测张二", "测甲一", "测乙一", masked, "139****0011", "迎宾社区党支部", "居民党员", "2001-07-01", `id="f-org" name="org_q"`, `id="f-area" name="area_q"`, "<th>姓名</th>"},
				Not:  []string{full}},
			{Name: "name prefix", Path: "/members?name=测张", Status: 200, Want: []string{"测张一", "测张二"}, Not: []string{"测李三", "测甲一"}},
			{Name: "any part of the name, with the total", Path: "/members?name=" + url.QueryEscape("张二"), Status: 200,
				Want: []string{"测张二", `<p class="total" id="member-total">共 1 名党员</p>`}, Not: []string{"测张一"}},
			{Name: "branch filter", Path: "/members?org={org:官渡社区党支部}", Status: 200, Want: []string{"测乙一"}, Not: []string{"测张一"}},
			{Name: "category filter", Path: "/members?category=in_service", Status: 200, Want: []string{"测张二"}, Not: []string{"测张一"}},
			{Name: "status filter", Path: "/members?status=probationary", Status: 200, Want: []string{"测甲一", "测乙一"}, Not: []string{"测张一"}},
			{Name: "before they joined", Path: "/members?name=测&on=2024-01-01", Status: 200, Not: []string{"测张一"}, Want: []string{`id="no-members"`}},
			{Name: "bad status", Path: "/members?status=x", Status: 422, Want: []string{zh("err.status_invalid")}},
			{Name: "first page", Path: "/members?name=测&limit=2", Status: 200, Want: []string{"page-next", "测甲一", "测乙一"}, Not: []string{"测张一"}},
			{Name: "member page", Path: "/members/{person:测张一}", Status: 200,
				Want: []string{"测张一", masked, "139****0011", "纳入社区管理", "迎宾社区党支部", "member-transfer", "member-end"},
				Not:  []string{full, `id="reveal"`, "member-convert"}},
			{Name: "probationary member can be converted", Path: "/members/{person:测甲一}", Status: 200, Want: []string{"member-convert", "预备党员"}},
			{Name: "reveal refused without the flag", Method: "POST", Path: "/members/{person:测张一}/reveal", Form: url.Values{}, Status: 403},
			{Name: "unknown person", Path: "/members/999999", Status: 404},
			{Name: "bad ID number", Method: "POST", Path: "/members/new", Status: 422,
				Form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {full[:17] + "0"}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				Want: []string{`id="id_number-error"`, `<label for="f-name">姓名`, zh("err.id_number_check", string(full[17]))}},
			{Name: "ID number taken", Method: "POST", Path: "/members/new", Status: 422,
				Form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {full}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				Want: []string{`id="id_number-error"`, zh("err.id_number_taken")}},
			{Name: "enrol", Method: "POST", Path: "/members/new", Status: 303,
				Form: url.Values{"name": {"测新人"}, "gender": {"male"}, "id_number": {fakeIDNumber("1980-03-04", 21)}, "phone": {"13900000021"}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"probationary"}, "category": {"resident"}, "joined_party_on": {"2024-07-01"}, "reason": {"joined"}, "on": {"2024-07-01"}}},
			{Name: "overlapping membership", Method: "POST", Path: "/members/{person:测张一}/start", Status: 422,
				Form: url.Values{"org_id": {"{org:官渡社区党支部}"}, "status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"},
					"reason": {"transfer_in"}, "from_org_name": {"外单位"}, "on": {"2025-01-01"}},
				Want: []string{`id="on-error"`, zh("err.membership_overlap_open", "迎宾社区党支部", "2024-06-01")}},
			{Name: "transfer", Method: "POST", Path: "/members/{person:测张一}/transfer", Status: 303,
				Form: url.Values{"to_org_id": {"{org:官渡社区党支部}"}, "on": {"2025-02-01"}}},
			{Name: "history after the transfer", Path: "/members/{person:测张一}", Status: 200,
				InOrder: []string{"迎宾社区党支部", "2024-06-01", "2025-02-01", "官渡社区党支部", "2025-02-01", "组织关系转入"}},
			{Name: "transfer out needs the organisation", Method: "POST", Path: "/members/{person:测张二}/transfer", Status: 422,
				Form: url.Values{"to_org_id": {""}, "to_org_id_q": {""}, "on": {"2025-02-01"}}, Want: []string{`id="to_org_id-error"`}},
			{Name: "branch filter by a typed name (no script)", Path: "/members?org_q=" + url.QueryEscape("官渡社区党支部"), Status: 200,
				Want: []string{"测乙一", `name="org_q" type="search" value="官渡社区党支部"`}, Not: []string{`id="list-error"`, `<input type="hidden" name="org" value="">`}},
			{Name: "branch filter by a name that matches nothing", Path: "/members?org_q=" + url.QueryEscape("不存在的支部"), Status: 422,
				Want: []string{`id="list-error"`, "找不到“不存在的支部”"}},
			{Name: "convert before joining", Method: "POST", Path: "/members/{person:测甲一}/convert", Status: 422,
				Form: url.Values{"on": {"2000-01-01"}}, Want: []string{`id="on-error"`}},
			{Name: "convert", Method: "POST", Path: "/members/{person:测甲一}/convert", Status: 303, Form: url.Values{"on": {"2025-03-01"}}},
			{Name: "end", Method: "POST", Path: "/members/{person:测李三}/end", Status: 303, Form: url.Values{"reason": {"died"}, "on": {"2025-03-01"}}},
			{Name: "ended member has a start form", Path: "/members/{person:测李三}", Status: 200, Want: []string{"member-start", "去世"}, Not: []string{"member-transfer"}},
		})
		if got := c.lastHeader.Get("Cache-Control"); got != "no-store" {
			t.Errorf("member page Cache-Control %q", got)
		}

		// Units.
		runScenarios(t, c, []scenario{
			{Name: "unit list", Path: "/units", Status: 200, Want: []string{accessUnitIn, accessUnitOut, "国有企业", "科级", "迎宾社区"}},
			{Name: "unit list of a community", Path: "/units?area={迎宾社区}", Status: 200, Want: []string{accessUnitIn}, Not: []string{accessUnitOut}},
			{Name: "create unit refused", Method: "POST", Path: "/units/new", Status: 422,
				Form: url.Values{"name": {"测医院"}, "kind": {"public_institution"}, "rank": {"division"}, "area_id": {"{河东街道}"}, "on": {"2024-01-01"}},
				Want: []string{`id="area_id-error"`}},
			{Name: "create unit", Method: "POST", Path: "/units/new", Status: 303,
				Form: url.Values{"name": {"测医院"}, "kind": {"public_institution"}, "rank": {"division"}, "area_id": {"{迎宾社区}"}, "on": {"2024-01-01"}}},
			{Name: "unit org", Method: "POST", Path: "/units/{unit:测医院}/party-org/new", Status: 303,
				Form: url.Values{"kind": {"branch"}, "name": {"测医院党支部"}, "on": {"2024-02-01"}}},
			{Name: "move", Method: "POST", Path: "/units/{unit:测医院}/move", Status: 303, Form: url.Values{"area_id": {"{官渡社区}"}, "on": {"2025-01-01"}}},
			{Name: "unit page", Path: "/units/{unit:测医院}", Status: 200,
				Want: []string{"测医院党支部", "事业单位", "处级"}, InOrder: []string{"迎宾社区", "2024-01-01", "2025-01-01", "官渡社区", "2025-01-01"}},
			{Name: "end unit", Method: "POST", Path: "/units/{unit:" + accessUnitOut + "}/end", Status: 303, Form: url.Values{"on": {"2025-03-01"}}},
			{Name: "unknown unit", Path: "/units/999999", Status: 404},
		})

		// Leadership and elections in 迎宾社区党支部 (the demo may have
		// terms of its own: the new one is numbered after them).
		runScenarios(t, c, []scenario{
			{Name: "votes above present", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"20"}, "votes_cast": {"21"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"}},
				Want: []string{`id="votes_cast-error"`, zh("err.votes_cast", 20)}},
			{Name: "not a number", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"三十"}}, Want: []string{`id="expected_voters-error"`}},
			{Name: "concurrent member without unit", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"}, "id_number_3": {seedID(901)}, "role_3": {"concurrent_member"}},
				Want: []string{`id="post-3-error"`, zh("err.concurrent_needs_unit")}, Not: []string{`id="post-0-error"`}},
			{Name: "unknown ID number", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"id_number_2": {fakeIDNumber("1990-01-01", 1)}, "role_2": {"member"}},
				Want: []string{`id="post-2-error"`, zh("err.election_person_unknown")}},
			{Name: "a new person with a bad ID number", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"28"},
					"id_number_2": {"110105199001011234"}, "name_2": {"测新委员"}, "role_2": {"member"}},
				Want: []string{`id="post-2-error"`, `value="测新委员"`}},
			{Name: "election", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 303,
				Location: "/party-orgs/{org:迎宾社区党支部}/leadership",
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"27"},
					"person_id_0": {"{person:测张二}"}, "role_0": {"secretary"},
					"id_number_2": {fakeIDNumber("1990-01-01", 1)}, "name_2": {"测新委员"}, "role_2": {"member"},
					"id_number_3": {seedID(901)}, "role_3": {"concurrent_member"}, "unit_id_3": {"{unit:" + accessUnitIn + "}"}}},
			{Name: "leadership", Path: "/party-orgs/{org:迎宾社区党支部}/leadership", Status: 200,
				Want: []string{"2025-05-10", zh("ui.term.voters_line", 30, 28, 27), "测张二", "书记", "兼职委员", accessUnitIn, `id="director"`, "测新委员"}},
			{Name: "unit shows its concurrent member", Path: "/units/{unit:" + accessUnitIn + "}", Status: 200, Want: []string{"测甲一", "迎宾社区党支部"}},
			{Name: "member shows the post", Path: "/members/{person:测张二}", Status: 200, Want: []string{"书记", "迎宾社区党支部"}},
		})

		// Registrations with 迎宾社区.
		runScenarios(t, c, []scenario{
			{Name: "resident cannot register", Method: "POST", Path: "/areas/{迎宾社区}/registrations/new", Status: 422,
				Form: url.Values{"kind": {"member"}, "id_number": {seedID(901)}, "on": {"2025-01-01"}},
				Want: []string{`id="id_number-error"`}},
			{Name: "register member", Method: "POST", Path: "/areas/{迎宾社区}/registrations/new", Status: 303,
				Form: url.Values{"kind": {"member"}, "id_number": {seedID(12)}, "on": {"2025-01-01"}}},
			{Name: "registration list", Path: "/areas/{迎宾社区}/registrations", Status: 200, Want: []string{"测张二", "2025-01-01", "registration-end"}},
			{Name: "registration on the member page", Path: "/members/{person:测张二}", Status: 200, Want: []string{"/areas/{迎宾社区}/registrations"}},
			{Name: "a subdistrict keeps no registrations", Path: "/areas/{河东街道}/registrations/new", Status: 404},
			{Name: "area page links", Path: "/areas/{迎宾社区}", Status: 200,
				Want: []string{"/areas/{迎宾社区}/registrations", "/units?area={迎宾社区}", "/party-orgs/{org:迎宾社区党支部}/leadership"}},
			{Name: "tree links leadership", Path: "/areas/{河东街道}/tree", Status: 200, Want: []string{"/party-orgs/{org:迎宾社区党支部}/leadership"}},
		})
		regs, err := app.App.People.Registrations(context.Background(), app.AreaID("迎宾社区"), people.MemberRegistration, testToday)
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
			{Name: "end registration", Method: "POST", Path: "/areas/{迎宾社区}/registrations/end", Status: 303,
				Form: url.Values{"registration_id": {web.Itoa(reg)}, "on": {"2025-04-01"}}},
			{Name: "registration gone", Path: "/areas/{迎宾社区}/registrations", Status: 200, Not: []string{`href="/members/{person:测张二}"`}},
		})

		// English.
		runScenarios(t, c, []scenario{
			{Name: "members in English", Lang: "en", Path: "/members", Status: 200, Want: []string{"Members", "Branch", "Resident", "Next page"[:4]}},
			{Name: "member in English", Lang: "en", Path: "/members/{person:测张一}", Status: 200, Want: []string{"Membership history", "Transfer in", "Enrolment into the community"}},
			{Name: "leadership in English", Lang: "en", Path: "/party-orgs/{org:迎宾社区党支部}/leadership", Status: 200,
				Want: []string{"Leadership of 迎宾社区党支部", "30 expected, 28 present, 27 voted", "Concurrent member", "Secretary"}},
			{Name: "units in English", Lang: "en", Path: "/units", Status: 200, Want: []string{"Stationed units", "State enterprise", "Section level"}},
			{Name: "refusal in English", Lang: "en", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 422,
				Form: url.Values{"elected_on": {"2025-05-11"}, "expected_voters": {"30"}, "present_voters": {"31"}},
				Want: []string{`id="present_voters-error"`, html.EscapeString(i18n.T(i18n.EN, "err.voters_present", 30))}},
			{Name: "registrations in English", Lang: "en", Path: "/areas/{迎宾社区}/registrations", Status: 200, Want: []string{"Dual registration with 迎宾社区", "In-service members"}},
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
		c.session = app.SignIn(app.account("yingbin", auth.Community, "迎宾社区"))
		runScenarios(t, c, []scenario{
			{Name: "own members only", Path: "/members?name=测", Status: 200, Want: []string{"测张一"}, Not: []string{"测乙一"}},
			// The pickers offer what the scope holds, nothing else.
			{Name: "branch picker in scope", Path: "/pick/orgs?q=" + url.QueryEscape("社区党支部"), Status: 200, Want: []string{"迎宾社区党支部"}, Not: []string{"官渡社区党支部"}},
			{Name: "area picker in scope", Path: "/pick/areas?q=" + url.QueryEscape("社区"), Status: 200, Want: []string{"迎宾社区"}, Not: []string{"官渡社区"}},
			{Name: "unit picker in scope", Path: "/pick/units", Status: 200, Want: []string{accessUnitIn}, Not: []string{accessUnitOut}},
			{Name: "a branch outside typed by name", Path: "/members?org_q=" + url.QueryEscape("官渡社区党支部"), Status: 422, Want: []string{"找不到“官渡社区党支部”"}},
			{Name: "branch outside", Path: "/members?org={org:官渡社区党支部}", Status: 403},
			{Name: "person outside", Path: "/members/{person:测乙一}", Status: 403, Want: []string{zh("err.out_of_scope")}},
			{Name: "unit outside", Path: "/units/{unit:" + accessUnitOut + "}", Status: 403},
			{Name: "units in scope", Path: "/units", Status: 200, Want: []string{accessUnitIn}, Not: []string{accessUnitOut}},
			{Name: "leadership outside", Path: "/party-orgs/{org:官渡社区党支部}/leadership", Status: 403},
			// A unit's own organisation stands where its unit is located.
			{Name: "leadership of a unit's organisation in scope", Path: "/party-orgs/{org:" + accessUnitOrgIn + "}/leadership", Status: 200,
				Want: []string{accessUnitOrgIn, `href="/party-orgs/{org:` + accessUnitOrgIn + `}/elections/new"`}},
			{Name: "election form of a unit's organisation in scope", Path: "/party-orgs/{org:" + accessUnitOrgIn + "}/elections/new", Status: 200},
			{Name: "leadership of a unit's organisation outside", Path: "/party-orgs/{org:" + accessUnitOrgOut + "}/leadership", Status: 403},
			{Name: "enrol outside", Method: "POST", Path: "/members/new", Status: 403,
				Form: url.Values{"name": {"测外人"}, "gender": {"male"}, "id_number": {fakeIDNumber("1975-05-05", 31)}, "org_id": {"{org:官渡社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				Want: []string{zh("err.out_of_scope")}},
			{Name: "transfer to outside", Method: "POST", Path: "/members/{person:测张一}/transfer", Status: 403,
				Form: url.Values{"to_org_id": {"{org:官渡社区党支部}"}, "on": {"2025-02-01"}}},
			{Name: "unit into outside", Method: "POST", Path: "/units/new", Status: 403,
				Form: url.Values{"name": {"测外单位"}, "kind": {"public_institution"}, "rank": {"none"}, "area_id": {"{官渡社区}"}, "on": {"2024-01-01"}}},
			// Typed ID numbers of people outside the scope (docs/security.md):
			// a member of a branch outside is refused without a name or a
			// place; an election brings the person in, as it would a person
			// nobody recorded.
			{Name: "new member with the ID number of a member outside", Method: "POST", Path: "/members/new", Status: 422,
				Form: url.Values{"name": {"测外号"}, "gender": {"female"}, "id_number": {seedID(902)}, "org_id": {"{org:迎宾社区党支部}"},
					"status": {"full"}, "category": {"resident"}, "joined_party_on": {"2001-07-01"}, "reason": {"enrolment"}, "on": {"2025-01-01"}},
				Want: []string{`id="id_number-error"`, "不能以这个身份证号登记新的党员组织关系"}, Not: []string{"官渡", accessPersonOut, "已有人员登记"}},
			{Name: "election brings in a person outside", Method: "POST", Path: "/party-orgs/{org:迎宾社区党支部}/elections/new", Status: 303,
				Form: url.Values{"elected_on": {"2025-05-10"}, "expected_voters": {"30"}, "present_voters": {"28"}, "votes_cast": {"27"},
					"id_number_0": {seedID(902)}, "name_0": {"测外号"}, "role_0": {"member"},
					"id_number_1": {fakeIDNumber("1991-02-02", 2)}, "name_1": {"测全新"}, "role_1": {"member"}}},
			{Name: "the person brought in keeps their recorded name", Path: "/party-orgs/{org:迎宾社区党支部}/leadership", Status: 200,
				Want: []string{accessPersonOut, "测全新"}, Not: []string{"测外号"}},
		})
		var denied int
		if err := d.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_entry WHERE outcome = 'denied'").Scan(&denied); err != nil || denied == 0 {
			t.Errorf("denied refusals audited: %d %v", denied, err)
		}

		// The reveal: a district officer with the flag sees the full
		// numbers once, and the reveal is audited without them.
		acct, once, err := app.App.Auth.Create(context.Background(), auth.NewAccount{Username: "revealer", Role: auth.District, AreaID: app.AreaID("示范区"), CanReveal: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := app.App.Auth.ChangePassword(context.Background(), acct.ID, once, testPassword, ""); err != nil {
			t.Fatal(err)
		}
		c.session = app.SignIn("revealer")
		full := seedID(11)
		runScenarios(t, c, []scenario{
			{Name: "button", Path: "/members/{person:测张一}", Status: 200, Want: []string{`id="reveal"`}, Not: []string{full}},
			{Name: "reveal", Method: "POST", Path: "/members/{person:测张一}/reveal", Form: url.Values{}, Status: 200,
				Want: []string{full, "13900010011", `id="revealed"`}, Headers: map[string]string{"Cache-Control": "no-store"}},
			{Name: "masked again", Path: "/members/{person:测张一}", Status: 200, Not: []string{full}},
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
