package demo

import (
	"math/rand/v2"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
)

// Part two of the generated tree: joint conferences in most subdistricts
// (one on party building, some also one on public order) with member units
// stationed in the subdistrict, a session every quarter with one to five
// actions each followed to the end (done on time, done late, dropped, left
// open and overdue), whistles raised every month by each subdistrict or
// its communities with summoned parties reporting in (some late), and
// campaigns with their results. As for the areas and the people, every row
// is one coordination.Store would write for the same operation (mirrored
// below; TestGenerateMatchesStore replays the operations through
// coordination.Store and compares the tables). The Store's audit entries
// are not generated, as for the other parts.

type genConference struct {
	id                 int64
	name               string
	kind               coordination.ConferenceKind
	org, area          int64
	established, ended date.Date
}

type genConfMember struct {
	id, conf, unit int64
	role           coordination.MemberRole
	from, to       date.Date
}

type genSession struct {
	id, conf      int64
	held          date.Date
	topic, tags   string
	people        int
	minutes       string
	unitsPresent  []int64
	firstAction   int // index in actions of its first action
	actionsAgreed int
}

type genAction struct {
	id, session, whistle, area int64
	title                      string
	ownerUnit                  int64
	ownerName                  string
	agreed, due                date.Date
	status                     coordination.ActionStatus
	progress                   int
	closed                     date.Date
	result                     string
}

type genUpdate struct {
	id, action int64
	on         date.Date
	progress   int
	status     coordination.ActionStatus
	note       string
}

type genWhistle struct {
	id, area  int64
	subject   string
	raisedAt  string
	raisedOn  date.Date
	resolved  date.Date
	firstPart int
	parties   int
}

type genParty struct {
	id, whistle, unit int64
	dept              string
	hours             int
	deadlineAt        string
	reportedAt        string // "" while not reported
	score             int
}

type genCampaign struct {
	id              int64
	name            string
	kind            coordination.CampaignKind
	area, conf      int64
	started, ended  date.Date
	units           []int64
	firstMeasure, n int
}

type genMeasure struct {
	id, campaign int64
	name         string
	quantity     float64
	unit         string
}

// coordOp is one recorded coordination.Store call, kept only when the
// planner records (the replay test), with the id it established.
type coordOp struct {
	kind       string
	conference coordination.ConferenceInput
	member     coordination.MemberInput
	session    coordination.SessionInput
	update     coordination.UpdateInput
	whistle    coordination.WhistleInput
	action     coordination.ActionInput
	campaign   coordination.CampaignInput
	target     int64 // the party, whistle or conference of report/score/resolve/whistle_action/end
	at         time.Time
	on         date.Date
	score      int
	id         int64
}

// coordPlan holds part two's rows.
type coordPlan struct {
	m     *memDB
	pp    *peoplePlanner
	rng   *rand.Rand
	today date.Date
	start date.Date
	// whistlesPerYear per subdistrict.
	whistlesPerYear int
	record          bool
	ops             []coordOp

	conferences []genConference
	members     []genConfMember
	sessions    []genSession
	actions     []genAction
	updates     []genUpdate
	whistles    []genWhistle
	parties     []genParty
	campaigns   []genCampaign
	measures    []genMeasure

	unitsAt map[int64][]unitAt // by community: every location of a unit there
	namesOf map[int64][]int    // area → indexes in m.names
	// partyConf is the party-building conference of each subdistrict.
	partyConf map[int64]int
}

type unitAt struct {
	unit     int // index in pp.units
	from, to date.Date
}

// cst is the zone whistles are raised in.
var cst = time.FixedZone("CST", 8*3600)

func newCoordPlan(m *memDB, pp *peoplePlanner, seed uint64, today, start date.Date, whistlesPerYear int) *coordPlan {
	return &coordPlan{
		m: m, pp: pp, rng: rand.New(rand.NewPCG(seed^0xc00d, seed+29)), today: today, start: start,
		whistlesPerYear: whistlesPerYear, unitsAt: map[int64][]unitAt{}, namesOf: map[int64][]int{}, partyConf: map[int64]int{},
	}
}

func (c *coordPlan) op(o coordOp) {
	if c.record {
		c.ops = append(c.ops, o)
	}
}

// planCoordination plans part two of a planned tree and its units.
func planCoordination(p *planner, pp *peoplePlanner, o GenOptions, record bool) *coordPlan {
	c := newCoordPlan(p.m, pp, o.Seed, o.Today, p.start, o.Tier.WhistlesPerYear)
	c.record = record
	c.run()
	return c
}

func (c *coordPlan) run() {
	for i := range c.pp.units {
		for _, l := range c.pp.units[i].locs {
			c.unitsAt[l.area] = append(c.unitsAt[l.area], unitAt{unit: i, from: l.from, to: l.to})
		}
	}
	for i, n := range c.m.names {
		c.namesOf[n.area] = append(c.namesOf[n.area], i)
	}
	var subs []int64
	for i := range c.m.areas {
		if a := &c.m.areas[i]; a.level == area.Subdistrict {
			subs = append(subs, a.id)
		}
	}
	for _, s := range subs {
		c.conferencesOf(s)
	}
	for _, s := range subs {
		c.whistlesOf(s)
	}
	for _, s := range subs {
		c.campaignsOf(s)
	}
}

// between returns a day in [a, b] (a when b is before a).
func (c *coordPlan) between(a, b date.Date) date.Date {
	n := days(a, b)
	if n <= 0 {
		return a
	}
	return a.AddDays(c.rng.IntN(n + 1))
}

// nameOn is the name of area id on day d.
func (c *coordPlan) nameOn(id int64, d date.Date) string {
	name := c.m.area(id).name
	for _, i := range c.namesOf[id] {
		if n := c.m.names[i]; date.InSpan(n.from, n.to, d) {
			return n.name
		}
	}
	return name
}

// under lists the areas one level below id on day d (its closure rows of
// depth 1 valid that day), in closure order.
func (c *coordPlan) under(id int64, d date.Date) []int64 {
	var out []int64
	for _, i := range c.m.byAnc[id] {
		if r := c.m.closure[i]; r.depth == 1 && date.InSpan(r.from, r.to, d) {
			out = append(out, r.desc)
		}
	}
	return out
}

// stationed lists the units located, on day d, in a community under the
// subdistrict sub that day (the Store's unitStationedUnder), in a stable
// order, each once.
func (c *coordPlan) stationed(sub int64, d date.Date) []int64 {
	var out []int64
	for _, comm := range c.under(sub, d) {
		for _, u := range c.unitsAt[comm] {
			if date.InSpan(u.from, u.to, d) {
				out = append(out, c.pp.units[u.unit].id)
			}
		}
	}
	return out
}

// pick returns up to n distinct ids of xs, in random order.
func (c *coordPlan) pick(xs []int64, n int) []int64 {
	if n > len(xs) {
		n = len(xs)
	}
	ys := append([]int64(nil), xs...)
	for i := range n {
		j := i + c.rng.IntN(len(ys)-i)
		ys[i], ys[j] = ys[j], ys[i]
	}
	return ys[:n]
}

// convener returns the first of the subdistrict's committees or working
// committees active for a month or more within the ten years, and the
// first and last day it can convene a conference on; nil if none.
func (c *coordPlan) convener(sub int64) (*memOrg, date.Date, date.Date) {
	a := c.m.area(sub)
	for _, id := range c.m.orgsOf[sub] {
		o := &c.m.orgs[id-1]
		if o.kind != area.Committee && o.kind != area.WorkingCommittee {
			continue
		}
		first := later(later(o.started, c.start), a.established)
		last := c.today
		if !o.ended.IsZero() {
			last = o.ended.AddDays(-1)
		}
		if days(first, last) >= 30 {
			return o, first, last
		}
	}
	return nil, date.Date{}, date.Date{}
}

var departments = []string{"街道城管科", "街道综治办", "街道社区服务中心", "区房管所", "区规划所", "区市场监管所", "区环卫所", "街道派出所"}

var sessionTopics = []string{"背街小巷环境整治", "老旧小区停车管理", "共驻共建项目协调", "冬季安全生产", "社区养老服务", "驻区单位资源开放",
	"防汛准备", "社区治安联防", "垃圾分类推进", "便民服务网点布局", "青少年暑期活动", "困难群众帮扶"}

var actionTitles = []string{"清理楼道堆物", "修复路灯", "设立便民服务点", "开放单位停车场", "组织义务诊疗", "维修健身器材",
	"清运建筑垃圾", "设置宣传栏", "排查安全隐患", "走访困难家庭", "疏通下水管道", "增设垃圾分类点"}

var whistleSubjects = []string{"井盖缺失", "违章搭建", "占道经营", "楼道堆物", "路灯损坏", "下水道堵塞", "噪音扰民", "私搭乱接电线"}

// conferencesOf plans the conferences of subdistrict sub: nine in ten
// subdistricts set up one on party building, about two in three of those also
// one on public order; each meets every quarter until its subdistrict
// ends.
func (c *coordPlan) conferencesOf(sub int64) {
	o, first, orgLast := c.convener(sub)
	if o == nil || c.rng.IntN(10) == 9 {
		return
	}
	// A conference outlives its convener's re-formation and ends with its
	// subdistrict.
	a := c.m.area(sub)
	last := c.today
	if !a.ended.IsZero() {
		last = a.ended.AddDays(-1)
	}
	kinds := []coordination.ConferenceKind{coordination.PartyBuilding}
	if c.rng.IntN(20) < 13 {
		kinds = append(kinds, coordination.PublicOrder)
	}
	for _, kind := range kinds {
		// Most set up early in the ten years; later ones within a year
		// of their convener.
		est := c.between(first, first.AddDays(min(days(first, orgLast), 400)))
		suffix := "社区党建工作联席会议"
		if kind == coordination.PublicOrder {
			suffix = "社会治安综合治理联席会议"
		}
		conf := genConference{id: int64(len(c.conferences) + 1), name: c.nameOn(sub, est) + suffix, kind: kind, org: o.id, area: sub, established: est}
		c.op(coordOp{kind: "conference", conference: coordination.ConferenceInput{Name: conf.name, Kind: kind, OrgID: o.id, On: est}, id: conf.id})
		if kind == coordination.PartyBuilding {
			c.partyConf[sub] = len(c.conferences)
		}
		c.conferences = append(c.conferences, conf)
		ci := len(c.conferences) - 1
		var members []int
		add := func(units []int64, on date.Date) {
			for _, u := range units {
				role := coordination.Member
				if len(members) == 0 {
					role = coordination.DeputyConvener
				}
				mb := genConfMember{id: int64(len(c.members) + 1), conf: conf.id, unit: u, role: role, from: on}
				c.op(coordOp{kind: "member", member: coordination.MemberInput{ConferenceID: conf.id, UnitID: u, Role: role, On: on}, id: mb.id})
				members = append(members, len(c.members))
				c.members = append(c.members, mb)
			}
		}
		// Ten to thirty member units: those stationed on the day it was
		// set up, then, once a year, units stationed since, until it has
		// its number (or the subdistrict has no more units).
		want := 10 + c.rng.IntN(21)
		add(c.pick(c.stationed(sub, est), want), est)
		seated := map[int64]bool{}
		for on := est.AddDays(30 + c.rng.IntN(300)); len(members) < want && !on.After(last); on = on.AddDays(300 + c.rng.IntN(130)) {
			for _, i := range members {
				seated[c.members[i].unit] = true
			}
			var fresh []int64
			for _, u := range c.stationed(sub, on) {
				if !seated[u] {
					fresh = append(fresh, u)
				}
			}
			add(c.pick(fresh, min(want-len(members), 1+c.rng.IntN(8))), on)
		}
		// A session every quarter, from the quarter after it was set up.
		lastHeld := est
		for q := date.New(est.Year(), est.Month()-(est.Month()-1)%3, 1); ; q = date.New(q.Year(), q.Month()+3, 1) {
			held := c.between(q.AddDays(20), q.AddDays(70))
			if held.After(last) {
				break
			}
			if held.Before(est) {
				continue
			}
			c.session(ci, members, held)
			lastHeld = held
		}
		if end := a.ended; !end.IsZero() && end.After(lastHeld) && !end.After(c.today) {
			c.conferences[ci].ended = end
			for _, i := range members {
				c.members[i].to = end
			}
			c.op(coordOp{kind: "end", target: conf.id, on: end})
		}
	}
}

// session plans a session of conference ci held on held, with the members
// present and its actions followed to the end.
func (c *coordPlan) session(ci int, members []int, held date.Date) {
	conf := &c.conferences[ci]
	var present, seated []int64
	for _, i := range members {
		mb := c.members[i]
		if date.InSpan(mb.from, mb.to, held) {
			seated = append(seated, mb.unit)
			if c.rng.IntN(5) > 0 {
				present = append(present, mb.unit)
			}
		}
	}
	topic := sessionTopics[c.rng.IntN(len(sessionTopics))]
	k := c.rng.IntN(len(coordination.FourKinds))
	tags := []string{coordination.FourKinds[k]}
	if c.rng.IntN(2) == 0 {
		tags = append(tags, coordination.FourKinds[(k+1)%len(coordination.FourKinds)])
	}
	s := genSession{id: int64(len(c.sessions) + 1), conf: conf.id, held: held, topic: topic, people: len(present) + 5 + c.rng.IntN(20),
		unitsPresent: present, firstAction: len(c.actions)}
	for i, t := range tags {
		if i > 0 {
			s.tags += ","
		}
		s.tags += t
	}
	in := coordination.SessionInput{ConferenceID: conf.id, HeldOn: held, Topic: topic, Tags: tags, UnitsPresent: present, PeoplePresent: s.people}
	n := 1 + c.rng.IntN(5)
	for range n {
		title := topic + "：" + actionTitles[c.rng.IntN(len(actionTitles))]
		var owner int64
		name := ""
		if len(seated) > 0 && c.rng.IntN(10) < 7 {
			owner = seated[c.rng.IntN(len(seated))]
		} else {
			name = departments[c.rng.IntN(len(departments))]
		}
		due := held.AddDays(20 + c.rng.IntN(71))
		in.Actions = append(in.Actions, coordination.ActionInput{Title: title, OwnerUnitID: owner, OwnerName: name, DueOn: due})
		c.actions = append(c.actions, genAction{id: int64(len(c.actions) + 1), session: s.id, area: conf.area, title: title, ownerUnit: owner, ownerName: name,
			agreed: held, due: due, status: coordination.Open})
	}
	s.actionsAgreed = n
	c.sessions = append(c.sessions, s)
	c.op(coordOp{kind: "session", session: in, id: s.id})
	for i := range n {
		c.follow(s.firstAction + i)
	}
}

// follow plans the timeline of action ai: two in three are done on time,
// one in six late, one in twenty dropped, the rest left open (overdue once
// their due date passes); most get a progress entry half way.
func (c *coordPlan) follow(ai int) {
	a := c.actions[ai]
	var closeOn date.Date
	status := coordination.Done
	switch r := c.rng.IntN(60); {
	case r < 40:
		closeOn = c.between(a.agreed.AddDays(3), a.due)
	case r < 50:
		closeOn = a.due.AddDays(1 + c.rng.IntN(60))
	case r < 53:
		closeOn, status = c.between(a.agreed.AddDays(10), a.due.AddDays(30)), coordination.Dropped
	}
	mid := a.agreed.AddDays(days(a.agreed, a.due) / 2)
	if c.rng.IntN(4) > 0 && !mid.After(c.today) && (closeOn.IsZero() || !closeOn.Before(mid)) {
		c.update(ai, mid, 20+c.rng.IntN(60), coordination.InProgress, "", "")
	}
	if !closeOn.IsZero() && !closeOn.After(c.today) {
		if status == coordination.Done {
			c.update(ai, closeOn, 100, status, "", "已办结")
		} else {
			c.update(ai, closeOn, c.actions[ai].progress, status, "情况变化，不再办理", "")
		}
	}
}

// update mirrors Store.UpdateAction for a top-level action.
func (c *coordPlan) update(ai int, on date.Date, progress int, status coordination.ActionStatus, note, result string) {
	a := &c.actions[ai]
	c.op(coordOp{kind: "update", update: coordination.UpdateInput{ActionID: a.id, On: on, Progress: progress, Status: status, Note: note, Result: result}})
	c.updates = append(c.updates, genUpdate{id: int64(len(c.updates) + 1), action: a.id, on: on, progress: progress, status: status, note: note})
	a.progress, a.status = progress, status
	if status == coordination.Done || status == coordination.Dropped {
		a.closed = on
	}
	if result != "" {
		a.result = result
	}
}

// whistlesOf plans the whistles of subdistrict sub and its communities:
// whistlesPerYear a year while it is active, each summoning one to three
// parties (stationed units or departments) of which most report in on
// time, some late, a few never; most are resolved within ten days, one in
// four becomes an action.
func (c *coordPlan) whistlesOf(sub int64) {
	a := c.m.area(sub)
	if c.whistlesPerYear <= 0 {
		return
	}
	from := later(a.established, c.start)
	to := c.today
	if !a.ended.IsZero() {
		to = a.ended.AddDays(-1)
	}
	span := 365 / c.whistlesPerYear
	for d := from; !d.After(to); d = d.AddDays(span) {
		on := c.between(d, d.AddDays(span-1))
		if on.After(to) {
			break
		}
		raiser := sub
		if comms := c.under(sub, on); len(comms) > 0 && c.rng.IntN(10) < 7 {
			raiser = comms[c.rng.IntN(len(comms))]
		}
		at := time.Date(on.Year(), on.Month(), on.Day(), 8+c.rng.IntN(10), c.rng.IntN(60), 0, 0, cst)
		subject := c.nameOn(raiser, on) + whistleSubjects[c.rng.IntN(len(whistleSubjects))]
		w := genWhistle{id: int64(len(c.whistles) + 1), area: raiser, subject: subject, raisedAt: at.UTC().Format(stampUTC), raisedOn: date.Of(at), firstPart: len(c.parties)}
		in := coordination.WhistleInput{AreaID: raiser, Subject: subject, RaisedAt: at}
		units := c.stationed(sub, on)
		for range 1 + c.rng.IntN(3) {
			p := genParty{id: int64(len(c.parties) + 1), whistle: w.id, hours: []int{2, 4, 12, 24, 48, 72}[c.rng.IntN(6)]}
			if len(units) > 0 && c.rng.IntN(2) == 0 {
				p.unit = units[c.rng.IntN(len(units))]
			} else {
				p.dept = departments[c.rng.IntN(len(departments))]
			}
			p.deadlineAt = at.UTC().Add(time.Duration(p.hours) * time.Hour).Format(stampUTC)
			in.Parties = append(in.Parties, coordination.PartyInput{UnitID: p.unit, Department: p.dept, DeadlineHours: p.hours})
			c.parties = append(c.parties, p)
		}
		w.parties = len(in.Parties)
		c.whistles = append(c.whistles, w)
		c.op(coordOp{kind: "whistle", whistle: in, id: w.id})
		for i := range w.parties {
			p := &c.parties[w.firstPart+i]
			deadline := at.Add(time.Duration(p.hours) * time.Hour)
			var rep time.Time
			switch r := c.rng.IntN(20); {
			case r < 16:
				rep = at.Add(time.Duration(1+c.rng.Int64N(int64(p.hours)*60)) * time.Minute)
			case r < 19:
				rep = deadline.Add(time.Duration(1+c.rng.Int64N(48*60)) * time.Minute)
			}
			if rep.IsZero() || date.Of(rep).After(c.today) {
				continue
			}
			p.reportedAt = rep.UTC().Format(stampUTC)
			c.op(coordOp{kind: "report", target: p.id, at: rep})
			score := 4 + c.rng.IntN(2)
			if rep.After(deadline) {
				score = 2 + c.rng.IntN(2)
			}
			if c.rng.IntN(5) > 0 {
				p.score = score
				c.op(coordOp{kind: "score", target: p.id, score: score})
			}
		}
		if c.rng.IntN(4) == 0 {
			due := w.raisedOn.AddDays(7 + c.rng.IntN(24))
			ai := len(c.actions)
			title := "处理" + whistleSubjects[c.rng.IntN(len(whistleSubjects))]
			dept := departments[c.rng.IntN(len(departments))]
			c.actions = append(c.actions, genAction{id: int64(ai + 1), whistle: w.id, area: raiser, title: title, ownerName: dept,
				agreed: w.raisedOn, due: due, status: coordination.Open})
			c.op(coordOp{kind: "whistle_action", target: w.id, on: w.raisedOn, action: coordination.ActionInput{Title: title, OwnerName: dept, DueOn: due}, id: int64(ai + 1)})
			c.follow(ai)
		}
		if c.rng.IntN(10) > 0 {
			if res := w.raisedOn.AddDays(c.rng.IntN(11)); !res.After(c.today) {
				c.whistles[len(c.whistles)-1].resolved = res
				c.op(coordOp{kind: "resolve", target: w.id, on: res})
			}
		}
	}
}

// stampUTC is how the Store writes whistle times.
const stampUTC = "2006-01-02T15:04:05Z"

var campaignNames = map[coordination.CampaignKind]string{
	"theft": "打击盗窃犯罪专项行动", "vice": "禁止黄赌毒专项行动", "sanitation": "整治脏乱差专项行动",
	"epidemic": "防治传染病专项行动", "rabies": "防制狂犬病专项行动", "other": "平安社区创建专项行动",
}

var campaignMeasures = map[coordination.CampaignKind][][2]string{
	"theft":      {{"破获案件", "起"}, {"抓获嫌疑人", "人"}},
	"vice":       {{"查处场所", "处"}, {"收缴赌具", "套"}},
	"sanitation": {{"清理垃圾", "吨"}, {"清除小广告", "处"}},
	"epidemic":   {{"消毒楼道", "个"}, {"入户宣传", "户"}},
	"rabies":     {{"登记犬只", "只"}, {"免疫犬只", "只"}},
	"other":      {{"走访群众", "户"}, {"化解矛盾", "件"}},
}

// campaignsOf plans the campaigns of subdistrict sub: in two years of
// five one campaign, led by its party-building conference when that is
// active, with two to five stationed units and its results.
func (c *coordPlan) campaignsOf(sub int64) {
	a := c.m.area(sub)
	for y := c.start.Year(); y <= c.today.Year(); y++ {
		if c.rng.IntN(5) >= 2 {
			continue
		}
		from, to := date.YearBounds(y)
		from = later(later(from, a.established), c.start)
		if to.After(c.today) {
			to = c.today
		}
		if !a.ended.IsZero() && !a.ended.After(to) {
			to = a.ended.AddDays(-1)
		}
		if to.Before(from) {
			continue
		}
		on := c.between(from, to)
		kind := coordination.CampaignKinds[c.rng.IntN(len(coordination.CampaignKinds))]
		k := genCampaign{id: int64(len(c.campaigns) + 1), name: c.nameOn(sub, on) + campaignNames[kind], kind: kind, area: sub, started: on,
			units: c.pick(c.stationed(sub, on), 2+c.rng.IntN(4)), firstMeasure: len(c.measures)}
		if i, ok := c.partyConf[sub]; ok && date.InSpan(c.conferences[i].established, c.conferences[i].ended, on) {
			k.conf = c.conferences[i].id
		}
		if c.rng.IntN(5) > 0 {
			k.ended = on.AddDays(30 + c.rng.IntN(90))
		}
		in := coordination.CampaignInput{Name: k.name, Kind: kind, AreaID: sub, ConferenceID: k.conf, StartedOn: on, EndedOn: k.ended, Units: k.units}
		for i, ms := range campaignMeasures[kind][:1+c.rng.IntN(2)] {
			m := genMeasure{id: int64(len(c.measures) + 1), campaign: k.id, name: ms[0], quantity: float64(5 + c.rng.IntN(300*(i+1))), unit: ms[1]}
			in.Measures = append(in.Measures, coordination.Measure{Name: m.name, Quantity: m.quantity, Unit: m.unit})
			c.measures = append(c.measures, m)
		}
		k.n = len(in.Measures)
		c.campaigns = append(c.campaigns, k)
		c.op(coordOp{kind: "campaign", campaign: in, id: k.id})
	}
}
