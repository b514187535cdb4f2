package demo

import (
	"math/rand/v2"
	"slices"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
)

// Part four (a) of the generated tree, co-building: what the stationed
// units (one to three offers each, some withdrawn) and the departments
// serving each subdistrict offer; every community's demands raised over
// its life, about half of them met by a project its branch coordinates
// (some projects meet two), a quarter closed without one, the rest still
// open (the older ones stand out); the projects, most of them done, with
// the resources promised, what each unit or department gave, the results
// and, for some, banners, letters and ratings. As for the other parts,
// every row is one cobuilding.Store would write for the same operation
// (TestGenerateMatchesStore replays the operations through
// cobuilding.Store and compares the tables); the audit entries are not
// generated.

type genDemand struct {
	id, area   int64
	title      string
	category   cobuilding.Category
	tags       string
	households int64
	raisedBy   string
	raised     date.Date
	status     cobuilding.DemandStatus
	closed     date.Date
	note       string
}

type genResource struct {
	id, unit int64
	dept     string
	area     int64
	kind     cobuilding.Kind
	desc     string
	from, to date.Date
}

type genCoProject struct {
	id, area, org int64
	title         string
	started, done date.Date
	estimated     int64
	actual        int64 // -1 while not known
}

// genLink is a row of co_project_demand or co_project_resource.
type genLink struct{ project, other int64 }

type genContribution struct {
	id, project, unit int64
	dept              string
	kind              cobuilding.ContributionKind
	value             int64
	desc              string
	given             date.Date
}

type genResult struct {
	id, project int64
	name        string
	quantity    float64
	unit        string
}

type genFeedback struct {
	id, project int64
	kind        cobuilding.FeedbackKind
	rating      int
	by          string
	on          date.Date
}

// cobOp is one recorded cobuilding.Store call, kept only when the planner
// records (the replay test), with the id it established (0 for a change).
type cobOp struct {
	kind         string
	demand       cobuilding.DemandInput
	resource     cobuilding.ResourceInput
	project      cobuilding.ProjectInput
	change       cobuilding.ProjectChange
	contribution cobuilding.ContributionInput
	result       cobuilding.ResultInput
	feedback     cobuilding.FeedbackInput
	target       int64 // the project changed, the demand closed
	on           date.Date
	id           int64
}

// cobPlan holds part four (a)'s rows.
type cobPlan struct {
	cp     *coordPlan // the tree's views: units where, names, subtrees
	rng    *rand.Rand
	record bool
	ops    []cobOp
	// perDay is how many projects a community starts a day, on average.
	perDay float64
	// resAt lists the resources offered in an area, by index in resources.
	resAt map[int64][]int

	demands       []genDemand
	resources     []genResource
	projects      []genCoProject
	projDemands   []genLink
	projResources []genLink
	contributions []genContribution
	results       []genResult
	feedback      []genFeedback
}

// planCobuilding plans part four (a) of a planned tree: about
// o.Tier.CoProjects projects over the ten years, twice as many demands.
func planCobuilding(cp *coordPlan, o GenOptions, record bool) *cobPlan {
	c := &cobPlan{cp: cp, rng: rand.New(rand.NewPCG(o.Seed^0xc0b, o.Seed+37)), record: record, resAt: map[int64][]int{}}
	c.run(o.Tier.CoProjects)
	return c
}

func (c *cobPlan) op(o cobOp) {
	if c.record {
		c.ops = append(c.ops, o)
	}
}

func (c *cobPlan) between(a, b date.Date) date.Date { return dayBetween(c.rng, a, b) }

// dayBetween returns a day in [a, b] (a when b is before a).
func dayBetween(rng *rand.Rand, a, b date.Date) date.Date {
	n := days(a, b)
	if n <= 0 {
		return a
	}
	return a.AddDays(rng.IntN(n + 1))
}

// life is the first and last day of area a within the history (last
// before first when none).
func (c *cobPlan) life(a *memArea) (date.Date, date.Date) {
	first, last := later(a.established, c.cp.start), c.cp.today
	if !a.ended.IsZero() && !a.ended.After(c.cp.today) {
		last = a.ended.AddDays(-1)
	}
	return first, last
}

func (c *cobPlan) run(projects int) {
	m := c.cp.m
	var communities []*memArea
	lifeDays := 0
	for i := range m.areas {
		a := &m.areas[i]
		if a.level != area.Community {
			continue
		}
		if first, last := c.life(a); !last.Before(first) {
			communities = append(communities, a)
			lifeDays += days(first, last) + 1
		}
	}
	if projects <= 0 || lifeDays == 0 {
		return
	}
	c.perDay = float64(projects) / float64(lifeDays)
	for i := range c.cp.pp.units {
		c.unitResources(&c.cp.pp.units[i])
	}
	for i := range m.areas {
		if a := &m.areas[i]; a.level == area.Subdistrict {
			c.departmentResources(a)
		}
	}
	for _, a := range communities {
		c.community(a)
	}
}

var resourceWords = map[cobuilding.Kind][]string{
	"land":         {"闲置场地", "临街空地", "院内空地"},
	"money":        {"共建资金", "年度公益资金", "专项捐助"},
	"venue":        {"会议室", "活动室", "礼堂"},
	"free_service": {"义务设计", "免费测绘", "义务维修"},
	"skill":        {"法律咨询", "技能培训", "健康讲座"},
	"volunteers":   {"志愿服务队", "青年突击队", "党员志愿者"},
	"equipment":    {"工程机械", "清运车辆", "照明设备"},
}

// unitResources plans what unit u offers: one to three resources, each in
// the community it was located in on the day it was offered, while it was
// active; two in five are withdrawn a year or more later.
func (c *cobPlan) unitResources(u *genUnit) {
	for range 1 + c.rng.IntN(3) {
		l := u.locs[c.rng.IntN(len(u.locs))]
		first := later(later(l.from, u.started), c.cp.start)
		last := c.cp.today
		for _, end := range []date.Date{l.to, u.ended} {
			if !end.IsZero() && !end.After(last) {
				last = end.AddDays(-1)
			}
		}
		if last.Before(first) {
			continue
		}
		kind := cobuilding.Kinds[c.rng.IntN(len(cobuilding.Kinds))]
		words := resourceWords[kind]
		c.addResource(genResource{unit: u.id, area: l.area, kind: kind, desc: u.name + words[c.rng.IntN(len(words))], from: c.between(first, last)}, date.Date{})
	}
}

var serviceDepartments = []string{"市规划局", "市政设计院", "市自来水公司", "市园林局", "市勘测院", "区房管所", "区环卫所", "区供电所"}

// departmentResources plans what the departments serving subdistrict a
// offer there: two to five free services or pieces of equipment.
func (c *cobPlan) departmentResources(a *memArea) {
	first, last := c.life(a)
	if last.Before(first) {
		return
	}
	for range 2 + c.rng.IntN(4) {
		dept := serviceDepartments[c.rng.IntN(len(serviceDepartments))]
		kind := []cobuilding.Kind{"free_service", "free_service", "equipment", "skill"}[c.rng.IntN(4)]
		words := resourceWords[kind]
		x := genResource{dept: dept, area: a.id, kind: kind, desc: dept + words[c.rng.IntN(len(words))], from: c.between(first, last)}
		c.addResource(x, a.ended)
	}
}

// addResource records x, withdrawn a year or more later for two in five,
// and at the latest when its area ends on ends (zero: it does not).
func (c *cobPlan) addResource(x genResource, ends date.Date) {
	x.id = int64(len(c.resources) + 1)
	if c.rng.IntN(5) < 2 {
		if to := x.from.AddDays(365 + c.rng.IntN(1200)); !to.After(c.cp.today) {
			x.to = to
		}
	}
	if !ends.IsZero() && !ends.After(c.cp.today) && (x.to.IsZero() || x.to.After(ends)) {
		x.to = ends
	}
	c.resAt[x.area] = append(c.resAt[x.area], len(c.resources))
	c.resources = append(c.resources, x)
	c.op(cobOp{kind: "resource", id: x.id, resource: cobuilding.ResourceInput{UnitID: x.unit, Department: x.dept, AreaID: x.area,
		Kind: x.kind, Description: x.desc, FromOn: x.from, ToOn: x.to}})
}

// demandWords are the needs residents raise, by category, each said of a
// place in the community.
var demandWords = map[cobuilding.Category][]string{
	"road":         {"巷道路面破损", "小区道路硬化", "人行道修缮"},
	"sanitation":   {"大院环境卫生整治", "楼道杂物清理", "垃圾清运"},
	"drainage":     {"下水道疏通", "排水管网改造", "化粪池清掏"},
	"greening":     {"绿地补植", "小游园建设", "庭院绿化"},
	"security":     {"安装楼道防盗门", "增设监控探头", "路灯维修"},
	"elderly_care": {"老年人日间照料", "助餐点建设", "适老化改造"},
	"employment":   {"下岗职工技能培训", "公益岗位开发", "就业信息发布"},
	"culture":      {"文化活动室建设", "健身器材安装", "社区图书角"},
	"other":        {"便民服务点设置", "停车位划设", "信报箱更换"},
}

var demandPlaces = []string{"一巷", "二巷", "东院", "西院", "南路", "北街", "家属院", "新村"}

// demandCount is how many demands community a raises over its life:
// twice its projects, give or take a third.
func (c *cobPlan) demandCount(first, last date.Date) int {
	mean := 2 * c.perDay * float64(days(first, last)+1)
	n := int(mean * (0.7 + 0.6*c.rng.Float64()))
	if c.rng.Float64() < mean*(0.7+0.6*c.rng.Float64())-float64(n) {
		n++
	}
	return n
}

// community plans community a's demands in the order raised, then, for
// each in turn, a project (one in two, meeting the next open demand too
// for one project in four), a close without one (one in four) or nothing.
func (c *cobPlan) community(a *memArea) {
	first, last := c.life(a)
	n := c.demandCount(first, last)
	if n == 0 {
		return
	}
	raised := make([]date.Date, n)
	for i := range raised {
		raised[i] = c.between(first, last)
	}
	slices.SortFunc(raised, func(x, y date.Date) int { return x.Time().Compare(y.Time()) })
	from := len(c.demands)
	for _, on := range raised {
		cat := cobuilding.Categories[c.rng.IntN(len(cobuilding.Categories))]
		words := demandWords[cat]
		name := c.cp.nameOn(a.id, on)
		x := genDemand{id: int64(len(c.demands) + 1), area: a.id, category: cat, households: int64(10 + c.rng.IntN(400)), raised: on, status: cobuilding.Open,
			title:    strings.TrimSuffix(name, "社区") + demandPlaces[c.rng.IntN(len(demandPlaces))] + words[c.rng.IntN(len(words))],
			raisedBy: []string{"居民代表", "楼栋长", "居民小组长", "业主委员会"}[c.rng.IntN(4)]}
		tags := []string{cobuilding.Tags[c.rng.IntN(len(cobuilding.Tags))]}
		if c.rng.IntN(3) == 0 {
			tags = append(tags, cobuilding.Tags[c.rng.IntN(len(cobuilding.Tags))])
		}
		in := cobuilding.DemandInput{AreaID: a.id, Title: x.title, Category: cat, Tags: tags, Households: x.households, RaisedBy: x.raisedBy, RaisedOn: on}
		in.Tags = sortedTags(tags)
		x.tags = strings.Join(in.Tags, ",")
		c.demands = append(c.demands, x)
		c.op(cobOp{kind: "demand", demand: in, id: x.id})
	}
	for i := from; i < len(c.demands); i++ {
		d := &c.demands[i]
		if d.status != cobuilding.Open {
			continue
		}
		switch r := c.rng.IntN(4); {
		case r < 2:
			started := d.raised.AddDays(7 + c.rng.IntN(200))
			if started.After(last) {
				continue
			}
			met := []int{i}
			if c.rng.IntN(4) == 0 {
				for j := i + 1; j < len(c.demands) && !c.demands[j].raised.After(started); j++ {
					if c.demands[j].status == cobuilding.Open {
						met = append(met, j)
						break
					}
				}
			}
			c.project(a, met, started, last)
		case r == 2:
			on := d.raised.AddDays(30 + c.rng.IntN(500))
			if on.After(c.cp.today) {
				continue
			}
			c.close(d, on, "已通过其他渠道解决")
		}
	}
	// A community that ends leaves nothing open: what it still asked is
	// closed on its last day (its projects are done by then).
	if !a.ended.IsZero() && !a.ended.After(c.cp.today) {
		for i := from; i < len(c.demands); i++ {
			if d := &c.demands[i]; d.status == cobuilding.Open {
				c.close(d, last, "社区撤并，需求转交新社区")
			}
		}
	}
}

// close plans the close of demand d on on without a project.
func (c *cobPlan) close(d *genDemand, on date.Date, note string) {
	d.status, d.closed, d.note = cobuilding.Closed, on, note
	c.op(cobOp{kind: "close", target: d.id, on: on, demand: cobuilding.DemandInput{Note: note}})
}

// sortedTags is the Store's tags: distinct, sorted.
func sortedTags(tags []string) []string {
	out := slices.Clone(tags)
	slices.Sort(out)
	return slices.Compact(out)
}

// done counts the projects done.
func (c *cobPlan) done() int {
	n := 0
	for i := range c.projects {
		if !c.projects[i].done.IsZero() {
			n++
		}
	}
	return n
}
