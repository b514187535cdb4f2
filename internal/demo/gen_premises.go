package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/premises"
)

// Part three of the generated tree: every community's premises (one to
// three, office and service, tenure mixed) with their rooms, its office
// funding year by year (some years missing), land for about a third of
// them, its households counted every year, a premises standard per
// district (some subdistricts set a stricter one), and the three-lacks
// committees (about 15 % of those at the start) that get offices through
// building projects paid by the four shares (四个一点), some of them still
// three-lacks or with a project under way at the end. As for the other
// parts, every row is one premises.Store would write for the same
// operation (TestGenerateMatchesStore replays the operations through
// premises.Store and compares the tables); the audit entries are not
// generated.

type genPremises struct {
	id, area  int64
	address   string
	use       premises.Use
	floor     int64
	tenure    premises.Tenure
	project   int64
	from, to  date.Date
	firstRoom int
}

type genRoom struct {
	id, premises int64
	kind         premises.RoomKind
	floor        int64
	from, to     date.Date
}

type genOfficeFunding struct {
	id, area int64
	year     int
	amount   int64
	source   string
}

type genLand struct {
	id, area int64
	land     int64
	location string
	from, to date.Date
}

type genProject struct {
	id, area int64
	name     string
	cost     int64
	started  date.Date
}

type genStep struct {
	project int64
	step    premises.Step
	on      date.Date
}

type genWaiver struct {
	id, project int64
	amount      int64
	by          string
	on          date.Date
}

type genProjectFunding struct {
	id, project int64
	source      premises.Source
	amount      int64
	received    date.Date
	note        string
}

type genStandard struct {
	id, area        int64
	minArea, per100 int64
	from            date.Date
}

type genHouseholds struct {
	id, area   int64
	households int
	counted    date.Date
}

// premOp is one recorded premises.Store call, kept only when the planner
// records (the replay test), with the id it established (0 for a step).
type premOp struct {
	kind       string
	premises   premises.PremisesInput
	room       premises.RoomInput
	office     premises.OfficeFundingInput
	land       premises.LandInput
	project    premises.ProjectInput
	step       premises.StepInput
	funding    premises.FundingInput
	waiver     premises.WaiverInput
	standard   premises.StandardInput
	households premises.HouseholdsInput
	id         int64
}

// premPlan holds part three's rows.
type premPlan struct {
	m       *memDB
	rng     *rand.Rand
	today   date.Date
	start   date.Date
	record  bool
	ops     []premOp
	namesOf map[int64][]int

	premises   []genPremises
	rooms      []genRoom
	office     []genOfficeFunding
	land       []genLand
	projects   []genProject
	steps      []genStep
	waivers    []genWaiver
	funding    []genProjectFunding
	standards  []genStandard
	households []genHouseholds

	// Counted while planning, for the progress line and the tests.
	threeLacks, solved, underWay int
}

// planPremises plans part three of a planned tree.
func planPremises(p *planner, o GenOptions, record bool) *premPlan {
	c := &premPlan{m: p.m, rng: rand.New(rand.NewPCG(o.Seed^0x9e3, o.Seed+31)), today: o.Today, start: p.start, record: record, namesOf: map[int64][]int{}}
	c.run()
	return c
}

func (c *premPlan) op(o premOp) {
	if c.record {
		c.ops = append(c.ops, o)
	}
}

func (c *premPlan) between(a, b date.Date) date.Date {
	n := days(a, b)
	if n <= 0 {
		return a
	}
	return a.AddDays(c.rng.IntN(n + 1))
}

// nameOn is the name of area id on day d.
func (c *premPlan) nameOn(id int64, d date.Date) string {
	for _, i := range c.namesOf[id] {
		if n := c.m.names[i]; date.InSpan(n.from, n.to, d) {
			return n.name
		}
	}
	return c.m.area(id).name
}

func (c *premPlan) run() {
	for i, n := range c.m.names {
		c.namesOf[n.area] = append(c.namesOf[n.area], i)
	}
	// The standards first: one per district from the start, a stricter
	// one in about one subdistrict of eight from a later day.
	for i := range c.m.areas {
		a := &c.m.areas[i]
		switch {
		case a.level == area.District:
			c.standard(a.id, 60_00+int64(c.rng.IntN(5))*10_00, 8_00+int64(c.rng.IntN(5))*1_00, later(a.established, c.start))
		case a.level == area.Subdistrict && c.rng.IntN(8) == 0:
			from := c.between(later(a.established, c.start), c.today)
			c.standard(a.id, 150_00+int64(c.rng.IntN(6))*10_00, 12_00+int64(c.rng.IntN(4))*1_00, from)
		}
	}
	for i := range c.m.areas {
		if a := &c.m.areas[i]; a.level == area.Community && !a.established.After(c.today) {
			c.community(a)
		}
	}
}

func (c *premPlan) standard(areaID, minArea, per100 int64, from date.Date) {
	x := genStandard{id: int64(len(c.standards) + 1), area: areaID, minArea: minArea, per100: per100, from: from}
	c.standards = append(c.standards, x)
	c.op(premOp{kind: "standard", standard: premises.StandardInput{AreaID: areaID, MinArea: minArea, Per100Household: per100, FromOn: from}, id: x.id})
}

// lastDay is the last day community a is active and within the history.
func (c *premPlan) lastDay(a *memArea) date.Date {
	if !a.ended.IsZero() && !a.ended.After(c.today) {
		return a.ended.AddDays(-1)
	}
	return c.today
}

// community plans part three of community a: three-lacks at the start for
// about one in seven of those then active, else premises from its first
// day in the history.
func (c *premPlan) community(a *memArea) {
	first := later(a.established, c.start)
	last := c.lastDay(a)
	if last.Before(first) {
		return
	}
	c.countHouseholds(a, first, last)
	if !a.established.After(c.start) && c.rng.IntN(100) < 15 {
		c.threeLacksCommittee(a, first, last)
		return
	}
	// The main office from the first day; a service centre or a second
	// office later for some, a rented annex for a while for a few.
	c.openPremises(a, premises.Office, first, a.ended, 80_00+int64(c.rng.IntN(180))*1_00)
	if c.rng.IntN(2) == 0 {
		c.openPremises(a, premises.Service, c.between(first, last), a.ended, 60_00+int64(c.rng.IntN(200))*1_00)
	}
	if c.rng.IntN(5) == 0 {
		from := c.between(first, last)
		to := from.AddDays(180 + c.rng.IntN(900))
		if to.After(last) {
			to = a.ended
		}
		c.openPremises(a, premises.Office, from, to, 30_00+int64(c.rng.IntN(60))*1_00)
	}
	// Office funding every year but about one in ten.
	c.officeFunding(a, first.Year(), last.Year(), 10)
	if c.rng.IntN(3) == 0 {
		c.addLand(a, c.between(first, earlier(last, first.AddDays(3*365))))
	}
}

// threeLacksCommittee plans a committee with no office premises, funding
// or land at the start: three in five get an office through a building
// project (funding follows the year after), one in five has a project
// under way at the end, the rest stay three-lacks (some get land).
func (c *premPlan) threeLacksCommittee(a *memArea, first, last date.Date) {
	c.threeLacks++
	switch r := c.rng.IntN(5); {
	case r < 3:
		// Started any time up to a year and a half before the end, so
		// that committees are solved in every year (the latest ones may
		// still be under way).
		started := c.between(first.AddDays(30), last.AddDays(-540))
		done, planned := c.project(a, started, last, true)
		if done.IsZero() {
			if planned {
				c.underWay++
			}
			return
		}
		c.solved++
		if done.Year() < last.Year() {
			c.officeFunding(a, done.Year()+1, last.Year(), 8)
		}
		if c.rng.IntN(4) == 0 && done.Before(last) {
			c.addLand(a, c.between(done.AddDays(1), last))
		}
	case r < 4:
		started := c.between(later(first, c.today.AddDays(-500)), c.today.AddDays(-60))
		if _, planned := c.project(a, started, last, false); planned {
			c.underWay++
		}
	default:
		if c.rng.IntN(4) == 0 {
			c.addLand(a, c.between(first.AddDays(1), last))
		}
	}
}

// project plans a building project of community a started on started: its
// steps a few months apart up to completion (or, when complete is false or
// a step would fall after last, up to the last reached), funding by the
// four shares (a unit's or another share sometimes) and a fee waiver for
// one project in three. It returns the day of completion (zero when not
// completed) and whether the project was planned at all.
func (c *premPlan) project(a *memArea, started, last date.Date, complete bool) (date.Date, bool) {
	if started.After(last) {
		return date.Date{}, false
	}
	cost := int64(30+c.rng.IntN(71)) * wan
	x := genProject{id: int64(len(c.projects) + 1), area: a.id, cost: cost, started: started}
	x.name = c.nameOn(a.id, started) + []string{"办公用房建设", "党群服务中心建设", "办公楼新建工程"}[c.rng.IntN(3)]
	c.projects = append(c.projects, x)
	c.op(premOp{kind: "project", project: premises.ProjectInput{AreaID: a.id, Name: x.name, Cost: cost, StartedOn: started}, id: x.id})

	gaps := [][2]int{{5, 30}, {30, 120}, {30, 120}, {20, 90}, {150, 400}}
	reach := len(premises.Steps)
	if !complete {
		reach = 1 + c.rng.IntN(len(premises.Steps)-1)
	}
	on := started
	var dates []date.Date
	for i := range reach {
		next := on.AddDays(gaps[i][0] + c.rng.IntN(gaps[i][1]-gaps[i][0]+1))
		if next.After(last) {
			break
		}
		on = next
		dates = append(dates, on)
	}
	// The money, from the funding step (or the start) on, never more than
	// the cost: the four shares and a unit's or another for some.
	fundFrom := started
	if len(dates) > 1 {
		fundFrom = dates[1]
	}
	fundTo := last
	if len(dates) == len(premises.Steps) {
		fundTo = dates[len(dates)-1]
	}
	shares := []struct {
		src premises.Source
		pct int
	}{{"city", 25 + c.rng.IntN(6)}, {"district", 20 + c.rng.IntN(6)}, {"subdistrict", 15 + c.rng.IntN(6)}, {"self", 5 + c.rng.IntN(6)}}
	if c.rng.IntN(4) == 0 {
		shares = append(shares, struct {
			src premises.Source
			pct int
		}{"unit", 3 + c.rng.IntN(5)})
	}
	if c.rng.IntN(6) == 0 {
		shares = append(shares, struct {
			src premises.Source
			pct int
		}{"other", 2 + c.rng.IntN(4)})
	}
	for _, s := range shares {
		if len(dates) < len(premises.Steps) && c.rng.IntN(3) == 0 {
			continue // not received yet
		}
		f := genProjectFunding{id: int64(len(c.funding) + 1), project: x.id, source: s.src, amount: cost / 100 * int64(s.pct), received: c.between(fundFrom, fundTo)}
		switch s.src {
		case "unit":
			f.note = "驻区单位支持"
		case "other":
			f.note = "社会捐赠"
		}
		c.funding = append(c.funding, f)
		c.op(premOp{kind: "funding", funding: premises.FundingInput{ProjectID: x.id, Source: f.source, Amount: f.amount, ReceivedOn: f.received, Note: f.note}, id: f.id})
	}
	if len(dates) >= 3 && c.rng.IntN(3) == 0 {
		w := genWaiver{id: int64(len(c.waivers) + 1), project: x.id, amount: int64(1+c.rng.IntN(5)) * wan,
			by: []string{"规划局", "住建局", "国土局"}[c.rng.IntN(3)], on: dates[2]}
		c.waivers = append(c.waivers, w)
		c.op(premOp{kind: "waiver", waiver: premises.WaiverInput{ProjectID: x.id, Amount: w.amount, WaivedBy: w.by, On: w.on}, id: w.id})
	}
	for i, on := range dates {
		st := premises.Steps[i]
		c.steps = append(c.steps, genStep{project: x.id, step: st, on: on})
		in := premises.StepInput{ProjectID: x.id, Step: st, On: on}
		if st == premises.Completed {
			use := []premises.Use{premises.Office, premises.Service}[c.rng.IntN(2)]
			pi := premises.PremisesInput{Address: c.address(a.id, on), Use: use, FloorArea: 100_00 + int64(c.rng.IntN(200))*1_00, Tenure: premises.Owned, ToOn: a.ended}
			in.Premises = &pi
			c.op(premOp{kind: "step", step: in})
			c.addPremises(a.id, pi.Address, use, pi.FloorArea, premises.Owned, x.id, on, a.ended, false)
			continue
		}
		c.op(premOp{kind: "step", step: in})
	}
	if len(dates) == len(premises.Steps) {
		return dates[len(dates)-1], true
	}
	return date.Date{}, true
}

// address is an address in community id on day d.
func (c *premPlan) address(id int64, d date.Date) string {
	return fmt.Sprintf("%s%s%d号", c.nameOn(id, d), []string{"路", "街", "巷", "大道"}[c.rng.IntN(4)], 1+c.rng.IntN(300))
}

// openPremises plans premises of community a opened with OpenPremises.
func (c *premPlan) openPremises(a *memArea, use premises.Use, from, to date.Date, floor int64) {
	tenure := premises.Tenures[c.rng.IntN(len(premises.Tenures))]
	c.addPremises(a.id, c.address(a.id, from), use, floor, tenure, 0, from, to, true)
}

// roomKinds weigh the seed's four kinds above the others.
var roomKinds = []premises.RoomKind{"party_activity", "party_activity", "party_activity", "e_learning", "e_learning", "fitness", "fitness", "library", "library",
	"meeting", "service_hall", "other"}

// addPremises plans premises (recorded as an OpenPremises call when open
// is true, else by the completing step already recorded) and one to four
// rooms in them, from their first day or later, ending with them.
func (c *premPlan) addPremises(areaID int64, address string, use premises.Use, floor int64, tenure premises.Tenure, project int64, from, to date.Date, open bool) {
	x := genPremises{id: int64(len(c.premises) + 1), area: areaID, address: address, use: use, floor: floor, tenure: tenure, project: project, from: from, to: to, firstRoom: len(c.rooms)}
	c.premises = append(c.premises, x)
	if open {
		c.op(premOp{kind: "premises", premises: premises.PremisesInput{AreaID: areaID, Address: address, Use: use, FloorArea: floor, Tenure: tenure, FromOn: from, ToOn: to}, id: x.id})
	}
	last := c.today
	if !to.IsZero() && to.AddDays(-1).Before(last) {
		last = to.AddDays(-1)
	}
	n := 1 + c.rng.IntN(4)
	if project != 0 {
		n = 2 + c.rng.IntN(3)
	}
	for range n {
		rf := from
		if c.rng.IntN(3) == 0 {
			rf = c.between(from, last)
		}
		r := genRoom{id: int64(len(c.rooms) + 1), premises: x.id, kind: roomKinds[c.rng.IntN(len(roomKinds))], floor: floor / 100 * int64(10+c.rng.IntN(30)), from: rf, to: to}
		c.rooms = append(c.rooms, r)
		c.op(premOp{kind: "room", room: premises.RoomInput{PremisesID: x.id, Kind: r.kind, FloorArea: r.floor, FromOn: r.from, ToOn: r.to}, id: r.id})
	}
}

var fundingSources = []string{"区财政", "街道拨款", "市财政", "区财政（含社区工作经费）"}

// officeFunding plans community a's office funding for the years from–to
// (within its life), leaving out about one year in skip.
func (c *premPlan) officeFunding(a *memArea, from, to, skip int) {
	for y := from; y <= to; y++ {
		if !a.ended.IsZero() && !a.ended.After(date.New(y, time.January, 1)) {
			break
		}
		if c.rng.IntN(skip) == 0 {
			continue
		}
		rows := 1
		if c.rng.IntN(6) == 0 {
			rows = 2
		}
		for i := range rows {
			x := genOfficeFunding{id: int64(len(c.office) + 1), area: a.id, year: y, amount: int64(2+c.rng.IntN(9)) * wan / 2, source: fundingSources[(c.rng.IntN(2)+2*i)%len(fundingSources)]}
			c.office = append(c.office, x)
			c.op(premOp{kind: "office", office: premises.OfficeFundingInput{AreaID: a.id, Year: y, Amount: x.amount, Source: x.source}, id: x.id})
		}
	}
}

// addLand plans land of community a from a day, to its end.
func (c *premPlan) addLand(a *memArea, from date.Date) {
	x := genLand{id: int64(len(c.land) + 1), area: a.id, land: int64(200+c.rng.IntN(3000)) * 1_00, location: c.nameOn(a.id, from) + []string{"东侧地块", "西侧地块", "南片区", "北片区"}[c.rng.IntN(4)], from: from, to: a.ended}
	c.land = append(c.land, x)
	c.op(premOp{kind: "land", land: premises.LandInput{AreaID: a.id, LandArea: x.land, Location: x.location, FromOn: from, ToOn: x.to}, id: x.id})
}

// countHouseholds plans a household count of community a every year, on
// a day of that year within its life.
func (c *premPlan) countHouseholds(a *memArea, first, last date.Date) {
	n := 300 + c.rng.IntN(1900)
	for y := first.Year(); y <= last.Year(); y++ {
		from, to := date.YearBounds(y)
		from, to = later(from, first), earlier(to, last)
		if to.Before(from) {
			continue
		}
		x := genHouseholds{id: int64(len(c.households) + 1), area: a.id, households: n, counted: c.between(from, to)}
		c.households = append(c.households, x)
		c.op(premOp{kind: "households", households: premises.HouseholdsInput{AreaID: a.id, Households: n, CountedOn: x.counted}, id: x.id})
		n += n * (c.rng.IntN(11) - 3) / 100
	}
}

// earlier is the earlier of two days.
func earlier(a, b date.Date) date.Date {
	if a.Before(b) {
		return a
	}
	return b
}
