package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/coordination"
	"dangjian/internal/date"
)

// loadCoordination records part two of the demo (leadership and
// coordination) through coordination.Store: 河东街道社区党建工作联席会议,
// convened by 河东街道党工委 after its re-formation two years ago with the
// party organisations of the units stationed in its communities, meeting
// every quarter and agreeing actions (done on time, done late, open and
// overdue); the conferences 官渡, 新华 and 红旗 set up after theirs last year,
// on community work and on public order; whistles answered on time and
// late; campaigns of the seed's kinds with their results. Every part-two
// figure is non-zero for the current year and for the last five years.
func loadCoordination(ctx context.Context, b *builder, units map[string]int64, on func(back int, m time.Month, d int) date.Date) error {
	s := coordination.NewStore(b.s.DB, b.s)
	s.Today = b.s.Today
	c := &coordBuilder{ctx: ctx, s: s, on: on}

	hedong := c.conference("河东街道社区党建工作联席会议", coordination.PartyBuilding, b.ids["河东街道党工委"], on(2, 3, 10))
	var present []int64 // the units that come to its sessions; 示范市园林局 is often absent
	for i, u := range []string{"示范市委党校", "示范市房管所", "示范区房管所", "示范市规划设计院", "示范区人民医院", "示范市园林局"} {
		role := coordination.Member
		if i == 0 {
			role = coordination.DeputyConvener
		}
		c.member(hedong, units[u], role, on(2, 3, 10))
		if i < 5 {
			present = append(present, units[u])
		}
	}
	others := map[string][]string{"官渡": {"示范商贸有限公司"}, "新华": {"示范市测绘院"}, "红旗": {"示范区第二小学"}}
	conf := map[string]int64{"河东": hedong}
	for _, sd := range []string{"官渡", "新华", "红旗"} {
		conf[sd] = c.conference(sd+"街道社区党建工作联席会议", coordination.PartyBuilding, b.ids[sd+"街道党工委"], on(1, 4, 10))
		for _, u := range others[sd] {
			c.member(conf[sd], units[u], coordination.Member, on(1, 4, 10))
		}
	}
	order := c.conference("官渡街道社会治安综合治理联席会议", coordination.PublicOrder, b.ids["官渡街道党工委"], on(1, 5, 1))
	// 迎宾社区's own: the branch and the units stationed in the community.
	yingbin := c.conference("迎宾社区共驻共建联席会议", coordination.OtherKind, b.ids["迎宾社区党支部"], on(1, 4, 15))
	for _, u := range []string{"示范市规划设计院", "示范市房管所"} {
		c.member(yingbin, units[u], coordination.Member, on(1, 4, 15))
	}
	c.present = []int64{units["示范市规划设计院"]}
	c.session(yingbin, on(1, 5, 10), "迎宾一巷路面硬化", []string{"regional", "mass"}, 9,
		c.act("协调规划、设计、供水、园林、测绘部门义务服务", "示范市规划设计院", units["示范市规划设计院"], on(1, 6, 10)))

	// 河东 meets every quarter from its first spring; each session agrees
	// actions due some six weeks later. The ones due before this year were
	// done, mostly on time; this year's first is done on time, the second
	// late, the third still open and overdue.
	for back := 2; back >= 0; back-- {
		for q := 0; q < 4; q++ {
			held := on(back, time.Month(1+3*q), 20)
			if back == 2 && q == 0 || held.Before(on(2, 3, 10)) {
				continue
			}
			if back == 0 && q > 0 {
				break
			}
			topic := []string{"背街小巷环境整治", "老旧小区停车管理", "共驻共建项目协调", "冬季安全生产"}[q]
			c.present = present[:3+q%3]
			id := c.session(hedong, held, topic, []string{"regional", "public_welfare"}, 30+q,
				c.act(fmt.Sprintf("%s：清理楼道堆物", topic), "示范区房管所", units["示范区房管所"], held.AddDays(40)),
				c.act(fmt.Sprintf("%s：修复路灯", topic), "街道城管科", 0, held.AddDays(71)),
				c.act(fmt.Sprintf("%s：设立便民服务点", topic), "示范市委党校", units["示范市委党校"], held.AddDays(101)))
			acts := c.actions(id)
			if c.err != nil {
				return c.err
			}
			switch {
			case back > 0:
				c.done(acts[0], held.AddDays(30))
				c.done(acts[1], held.AddDays(60))
				c.done(acts[2], held.AddDays(120)) // late
			default:
				c.done(acts[0], on(0, 2, 25))
				c.progress(acts[1], on(0, 3, 15), 60)
				c.done(acts[1], on(0, 4, 20)) // late: due 71 days after 20 January
				c.progress(acts[2], on(0, 3, 20), 30)
			}
		}
	}
	c.present = nil
	// 官渡, 新华 and 红旗 follow 河东: their conferences first meet last
	// autumn and again this January.
	for i, sd := range []string{"官渡", "新华", "红旗"} {
		first := on(1, 9, 15+i)
		id := c.session(conf[sd], first, "学习河东街道联席会议做法", []string{"regional", "social"}, 15,
			c.act("建立驻区单位联系制度", sd+"街道党工委办公室", 0, first.AddDays(45)))
		c.done(c.actions(id)[0], first.AddDays(40))
		held := on(0, 1, 25)
		id = c.session(conf[sd], held, "社区党建工作情况通报", []string{"social", "mass"}, 18,
			c.act("走访驻区单位，征集共建需求", sd+"街道党工委办公室", 0, held.AddDays(30)))
		c.done(c.actions(id)[0], held.AddDays(20))
	}
	c.session(order, on(1, 6, 5), "夏季治安防范", []string{"social"}, 22)

	// Whistles: 迎宾社区 summons the 房管所 and the 城管科 (one on time, one
	// late) and makes it an action; 官渡社区 summons the 规划所, which reports in.
	raise := func(area, subject string, when date.Date, parties []coordination.PartyInput, reports ...time.Duration) int64 {
		at := time.Date(when.Year(), when.Month(), when.Day(), 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
		var id int64
		c.do("whistle "+subject, func() (err error) {
			id, err = s.RaiseWhistle(ctx, coordination.WhistleInput{AreaID: b.ids[area], Subject: subject, RaisedAt: at, Parties: parties})
			return err
		})
		for i, p := range c.parties(id) {
			if i < len(reports) && !date.Of(at.Add(reports[i])).After(b.s.Today()) {
				c.do("report in", func() error { return s.ReportIn(ctx, p, at.Add(reports[i])) })
				c.do("score", func() error { return s.Score(ctx, p, 5-i) })
			}
		}
		return id
	}
	for back := 4; back >= 0; back-- {
		w := raise("迎宾社区", "迎宾一巷井盖缺失", on(back, 2, 10), []coordination.PartyInput{
			{UnitID: units["示范区房管所"], DeadlineHours: 24}, {Department: "街道城管科", DeadlineHours: 24}}, 90*time.Minute, 30*time.Hour)
		c.do("whistle action", func() error {
			_, err := s.WhistleAction(ctx, w, on(back, 2, 11), coordination.ActionInput{Title: "补装井盖", OwnerName: "街道城管科", DueOn: on(back, 2, 28)})
			return err
		})
		raise("官渡社区", "违章搭建", on(back, 3, 5), []coordination.PartyInput{{Department: "区规划所", DeadlineHours: 48}}, 26*time.Hour)
	}

	// Campaigns of the seed's kinds, with results.
	campaign := func(name string, kind coordination.CampaignKind, area string, conference int64, from, to date.Date, ms ...coordination.Measure) {
		c.do("campaign "+name, func() error {
			_, err := s.CreateCampaign(ctx, coordination.CampaignInput{Name: name, Kind: kind, AreaID: b.ids[area], ConferenceID: conference,
				StartedOn: from, EndedOn: to, Measures: ms})
			return err
		})
	}
	campaign("防治非典专项行动", "epidemic", "示范区", 0, on(5, 4, 1), on(5, 7, 1), coordination.Measure{Name: "消毒楼道", Quantity: 1200, Unit: "个"})
	campaign("打击盗窃犯罪专项行动", "theft", "河东街道", hedong, on(2, 5, 1), on(2, 8, 1), coordination.Measure{Name: "破获案件", Quantity: 14, Unit: "起"})
	campaign("禁止黄赌毒专项行动", "vice", "红旗街道", conf["红旗"], on(1, 6, 1), on(1, 9, 1), coordination.Measure{Name: "查处场所", Quantity: 6, Unit: "处"})
	campaign("防制狂犬病专项行动", "rabies", "官渡街道", order, on(1, 9, 1), on(1, 11, 1), coordination.Measure{Name: "登记犬只", Quantity: 860, Unit: "只"})
	campaign("整治脏乱差专项行动", "sanitation", "示范区", hedong, on(0, 3, 1), date.Date{}, coordination.Measure{Name: "清理垃圾", Quantity: 120, Unit: "吨"})
	return c.err
}

// coordBuilder records the first error and skips the rest, as builder does.
type coordBuilder struct {
	ctx context.Context
	s   *coordination.Store
	on  func(back int, m time.Month, d int) date.Date
	// present are the units the next sessions record as present.
	present []int64
	err     error
}

func (c *coordBuilder) do(what string, f func() error) {
	if c.err != nil {
		return
	}
	if err := f(); err != nil {
		c.err = fmt.Errorf("demo: %s: %w", what, err)
	}
}

func (c *coordBuilder) conference(name string, kind coordination.ConferenceKind, org int64, on date.Date) (id int64) {
	c.do("conference "+name, func() (err error) {
		id, err = c.s.CreateConference(c.ctx, coordination.ConferenceInput{Name: name, Kind: kind, OrgID: org, On: on})
		return err
	})
	return id
}

func (c *coordBuilder) member(conference, unit int64, role coordination.MemberRole, on date.Date) {
	c.do("conference member", func() error {
		_, err := c.s.AddMember(c.ctx, coordination.MemberInput{ConferenceID: conference, UnitID: unit, Role: role, On: on})
		return err
	})
}

func (c *coordBuilder) act(title, owner string, unit int64, due date.Date) coordination.ActionInput {
	if unit != 0 {
		owner = ""
	}
	return coordination.ActionInput{Title: title, OwnerName: owner, OwnerUnitID: unit, DueOn: due}
}

func (c *coordBuilder) session(conference int64, held date.Date, topic string, tags []string, people int, acts ...coordination.ActionInput) (id int64) {
	c.do("session "+topic, func() (err error) {
		id, err = c.s.RecordSession(c.ctx, coordination.SessionInput{ConferenceID: conference, HeldOn: held, Topic: topic, Tags: tags,
			UnitsPresent: c.present, PeoplePresent: people, Actions: acts})
		return err
	})
	return id
}

// actions are a session's actions in the order agreed.
func (c *coordBuilder) actions(session int64) []int64 {
	return c.ids("SELECT id FROM agreed_action WHERE session_id = ? ORDER BY id", session)
}

// parties are a whistle's summoned parties in the order summoned.
func (c *coordBuilder) parties(whistle int64) []int64 {
	return c.ids("SELECT id FROM whistle_party WHERE whistle_id = ? ORDER BY id", whistle)
}

func (c *coordBuilder) ids(query string, arg int64) []int64 {
	var out []int64
	c.do("read ids", func() error {
		rows, err := c.s.DB.Reader().QueryContext(c.ctx, query, arg)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out = append(out, id)
		}
		return rows.Err()
	})
	if len(out) == 0 && c.err == nil {
		c.err = fmt.Errorf("demo: no rows for %d", arg)
	}
	return out
}

// done closes an action on a day (never after today).
func (c *coordBuilder) done(action int64, on date.Date) {
	if on.After(c.s.Today()) {
		return
	}
	c.do("action done", func() error {
		return c.s.UpdateAction(c.ctx, coordination.UpdateInput{ActionID: action, On: on, Status: coordination.Done, Result: "已办结"})
	})
}

func (c *coordBuilder) progress(action int64, on date.Date, pct int) {
	if on.After(c.s.Today()) {
		return
	}
	c.do("action progress", func() error {
		return c.s.UpdateAction(c.ctx, coordination.UpdateInput{ActionID: action, On: on, Progress: pct})
	})
}
