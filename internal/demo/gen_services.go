package demo

import (
	"math/rand/v2"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/services"
)

// Part four (b) of the generated tree, services: outlets at subdistricts
// (sanitation stations, cleaning teams, housekeeping and disability
// centres) and communities (elderly, family-planning and other centres),
// most open from the start, some closed later and all closed when their
// area ends; each outlet's services month by month while it is open (one
// kind, its person-times and volunteer hours); safe and civilised
// neighbourhood titles of the communities' estates, some revoked or
// expired; placements of laid-off and unemployed people and good deeds by
// every area over its life. As for the other parts, every row is one
// services.Store would write for the same operation
// (TestGenerateMatchesStore replays them); the audit entries are not
// generated. Placements carry no ID number: the Store takes one as
// optional.

type genOutlet struct {
	id, area int64
	kind     services.OutletKind
	name     string
	from, to date.Date
}

type genServiceRecord struct {
	id, area, outlet int64
	kind             services.ServiceKind
	on               date.Date
	persons, hours   int64
}

type genDesignation struct {
	id, area  int64
	estate    string
	awardedBy string
	from, to  date.Date
	reason    string
}

type genPlacement struct {
	id, area int64
	name     string
	before   services.BeforeStatus
	employer string
	work     string
	placedBy string
	placed   date.Date
}

type genDeed struct {
	id, area      int64
	kind          services.DeedKind
	title         string
	beneficiaries int64
	doneBy        string
	done          date.Date
}

// svcOp is one recorded services.Store call, kept only when the planner
// records (the replay test), with the id it established (the first, for a
// batch of records).
type svcOp struct {
	kind        string
	outlet      services.OutletInput
	records     []services.RecordInput
	designation services.DesignationInput
	placement   services.PlacementInput
	deed        services.DeedInput
	target      int64 // the designation ended
	on          date.Date
	reason      string
	id          int64
}

// svcPlan holds part four (b)'s rows but the petitions'.
type svcPlan struct {
	cp     *coordPlan
	rng    *rand.Rand
	record bool
	ops    []svcOp

	outlets      []genOutlet
	records      []genServiceRecord
	designations []genDesignation
	placements   []genPlacement
	deeds        []genDeed
}

// planServices plans part four (b)'s services of a planned tree: about
// o.Tier.Outlets outlets, o.Tier.Placements placements and o.Tier.Deeds
// good deeds over the ten years.
func planServices(cp *coordPlan, o GenOptions, record bool) *svcPlan {
	c := &svcPlan{cp: cp, rng: rand.New(rand.NewPCG(o.Seed^0x5e7, o.Seed+41)), record: record}
	c.run(o.Tier)
	return c
}

func (c *svcPlan) op(o svcOp) {
	if c.record {
		c.ops = append(c.ops, o)
	}
}

func (c *svcPlan) between(a, b date.Date) date.Date { return dayBetween(c.rng, a, b) }

// share draws how many of total an area of days life days gets out of
// all days: the expected number, give or take a third, rounded at random.
func (c *svcPlan) share(total int, life, all int) int {
	mean := float64(total) * float64(life) / float64(all)
	x := mean * (0.7 + 0.6*c.rng.Float64())
	n := int(x)
	if c.rng.Float64() < x-float64(n) {
		n++
	}
	return n
}

func (c *svcPlan) run(t Tier) {
	m := c.cp.m
	life := func(a *memArea) (date.Date, date.Date) {
		first, last := later(a.established, c.cp.start), c.cp.today
		if !a.ended.IsZero() && !a.ended.After(c.cp.today) {
			last = a.ended.AddDays(-1)
		}
		return first, last
	}
	// A subdistrict keeps four times a community's outlets: the stations
	// and teams that serve all its communities.
	weight := func(a *memArea) int {
		if a.level == area.Subdistrict {
			return 4
		}
		return 1
	}
	var areas []*memArea
	all, allOutlets := 0, 0
	for i := range m.areas {
		a := &m.areas[i]
		if a.level != area.Community && a.level != area.Subdistrict {
			continue
		}
		if first, last := life(a); !last.Before(first) {
			areas = append(areas, a)
			all += days(first, last) + 1
			allOutlets += weight(a) * (days(first, last) + 1)
		}
	}
	if all == 0 {
		return
	}
	for _, a := range areas {
		first, last := life(a)
		n := days(first, last) + 1
		for range c.share(t.Outlets, weight(a)*n, allOutlets) {
			c.outlet(a, first, last)
		}
		if a.level == area.Community {
			for range c.share(t.Outlets/4, n, all) {
				c.designation(a, first, last)
			}
		}
		for range c.share(t.Placements, n, all) {
			c.placement(a.id, c.between(first, last))
		}
		for range c.share(t.Deeds, n, all) {
			c.deed(a.id, c.between(first, last))
		}
	}
}

// outletKinds are the kinds an outlet of a level takes, with the service
// each mostly gives.
var outletKinds = map[area.Level][]struct {
	kind    services.OutletKind
	service services.ServiceKind
	name    string
}{
	area.Subdistrict: {{"sanitation_station", "other", "环境卫生服务站"}, {"cleaning_team", "other", "清洁队"},
		{"housekeeping_centre", "job_guidance", "家政服务中心"}, {"disability_centre", "health_care", "残疾人服务中心"}},
	area.Community: {{"elderly_centre", "elderly_care", "老人服务中心"}, {"elderly_centre", "elderly_care", "日间照料站"},
		{"family_planning_centre", "health_care", "计生服务中心"}, {"other", "training", "市民学校"}},
}

// outlet plans an outlet of area a open from its first day in the history
// (three in four) or later, closed later for one in seven and when a
// ends, with its services every month it is open.
func (c *svcPlan) outlet(a *memArea, first, last date.Date) {
	kinds := outletKinds[a.level]
	k := kinds[c.rng.IntN(len(kinds))]
	from := first
	if c.rng.IntN(4) == 0 {
		from = c.between(first, last)
	}
	x := genOutlet{id: int64(len(c.outlets) + 1), area: a.id, kind: k.kind, name: c.cp.nameOn(a.id, from) + k.name, from: from}
	if c.rng.IntN(7) == 0 && days(from, last) > 60 {
		x.to = c.between(from.AddDays(30), last)
	}
	if !a.ended.IsZero() && !a.ended.After(c.cp.today) && (x.to.IsZero() || x.to.After(a.ended)) {
		x.to = a.ended
	}
	c.outlets = append(c.outlets, x)
	c.op(svcOp{kind: "outlet", id: x.id, outlet: services.OutletInput{AreaID: a.id, Kind: x.kind, Name: x.name, FromOn: from, ToOn: x.to}})
	// A record a month, dated on its first day, for every month the
	// outlet is open on some day of, up to this month.
	end := c.cp.today
	if !x.to.IsZero() {
		end = x.to.AddDays(-1)
	}
	var batch []services.RecordInput
	firstID := int64(len(c.records) + 1)
	base := int64(20 + c.rng.IntN(300))
	for mo := services.MonthOf(from); !mo.After(end); mo = services.MonthOf(mo.AddDays(32)) {
		r := genServiceRecord{id: int64(len(c.records) + 1), area: a.id, outlet: x.id, kind: k.service, on: mo,
			persons: base + int64(c.rng.IntN(int(base))), hours: int64(c.rng.IntN(80))}
		c.records = append(c.records, r)
		batch = append(batch, services.RecordInput{OutletID: x.id, Kind: r.kind, Span: services.Month, On: mo, PersonTimes: r.persons, VolunteerHours: r.hours})
	}
	if len(batch) > 0 {
		c.op(svcOp{kind: "records", id: firstID, records: batch})
	}
}

var estates = []string{"花园小区", "家属院", "新村", "公寓", "小区", "苑"}

// designation plans a safe and civilised neighbourhood title of an estate
// of community a, awarded by its district or city, revoked or expired
// for one in five and when a ends.
func (c *svcPlan) designation(a *memArea, first, last date.Date) {
	from := c.between(first, last)
	x := genDesignation{id: int64(len(c.designations) + 1), area: a.id, from: from,
		estate:    c.cp.nameOn(a.id, from) + estates[c.rng.IntN(len(estates))],
		awardedBy: []string{"区综治委", "市综治委", "区委政法委"}[c.rng.IntN(3)]}
	c.designations = append(c.designations, x)
	c.op(svcOp{kind: "designation", id: x.id, designation: services.DesignationInput{AreaID: a.id, Estate: x.estate, Kind: services.SafeNeighbourhood,
		AwardedBy: x.awardedBy, FromOn: from}})
	d := &c.designations[len(c.designations)-1]
	if c.rng.IntN(5) == 0 && days(from, last) > 30 {
		d.to, d.reason = c.between(from.AddDays(30), last), []string{"revoked", "expired"}[c.rng.IntN(2)]
	}
	if !a.ended.IsZero() && !a.ended.After(c.cp.today) && (d.to.IsZero() || d.to.After(a.ended)) {
		d.to, d.reason = a.ended, "expired"
	}
	if !d.to.IsZero() {
		c.op(svcOp{kind: "end_designation", target: d.id, on: d.to, reason: d.reason})
	}
}

var (
	employers = []string{"物业公司", "超市", "家政公司", "保洁公司", "餐饮店", "快递站", "社区公益岗"}
	works     = []string{"保洁", "保安", "收银", "家政服务", "配送", "绿化养护", "公益岗位"}
)

// placement plans a person placed in work by area id on day on.
func (c *svcPlan) placement(id int64, on date.Date) {
	x := genPlacement{id: int64(len(c.placements) + 1), area: id, placed: on,
		name:     fakeName(c.rng),
		before:   services.BeforeStatuses[c.rng.IntN(len(services.BeforeStatuses))],
		employer: c.cp.nameOn(id, on) + employers[c.rng.IntN(len(employers))],
		work:     works[c.rng.IntN(len(works))], placedBy: "劳动保障站"}
	c.placements = append(c.placements, x)
	c.op(svcOp{kind: "placement", id: x.id, placement: services.PlacementInput{AreaID: id, Name: x.name, BeforeStatus: x.before,
		Employer: x.employer, Work: x.work, PlacedBy: x.placedBy, PlacedOn: on}})
}

var deedTitles = map[services.DeedKind][]string{
	"poverty_relief": {"走访慰问困难家庭", "为低保户送米送油", "资助困难学生", "帮扶孤寡老人"},
	"practical":      {"维修楼道灯", "清理小广告", "修缮健身器材", "为老人理发", "安装晾衣架"},
}

// deed plans a good deed by area id on day on.
func (c *svcPlan) deed(id int64, on date.Date) {
	kind := services.DeedKinds[c.rng.IntN(len(services.DeedKinds))]
	titles := deedTitles[kind]
	x := genDeed{id: int64(len(c.deeds) + 1), area: id, kind: kind, title: titles[c.rng.IntN(len(titles))], done: on,
		beneficiaries: int64(1 + c.rng.IntN(60)), doneBy: c.cp.nameOn(id, on) + "党员志愿服务队"}
	c.deeds = append(c.deeds, x)
	c.op(svcOp{kind: "deed", id: x.id, deed: services.DeedInput{AreaID: id, Kind: kind, Title: x.title, Beneficiaries: x.beneficiaries,
		DoneBy: x.doneBy, DoneOn: on}})
}
