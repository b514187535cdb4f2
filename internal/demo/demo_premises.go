package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/premises"
)

// wan is 1 万元 in fen.
const wan = 1_000_000

// threeLacksAtStart are the demo's committees with no office premises, no
// office funding and no land when its history starts (the seed's 三无居委).
var threeLacksAtStart = map[string]bool{"迎宾社区": true, "宾南社区": true, "官渡社区": true, "书院社区": true, "望江社区": true, "古井社区": true, "胜利社区": true}

// loadPremises records part three of the demo through premises.Store: the
// other committees have premises, yearly office funding and some land from
// the start; 迎宾, 官渡 and 书院 get offices through building projects paid
// by the four shares (四个一点), with rooms of every kind; 宾南 rents
// premises; 望江 gets land only; 古井 stays three-lacks and 胜利's project is
// under way; the new 阳光里社区 has nothing yet. The district sets a
// standard and 河东街道 a stricter one, so some communities fall below.
func loadPremises(ctx context.Context, b *builder, on func(back int, m time.Month, d int) date.Date) error {
	s := premises.NewStore(b.s.DB, b.s)
	s.Today = b.s.Today
	p := &premisesBuilder{ctx: ctx, s: s, ids: b.ids}
	start := on(5, 1, 1)
	p.do("district standard", func() error {
		_, err := s.SetStandard(ctx, premises.StandardInput{AreaID: b.ids["示范区"], MinArea: 60_00, Per100Household: 15_00, FromOn: start})
		return err
	})
	p.do("河东 standard", func() error {
		_, err := s.SetStandard(ctx, premises.StandardInput{AreaID: b.ids["河东街道"], MinArea: 100_00, Per100Household: 15_00, FromOn: on(2, 1, 1)})
		return err
	})

	// The committees that had premises from the start, and the ones set
	// up later with premises from their first day.
	i := 0
	for _, sd := range demoSubdistricts {
		for _, c := range sd.communities {
			if !threeLacksAtStart[c] {
				p.established(c, start, on, i)
				i++
			}
		}
	}
	for _, c := range []string{"金色家园社区", "新华东社区", "新华西社区", "滨江花园社区", "锦绣城社区"} {
		a, err := b.s.Get(ctx, b.ids[c])
		if err != nil {
			return err
		}
		p.established(c, a.EstablishedOn, on, i)
		i++
	}

	// 迎宾社区: the seed's office building, all four shares and a unit's.
	p.project("迎宾社区", "迎宾社区办公楼", 60*wan, on(4, 3, 1),
		[]premises.FundingInput{{Source: "city", Amount: 20 * wan, ReceivedOn: on(4, 6, 1)}, {Source: "district", Amount: 15 * wan, ReceivedOn: on(4, 8, 1)},
			{Source: "subdistrict", Amount: 10 * wan, ReceivedOn: on(4, 9, 1)}, {Source: "self", Amount: 8 * wan, ReceivedOn: on(4, 10, 1)},
			{Source: "unit", Amount: 5 * wan, ReceivedOn: on(4, 10, 15), Note: "示范市房管所"}},
		[]date.Date{on(4, 3, 10), on(4, 6, 1), on(4, 9, 20), on(4, 11, 1), on(3, 6, 18)},
		premises.PremisesInput{Address: "迎宾一巷1号", Use: premises.Office, FloorArea: 180_00, Tenure: premises.Owned},
		"party_activity", "e_learning", "fitness", "library")
	p.do("waiver", func() error {
		_, err := s.AddWaiver(ctx, premises.WaiverInput{ProjectID: p.last, Amount: 3 * wan, WaivedBy: "示范市规划局", On: on(4, 9, 20)})
		return err
	})
	p.project("官渡社区", "官渡社区党群服务中心", 40*wan, on(3, 2, 1),
		[]premises.FundingInput{{Source: "city", Amount: 12 * wan, ReceivedOn: on(3, 4, 1)}, {Source: "district", Amount: 10 * wan, ReceivedOn: on(3, 5, 1)},
			{Source: "subdistrict", Amount: 8 * wan, ReceivedOn: on(3, 5, 20)}, {Source: "self", Amount: 5 * wan, ReceivedOn: on(3, 6, 1)},
			{Source: "other", Amount: 2 * wan, ReceivedOn: on(3, 7, 1), Note: "社会捐赠"}},
		[]date.Date{on(3, 2, 10), on(3, 6, 1), on(3, 8, 1), on(3, 10, 1), on(2, 9, 1)},
		premises.PremisesInput{Address: "官渡路12号", Use: premises.Service, FloorArea: 120_00, Tenure: premises.Owned},
		"party_activity", "library")
	p.project("书院社区", "书院社区办公用房", 30*wan, on(2, 3, 1),
		[]premises.FundingInput{{Source: "city", Amount: 10 * wan, ReceivedOn: on(2, 5, 1)}, {Source: "district", Amount: 8 * wan, ReceivedOn: on(2, 6, 1)},
			{Source: "subdistrict", Amount: 6 * wan, ReceivedOn: on(2, 6, 15)}, {Source: "self", Amount: 4 * wan, ReceivedOn: on(2, 7, 1)}},
		[]date.Date{on(2, 3, 10), on(2, 7, 1), on(2, 9, 1), on(2, 11, 1), on(1, 10, 1)},
		premises.PremisesInput{Address: "书院街5号", Use: premises.Office, FloorArea: 90_00, Tenure: premises.Owned},
		"party_activity", "e_learning")
	// 宾南 rents small premises, below 河东's standard.
	p.do("宾南 premises", func() error {
		_, err := s.OpenPremises(ctx, premises.PremisesInput{AreaID: b.ids["宾南社区"], Address: "宾南路8号", Use: premises.Office, FloorArea: 60_00, Tenure: premises.Rented, FromOn: on(2, 5, 1)})
		return err
	})
	p.do("望江 land", func() error {
		_, err := s.AddLand(ctx, premises.LandInput{AreaID: b.ids["望江社区"], LandArea: 800_00, Location: "望江路东侧", FromOn: on(1, 3, 1)})
		return err
	})
	// 胜利's project has reached siting and its city share this year.
	p.do("胜利 project", func() error {
		id, err := s.CreateProject(ctx, premises.ProjectInput{AreaID: b.ids["胜利社区"], Name: "胜利社区办公用房", Cost: 35 * wan, StartedOn: on(0, 1, 10)})
		if err != nil {
			return err
		}
		if err := s.ReachStep(ctx, premises.StepInput{ProjectID: id, Step: "siting", On: on(0, 1, 20)}); err != nil {
			return err
		}
		_, err = s.AddFunding(ctx, premises.FundingInput{ProjectID: id, Source: "city", Amount: 5 * wan, ReceivedOn: on(0, 1, 25)})
		return err
	})
	for c, n := range map[string]int{"迎宾社区": 1200, "宾南社区": 900, "东湖社区": 900, "官渡社区": 700, "书院社区": 650} {
		p.do("households "+c, func() error {
			_, err := s.CountHouseholds(ctx, premises.HouseholdsInput{AreaID: b.ids[c], Households: n, CountedOn: on(1, 12, 31)})
			return err
		})
	}
	return p.err
}

// premisesBuilder records the first error and skips the rest, as builder
// does.
type premisesBuilder struct {
	ctx  context.Context
	s    *premises.Store
	ids  map[string]int64
	last int64 // the last project created
	err  error
}

func (p *premisesBuilder) do(what string, f func() error) {
	if p.err != nil {
		return
	}
	if err := f(); err != nil {
		p.err = fmt.Errorf("demo: %s: %w", what, err)
	}
}

// established gives community c (the i-th such) premises from its first
// day (closed with it when it ended), office funding every year it was
// active, land for every third and a party activity room for every other.
func (p *premisesBuilder) established(c string, from date.Date, on func(back int, m time.Month, d int) date.Date, i int) {
	p.do("premises of "+c, func() error {
		a, err := p.s.Areas.Get(p.ctx, p.ids[c])
		if err != nil {
			return err
		}
		tenure := []premises.Tenure{premises.Owned, premises.Rented, premises.Lent, premises.Shared}[i%4]
		id, err := p.s.OpenPremises(p.ctx, premises.PremisesInput{AreaID: a.ID, Address: fmt.Sprintf("%s综合楼", c), Use: premises.Office,
			FloorArea: int64(80+10*(i%8)) * 100, Tenure: tenure, FromOn: from, ToOn: a.EndedOn})
		if err != nil {
			return err
		}
		if i%2 == 0 {
			if _, err := p.s.AddRoom(p.ctx, premises.RoomInput{PremisesID: id, Kind: "party_activity", FloorArea: 30_00, FromOn: from, ToOn: a.EndedOn}); err != nil {
				return err
			}
		}
		if i%3 == 0 {
			if _, err := p.s.AddLand(p.ctx, premises.LandInput{AreaID: a.ID, LandArea: int64(300+50*i) * 100, FromOn: from, ToOn: a.EndedOn}); err != nil {
				return err
			}
		}
		for y := from.Year(); y <= on(0, 1, 1).Year(); y++ {
			if !a.EndedOn.IsZero() && !a.EndedOn.After(date.New(y, time.January, 1)) {
				break
			}
			if _, err := p.s.AddOfficeFunding(p.ctx, premises.OfficeFundingInput{AreaID: a.ID, Year: y, Amount: int64(3+i%3) * wan, Source: "区财政"}); err != nil {
				return err
			}
		}
		return nil
	})
}

// project records a building project of community c with its funding,
// its steps reached on days (siting to completion) and the rooms of the
// premises it built; the premises get office funding from the next year.
func (p *premisesBuilder) project(c, name string, cost int64, started date.Date, funds []premises.FundingInput, days []date.Date, built premises.PremisesInput, rooms ...premises.RoomKind) {
	p.do("project "+name, func() error {
		id, err := p.s.CreateProject(p.ctx, premises.ProjectInput{AreaID: p.ids[c], Name: name, Cost: cost, StartedOn: started})
		if err != nil {
			return err
		}
		p.last = id
		for _, f := range funds {
			f.ProjectID = id
			if _, err := p.s.AddFunding(p.ctx, f); err != nil {
				return err
			}
		}
		for i, on := range days {
			in := premises.StepInput{ProjectID: id, Step: premises.Steps[i], On: on}
			if premises.Steps[i] == premises.Completed {
				in.Premises = &built
			}
			if err := p.s.ReachStep(p.ctx, in); err != nil {
				return err
			}
		}
		done := days[len(days)-1]
		var pid int64
		if err := p.s.DB.Reader().QueryRowContext(p.ctx, "SELECT id FROM premises WHERE project_id = ?", id).Scan(&pid); err != nil {
			return err
		}
		for _, k := range rooms {
			if _, err := p.s.AddRoom(p.ctx, premises.RoomInput{PremisesID: pid, Kind: k, FloorArea: 25_00, FromOn: done}); err != nil {
				return err
			}
		}
		for y := done.Year() + 1; y <= p.s.Today().Year(); y++ {
			if _, err := p.s.AddOfficeFunding(p.ctx, premises.OfficeFundingInput{AreaID: p.ids[c], Year: y, Amount: 4 * wan, Source: "区财政"}); err != nil {
				return err
			}
		}
		return nil
	})
}
