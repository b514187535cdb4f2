package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/pii"
	"dangjian/internal/services"
)

// loadServices records part four (b) of the demo (services) through
// services.Store: every kind of outlet in 示范区 — a sanitation station and
// a cleaning team in each subdistrict, an elderly centre in every
// community and family-planning, housekeeping and disability centres in
// some —, safe and civilised neighbourhoods (one revoked, one expired) and
// another title, a month's services of every outlet for every month from
// its opening to this one (every kind of service), placements of laid-off
// and unemployed residents and good deeds of each year. 湖心社区, which
// moved from 西湖街道 to 南山街道 three years ago, keeps its outlets: they
// count for 南山 from the move on. All names are fictional; with keys the
// placed persons get fictional ID numbers (region 4499xx), else none.
func loadServices(ctx context.Context, b *builder, keys *pii.Keyring, on func(back int, m time.Month, d int) date.Date) error {
	s := services.NewStore(b.s.DB, b.s, keys)
	s.Today = b.s.Today
	today := s.Today()
	rng := rand.New(rand.NewPCG(2025, 4))
	var err error
	do := func(what string, f func() error) {
		if err == nil {
			if e := f(); e != nil {
				err = fmt.Errorf("demo: %s: %w", what, e)
			}
		}
	}
	type outlet struct {
		id    int64
		kinds []services.ServiceKind
		from  date.Date
		to    date.Date
	}
	var outlets []outlet
	open := func(at string, kind services.OutletKind, name string, from, to date.Date, kinds ...services.ServiceKind) {
		do("outlet "+name, func() error {
			id, e := s.CreateOutlet(ctx, services.OutletInput{AreaID: b.ids[at], Kind: kind, Name: name, FromOn: from})
			if e == nil && !to.IsZero() {
				e = s.EndOutlet(ctx, id, to)
			}
			outlets = append(outlets, outlet{id, kinds, from, to})
			return e
		})
	}
	// The communities that stand from the first day to today.
	ended := map[string]bool{"朝阳社区": true, "柳岸社区": true, "新华社区": true, "康宁社区": true, "翠柳社区": true}
	for si, sd := range demoSubdistricts {
		stem := strings.TrimSuffix(sd.name, "街道")
		open(sd.name, "sanitation_station", stem+"街道环境卫生服务站", on(5, 3, 1), date.Date{}, "other")
		open(sd.name, "cleaning_team", stem+"街道清洁队", on(4-si%3, 4, 1), date.Date{}, "other")
		for ci, c := range sd.communities {
			if ended[c] {
				continue
			}
			cs := strings.TrimSuffix(c, "社区")
			open(c, "elderly_centre", cs+"老人服务中心", on(5-ci%4, 5, 1), date.Date{}, "elderly_care")
			switch (si + ci) % 4 {
			case 0:
				open(c, "family_planning_centre", cs+"计生服务中心", on(4, 6, 1), date.Date{}, "health_care", "training")
			case 1:
				open(c, "housekeeping_centre", cs+"家政服务中心", on(3, 3, 1), date.Date{}, "training", "job_guidance")
			case 2:
				open(c, "disability_centre", cs+"残疾人服务中心", on(2, 9, 1), date.Date{}, "job_guidance", "other")
			}
		}
	}
	// One outlet closed last year; one opened this year.
	open("望江社区", "housekeeping_centre", "望江便民家政服务点", on(3, 3, 1), on(1, 7, 1), "training", "job_guidance")
	open("湖心社区", "disability_centre", "湖心残疾人康复站", on(0, 1, 10), date.Date{}, "other", "health_care")

	// Designations of estates.
	for i, d := range []struct {
		community, estate string
		kind              services.DesignationKind
		title, by         string
		from, to          date.Date
		reason            string
	}{
		{"迎宾社区", "迎宾花园小区", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(4, 12, 20), date.Date{}, ""},
		{"宾南社区", "宾南路大院", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(1, 12, 20), date.Date{}, ""},
		{"东湖社区", "东湖新村", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(3, 12, 20), date.Date{}, ""},
		{"官渡社区", "官渡小区", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(2, 12, 20), date.Date{}, ""},
		{"书院社区", "书院雅苑", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(4, 12, 20), on(1, 6, 1), "revoked"},
		{"红旗社区", "红旗里", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(5, 12, 20), on(2, 12, 20), "expired"},
		{"胜利社区", "胜利家园", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(1, 12, 20), date.Date{}, ""},
		{"西湖社区", "西湖景苑", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(2, 12, 20), date.Date{}, ""},
		{"湖心社区", "湖心岛小区", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(4, 12, 20), date.Date{}, ""},
		{"南山社区", "南山花苑", services.SafeNeighbourhood, "", "示范区社会治安综合治理委员会", on(3, 12, 20), date.Date{}, ""},
		{"新桥社区", "新桥公寓", services.OtherTitle, "卫生先进小区", "示范区爱国卫生运动委员会", on(2, 10, 1), date.Date{}, ""},
		{"文昌社区", "文昌苑", services.OtherTitle, "绿化示范小区", "示范区园林局", on(1, 10, 1), date.Date{}, ""},
	} {
		do(fmt.Sprintf("designation %d", i), func() error {
			id, e := s.CreateDesignation(ctx, services.DesignationInput{AreaID: b.ids[d.community], Estate: d.estate, Kind: d.kind, Title: d.title, AwardedBy: d.by, FromOn: d.from})
			if e == nil && !d.to.IsZero() {
				e = s.EndDesignation(ctx, id, d.to, d.reason)
			}
			return e
		})
	}

	// A month's services of every outlet, every month it was open, up to
	// this one: brought in at once.
	var recs []services.RecordInput
	for _, o := range outlets {
		for m := services.MonthOf(o.from); !m.After(today) && (o.to.IsZero() || m.Before(o.to)); m = date.Of(m.Time().AddDate(0, 1, 0)) {
			for _, k := range o.kinds {
				pt := int64(20 + rng.IntN(60))
				if k == "other" {
					pt += 40 // the stations and cleaning teams serve many
				}
				recs = append(recs, services.RecordInput{OutletID: o.id, Kind: k, Span: services.Month, On: m, PersonTimes: pt, VolunteerHours: int64(rng.IntN(3 * int(pt) / 4))})
			}
		}
	}
	do("service records", func() error { _, e := s.CreateRecords(ctx, recs); return e })

	// Placements: laid-off and unemployed residents back in work, a few a
	// year in every subdistrict; one job that ended.
	ids := newIDAlloc()
	employers := []string{"示范物业服务有限公司", "示范超市连锁有限公司", "示范家政服务社", "示范餐饮有限公司", "示范保安服务公司", "示范绿化养护公司"}
	works := []string{"保洁", "收银", "家政服务", "厨工", "保安", "绿化养护"}
	n := 0
	for back := 5; back >= 0; back-- {
		for _, sd := range demoSubdistricts {
			for i := range 3 + rng.IntN(3) {
				day := on(back, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
				in := services.PlacementInput{AreaID: b.ids[sd.name], Name: fakeName(rng), BeforeStatus: services.BeforeStatuses[i%2],
					Employer: employers[(n+i)%len(employers)], Work: works[(n+i)%len(works)], PlacedBy: strings.TrimSuffix(sd.name, "街道") + "街道劳动保障事务所", PlacedOn: day}
				if keys != nil {
					id, e := ids.id(date.New(1968+n%20, time.Month(1+n%12), 1+n%28), n%2 == 0)
					if e != nil {
						return e
					}
					in.IDNumber = id
				}
				do("placement", func() error {
					id, e := s.CreatePlacement(ctx, in)
					if e == nil && n == 3 {
						e = s.EndPlacement(ctx, id, day.AddDays(200))
					}
					return e
				})
				n++
			}
		}
	}

	// Good deeds for residents, each year, by subdistricts and communities.
	deeds := []struct {
		kind  services.DeedKind
		title string
	}{
		{"poverty_relief", "走访慰问困难家庭"}, {"practical", "维修楼道照明"}, {"practical", "疏通下水管道"}, {"poverty_relief", "为低保户送米送油"},
		{"practical", "安装健身器材"}, {"practical", "开设老年食堂"}, {"poverty_relief", "资助困难学生"}, {"practical", "清运积存垃圾"},
	}
	for back := 5; back >= 0; back-- {
		for si, sd := range demoSubdistricts {
			for ci, c := range sd.communities {
				if ended[c] || (ci+back+si)%2 == 1 {
					continue
				}
				dd := deeds[(si+ci+back)%len(deeds)]
				day := on(back, time.Month(1+(ci*5+si)%12), 5+ci)
				do("good deed", func() error {
					_, e := s.CreateDeed(ctx, services.DeedInput{AreaID: b.ids[c], Kind: dd.kind, Title: strings.TrimSuffix(c, "社区") + dd.title,
						Beneficiaries: int64(10 + rng.IntN(90)), DoneBy: c + "党支部", DoneOn: day})
					return e
				})
			}
		}
	}
	return err
}
