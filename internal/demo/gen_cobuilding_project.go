package demo

import (
	"cmp"
	"slices"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
)

// subOf mirrors cobuilding's subdistrictOf: the subdistrict community id
// lay under on d (the community itself when none).
func (c *cobPlan) subOf(id int64, d date.Date) int64 {
	m := c.cp.m
	for _, i := range m.byDesc[id] {
		r := m.closure[i]
		if date.InSpan(r.from, r.to, d) && m.area(r.anc).level == area.Subdistrict {
			return r.anc
		}
	}
	return id
}

// orgFor is the organisation that coordinates a project of community id
// started on d: the community's own active that day, else its
// subdistrict's (the Store takes any organisation of the community or an
// area above it); 0 for none.
func (c *cobPlan) orgFor(id int64, d date.Date) int64 {
	m := c.cp.m
	for _, at := range []int64{id, c.subOf(id, d)} {
		for _, oid := range m.orgsOf[at] {
			if o := &m.orgs[oid-1]; date.InSpan(o.started, o.ended, d) {
				return oid
			}
		}
	}
	return 0
}

// stationedUnits lists the units active on d and located that day in a
// community under subdistrict sub (the Store's checkStationed).
func (c *cobPlan) stationedUnits(sub int64, d date.Date) []int64 {
	var out []int64
	for _, comm := range c.cp.under(sub, d) {
		for _, at := range c.cp.unitsAt[comm] {
			if u := &c.cp.pp.units[at.unit]; date.InSpan(at.from, at.to, d) && u.active(d) {
				out = append(out, u.id)
			}
		}
	}
	return out
}

// offered lists the resources offered in community id or by a department
// serving its subdistrict on d, by units still active then, those that
// fit category first.
func (c *cobPlan) offered(id, sub int64, d date.Date, category cobuilding.Category) []int64 {
	var fit, other []int64
	for _, at := range []int64{id, sub} {
		for _, i := range c.resAt[at] {
			r := &c.resources[i]
			if !date.InSpan(r.from, r.to, d) || (r.unit != 0 && !c.cp.pp.units[r.unit-1].active(d)) {
				continue
			}
			if cobuilding.Fits(category, r.kind) {
				fit = append(fit, r.id)
			} else {
				other = append(other, r.id)
			}
		}
	}
	return append(fit, other...)
}

var resultWords = map[cobuilding.Category][][2]string{
	"road":         {{"硬化道路", "米"}, {"铺设路面", "平方米"}},
	"sanitation":   {{"清运垃圾", "吨"}, {"清理楼道", "个"}},
	"drainage":     {{"疏通管道", "米"}, {"改造排水管网", "米"}},
	"greening":     {{"新增绿地", "平方米"}, {"补植树木", "棵"}},
	"security":     {{"安装防盗门", "个"}, {"增设监控探头", "个"}},
	"elderly_care": {{"服务老人", "人"}, {"建成助餐点", "个"}},
	"employment":   {{"培训人员", "人"}, {"帮助就业", "人"}},
	"culture":      {{"建成活动室", "平方米"}, {"安装健身器材", "件"}},
	"other":        {{"受益户数", "户"}, {"划设停车位", "个"}},
}

// project plans a project of community a meeting the demands met (indexes
// in demands) started on started: the resources chosen for it, what two
// to six units and departments give, and, for six in seven, its
// completion within eight months (with the results and, for some, the
// thanks); one in eight costs more than estimated.
func (c *cobPlan) project(a *memArea, met []int, started, last date.Date) {
	org := c.orgFor(a.id, started)
	if org == 0 {
		return
	}
	first := &c.demands[met[0]]
	sub := c.subOf(a.id, started)
	x := genCoProject{id: int64(len(c.projects) + 1), area: a.id, org: org, title: first.title, started: started,
		estimated: int64(30+c.rng.IntN(1170)) * wan / 10, actual: -1}
	in := cobuilding.ProjectInput{AreaID: a.id, OrgID: org, Title: x.title, StartedOn: started, EstimatedCost: x.estimated}
	for _, i := range met {
		d := &c.demands[i]
		d.status = cobuilding.Matched
		in.DemandIDs = append(in.DemandIDs, d.id)
		c.projDemands = append(c.projDemands, genLink{x.id, d.id})
	}
	offered := c.offered(a.id, sub, started, first.category)
	in.ResourceIDs = offered[:min(len(offered), c.rng.IntN(4))]
	for _, r := range in.ResourceIDs {
		c.projResources = append(c.projResources, genLink{x.id, r})
	}
	// The table's primary key orders a project's resources by id.
	slices.SortFunc(c.projResources[len(c.projResources)-len(in.ResourceIDs):], func(x, y genLink) int { return cmp.Compare(x.other, y.other) })
	c.projects = append(c.projects, x)
	c.op(cobOp{kind: "project", project: in, id: x.id})

	var done date.Date
	if c.rng.IntN(7) < 6 {
		if on := started.AddDays(10 + c.rng.IntN(230)); !on.After(last) {
			done = on
		}
	}
	if ends := a.ended; done.IsZero() && !ends.IsZero() && !ends.After(c.cp.today) {
		done = last // a community that ends finishes its projects first
	}
	end := done
	if end.IsZero() {
		end = earlier(last, started.AddDays(180))
	}
	c.give(x.id, a.id, in.ResourceIDs, started, end)
	if done.IsZero() {
		return
	}
	for range 1 + c.rng.IntN(2) {
		w := resultWords[first.category][c.rng.IntN(2)]
		r := genResult{id: int64(len(c.results) + 1), project: x.id, name: w[0], quantity: float64(5 + c.rng.IntN(800)), unit: w[1]}
		c.results = append(c.results, r)
		c.op(cobOp{kind: "result", result: cobuilding.ResultInput{ProjectID: x.id, Name: r.name, Quantity: r.quantity, Unit: r.unit}, id: r.id})
	}
	p := &c.projects[len(c.projects)-1]
	p.done, p.actual = done, x.estimated/100*int64(40+c.rng.IntN(56))
	if c.rng.IntN(8) == 0 {
		p.actual = x.estimated / 100 * int64(101+c.rng.IntN(20))
	}
	actual := p.actual
	c.op(cobOp{kind: "done", target: x.id, change: cobuilding.ProjectChange{Title: x.title, EstimatedCost: x.estimated, ActualCost: &actual, DoneOn: done}})
	for _, i := range met {
		c.demands[i].status, c.demands[i].closed = cobuilding.Done, done
	}
	c.thanks(x.id, a.id, done)
}

// give plans what two to six participants give project id of
// community comm between started and end: the units whose resources were
// chosen and other units stationed under the subdistrict that day, and a
// department now and then.
func (c *cobPlan) give(id, comm int64, chosen []int64, started, end date.Date) {
	want := 2 + c.rng.IntN(5)
	var givers []int64 // units first, then 0 for a department
	for _, r := range chosen {
		if u := c.resources[r-1].unit; u != 0 {
			givers = append(givers, u)
		}
	}
	for len(givers) < want {
		givers = append(givers, -1) // a unit chosen on the day
	}
	for i := range c.rng.IntN(3) {
		if i < len(givers) {
			givers[len(givers)-1-i] = 0
		}
	}
	for _, g := range givers {
		on := c.between(started, end)
		x := genContribution{project: id, given: on}
		switch {
		case g == 0:
			x.dept = serviceDepartments[c.rng.IntN(len(serviceDepartments))]
			x.kind = "free_service"
		default:
			units := c.stationedUnits(c.subOf(comm, on), on)
			if g > 0 && !slices.Contains(units, g) {
				g = -1
			}
			if g < 0 {
				if len(units) == 0 {
					continue
				}
				g = units[c.rng.IntN(len(units))]
			}
			x.unit = g
			x.kind = cobuilding.ContributionKinds[c.rng.IntN(len(cobuilding.ContributionKinds))]
		}
		switch x.kind {
		case "money":
			x.value, x.desc = int64(5+c.rng.IntN(295))*wan/10, "出资"
		case "land":
			x.value, x.desc = int64(50+c.rng.IntN(450))*wan/10, "提供场地"
		case "free_service":
			x.value, x.desc = int64(2+c.rng.IntN(100))*wan/10, "免费服务"
		case "labour":
			x.value, x.desc = int64(1+c.rng.IntN(30))*wan/10, "义务劳动"
		default:
			x.value, x.desc = int64(1+c.rng.IntN(20))*wan/10, "捐赠物资"
		}
		x.id = int64(len(c.contributions) + 1)
		c.contributions = append(c.contributions, x)
		c.op(cobOp{kind: "contribution", id: x.id, contribution: cobuilding.ContributionInput{ProjectID: id, UnitID: x.unit, Department: x.dept,
			Kind: x.kind, Value: x.value, Description: x.desc, GivenOn: on}})
	}
}

// thanks plans the feedback on project id of community comm done on done:
// none for most, one for a third (a banner, a letter or a rating), two for
// some.
func (c *cobPlan) thanks(id, comm int64, done date.Date) {
	n := 0
	switch r := c.rng.IntN(20); {
	case r < 3:
		n = 2
	case r < 9:
		n = 1
	}
	for range n {
		on := c.between(done, earlier(done.AddDays(60), c.cp.today))
		x := genFeedback{id: int64(len(c.feedback) + 1), project: id, on: on,
			by: c.cp.nameOn(comm, on) + []string{"居民", "居民代表", "业主委员会", "老年协会"}[c.rng.IntN(4)]}
		switch r := c.rng.IntN(10); {
		case r < 5:
			x.kind = cobuilding.Banner
		case r < 8:
			x.kind = "letter"
		default:
			x.kind, x.rating = "rating", 3+c.rng.IntN(3)
		}
		c.feedback = append(c.feedback, x)
		c.op(cobOp{kind: "feedback", id: x.id, feedback: cobuilding.FeedbackInput{ProjectID: id, Kind: x.kind, Rating: x.rating, GivenBy: x.by, GivenOn: on}})
	}
}
