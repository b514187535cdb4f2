package coordination_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

func d(s string) date.Date { return date.MustParse(s) }

// at is a moment in China Standard Time.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.FixedZone("CST", 8*3600))
	if err != nil {
		panic(err)
	}
	return t
}

// partTwo is the hand-built dataset of the figures test, on testkit's small
// district (示范区: 河东街道 {迎宾, 宾南, 河滨}, 官渡街道 {官渡}).
type partTwo struct {
	*testkit.World
	s     *coordination.Store
	units map[string]int64
}

func newPartTwo(t *testing.T, dbh *db.DB) *partTwo {
	t.Helper()
	w := testkit.New(t, dbh, testkit.Options{Today: d("2025-06-30")})
	w.Org("官渡街道党工委", "官渡街道", area.WorkingCommittee, d("2016-01-01"))
	p := &partTwo{World: w, s: w.App.Coordination, units: map[string]int64{}}
	ctx := context.Background()
	for name, community := range map[string]string{"U1 房管所": "迎宾社区", "U2 党校": "宾南社区", "U4 供电所": "官渡社区"} {
		id, err := w.App.People.CreateUnit(ctx, people.UnitInput{Name: name, Kind: people.PublicInstitution, Rank: people.Section,
			AreaID: w.ID(community), On: d("2019-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		p.units[name] = id
	}
	return p
}

func (p *partTwo) must(id int64, err error) int64 {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
	return id
}

func (p *partTwo) ok(err error) {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
}

// build writes the dataset through the store; the figures' answers for
// 2024 are written in TestPartTwoFigures.
func (p *partTwo) build() {
	ctx := context.Background()
	s := p.s
	// 河东: the party-building conference, two member units.
	a := p.must(s.CreateConference(ctx, coordination.ConferenceInput{Name: "河东街道社区党建工作联席会议", Kind: coordination.PartyBuilding,
		OrgID: p.ID("河东街道党委"), On: d("2020-01-01")}))
	p.must(s.AddMember(ctx, coordination.MemberInput{ConferenceID: a, UnitID: p.units["U1 房管所"], Role: coordination.DeputyConvener, On: d("2020-01-01")}))
	p.must(s.AddMember(ctx, coordination.MemberInput{ConferenceID: a, UnitID: p.units["U2 党校"], Role: coordination.Member, On: d("2020-01-01")}))
	// 迎宾: a public-order conference that ended before the period.
	b := p.must(s.CreateConference(ctx, coordination.ConferenceInput{Name: "迎宾社区治安联席会议", Kind: coordination.PublicOrder,
		OrgID: p.ID("迎宾社区党支部"), On: d("2021-06-01")}))
	p.must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: b, HeldOn: d("2022-05-01"), Topic: "夏季治安"}))
	p.ok(s.EndConference(ctx, b, d("2023-12-31")))
	// 官渡: a conference with one member and one session, no actions.
	c := p.must(s.CreateConference(ctx, coordination.ConferenceInput{Name: "官渡街道社区党建工作联席会议", Kind: coordination.PartyBuilding,
		OrgID: p.ID("官渡街道党工委"), On: d("2022-01-01")}))
	p.must(s.AddMember(ctx, coordination.MemberInput{ConferenceID: c, UnitID: p.units["U4 供电所"], Role: coordination.Member, On: d("2022-01-01")}))
	p.must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: c, HeldOn: d("2024-05-05"), Topic: "共建项目"}))

	act := func(title, due string) coordination.ActionInput {
		return coordination.ActionInput{Title: title, OwnerName: "街道城管科", DueOn: d(due)}
	}
	// 2023-11-01: a5 (dropped before due), a6 (done on time in 2024).
	p.must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: a, HeldOn: d("2023-11-01"), Topic: "冬季供暖",
		Actions: []coordination.ActionInput{act("a5", "2024-01-31"), act("a6", "2024-02-28")}}))
	// 2024-03-10: a1 on time, a2 late, a3 open and overdue (with a part).
	p.must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: a, HeldOn: d("2024-03-10"), Topic: "背街小巷整治",
		Tags: []string{"regional", "public_welfare"}, UnitsPresent: []int64{p.units["U1 房管所"]}, PeoplePresent: 12,
		Actions: []coordination.ActionInput{act("a1", "2024-04-30"), act("a2", "2024-05-31"), act("a3", "2024-06-30")}}))
	// 2024-09-01: a4, due after the period.
	p.must(s.RecordSession(ctx, coordination.SessionInput{ConferenceID: a, HeldOn: d("2024-09-01"), Topic: "安全生产",
		Actions: []coordination.ActionInput{{Title: "a4", OwnerUnitID: p.units["U2 党校"], DueOn: d("2025-03-01")}}}))
	ids := p.actionIDs()
	update := func(title, on string, status coordination.ActionStatus) {
		p.ok(s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids[title], On: d(on), Progress: 100, Status: status}))
	}
	update("a5", "2024-01-15", coordination.Dropped)
	update("a6", "2024-02-20", coordination.Done)
	update("a1", "2024-04-20", coordination.Done)
	update("a2", "2024-06-15", coordination.Done)
	p.must(s.AddSubAction(ctx, coordination.SubActionInput{ParentID: ids["a3"], On: d("2024-04-01"), Action: act("a3 的一部分", "2024-06-01")}))

	// Whistles: 迎宾 (one party on time, one late) becoming an action that
	// is overdue; 官渡社区 (one party never reported).
	w1 := p.must(s.RaiseWhistle(ctx, coordination.WhistleInput{AreaID: p.ID("迎宾社区"), Subject: "井盖缺失", RaisedAt: at("2024-07-01 09:00"),
		Parties: []coordination.PartyInput{{UnitID: p.units["U1 房管所"], DeadlineHours: 24}, {Department: "城管科", DeadlineHours: 48}}}))
	parties := p.partyIDs(w1)
	p.ok(s.ReportIn(ctx, parties[0], at("2024-07-02 05:00")))
	p.ok(s.ReportIn(ctx, parties[1], at("2024-07-03 11:00")))
	p.must(s.WhistleAction(ctx, w1, d("2024-07-02"), act("补装井盖", "2024-08-01")))
	p.must(s.RaiseWhistle(ctx, coordination.WhistleInput{AreaID: p.ID("官渡社区"), Subject: "违章搭建", RaisedAt: at("2024-10-10 14:00"),
		Parties: []coordination.PartyInput{{Department: "规划所", DeadlineHours: 12}}}))

	// Campaigns: 2024 in 河东, 2023 district-wide (outside the period),
	// an open one in 官渡社区.
	p.must(s.CreateCampaign(ctx, coordination.CampaignInput{Name: "打击盗窃专项行动", Kind: "theft", AreaID: p.ID("河东街道"), ConferenceID: a,
		StartedOn: d("2024-02-01"), EndedOn: d("2024-03-01"), Units: []int64{p.units["U1 房管所"]},
		Measures: []coordination.Measure{{Name: "破获案件", Quantity: 14, Unit: "起"}}}))
	p.must(s.CreateCampaign(ctx, coordination.CampaignInput{Name: "整治脏乱差", Kind: "sanitation", AreaID: p.ID("示范区"),
		StartedOn: d("2023-01-01"), EndedOn: d("2023-06-01")}))
	p.must(s.CreateCampaign(ctx, coordination.CampaignInput{Name: "防制狂犬病", Kind: "rabies", AreaID: p.ID("官渡社区"), StartedOn: d("2024-11-01")}))
}

func (p *partTwo) actionIDs() map[string]int64 {
	p.T.Helper()
	rows, err := p.DB.Reader().QueryContext(context.Background(), "SELECT title, id FROM agreed_action")
	if err != nil {
		p.T.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var title string
		var id int64
		p.ok(rows.Scan(&title, &id))
		out[title] = id
	}
	return out
}

func (p *partTwo) partyIDs(whistle int64) []int64 {
	p.T.Helper()
	rows, err := p.DB.Reader().QueryContext(context.Background(), "SELECT id FROM whistle_party WHERE whistle_id = ? ORDER BY id", whistle)
	if err != nil {
		p.T.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		p.ok(rows.Scan(&id))
		out = append(out, id)
	}
	return out
}

// TestPartTwoFigures: every figure of part two against the dataset, for
// the district and a subdistrict in 2024; the answers are counted by hand
// from build's comments.
func TestPartTwoFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		want := map[string][2]float64{ // 示范区, 河东街道
			"conferences.total":                {2, 1},
			"conferences.member_units":         {3, 2},
			"conferences.subdistricts_holding": {2, 1},
			"sessions.held":                    {3, 2},
			"actions.agreed":                   {4, 4},
			"actions.done":                     {3, 3},
			"actions.done_on_time_rate":        {40, 40}, // a1, a6 of a1, a2, a3, a6 and the whistle's 补装井盖
			"actions.overdue":                  {2, 2},
			"whistles.raised":                  {2, 1},
			"whistles.reported_on_time_rate":   {33.3, 50},
			"campaigns.total":                  {2, 1},
		}
		for i, scope := range []string{"示范区", "河东街道"} {
			s := figures.Scope{AreaID: p.ID(scope), From: d("2024-01-01"), To: d("2024-12-31")}
			for key, w := range want {
				f := figures.Get(key)
				if f == nil {
					t.Fatalf("%s is not registered", key)
				}
				got, err := f.Compute(context.Background(), dbh.Reader(), s)
				if err != nil {
					t.Fatalf("%s: %v", key, err)
				}
				if fmt.Sprintf("%.1f", got) != fmt.Sprintf("%.1f", w[i]) {
					t.Errorf("%s in %s: %v, want %v", key, scope, got, w[i])
				}
				recs, err := f.Records(context.Background(), dbh.Reader(), s)
				if err != nil || (w[i] > 0 && len(recs) == 0) {
					t.Errorf("%s in %s: %d records, %v", key, scope, len(recs), err)
				}
			}
		}
		// The maintained counts give every figure the rows give, for every
		// area, on and around each day the dataset changes something.
		t.Logf("%d scopes and periods compared", testkit.CheckTallied(t, dbh, testkit.TalliedPeriods(2022, 2025,
			"2023-06-01", "2023-11-01", "2024-01-15", "2024-02-01", "2024-02-20", "2024-03-01", "2024-03-10", "2024-04-01",
			"2024-04-20", "2024-05-05", "2024-06-01", "2024-06-15", "2024-07-01", "2024-07-02", "2024-07-03", "2024-08-01",
			"2024-09-01", "2024-10-10", "2024-11-01", "2025-03-01", "2025-06-30")))
	})
}
