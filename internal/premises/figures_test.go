package premises_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/premises"
	"dangjian/internal/testkit"
)

func d(s string) date.Date { return date.MustParse(s) }

const wan = 1_000_000 // fen in 1 万元

// partThree is the hand-built dataset of the figures test, on testkit's
// small district (示范区: 河东街道 {迎宾, 宾南, 河滨 merged into 宾南 on
// 2023-03-01}, 官渡街道 {官渡}) with 新村社区 set up under 官渡街道 on
// 2024-05-01 and 迎宾社区 moved from 河东街道 to 官渡街道 on 2024-07-01.
type partThree struct {
	*testkit.World
	s *premises.Store
}

func newPartThree(t *testing.T, dbh *db.DB) *partThree {
	t.Helper()
	w := testkit.New(t, dbh, testkit.Options{Today: d("2025-06-30")})
	s := premises.NewStore(dbh, w.App.Areas)
	s.Today = func() date.Date { return d("2025-06-30") }
	return &partThree{World: w, s: s}
}

func (p *partThree) must(id int64, err error) int64 {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
	return id
}

func (p *partThree) ok(err error) {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
}

// build writes the dataset through the store; the answers for 2024 are
// written in TestPartThreeFigures.
//
//   - 迎宾社区 lacks all three at the start of 2024; its building project
//     (city share received in 2023, district, subdistrict and self shares
//     in 2024) completes on 2024-04-10 and opens 170 m² of office; rooms: a
//     party activity room and a library (still in use at the end), an
//     e-learning room closed in October. It moves to 官渡街道 on
//     2024-07-01, out of 河东's standard (min 200 m²) into the district's
//     (min 100, 20 m² per 100 households: 800 households need 160).
//   - 宾南社区 lacks office premises but has land since 2020: not
//     three-lacks. It gets 200 m² of service premises on 2024-09-01 and a
//     second office in October (still counted once) and a fitness room.
//   - 官渡社区 had office funding for 2023 only and nothing else: it is
//     three-lacks on 2024-01-01 (the 2023 row is no longer valid) and gains
//     80 m² of office on 2024-03-01, below the district's minimum. Its
//     project receives a city and a unit share in 2024.
//   - 新村社区, set up on 2024-05-01, lacks all three at the end; the
//     district's standard counts it below (0 m²).
func (p *partThree) build() {
	ctx := context.Background()
	s, A := p.s, p.World.App.Areas
	xincun := p.must(A.Create(ctx, area.CreateInput{ParentID: p.ID("官渡街道"), Level: area.Community, Name: "新村社区", On: d("2024-05-01")}))
	p.IDs["新村社区"] = xincun

	p.must(s.SetStandard(ctx, premises.StandardInput{AreaID: p.ID("示范区"), MinArea: 100_00, Per100Household: 20_00, FromOn: d("2020-01-01")}))
	p.must(s.SetStandard(ctx, premises.StandardInput{AreaID: p.ID("河东街道"), MinArea: 150_00, Per100Household: 10_00, FromOn: d("2022-01-01")}))
	p.must(s.SetStandard(ctx, premises.StandardInput{AreaID: p.ID("河东街道"), MinArea: 200_00, Per100Household: 10_00, FromOn: d("2024-06-01")}))

	// 迎宾社区
	yb := p.ID("迎宾社区")
	proj := p.must(s.CreateProject(ctx, premises.ProjectInput{AreaID: yb, Name: "迎宾社区办公楼", Cost: 25 * wan, StartedOn: d("2023-03-01")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: proj, Source: "city", Amount: 10 * wan, ReceivedOn: d("2023-06-01")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: proj, Source: "district", Amount: 5 * wan, ReceivedOn: d("2024-01-15")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: proj, Source: "subdistrict", Amount: 3 * wan, ReceivedOn: d("2024-02-01")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: proj, Source: "self", Amount: 2 * wan, ReceivedOn: d("2024-03-01")}))
	p.must(s.AddWaiver(ctx, premises.WaiverInput{ProjectID: proj, Amount: wan / 2, WaivedBy: "区规划局", On: d("2023-09-01")}))
	for _, step := range []struct {
		st premises.Step
		on string
	}{{"siting", "2023-03-10"}, {"funding", "2023-06-01"}, {"approval", "2023-09-01"}, {"construction", "2023-10-08"}} {
		p.ok(s.ReachStep(ctx, premises.StepInput{ProjectID: proj, Step: step.st, On: d(step.on)}))
	}
	p.ok(s.ReachStep(ctx, premises.StepInput{ProjectID: proj, Step: premises.Completed, On: d("2024-04-10"),
		Premises: &premises.PremisesInput{Address: "迎宾一巷1号", Use: premises.Office, FloorArea: 170_00, Tenure: premises.Owned}}))
	ybOffice := p.premisesOf(yb)
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: ybOffice, Kind: "party_activity", FloorArea: 40_00, FromOn: d("2024-04-10")}))
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: ybOffice, Kind: "library", FloorArea: 30_00, FromOn: d("2024-05-01")}))
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: ybOffice, Kind: "e_learning", FloorArea: 20_00, FromOn: d("2024-04-10"), ToOn: d("2024-10-01")}))
	p.must(s.CountHouseholds(ctx, premises.HouseholdsInput{AreaID: yb, Households: 800, CountedOn: d("2024-01-01")}))
	p.ok(A.Adjust(ctx, area.AdjustInput{AreaID: yb, NewParentID: p.ID("官渡街道"), On: d("2024-07-01")}))

	// 宾南社区
	bn := p.ID("宾南社区")
	p.must(s.AddLand(ctx, premises.LandInput{AreaID: bn, LandArea: 500_00, Location: "宾南路", FromOn: d("2020-01-01")}))
	p.must(s.AddOfficeFunding(ctx, premises.OfficeFundingInput{AreaID: bn, Year: 2023, Amount: 2 * wan, Source: "区财政"}))
	service := p.must(s.OpenPremises(ctx, premises.PremisesInput{AreaID: bn, Address: "宾南路8号", Use: premises.Service, FloorArea: 200_00, Tenure: premises.Rented, FromOn: d("2024-09-01")}))
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: service, Kind: "fitness", FloorArea: 50_00, FromOn: d("2024-09-01")}))
	old := p.must(s.OpenPremises(ctx, premises.PremisesInput{AreaID: bn, Address: "宾南路2号", Use: premises.Office, FloorArea: 60_00, Tenure: premises.Lent, FromOn: d("2024-10-01")}))
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: old, Kind: "fitness", FloorArea: 20_00, FromOn: d("2024-10-01")}))
	p.ok(s.ClosePremises(ctx, old, d("2024-12-01"))) // its fitness room closes with it
	p.must(s.CountHouseholds(ctx, premises.HouseholdsInput{AreaID: bn, Households: 1000, CountedOn: d("2023-05-01")}))

	// 官渡社区
	gd := p.ID("官渡社区")
	p.must(s.AddOfficeFunding(ctx, premises.OfficeFundingInput{AreaID: gd, Year: 2023, Amount: wan, Source: "街道"}))
	gdOffice := p.must(s.OpenPremises(ctx, premises.PremisesInput{AreaID: gd, Address: "官渡路3号", Use: premises.Office, FloorArea: 80_00, Tenure: premises.Shared, FromOn: d("2024-03-01")}))
	p.must(s.AddRoom(ctx, premises.RoomInput{PremisesID: gdOffice, Kind: "e_learning", FloorArea: 15_00, FromOn: d("2024-06-01")}))
	p.must(s.CountHouseholds(ctx, premises.HouseholdsInput{AreaID: gd, Households: 300, CountedOn: d("2024-02-01")}))
	gdProj := p.must(s.CreateProject(ctx, premises.ProjectInput{AreaID: gd, Name: "官渡社区党群服务中心", Cost: 40 * wan, StartedOn: d("2024-02-01")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: gdProj, Source: "city", Amount: 8*wan + wan/2, ReceivedOn: d("2024-02-20")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: gdProj, Source: "unit", Amount: wan + wan/4, ReceivedOn: d("2024-11-20")}))
	p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: gdProj, Source: "other", Amount: wan, ReceivedOn: d("2025-01-20")})) // after the period
}

// premisesOf is the id of the community's only premises.
func (p *partThree) premisesOf(areaID int64) int64 {
	var id int64
	if err := p.World.App.DB.Reader().QueryRowContext(context.Background(), "SELECT id FROM premises WHERE area_id = ?", areaID).Scan(&id); err != nil {
		p.T.Fatal(err)
	}
	return id
}

func TestPartThreeFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartThree(t, dbh)
		p.build()
		want := map[string][3]float64{ // 示范区, 河东街道, 官渡街道 in 2024
			"communities.at_start":             {3, 2, 1},
			"communities.three_lacks_at_start": {2, 1, 1},
			"communities.three_lacks_at_end":   {1, 0, 1},
			"premises.solved":                  {3, 2, 1},
			"premises.solved_three_lacks":      {2, 1, 1},
			"funding.city":                     {8.5, 0, 8.5},
			"funding.district":                 {5, 5, 0},
			"funding.subdistrict":              {3, 3, 0},
			"funding.self":                     {2, 2, 0},
			"funding.unit":                     {1.25, 0, 1.25},
			"funding.other":                    {0, 0, 0},
			"funding.total":                    {19.75, 10, 9.75},
			"rooms.party_activity":             {1, 0, 1},
			"rooms.e_learning":                 {1, 0, 1},
			"rooms.fitness":                    {1, 1, 0},
			"rooms.library":                    {1, 0, 1},
			"premises.below_standard":          {2, 0, 2},
		}
		for i, scope := range []string{"示范区", "河东街道", "官渡街道"} {
			s := figures.Scope{AreaID: p.ID(scope), From: d("2024-01-01"), To: d("2024-12-31")}
			for key, w := range want {
				f := figures.Get(key)
				if f == nil {
					t.Fatalf("%s is not registered", key)
				}
				got, err := f.Compute(context.Background(), dbh.Reader(), s)
				if err != nil {
					t.Fatalf("%s: %v", key, err)
				}
				if fmt.Sprintf("%.2f", got) != fmt.Sprintf("%.2f", w[i]) {
					t.Errorf("%s in %s: %v, want %v", key, scope, got, w[i])
				}
				recs, err := f.Records(context.Background(), dbh.Reader(), s)
				if err != nil || (w[i] > 0 && len(recs) == 0) {
					t.Errorf("%s in %s: %d records, %v", key, scope, len(recs), err)
				}
			}
		}
		// Before 迎宾 moved, 河东's own standard (min 200 m² from June) put
		// its 170 m² below, with 宾南, which had no premises yet; in May the
		// earlier standard (min 150 m²) held only 宾南 below.
		for _, c := range []struct {
			to   string
			want float64
		}{{"2024-06-30", 2}, {"2024-05-31", 1}} {
			s := figures.Scope{AreaID: p.ID("河东街道"), From: d("2024-01-01"), To: d(c.to)}
			if got, err := figures.Get("premises.below_standard").Compute(context.Background(), dbh.Reader(), s); err != nil || got != c.want {
				t.Errorf("below standard in 河东街道 on %s: %v, %v; want %v", c.to, got, err, c.want)
			}
		}
		// The maintained counts give every figure the rows give, for every
		// area, on and around each day the dataset changes something.
		t.Logf("%d scopes and periods compared", testkit.CheckTallied(t, dbh, testkit.TalliedPeriods(2022, 2025,
			"2023-03-01", "2023-03-10", "2023-05-01", "2023-06-01", "2023-09-01", "2023-10-08", "2024-01-15", "2024-02-01",
			"2024-02-20", "2024-03-01", "2024-04-10", "2024-05-01", "2024-06-01", "2024-07-01", "2024-09-01", "2024-10-01",
			"2024-11-20", "2024-12-01", "2025-01-20", "2025-06-30")))
	})
}

// TestPartThreeRollupOnFirstJanuary holds the counts at a period's start to
// the rows when areas enter and leave a scope on 1 January, the day the
// roll-ups of whole years take from the year before's (internal/figures,
// rollup.go): 新村社区 moves from 官渡街道 to 河东街道 on 2025-01-01 and
// 东湖社区 is set up under 河东街道 the same day, three-lacks.
func TestPartThreeRollupOnFirstJanuary(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartThree(t, dbh)
		p.build()
		ctx := context.Background()
		A := p.World.App.Areas
		p.ok(A.Adjust(ctx, area.AdjustInput{AreaID: p.ID("新村社区"), NewParentID: p.ID("河东街道"), On: d("2025-01-01")}))
		p.must(A.Create(ctx, area.CreateInput{ParentID: p.ID("河东街道"), Level: area.Community, Name: "东湖社区", On: d("2025-01-01")}))
		for _, c := range []struct {
			scope, key string
			year       int
			want       float64
		}{
			// At the start of 2025 河东 has 宾南 and the two newcomers;
			// 官渡 has 官渡 and 迎宾, and no longer 新村.
			{"河东街道", "communities.at_start", 2025, 3},
			{"官渡街道", "communities.at_start", 2025, 2},
			{"河东街道", "communities.three_lacks_at_start", 2025, 2},
			{"示范区", "communities.at_start", 2025, 5},
		} {
			from, to := date.YearBounds(c.year)
			s := figures.Scope{AreaID: p.ID(c.scope), From: from, To: to}
			got, err := figures.Get(c.key).Compute(ctx, dbh.Reader(), s)
			if err != nil || got != c.want {
				t.Errorf("%s in %s, %d: %v, %v; want %v", c.key, c.scope, c.year, got, err, c.want)
			}
		}
		periods := testkit.TalliedPeriods(2024, 2025, "2025-01-01")
		testkit.CheckTallied(t, dbh, periods)
		// The subdistricts' breakdown reads them all at once and sets
		// right the communities that moved between them (迎宾 on
		// 2024-07-01 with its premises solved in April, 新村 on 1 January).
		t.Logf("%d values by sub-area compared", testkit.CheckBySubArea(t, dbh, p.ID("示范区"), "subdistrict", periods))
	})
}
