package demo

import (
	"math/rand/v2"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/services"
)

// Petitions of the generated tree (part four (b)): cases received by
// every subdistrict and community over its life, by hotline mostly, of
// the five types, one in fifty collective with its headcount and several
// residents' requests; each dispatched to a department within hours,
// accepted (most within the day, some later: the response rate), replied
// to, resolved (some after their time limit), verified and called back
// for the resident's satisfaction (some unsatisfied), the latest ones
// still open at some step. An area that ends has resolved its cases by
// then. As for the other parts, every row is one services.PetitionStore
// would write for the same operations (TestGenerateMatchesStore replays
// them; the callers' phones are encrypted, so the replay compares them
// decrypted).

type genPetition struct {
	id, area                       int64
	title                          string
	channel                        services.PetitionChannel
	kind                           services.PetitionType
	collective                     bool
	headcount                      int
	received, respondBy, due       time.Time
	department                     string
	dispatched, accepted, replied  time.Time
	reply                          string
	resolved, verified, calledBack date.Date
	satisfaction                   services.Satisfaction
}

type genPetitionRequest struct {
	id, petition int64
	received     time.Time
	channel      services.PetitionChannel
	caller       string
	phone        string // in clear until written
	content      string
}

// petOp is one recorded PetitionStore call.
type petOp struct {
	kind    string
	receipt services.PetitionReceipt
	step    services.PetitionStep
	target  int64
	id      int64
}

// petPlan holds the petitions' rows.
type petPlan struct {
	cp     *coordPlan
	rng    *rand.Rand
	now    time.Time
	record bool
	ops    []petOp

	cases    []genPetition
	requests []genPetitionRequest
}

var cstZone = time.FixedZone("CST", 8*3600)

// planPetitions plans about o.Tier.Petitions cases over the ten years.
func planPetitions(cp *coordPlan, o GenOptions, record bool) *petPlan {
	c := &petPlan{cp: cp, rng: rand.New(rand.NewPCG(o.Seed^0x9e7, o.Seed+43)), record: record,
		now: services.NoonOf(func() date.Date { return o.Today })().UTC()}
	c.run(o.Tier.Petitions)
	return c
}

func (c *petPlan) op(o petOp) {
	if c.record {
		c.ops = append(c.ops, o)
	}
}

func (c *petPlan) run(total int) {
	m := c.cp.m
	type life struct {
		a           *memArea
		first, last date.Date
	}
	var areas []life
	all := 0
	for i := range m.areas {
		a := &m.areas[i]
		if a.level != area.Community && a.level != area.Subdistrict {
			continue
		}
		first, last := later(a.established, c.cp.start), c.cp.today
		if !a.ended.IsZero() && !a.ended.After(c.cp.today) {
			last = a.ended.AddDays(-1)
		}
		if !last.Before(first) {
			areas = append(areas, life{a, first, last})
			all += days(first, last) + 1
		}
	}
	if total <= 0 || all == 0 {
		return
	}
	for _, l := range areas {
		mean := float64(total) * float64(days(l.first, l.last)+1) / float64(all)
		n := int(mean * (0.7 + 0.6*c.rng.Float64()))
		ends := !l.a.ended.IsZero() && !l.a.ended.After(c.cp.today)
		for range n {
			c.petition(l.a, dayBetween(c.rng, l.first, l.last), l.last, ends)
		}
	}
}

var (
	petitionTitles = map[services.PetitionType][]string{
		"consult":    {"咨询低保申请流程", "咨询居住证办理", "咨询养老保险缴费", "咨询入学政策"},
		"help":       {"独居老人家中漏水求助", "困难家庭申请临时救助", "楼道灯不亮求助", "下水道堵塞求助"},
		"complaint":  {"投诉夜间施工噪音", "投诉餐馆油烟扰民", "投诉小区垃圾清运不及时", "投诉占道经营"},
		"report":     {"举报违章搭建", "举报群租房安全隐患", "举报非法小广告", "举报私拉电线"},
		"suggestion": {"建议增设公交站点", "建议小区增设充电桩", "建议增设健身器材", "建议延长社区服务时间"},
	}
	petitionDepartments = []string{"区城管局", "区住建局", "区生态环境分局", "区民政局", "区人社局", "区市场监管局", "街道综治办", "区房管所"}
	petitionTypeWeights = []services.PetitionType{"consult", "consult", "help", "help", "help", "complaint", "complaint", "complaint", "complaint", "report", "suggestion"}
)

// at is a time of day on d, between 8:00 and 20:00 in China.
func (c *petPlan) at(d date.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 8+c.rng.IntN(12), c.rng.IntN(60), 0, 0, cstZone).UTC()
}

// petition plans a case of area a received on day on and its steps up to
// now; when the area ends (last is its last day) every step is taken by
// then.
func (c *petPlan) petition(a *memArea, on, last date.Date, ends bool) {
	received := c.at(on)
	if received.After(c.now) {
		received = c.now.Add(-time.Duration(1+c.rng.IntN(180)) * time.Minute)
	}
	kind := petitionTypeWeights[c.rng.IntN(len(petitionTypeWeights))]
	x := genPetition{id: int64(len(c.cases) + 1), area: a.id, kind: kind, headcount: 1, received: received,
		title:   petitionTitles[kind][c.rng.IntN(len(petitionTitles[kind]))],
		channel: []services.PetitionChannel{"hotline", "hotline", "hotline", "online", "visit", "letter", "other"}[c.rng.IntN(7)]}
	if c.rng.IntN(50) == 0 {
		x.collective, x.headcount = true, 2+c.rng.IntN(60)
		x.channel = "visit"
	}
	x.respondBy = received.Add(services.PetitionResponseHours * time.Hour)
	x.due = received.AddDate(0, 0, services.PetitionLimitDays[kind])
	c.cases = append(c.cases, x)
	p := &c.cases[len(c.cases)-1]
	requests := 1
	if p.collective {
		requests = 2 + c.rng.IntN(4)
	}
	for i := range requests {
		at := received
		if i > 0 {
			at = received.Add(time.Duration(c.rng.IntN(48*60)) * time.Minute)
			if at.After(c.now) {
				break
			}
		}
		r := genPetitionRequest{id: int64(len(c.requests) + 1), petition: p.id, received: at, channel: p.channel,
			caller: fakeName(c.rng), phone: fakePhone(len(c.requests)), content: p.title}
		c.requests = append(c.requests, r)
		rc := services.PetitionReceipt{CaseID: p.id, ReceivedAt: at, Channel: r.channel, CallerName: r.caller, CallerPhone: r.phone, Content: r.content}
		if i == 0 {
			rc = services.PetitionReceipt{AreaID: a.id, Title: p.title, Type: kind, Collective: p.collective, Headcount: p.headcount,
				ReceivedAt: at, Channel: r.channel, CallerName: r.caller, CallerPhone: r.phone, Content: r.content}
		}
		c.op(petOp{kind: "receive", receipt: rc, id: p.id})
	}
	// The steps, each after the one before, while before now (and, for
	// an area that ends, all of them by its last day).
	limit := c.now
	if ends {
		limit = time.Date(last.Year(), last.Month(), last.Day(), 23, 0, 0, 0, cstZone).UTC()
	}
	dispatched := received.Add(time.Duration(20+c.rng.IntN(6*60)) * time.Minute)
	if ends && dispatched.After(limit) {
		dispatched = received.Add(time.Minute)
	}
	if dispatched.After(c.now) {
		return
	}
	p.dispatched, p.department = dispatched, petitionDepartments[c.rng.IntN(len(petitionDepartments))]
	c.op(petOp{kind: "dispatch", target: p.id, step: services.PetitionStep{At: dispatched, Department: p.department}})
	hours := 1 + c.rng.IntN(20)
	if c.rng.IntN(8) == 0 {
		hours = 24 + c.rng.IntN(48) // accepted late: not responded in time
	}
	accepted := dispatched.Add(time.Duration(hours) * time.Hour)
	if ends && accepted.After(limit) {
		accepted = dispatched.Add(time.Minute)
	}
	if accepted.After(c.now) {
		return
	}
	p.accepted = accepted
	c.op(petOp{kind: "accept", target: p.id, step: services.PetitionStep{At: accepted}})
	replied := accepted.Add(time.Duration(1+c.rng.IntN(72)) * time.Hour)
	if ends && replied.After(limit) {
		replied = accepted.Add(time.Minute)
	}
	if replied.After(c.now) {
		return
	}
	p.replied, p.reply = replied, "已联系居民并处理"
	c.op(petOp{kind: "reply", target: p.id, step: services.PetitionStep{At: replied, Reply: p.reply}})
	// Resolved within the limit mostly; one in six late.
	days := c.rng.IntN(services.PetitionLimitDays[kind] + 1)
	if c.rng.IntN(6) == 0 {
		days = services.PetitionLimitDays[kind] + 1 + c.rng.IntN(20)
	}
	resolved := date.Of(replied.In(cstZone)).AddDays(days)
	if ends && resolved.After(last) {
		resolved = date.Of(replied.In(cstZone)) // by its last day
	}
	if resolved.After(c.cp.today) {
		return
	}
	p.resolved = resolved
	c.op(petOp{kind: "resolve", target: p.id, step: services.PetitionStep{On: resolved}})
	verified := resolved.AddDays(c.rng.IntN(4))
	if (ends && verified.After(last)) || verified.After(c.cp.today) {
		verified = resolved
	}
	p.verified = verified
	c.op(petOp{kind: "verify", target: p.id, step: services.PetitionStep{On: verified}})
	if c.rng.IntN(7) == 0 {
		return // not called back
	}
	back := verified.AddDays(c.rng.IntN(6))
	if (ends && back.After(last)) || back.After(c.cp.today) {
		back = verified
	}
	p.calledBack = back
	switch r := c.rng.IntN(100); {
	case r < 75:
		p.satisfaction = "satisfied"
	case r < 93:
		p.satisfaction = "basically"
	default:
		p.satisfaction = "unsatisfied"
	}
	c.op(petOp{kind: "callback", target: p.id, step: services.PetitionStep{On: back, Satisfaction: p.satisfaction}})
}

// dayOfCST is the day of t in China, a case's received_on.
func dayOfCST(t time.Time) date.Date { return date.Of(t.In(cstZone)) }

// stamp is a petition time as the Store keeps it.
func stamp(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
