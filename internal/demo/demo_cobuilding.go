package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
)

// loadCobuilding records part four (a) of the demo (co-building) through
// cobuilding.Store: the seed's four stories, all last year, and the lists
// around them.
//
//   - 迎宾一巷's road, asked for since the demo's first spring: 迎宾社区党支部
//     brings the units together; the city's planning office, the design
//     institute, the water company, the gardens bureau and the survey team
//     serve free, the units that benefit give land and money, the road is
//     done in under a month for 23万多元 less than estimated, and the
//     residents of the six units bring two banners.
//   - the courtyard on 宾南路, where the staff of five units live, cleaned
//     with money from the units and the residents.
//   - the drains of 宾南社区's public housing, paid for by 示范区房管所.
//   - the stairwells of 宾南社区 cleared in November.
//
// Around them: a square in 东湖 three years ago, an old people's canteen in
// 官渡 two years ago, this year's ditch in 望江 and street lights on 宾南路,
// a care station in 迎宾 under way; demands still open (one raised five
// years ago), matched, done and closed; resources of many units and
// departments. The four stories are what the speech's part four tells for
// last year and for the last five years (speech.go in cobuilding).
func loadCobuilding(ctx context.Context, b *builder, on func(back int, m time.Month, d int) date.Date) error {
	s := cobuilding.NewStore(b.s.DB, b.s)
	s.Today = b.s.Today
	c := &cobBuilder{ctx: ctx, s: s, ids: b.ids, units: map[string]int64{}}
	c.do("units", func() error {
		rows, err := s.DB.Reader().QueryContext(ctx, "SELECT id, name FROM unit")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			c.units[name] = id
		}
		return rows.Err()
	})

	// The resource list: what the units and departments offer.
	free := map[string]int64{}
	for _, r := range []struct {
		giver string
		area  string // a department's area
		kind  cobuilding.Kind
		what  string
		from  date.Date
	}{
		{"示范市规划设计院", "", "free_service", "规划设计义务服务", on(4, 3, 1)},
		{"示范市供水公司迎宾营业所", "", "free_service", "供水管线改造技术服务", on(3, 2, 1)},
		{"示范市园林局", "", "free_service", "绿化设计与苗木", on(4, 3, 1)},
		{"示范市委党校", "", "land", "校区东侧空地", on(4, 3, 1)},
		{"示范市委党校", "", "venue", "礼堂供社区活动使用", on(4, 3, 1)},
		{"示范市房管所", "", "money", "共建资金", on(3, 1, 10)},
		{"示范区房管所", "", "money", "公产房维修资金", on(3, 1, 10)},
		{"示范宾馆有限公司", "", "money", "共建资金", on(2, 3, 1)},
		{"示范区人民医院", "", "skill", "义诊与健康讲座", on(4, 3, 1)},
		{"示范区人民医院", "", "volunteers", "青年志愿者服务队", on(2, 3, 1)},
		{"示范商贸有限公司", "", "money", "老年食堂赞助", on(2, 2, 1)},
		{"示范区社会工作协会", "", "skill", "社工服务", on(2, 5, 1)},
		{"示范区第二小学", "", "venue", "操场节假日开放", on(2, 5, 1)},
		{"示范区粮油公司", "", "equipment", "运输车辆", on(3, 5, 1)},
		{"示范市规划局", "示范区", "free_service", "规划审批义务服务", on(4, 1, 10)},
		{"示范市测量队", "示范区", "free_service", "测绘义务服务", on(4, 1, 10)},
		{"示范区水务局", "示范区", "free_service", "排水设施技术服务", on(3, 1, 10)},
	} {
		in := cobuilding.ResourceInput{Kind: r.kind, Description: r.what, FromOn: r.from}
		if r.area != "" {
			in.Department, in.AreaID = r.giver, b.ids[r.area]
		} else {
			in.UnitID = c.units[r.giver]
		}
		c.do("resource of "+r.giver, func() (err error) {
			id, err := s.CreateResource(ctx, in)
			if r.kind == "free_service" {
				free[r.giver] = id
			}
			return err
		})
	}

	// 迎宾一巷's road.
	road := c.demand("迎宾社区", "迎宾一巷道路未硬底化，雨天泥泞、晴天扬尘", "road", 320, "迎宾一巷六个单位的居民代表", on(5, 3, 10))
	p := c.project("迎宾社区", "迎宾社区党支部", "迎宾一巷道路硬化", on(1, 5, 15), 35*wan, []int64{road},
		free["示范市规划设计院"], free["示范市供水公司迎宾营业所"], free["示范市园林局"], free["示范市规划局"], free["示范市测量队"])
	c.give(p, "示范市规划局", "free_service", 2*wan, "规划审批", on(1, 5, 16))
	c.give(p, "示范市规划设计院", "free_service", 3*wan, "道路设计", on(1, 5, 16))
	c.give(p, "示范市供水公司迎宾营业所", "free_service", 2*wan, "供水管线迁改", on(1, 5, 16))
	c.give(p, "示范市园林局", "free_service", wan, "道路两侧绿化", on(1, 5, 16))
	c.give(p, "示范市测量队", "free_service", wan/2, "道路测量", on(1, 5, 16))
	c.give(p, "示范市委党校", "land", 6*wan, "让出围墙外空地拓宽路面", on(1, 5, 16))
	c.give(p, "示范市房管所", cobuilding.Money, 5*wan, "", on(1, 5, 17))
	c.give(p, "示范区房管所", cobuilding.Money, 4*wan, "", on(1, 5, 17))
	c.give(p, "示范宾馆有限公司", cobuilding.Money, 2*wan+4_000_00, "", on(1, 5, 18))
	c.result(p, "硬化道路", 460, "米")
	c.done(p, "迎宾一巷道路硬化", 35*wan, 11*wan+4_000_00, on(1, 6, 8))
	for range 2 {
		c.thank(p, cobuilding.Banner, "迎宾一巷六个单位的居民代表", "共建、共治、共创、共享", on(1, 6, 20))
	}

	// The courtyard on 宾南路.
	yard := c.demand("宾南社区", "宾南路大院卫生无人管，杂草丛生、污水横流", "sanitation", 180, "大院居民", on(2, 4, 10))
	p = c.project("宾南社区", "宾南社区党支部", "宾南路大院环境整治", on(1, 7, 1), 12*wan, []int64{yard})
	c.give(p, "示范区人民医院", cobuilding.Money, 2*wan, "", on(1, 7, 3))
	c.give(p, "示范市房管所", cobuilding.Money, 1*wan+5_000_00, "", on(1, 7, 3))
	c.give(p, "示范区房管所", cobuilding.Money, 1*wan+5_000_00, "", on(1, 7, 4))
	c.give(p, "示范市委党校", cobuilding.Money, wan, "", on(1, 7, 5))
	c.give(p, "示范市园林局", "labour", wan/2, "清除杂草", on(1, 7, 10))
	c.give(p, "宾南路大院居民", cobuilding.Money, 8_000_00, "居民集资", on(1, 7, 6))
	c.result(p, "清除垃圾", 35, "吨")
	c.result(p, "疏通下水道", 120, "米")
	c.result(p, "新盖化粪池", 2, "座")
	c.done(p, "宾南路大院环境整治", 12*wan, 12*wan, on(1, 8, 20))
	c.thank(p, "letter", "宾南路大院居民", "", on(1, 9, 1))

	// The drains of 宾南社区's public housing.
	drains := c.demand("宾南社区", "公产房地下排水道堵塞，路面长期水浸", "drainage", 240, "居民代表", on(3, 6, 1))
	p = c.project("宾南社区", "宾南社区党支部", "公产房地下排水道整治", on(1, 9, 1), 13*wan, []int64{drains}, free["示范区水务局"])
	c.give(p, "示范区房管所", cobuilding.Money, 12*wan+6_000_00, "", on(1, 9, 2))
	c.give(p, "示范区水务局", "free_service", 3_000_00, "管网检测", on(1, 9, 5))
	c.result(p, "疏通排水管道", 300, "米")
	c.done(p, "公产房地下排水道整治", 13*wan, 12*wan+6_000_00, on(1, 10, 25))

	// The stairwells of 宾南社区.
	stairs := c.demand("宾南社区", "楼道垃圾堆积，卫生死角多年无人清理", "sanitation", 400, "楼长", on(1, 10, 8))
	p = c.project("宾南社区", "宾南社区党支部", "楼道卫生死角清理", on(1, 11, 1), wan, []int64{stairs})
	c.give(p, "示范区人民医院", cobuilding.Money, 5_000_00, "", on(1, 11, 2))
	c.give(p, "宾南社区居民", cobuilding.Money, 3_000_00, "居民集资", on(1, 11, 2))
	c.result(p, "清理楼梯", 368, "个")
	c.done(p, "楼道卫生死角清理", wan, 8_000_00, on(1, 11, 30))
	c.thank(p, "rating", "宾南社区居民", "", on(1, 12, 10))

	// Earlier years: a square in 东湖, an old people's canteen in 官渡.
	square := c.demand("东湖社区", "缺少居民健身场地", "culture", 500, "居民代表", on(4, 5, 1))
	p = c.project("东湖社区", "东湖居民区党支部", "东湖社区健身广场", on(3, 4, 1), 20*wan, []int64{square}, free["示范市园林局"])
	c.give(p, "示范市园林局", "free_service", 2*wan, "广场绿化设计", on(3, 4, 10))
	c.give(p, "示范区体育局", cobuilding.Money, 5*wan, "健身器材", on(3, 5, 1))
	c.result(p, "健身广场", 1200, "平方米")
	c.done(p, "东湖社区健身广场", 20*wan, 16*wan, on(3, 9, 30))
	c.thank(p, cobuilding.Banner, "东湖社区居民", "为民办实事", on(3, 10, 15))
	canteen := c.demand("官渡社区", "老人吃饭难", "elderly_care", 90, "老年协会", on(3, 9, 1))
	p = c.project("官渡社区", "官渡居民区党支部", "官渡社区老年食堂", on(2, 3, 1), 8*wan, []int64{canteen})
	c.give(p, "示范商贸有限公司", cobuilding.Money, 3*wan, "", on(2, 3, 5))
	c.result(p, "就餐老人", 60, "人")
	c.done(p, "官渡社区老年食堂", 8*wan, 7*wan, on(2, 6, 30))
	c.thank(p, "rating", "官渡社区老年协会", "", on(2, 7, 15))

	// This year: 望江's ditch and 宾南路's street lights done, 迎宾's care
	// station under way.
	ditch := c.demand("望江社区", "望江路排水沟淤塞", "drainage", 150, "居民代表", on(1, 12, 1))
	p = c.project("望江社区", "望江社区党支部", "望江路排水沟改造", on(0, 2, 1), 6*wan, []int64{ditch}, free["示范区水务局"])
	c.give(p, "示范区水务局", "free_service", wan, "排水沟设计", on(0, 2, 3))
	c.result(p, "改造排水沟", 200, "米")
	c.done(p, "望江路排水沟改造", 6*wan, 5*wan, on(0, 4, 15))
	lights := c.demand("宾南社区", "宾南路口夜间无照明", "security", 260, "居民代表", on(1, 12, 15))
	p = c.project("宾南社区", "宾南社区党支部", "宾南路口路灯安装", on(0, 3, 1), 3*wan, []int64{lights})
	c.give(p, "示范区人民医院", cobuilding.Money, wan, "", on(0, 3, 2))
	c.result(p, "安装路灯", 12, "盏")
	c.done(p, "宾南路口路灯安装", 3*wan, 2*wan+5_000_00, on(0, 5, 20))
	care := c.demand("迎宾社区", "独居老人缺少日间照料", "elderly_care", 70, "老年协会", on(1, 9, 1))
	c.project("迎宾社区", "迎宾社区党支部", "迎宾社区养老服务站", on(0, 3, 10), 15*wan, []int64{care})

	// Demands still open (one raised in the demo's first year), and one
	// closed without a project.
	c.demand("迎宾社区", "迎宾二巷停车位不足", "other", 210, "居民代表", on(5, 4, 20))
	c.demand("官渡社区", "官渡路口缺少信号灯", "security", 300, "居民代表", on(2, 8, 1))
	c.demand("书院社区", "下岗职工再就业培训", "employment", 45, "社区居委会", on(1, 3, 1))
	c.demand("红旗社区", "小区绿化带缺损", "greening", 130, "居民代表", on(0, 2, 20))
	closed := c.demand("河滨社区", "河滨路夜市噪声扰民", "other", 60, "居民代表", on(2, 6, 1))
	c.do("close demand", func() error { return s.CloseDemand(ctx, closed, on(2, 9, 1), "夜市已由城管部门迁移") })
	return c.err
}

// cobBuilder records the first error and skips the rest, as builder does.
type cobBuilder struct {
	ctx   context.Context
	s     *cobuilding.Store
	ids   map[string]int64 // areas and organisations by name
	units map[string]int64
	err   error
}

func (c *cobBuilder) do(what string, f func() error) {
	if c.err != nil {
		return
	}
	if err := f(); err != nil {
		c.err = fmt.Errorf("demo: %s: %w", what, err)
	}
}

func (c *cobBuilder) demand(community, title string, cat cobuilding.Category, households int64, by string, on date.Date) (id int64) {
	c.do("demand "+title, func() (err error) {
		id, err = c.s.CreateDemand(c.ctx, cobuilding.DemandInput{AreaID: c.ids[community], Title: title, Category: cat,
			Tags: []string{"regional", "public_welfare"}, Households: households, RaisedBy: by, RaisedOn: on})
		return err
	})
	return id
}

func (c *cobBuilder) project(community, org, title string, on date.Date, estimated int64, demands []int64, resources ...int64) (id int64) {
	c.do("project "+title, func() (err error) {
		id, err = c.s.CreateProject(c.ctx, cobuilding.ProjectInput{AreaID: c.ids[community], OrgID: c.ids[org], Title: title,
			StartedOn: on, EstimatedCost: estimated, DemandIDs: demands, ResourceIDs: resources})
		return err
	})
	return id
}

// give records what a unit, or a department (a giver that is no unit),
// gave project p.
func (c *cobBuilder) give(p int64, giver string, kind cobuilding.ContributionKind, value int64, what string, on date.Date) {
	in := cobuilding.ContributionInput{ProjectID: p, Kind: kind, Value: value, Description: what, GivenOn: on}
	if id, ok := c.units[giver]; ok {
		in.UnitID = id
	} else {
		in.Department = giver
	}
	c.do("contribution of "+giver, func() error {
		_, err := c.s.AddContribution(c.ctx, in)
		return err
	})
}

func (c *cobBuilder) result(p int64, name string, qty float64, unit string) {
	c.do("result "+name, func() error {
		_, err := c.s.AddResult(c.ctx, cobuilding.ResultInput{ProjectID: p, Name: name, Quantity: qty, Unit: unit})
		return err
	})
}

func (c *cobBuilder) done(p int64, title string, estimated, actual int64, on date.Date) {
	c.do("done "+title, func() error {
		return c.s.UpdateProject(c.ctx, p, cobuilding.ProjectChange{Title: title, EstimatedCost: estimated, ActualCost: &actual, DoneOn: on})
	})
}

func (c *cobBuilder) thank(p int64, kind cobuilding.FeedbackKind, by, note string, on date.Date) {
	in := cobuilding.FeedbackInput{ProjectID: p, Kind: kind, GivenBy: by, GivenOn: on, Note: note}
	if kind == "rating" {
		in.Rating = 5
	}
	c.do("feedback", func() error {
		_, err := c.s.AddFeedback(c.ctx, in)
		return err
	})
}
