package cobuilding_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

func d(s string) date.Date { return date.MustParse(s) }

// wan is an amount in 万元, in fen.
func wan(x float64) int64 { return int64(x * 1e6) }

// partFour is the hand-built dataset of part four (a)'s tests, on
// testkit's small district (示范区: 河东街道 {迎宾, 宾南, 河滨 merged into
// 宾南 on 2023-03-01}, 官渡街道 {官渡}) with these units:
//
//	U1 房管所  迎宾社区 from 2019
//	U2 党校    宾南社区 from 2019
//	U4 供电所  官渡社区 from 2019
//	U5 粮站    迎宾社区 2019, ended 2023-01-01
//	U6 水厂    官渡社区 2019, moved to 宾南社区 on 2024-05-01
type partFour struct {
	*testkit.World
	s     *cobuilding.Store
	units map[string]int64
}

func newPartFour(t *testing.T, dbh *db.DB) *partFour {
	t.Helper()
	w := testkit.New(t, dbh, testkit.Options{Today: d("2025-06-30")})
	w.Org("官渡街道党工委", "官渡街道", area.WorkingCommittee, d("2016-01-01"))
	p := &partFour{World: w, s: w.App.Cobuilding, units: map[string]int64{}}
	ctx := context.Background()
	for _, u := range []struct{ name, community string }{
		{"U1 房管所", "迎宾社区"}, {"U2 党校", "宾南社区"}, {"U4 供电所", "官渡社区"}, {"U5 粮站", "迎宾社区"}, {"U6 水厂", "官渡社区"},
	} {
		p.units[u.name] = p.must(w.App.People.CreateUnit(ctx, people.UnitInput{Name: u.name, Kind: people.PublicInstitution, Rank: people.Section,
			AreaID: w.ID(u.community), On: d("2019-01-01")}))
	}
	p.ok(w.App.People.EndUnit(ctx, people.EndUnitInput{UnitID: p.units["U5 粮站"], On: d("2023-01-01")}))
	p.ok(w.App.People.MoveUnit(ctx, people.MoveUnitInput{UnitID: p.units["U6 水厂"], AreaID: w.ID("宾南社区"), On: d("2024-05-01")}))
	return p
}

func (p *partFour) must(id int64, err error) int64 {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
	return id
}

func (p *partFour) ok(err error) {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
}

// demand raises a demand of category cat in community on day.
func (p *partFour) demand(title, community string, cat cobuilding.Category, day string) int64 {
	p.T.Helper()
	return p.must(p.s.CreateDemand(context.Background(), cobuilding.DemandInput{AreaID: p.ID(community), Title: title, Category: cat,
		Tags: []string{"public_welfare", "regional"}, Households: 120, RaisedBy: "居民代表", RaisedOn: d(day)}))
}

// project starts a project of community coordinated by org.
func (p *partFour) project(title, community, org, day string, estimated int64, demands ...int64) int64 {
	p.T.Helper()
	return p.must(p.s.CreateProject(context.Background(), cobuilding.ProjectInput{AreaID: p.ID(community), OrgID: p.ID(org), Title: title,
		StartedOn: d(day), EstimatedCost: estimated, DemandIDs: demands}))
}

// done records project id done on day at actual cost.
func (p *partFour) done(id int64, title string, estimated, actual int64, day string) {
	p.T.Helper()
	p.ok(p.s.UpdateProject(context.Background(), id, cobuilding.ProjectChange{Title: title, EstimatedCost: estimated, ActualCost: &actual, DoneOn: d(day)}))
}

// give records a contribution by a unit (named in p.units) or a department.
func (p *partFour) give(project int64, giver string, kind cobuilding.ContributionKind, value int64, day string) {
	p.T.Helper()
	in := cobuilding.ContributionInput{ProjectID: project, Kind: kind, Value: value, GivenOn: d(day)}
	if id, ok := p.units[giver]; ok {
		in.UnitID = id
	} else {
		in.Department = giver
	}
	p.must(p.s.AddContribution(context.Background(), in))
}

// thank records feedback of kind for project.
func (p *partFour) thank(project int64, kind cobuilding.FeedbackKind, by, day string) {
	p.T.Helper()
	in := cobuilding.FeedbackInput{ProjectID: project, Kind: kind, GivenBy: by, GivenOn: d(day)}
	if kind == "rating" {
		in.Rating = 5
	}
	p.must(p.s.AddFeedback(context.Background(), in))
}

// projects is the dataset of the figures: the answers for 2024 are
// written in TestPartFourFigures.
//
//	P1 迎宾一巷道路  迎宾  2024-03-01 → 2024-03-28  est 80万, actual 60万 (saved 20万)
//	   U1 money 10万, U2 land, 市规划设计院 free service; banners 2024-04-05, 2024-05-01
//	P2 宾南路大院    宾南  2023-10-01 → 2024-06-30  est 30万, actual 34.5万 (saved 0)
//	   U2 money 8万, U6 labour (after its move), U1 labour; banner 2023-12-20, letter 2024-07-01
//	P3 官渡下水道    官渡  2024-02-01 → 2025-01-15  (done after the period)
//	   U4 money 12万; banner 2024-12-01
//	P4 迎宾楼道清理  迎宾  2024-10-01 → 2024-11-30  est 5万, actual 4.5万 (saved 0.5万)
//	   区城管局 labour only; rating 2024-12-10
//	P5 河滨绿化      河滨  2022-03-01 → 2022-05-01 (before the merge, before the period)
func (p *partFour) projects() map[string]int64 {
	ctx := context.Background()
	ids := map[string]int64{}
	road := p.demand("迎宾一巷道路破损", "迎宾社区", "road", "2019-05-01")
	ids["P1"] = p.project("迎宾一巷道路硬化", "迎宾社区", "迎宾社区党支部", "2024-03-01", wan(80), road)
	p.give(ids["P1"], "U1 房管所", cobuilding.Money, wan(10), "2024-03-02")
	p.give(ids["P1"], "U2 党校", "land", wan(5), "2024-03-02")
	p.give(ids["P1"], "市规划设计院", "free_service", wan(3), "2024-03-05")
	p.done(ids["P1"], "迎宾一巷道路硬化", wan(80), wan(60), "2024-03-28")
	p.thank(ids["P1"], cobuilding.Banner, "迎宾一巷居民", "2024-04-05")
	p.thank(ids["P1"], cobuilding.Banner, "迎宾社区老年协会", "2024-05-01")
	p.must(p.s.AddResult(ctx, cobuilding.ResultInput{ProjectID: ids["P1"], Name: "道路", Quantity: 800, Unit: "米"}))

	yard := p.demand("宾南路大院脏乱", "宾南社区", "sanitation", "2021-04-01")
	ids["P2"] = p.project("宾南路大院整治", "宾南社区", "河东街道党委", "2023-10-01", wan(30), yard)
	p.thank(ids["P2"], cobuilding.Banner, "大院居民", "2023-12-20")
	p.give(ids["P2"], "U2 党校", cobuilding.Money, wan(8), "2023-10-02")
	p.give(ids["P2"], "U6 水厂", "labour", 0, "2024-06-01")
	p.give(ids["P2"], "U1 房管所", "labour", wan(1), "2024-06-02")
	p.done(ids["P2"], "宾南路大院整治", wan(30), wan(34.5), "2024-06-30")
	p.thank(ids["P2"], "letter", "大院居民", "2024-07-01")

	ids["P3"] = p.project("官渡下水道疏通", "官渡社区", "官渡街道党工委", "2024-02-01", wan(15))
	p.give(ids["P3"], "U4 供电所", cobuilding.Money, wan(12), "2024-02-10")
	p.thank(ids["P3"], cobuilding.Banner, "官渡居民", "2024-12-01")
	p.done(ids["P3"], "官渡下水道疏通", wan(15), wan(14), "2025-01-15")

	ids["P4"] = p.project("迎宾楼道清理", "迎宾社区", "迎宾社区党支部", "2024-10-01", wan(5))
	p.give(ids["P4"], "区城管局", "labour", wan(1), "2024-10-05")
	p.done(ids["P4"], "迎宾楼道清理", wan(5), wan(4.5), "2024-11-30")
	p.thank(ids["P4"], "rating", "居民", "2024-12-10")

	ids["P5"] = p.project("河滨绿化", "河滨社区", "河东街道党委", "2022-03-01", wan(2))
	p.done(ids["P5"], "河滨绿化", wan(2), wan(1), "2022-05-01")
	return ids
}
