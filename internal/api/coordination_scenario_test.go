package api_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/people"
)

// coordinationWorld adds part two to the fixture: 测迎宾单位 in 迎宾社区 and
// 测官渡单位 in 官渡社区; 测河东联席会议 (convened by 河东街道党委 since
// 2020, 测迎宾单位 a member) with a session on 2025-03-01 agreeing 测单位事项
// (owned by 测迎宾单位, due 2025-05-31: overdue), 测科室事项 (owned by
// 街道城管科, due 2025-07-10: due soon) and 测新事项 (测迎宾单位's, due
// 2025-08-31); 测官渡联席会议 (官渡街道党工委)
// with 测官渡事项 owned by 测官渡单位; an open whistle of 迎宾社区 (测井盖,
// 测迎宾单位 summoned for 24 hours); the campaign 测打击盗窃 in 河东街道.
// "liaison" is 测迎宾单位's liaison, "liaison2" 测官渡单位's.
func coordinationWorld(t testing.TB, f *fixture) {
	ctx := context.Background()
	d := date.MustParse
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.Org("官渡街道党工委", "官渡街道", area.WorkingCommittee, d("2016-01-01"))
	for name, community := range map[string]string{"测迎宾单位": "迎宾社区", "测官渡单位": "官渡社区"} {
		f.IDs[name] = must(f.App.People.CreateUnit(ctx, people.UnitInput{Name: name, Kind: people.PublicInstitution, Rank: people.Section,
			AreaID: f.ID(community), On: d("2019-01-01")}))
	}
	s := f.App.Coordination
	hd := must(s.CreateConference(ctx, coordination.ConferenceInput{Name: "测河东联席会议", Kind: coordination.PartyBuilding, OrgID: f.ID("河东街道党委"), On: d("2020-01-01")}))
	f.IDs["测河东联席会议"] = hd
	must(s.AddMember(ctx, coordination.MemberInput{ConferenceID: hd, UnitID: f.IDs["测迎宾单位"], Role: coordination.Member, On: d("2020-01-01")}))
	must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: hd, HeldOn: d("2025-03-01"), Topic: "测议题", Actions: []coordination.ActionInput{
		{Title: "测单位事项", OwnerUnitID: f.IDs["测迎宾单位"], DueOn: d("2025-05-31")},
		{Title: "测科室事项", OwnerName: "街道城管科", DueOn: d("2025-07-10")},
		{Title: "测新事项", OwnerUnitID: f.IDs["测迎宾单位"], DueOn: d("2025-08-31")}}}))
	gd := must(s.CreateConference(ctx, coordination.ConferenceInput{Name: "测官渡联席会议", Kind: coordination.PublicOrder, OrgID: f.IDs["官渡街道党工委"], On: d("2021-01-01")}))
	f.IDs["测官渡联席会议"] = gd
	must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: gd, HeldOn: d("2025-04-01"), Topic: "测治安", Actions: []coordination.ActionInput{
		{Title: "测官渡事项", OwnerUnitID: f.IDs["测官渡单位"], DueOn: d("2025-09-30")}}}))
	for _, title := range []string{"测单位事项", "测科室事项", "测新事项", "测官渡事项"} {
		var id int64
		if err := f.DB.Reader().QueryRowContext(ctx, "SELECT id FROM agreed_action WHERE title = ?", title).Scan(&id); err != nil {
			t.Fatal(err)
		}
		f.IDs[title] = id
	}
	raised := time.Date(2025, 6, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	f.IDs["测井盖"] = must(s.RaiseWhistle(ctx, coordination.WhistleInput{AreaID: f.ID("迎宾社区"), Subject: "测井盖", RaisedAt: raised,
		Parties: []coordination.PartyInput{{UnitID: f.IDs["测迎宾单位"], DeadlineHours: 24}}}))
	if err := f.DB.Reader().QueryRowContext(ctx, "SELECT id FROM whistle_party WHERE whistle_id = ?", f.IDs["测井盖"]).Scan(new(int64)); err != nil {
		t.Fatal(err)
	}
	var party int64
	_ = f.DB.Reader().QueryRowContext(ctx, "SELECT id FROM whistle_party WHERE whistle_id = ?", f.IDs["测井盖"]).Scan(&party)
	f.IDs["测井盖报到"] = party
	f.IDs["测打击盗窃"] = must(s.CreateCampaign(ctx, coordination.CampaignInput{Name: "测打击盗窃", Kind: "theft", AreaID: f.ID("河东街道"), ConferenceID: hd,
		StartedOn: d("2025-02-01"), Units: []int64{f.IDs["测迎宾单位"]}, Measures: []coordination.Measure{{Name: "破获案件", Quantity: 14, Unit: "起"}}}))
	f.Caller("liaison", auth.Unit, "测迎宾单位", true)
	f.Caller("liaison2", auth.Unit, "测官渡单位", true)
}

var coordinationScenarios = []scenario{
	// Conferences.
	{Name: "the conferences of 河东街道", As: "hedong", Path: "/api/v1/conferences", Status: 200,
		Want: []string{`"name":"测河东联席会议","kind":"party_building"`, `"members":1,"sessions":1`}, Not: []string{"测官渡联席会议"}},
	{Name: "the conferences under 官渡街道", Path: "/api/v1/conferences?area=官渡街道", Status: 200,
		Want: []string{`"name":"测官渡联席会议"`}, Not: []string{"测河东联席会议"}},
	{Name: "conferences of an area outside the subtree", As: "hedong", Path: "/api/v1/conferences?area={官渡街道}", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "a conference", As: "viewer", Path: "/api/v1/conferences/{测河东联席会议}", Status: 200,
		Want: []string{`"org_name":"河东街道党委"`, `"unit_name":"测迎宾单位","role":"member"`, `"topic":"测议题"`, `"title":"测单位事项"`, `"name":"测打击盗窃"`}},
	{Name: "a conference outside the subtree", As: "hedong", Path: "/api/v1/conferences/{测官渡联席会议}", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "an unknown conference", Path: "/api/v1/conferences/99999", Status: 404, Want: []string{`"code":"conference_unknown"`}},
	{Name: "a unit liaison reads no conference", As: "liaison", Path: "/api/v1/conferences/{测河东联席会议}", Status: 403, Want: []string{`"code":"forbidden"`}},
	{Name: "a conference's members", Path: "/api/v1/conferences/{测河东联席会议}/members", Status: 200,
		Want: []string{`{"members":[{"unit_id":{测迎宾单位},"unit_name":"测迎宾单位","role":"member","from":"2020-01-01"}]}`}},
	{Name: "a conference's sessions", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 200,
		Want: []string{`"held_on":"2025-03-01","topic":"测议题","tags":[],"units_present":0,"people_present":0,"actions":3`}},
	{Name: "a conference's open actions", Path: "/api/v1/conferences/{测河东联席会议}/actions", Status: 200,
		InOrder: []string{`"title":"测单位事项"`, `"title":"测科室事项"`}, Not: []string{"测官渡事项"}},
	{Name: "a conference's campaigns", Path: "/api/v1/conferences/{测河东联席会议}/campaigns", Status: 200,
		Want: []string{`"name":"测打击盗窃","kind":"theft","started_on":"2025-02-01"`}},

	// Sessions.
	{Name: "record a session with its actions", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 201,
		Body: `{"held_on":"2025-06-20","topic":"测夏季","tags":["regional"],"units_present":[{测迎宾单位}],"people_present":9,` +
			`"actions":[{"title":"测夏季事项","owner_unit_id":{测迎宾单位},"due_on":"2025-08-31"}]}`,
		Want: []string{`"conference_id":{测河东联席会议}`, `"title":"测夏季事项"`, `"owner_name":"测迎宾单位"`, `"agreed_on":"2025-06-20","due_on":"2025-08-31","status":"open","progress":0`}},
	{Name: "a session dated before the conference", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 422,
		Body: `{"held_on":"2019-06-20","topic":"测"}`, Want: []string{`"field":"held_on"`, `"code":"session_before_conference"`}},
	{Name: "a session with an action due before it", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 422,
		Body: `{"held_on":"2025-06-20","topic":"测","actions":[{"title":"测","owner_name":"科","due_on":"2025-06-01"}]}`, Want: []string{`"field":"actions[0].due_on"`}},
	{Name: "a session with a bad date", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 422,
		Body: `{"held_on":"2025-13-01","topic":"测"}`, Want: []string{`"field":"held_on"`}},
	{Name: "a session with a field of the wrong type", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 400,
		Body: `{"held_on":"2025-06-01","topic":"测","people_present":"many"}`, Want: []string{`"field":"people_present"`}},
	{Name: "a session of a unit not a member", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 422,
		Body: `{"held_on":"2025-06-01","topic":"测","units_present":[{测官渡单位}]}`, Want: []string{`"field":"units_present"`}},
	{Name: "a session of a conference outside the subtree", As: "hedong", Method: "POST", Path: "/api/v1/conferences/{测官渡联席会议}/sessions", Status: 403,
		Body: `{"held_on":"2025-06-01","topic":"测"}`},
	{Name: "a viewer records no session", As: "viewer", Method: "POST", Path: "/api/v1/conferences/{测河东联席会议}/sessions", Status: 403,
		Body: `{"held_on":"2025-06-01","topic":"测"}`, Want: []string{`"code":"forbidden"`}},

	// Actions.
	{Name: "the overdue actions of 河东街道", As: "hedong", Path: "/api/v1/actions?due=overdue", Status: 200,
		Want: []string{`"title":"测单位事项"`}, Not: []string{"测科室事项", "测官渡事项"}},
	{Name: "the actions due soon", Path: "/api/v1/actions?due=soon&area=河东街道", Status: 200,
		Want: []string{`"title":"测科室事项"`}, Not: []string{"测单位事项", "测官渡事项"}},
	{Name: "the actions of an owner", Path: "/api/v1/actions?owner={测官渡单位}", Status: 200,
		Want: []string{`"title":"测官渡事项"`}, Not: []string{"测单位事项"}},
	{Name: "the actions of a department", Path: "/api/v1/actions?owner_name=街道城管科", Status: 200,
		Want: []string{`"title":"测科室事项"`}, Not: []string{"测单位事项", "测官渡事项", "测新事项"}},
	{Name: "the actions of a conference, one a page", Path: "/api/v1/actions?conference={测河东联席会议}&limit=1", Status: 200,
		Want: []string{`"title":"测单位事项"`, `"next":{测单位事项}`}, Not: []string{"测科室事项"}},
	{Name: "the actions with a bad due filter", Path: "/api/v1/actions?due=later", Status: 422, Want: []string{`"field":"due"`}},
	{Name: "the actions with a bad limit", Path: "/api/v1/actions?limit=0", Status: 422, Want: []string{`"field":"limit"`}},
	{Name: "the actions of a conference outside", As: "hedong", Path: "/api/v1/actions?conference={测官渡联席会议}", Status: 403},
	{Name: "an action outside the subtree", As: "hedong", Path: "/api/v1/actions/{测官渡事项}", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "record progress", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/progress", Status: 200,
		Body: `{"on":"2025-06-10","progress":60,"status":"in_progress","note":"已完成招标"}`,
		Want: []string{`"status":"in_progress","progress":60`, `"timeline":[{"id":`, `"on":"2025-06-10","progress":60,"status":"in_progress","note":"已完成招标"}`}},
	{Name: "progress going back without a note", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/progress", Status: 422,
		Body: `{"on":"2025-06-12","progress":40}`, Want: []string{`"field":"note"`}},
	{Name: "progress above 100", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/progress", Status: 422,
		Body: `{"on":"2025-06-12","progress":120}`, Want: []string{`"field":"progress"`}},
	{Name: "progress with an unknown field", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/progress", Status: 400,
		Body: `{"on":"2025-06-12","progress":70,"percent":70}`, Want: []string{`"field":"percent"`}},
	{Name: "break an action down", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/parts", Status: 201,
		Body: `{"on":"2025-06-11","title":"测分项","owner_name":"街道城管科","due_on":"2025-07-01"}`,
		Want: []string{`"title":"测分项"`, `"parent_id":{测科室事项}`}},
	{Name: "a part due after its parent", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测科室事项}/parts", Status: 422,
		Body: `{"on":"2025-06-11","title":"测","owner_name":"科","due_on":"2025-12-01"}`, Want: []string{`"field":"due_on"`}},
	{Name: "an action with its parts and timeline", Path: "/api/v1/actions/{测科室事项}", Status: 200,
		Want: []string{`"conference_id":{测河东联席会议}`, `"parts":[{"id":`, `"title":"测分项"`, `"timeline":[{`}},
	{Name: "done", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测单位事项}/progress", Status: 200,
		Body: `{"on":"2025-06-15","progress":100,"status":"done","result":"已修复"}`,
		Want: []string{`"status":"done","progress":100,"closed_on":"2025-06-15","result":"已修复"`}},
	{Name: "a done action takes no more", As: "hedong", Method: "POST", Path: "/api/v1/actions/{测单位事项}/progress", Status: 409,
		Body: `{"on":"2025-06-20","progress":100}`, Want: []string{`"code":"action_closed"`}},

	// The action sheet (the round trip is TestActionSheetAPI).
	{Name: "export the action sheet of 河东街道", As: "hedong", Path: "/api/v1/actions/export?format=csv", Status: 200,
		Want: []string{"事项编号,来源,议定事项,承办单位,议定日期,办结期限,办理状态,进度（%）,进展日期,进展情况,办理结果", "测河东联席会议,测科室事项,街道城管科"},
		Not:  []string{"测官渡事项"}, Headers: map[string]string{"Content-Type": "text/csv; charset=utf-8"}},
	{Name: "export the actions due soon in English", Path: "/api/v1/actions/export?format=csv&due=soon&lang=en", Status: 200,
		Want: []string{"Action no.,Source,Action,Owner", "测科室事项", "in progress,0,2025-06-10,已完成招标"}, Not: []string{"测单位事项", "测新事项"}},
	{Name: "export in a bad format", Path: "/api/v1/actions/export?format=pdf", Status: 422, Want: []string{`"field":"format"`}},
	{Name: "export an area outside", As: "hedong", Path: "/api/v1/actions/export?area={官渡街道}", Status: 403},
	{Name: "import without a file", As: "hedong", Method: "POST", Path: "/api/v1/actions/import", Body: `{}`, Status: 422, Want: []string{`"field":"file"`}},
	{Name: "a viewer imports nothing", As: "viewer", Method: "POST", Path: "/api/v1/actions/import", Body: `{}`, Status: 403},

	// A unit liaison's actions.
	{Name: "the liaison reads their unit's actions", As: "liaison", Path: "/api/v1/units/{测迎宾单位}/actions", Status: 200,
		InOrder: []string{`"title":"测新事项"`, `"title":"测夏季事项"`, `"title":"测单位事项"`}, Not: []string{"测科室事项", "测官渡事项"}},
	{Name: "the liaison reads no other unit's", As: "liaison", Path: "/api/v1/units/{测官渡单位}/actions", Status: 403, Want: []string{`"code":"forbidden"`}},
	{Name: "a subdistrict reads a unit of its subtree", As: "hedong", Path: "/api/v1/units/{测迎宾单位}/actions", Status: 200, Want: []string{`"title":"测新事项"`}},
	{Name: "a subdistrict reads no unit outside", As: "hedong", Path: "/api/v1/units/{测官渡单位}/actions", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "the liaison updates their unit's action", As: "liaison", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/actions/{测新事项}/progress", Status: 200,
		Body: `{"on":"2025-06-25","progress":30,"note":"已进场"}`, Want: []string{`"title":"测新事项"`, `"progress":30`, `"note":"已进场"`}},
	{Name: "the liaison of another unit is refused", As: "liaison2", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/actions/{测新事项}/progress", Status: 403,
		Body: `{"on":"2025-06-26","progress":50}`, Want: []string{`"code":"forbidden"`}},
	{Name: "the liaison cannot reach a department's action", As: "liaison", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/actions/{测科室事项}/progress", Status: 404,
		Body: `{"on":"2025-06-26","progress":80}`, Want: []string{`"field":"action_id"`, `"code":"action_not_unit_owned"`}},
	{Name: "the liaison cannot reach another unit's action through their own", As: "liaison", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/actions/{测官渡事项}/progress", Status: 404,
		Body: `{"on":"2025-06-26","progress":80}`, Want: []string{`"field":"action_id"`}},
	{Name: "the liaison has no other action route", As: "liaison", Method: "POST", Path: "/api/v1/actions/{测新事项}/progress", Status: 403,
		Body: `{"on":"2025-06-26","progress":80}`},
	{Name: "a viewer updates no unit action", As: "viewer", Method: "POST", Path: "/api/v1/units/{测迎宾单位}/actions/{测新事项}/progress", Status: 403,
		Body: `{"on":"2025-06-26","progress":80}`},

	// Whistles.
	{Name: "the open whistles", As: "yingbin", Path: "/api/v1/whistles", Status: 200,
		Want: []string{`"subject":"测井盖"`, `"name":"测迎宾单位"`, `"late":true,"minutes_left":0`}},
	{Name: "raise a whistle", As: "yingbin", Method: "POST", Path: "/api/v1/whistles", Status: 201,
		Body: `{"area_id":{迎宾社区},"subject":"测违建","raised_at":"2025-06-29T10:00:00+08:00","parties":[{"department":"规划所","deadline_hours":12},{"unit_id":{测迎宾单位},"deadline_hours":48}]}`,
		Want: []string{`"subject":"测违建"`, `"name":"规划所"`, `"deadline":"2025-06-29T14:00:00Z"`}, Headers: map[string]string{"Location": "/api/v1/whistles/"}},
	{Name: "a whistle with a bad time", As: "yingbin", Method: "POST", Path: "/api/v1/whistles", Status: 422,
		Body: `{"area_id":{迎宾社区},"subject":"测","raised_at":"yesterday","parties":[{"department":"所","deadline_hours":1}]}`, Want: []string{`"field":"raised_at"`}},
	{Name: "a whistle with a bad deadline", As: "yingbin", Method: "POST", Path: "/api/v1/whistles", Status: 422,
		Body: `{"area_id":{迎宾社区},"subject":"测","raised_at":"2025-06-29T10:00:00+08:00","parties":[{"department":"所","deadline_hours":0}]}`, Want: []string{`"field":"parties[0].deadline_hours"`}},
	{Name: "a whistle of an area outside", As: "yingbin", Method: "POST", Path: "/api/v1/whistles", Status: 403,
		Body: `{"area_id":{官渡社区},"subject":"测","raised_at":"2025-06-29T10:00:00+08:00","parties":[{"department":"所","deadline_hours":1}]}`, Want: []string{`"field":"area_id"`}},
	{Name: "a whistle", Path: "/api/v1/whistles/{测井盖}", Status: 200, Want: []string{`"subject":"测井盖"`, `"raised_at":"2025-06-01T01:00:00Z"`}},
	{Name: "a whistle outside", As: "yingbin", Path: "/api/v1/whistles/99999", Status: 403},
	{Name: "a report-in before the whistle", As: "yingbin", Method: "POST", Path: "/api/v1/whistle-parties/{测井盖报到}/report-in", Status: 422,
		Body: `{"reported_at":"2025-05-31T09:00:00+08:00"}`, Want: []string{`"field":"reported_at"`}},
	{Name: "a late report-in", As: "yingbin", Method: "POST", Path: "/api/v1/whistle-parties/{测井盖报到}/report-in", Status: 200,
		Body: `{"reported_at":"2025-06-03T09:00:00+08:00"}`, Want: []string{`"reported_at":"2025-06-03T01:00:00Z"`, `"late":true`}},
	{Name: "a second report-in", As: "yingbin", Method: "POST", Path: "/api/v1/whistle-parties/{测井盖报到}/report-in", Status: 409,
		Body: `{"reported_at":"2025-06-04T09:00:00+08:00"}`},
	{Name: "a score outside 1–5", As: "yingbin", Method: "POST", Path: "/api/v1/whistle-parties/{测井盖报到}/score", Status: 422,
		Body: `{"score":6}`, Want: []string{`"field":"score"`}},
	{Name: "a score", As: "yingbin", Method: "POST", Path: "/api/v1/whistle-parties/{测井盖报到}/score", Status: 200,
		Body: `{"score":3}`, Want: []string{`"score":3`}},
	{Name: "the whistle becomes an action", As: "yingbin", Method: "POST", Path: "/api/v1/whistles/{测井盖}/actions", Status: 201,
		Body: `{"on":"2025-06-02","title":"测补装井盖","owner_unit_id":{测迎宾单位},"due_on":"2025-07-01"}`, Want: []string{`"actions":[{"id":`, `"title":"测补装井盖"`}},
	{Name: "resolved before it was raised", As: "yingbin", Method: "POST", Path: "/api/v1/whistles/{测井盖}/resolve", Status: 422,
		Body: `{"on":"2025-05-01"}`, Want: []string{`"field":"on"`}},
	{Name: "resolve", As: "yingbin", Method: "POST", Path: "/api/v1/whistles/{测井盖}/resolve", Status: 200,
		Body: `{"on":"2025-06-10"}`, Want: []string{`"resolved_on":"2025-06-10"`}},
	{Name: "a resolved whistle leaves the open list", As: "yingbin", Path: "/api/v1/whistles", Status: 200, Want: []string{`"subject":"测违建"`}, Not: []string{"测井盖"}},

	// Campaigns.
	{Name: "the campaigns", As: "hedong", Path: "/api/v1/campaigns", Status: 200, Want: []string{`"name":"测打击盗窃","kind":"theft"`, `"area_name":"河东街道"`}},
	{Name: "the campaigns under 官渡街道", Path: "/api/v1/campaigns?area=官渡街道", Status: 200, Want: []string{`{"campaigns":[]}`}},
	{Name: "a campaign", As: "viewer", Path: "/api/v1/campaigns/{测打击盗窃}", Status: 200,
		Want: []string{`"units":[{"id":{测迎宾单位},"name":"测迎宾单位"}]`, `"measures":[{"name":"破获案件","quantity":14,"unit":"起"}]`}},
	{Name: "record a campaign with results", As: "hedong", Method: "POST", Path: "/api/v1/campaigns", Status: 201,
		Body: `{"name":"测整治脏乱差","kind":"sanitation","area_id":{迎宾社区},"started_on":"2025-04-01","ended_on":"2025-05-01","units":[{测迎宾单位}],"measures":[{"name":"清理垃圾","quantity":120.5,"unit":"吨"}]}`,
		Want: []string{`"name":"测整治脏乱差"`, `"quantity":120.5`}, Headers: map[string]string{"Location": "/api/v1/campaigns/"}},
	{Name: "a campaign of a bad kind", As: "hedong", Method: "POST", Path: "/api/v1/campaigns", Status: 422,
		Body: `{"name":"测","kind":"war","area_id":{迎宾社区},"started_on":"2025-04-01"}`, Want: []string{`"field":"kind"`}},
	{Name: "a campaign with a negative measure", As: "hedong", Method: "POST", Path: "/api/v1/campaigns", Status: 422,
		Body: `{"name":"测","kind":"vice","area_id":{迎宾社区},"started_on":"2025-04-01","measures":[{"name":"测","quantity":-1}]}`, Want: []string{`"field":"measures[0].quantity"`}},
	{Name: "a campaign of a unit not stationed there", As: "hedong", Method: "POST", Path: "/api/v1/campaigns", Status: 422,
		Body: `{"name":"测","kind":"vice","area_id":{迎宾社区},"started_on":"2025-04-01","units":[{测官渡单位}]}`, Want: []string{`"field":"units"`}},
	{Name: "a campaign outside the subtree", As: "hedong", Method: "POST", Path: "/api/v1/campaigns", Status: 403,
		Body: `{"name":"测","kind":"vice","area_id":{官渡社区},"started_on":"2025-04-01"}`, Want: []string{`"field":"area_id"`}},
	{Name: "a campaign outside", As: "hedong", Path: "/api/v1/campaigns/99999", Status: 403},
}
