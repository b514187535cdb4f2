package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/pii"
	"dangjian/internal/services"
)

// petitionCommunities receive the demo's petitions: communities that stand
// through the demo's years (湖心社区 moved from 西湖街道 to 南山街道), and two
// subdistricts that receive visits themselves.
var petitionCommunities = []string{"迎宾社区", "宾南社区", "河滨社区", "东湖社区", "望江社区", "官渡社区", "渡口社区", "新桥社区", "古井社区",
	"书院社区", "文昌社区", "育才社区", "和平社区", "红旗社区", "胜利社区", "建设社区", "光明社区", "西湖社区", "荷塘社区", "湖心社区",
	"南山社区", "松林社区", "竹园社区", "石桥社区", "河东街道", "官渡街道"}

// petitionMatters are what residents call about, by type.
var petitionMatters = []struct {
	kind   services.PetitionType
	titles []string
}{
	{"consult", []string{"低保申请条件咨询", "居住证办理咨询", "老年优待证咨询", "医保转移咨询"}},
	{"help", []string{"楼道灯不亮", "下水道堵塞", "独居老人无人照看", "停水无人通知", "电梯故障困人"}},
	{"complaint", []string{"广场舞噪音扰民", "餐馆油烟扰民", "小区垃圾清运不及时", "占道经营", "夜间施工噪音"}},
	{"report", []string{"违章搭建", "群租房安全隐患", "无证经营"}},
	{"suggestion", []string{"增设公交站点", "老旧小区加装电梯", "增加社区健身器材"}},
}

// petitionAgencies are the departments cases are sent to, the first ones
// most often (enough cases each year for the district's ranking).
var petitionAgencies = []string{"区城管局", "区城管局", "区城管局", "区住建局", "区住建局", "区市场监管局", "区市场监管局", "区水务局", "区民政局", "区公安分局"}

// petitionCallers are fictional residents.
var petitionCallers = []string{"张某", "王某", "李某", "赵某", "刘某", "陈某", "杨某", "黄某", "周某", "吴某"}

// loadPetitions records the demo's petitions (接诉即办) through
// services.PetitionStore: 40 cases a year in the demo's years, received
// by the communities and two subdistricts over the year, each taken as far
// as its dates allow: most accepted within 24 hours, some late; most
// resolved within their time limit, some late, some still open and
// overdue this year; most residents satisfied, some basically, some not.
// Three cases a year are collective (many residents' calls on one matter,
// a headcount of 6 to 40), always resolved: the speech's 化解集体上访. Callers'
// names and phones are fictional, the phones encrypted under keys (none
// when keys is nil).
func loadPetitions(ctx context.Context, b *builder, keys *pii.Keyring) error {
	s := services.NewPetitionStore(b.s.DB, b.s, keys)
	s.Today = b.s.Today
	s.Now = services.NoonOf(b.s.Today)
	today := b.s.Today()
	now := s.Now()
	zone := time.FixedZone("CST", 8*3600)
	rng := rand.New(rand.NewPCG(2025, 12345))
	phone := func(i int) string {
		if keys == nil {
			return ""
		}
		return fmt.Sprintf("1380000%04d", i%10000)
	}
	calls := 0
	for back := 4; back >= 0; back-- {
		for i := 0; i < 40; i++ {
			day := date.New(today.Year()-back, time.Month(1+i*12/40), 1+(i*7)%27)
			received := time.Date(day.Year(), day.Month(), day.Day(), 8+i%9, (i*13)%60, 0, 0, zone)
			if !received.Before(now.Add(-time.Hour)) {
				continue
			}
			m := petitionMatters[rng.IntN(len(petitionMatters))]
			collective := i%13 == 7
			in := services.PetitionReceipt{AreaID: b.ids[petitionCommunities[rng.IntN(len(petitionCommunities))]], Title: m.titles[rng.IntN(len(m.titles))],
				Type: m.kind, Collective: collective, ReceivedAt: received, Channel: services.PetitionChannels[rng.IntN(len(services.PetitionChannels))],
				CallerName: petitionCallers[rng.IntN(len(petitionCallers))], CallerPhone: phone(calls), Content: "居民反映情况"}
			if collective {
				in.Headcount, in.Channel = 6+rng.IntN(35), "visit"
			}
			calls++
			id, err := s.Receive(ctx, in)
			if err != nil {
				return fmt.Errorf("demo: petition %s: %w", in.Title, err)
			}
			c := petitionCase{s: s, ctx: ctx, id: id, today: today, now: now}
			if collective {
				// The neighbours' calls about the same matter.
				for k := 1; k <= 3; k++ {
					c.attach(received.Add(time.Duration(k)*40*time.Minute), petitionCallers[rng.IntN(len(petitionCallers))], phone(calls))
					calls++
				}
			}
			c.dispatch(received.Add(time.Hour), petitionAgencies[rng.IntN(len(petitionAgencies))])
			if back == 0 && i%6 == 5 && !collective {
				continue // this year's: dispatched, nobody took it yet (overdue)
			}
			accept := received.Add(3 * time.Hour)
			if r := rng.IntN(100); r < 10 && !collective {
				accept = received.Add(30 * time.Hour) // responded late
			}
			c.accept(accept)
			c.reply(accept.Add(20 * time.Hour))
			limit := services.PetitionLimitDays[m.kind]
			resolved := date.Of(received).AddDays(limit / 2)
			if r := rng.IntN(100); r < 12 && !collective {
				resolved = date.Of(received).AddDays(limit + 3) // resolved late
			}
			if resolved.Before(date.Of(accept.Add(20 * time.Hour).In(zone))) {
				resolved = date.Of(accept.Add(20 * time.Hour).In(zone))
			}
			c.resolve(resolved)
			c.verify(resolved.AddDays(1))
			sat := services.Satisfaction("satisfied")
			switch r := rng.IntN(100); {
			case r < 12:
				sat = "unsatisfied"
			case r < 30:
				sat = "basically"
			}
			c.callBack(resolved.AddDays(2), sat)
			if c.err != nil {
				return fmt.Errorf("demo: petition %s: %w", in.Title, c.err)
			}
		}
	}
	return nil
}

// petitionCase takes one demo case through its steps, each only when its
// time has come by the demo's clock; the first refusal stops it.
type petitionCase struct {
	s     *services.PetitionStore
	ctx   context.Context
	id    int64
	today date.Date
	now   time.Time
	err   error
	// stopped: a step's time has not come, nor will the later ones'.
	stopped bool
}

func (c *petitionCase) at(t time.Time, f func() error) {
	if c.err != nil || c.stopped {
		return
	}
	if t.After(c.now) {
		c.stopped = true
		return
	}
	c.err = f()
}

func (c *petitionCase) on(d date.Date, f func() error) {
	if c.err != nil || c.stopped {
		return
	}
	if d.After(c.today) {
		c.stopped = true
		return
	}
	c.err = f()
}

func (c *petitionCase) attach(t time.Time, caller, phone string) {
	c.at(t, func() error {
		_, err := c.s.Receive(c.ctx, services.PetitionReceipt{CaseID: c.id, ReceivedAt: t, Channel: "hotline", CallerName: caller, CallerPhone: phone, Content: "同一事项"})
		return err
	})
}

func (c *petitionCase) dispatch(t time.Time, dept string) {
	c.at(t, func() error { return c.s.Dispatch(c.ctx, c.id, services.PetitionStep{At: t, Department: dept}) })
}

func (c *petitionCase) accept(t time.Time) {
	c.at(t, func() error { return c.s.Accept(c.ctx, c.id, t) })
}

func (c *petitionCase) reply(t time.Time) {
	c.at(t, func() error { return c.s.Reply(c.ctx, c.id, t, "已联系居民并答复办理意见") })
}

func (c *petitionCase) resolve(d date.Date) {
	c.on(d, func() error { return c.s.Resolve(c.ctx, c.id, d) })
}

func (c *petitionCase) verify(d date.Date) {
	c.on(d, func() error { return c.s.Verify(c.ctx, c.id, d) })
}

func (c *petitionCase) callBack(d date.Date, sat services.Satisfaction) {
	c.on(d, func() error { return c.s.CallBack(c.ctx, c.id, d, sat) })
}
