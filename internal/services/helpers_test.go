package services_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
)

func d(s string) date.Date { return date.MustParse(s) }

// partFourB is the hand-built dataset of part four (b)'s tests, on
// testkit's small district (示范区: 河东街道 {迎宾, 宾南, 河滨 merged into
// 宾南 on 2023-03-01}, 官渡街道 {官渡}); 迎宾社区 moves from 河东街道 to
// 官渡街道 on 2024-07-01 (build).
type partFourB struct {
	*testkit.World
	s   *services.Store
	ids map[string]int64
}

func newPartFourB(t *testing.T, dbh *db.DB) *partFourB {
	t.Helper()
	w := testkit.New(t, dbh, testkit.Options{Today: d("2025-06-30")})
	return &partFourB{World: w, s: w.App.Services, ids: map[string]int64{}}
}

func (p *partFourB) must(id int64, err error) int64 {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
	return id
}

func (p *partFourB) ok(err error) {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
}

// idNumber is a valid fictional resident ID number of someone born on
// 1970-01-01 with the sequence n.
func idNumber(n int) string {
	first := "110101197001010" + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
	return first + string(people.CheckDigit(first))
}

// outlet opens an outlet; to "" for one still open.
func (p *partFourB) outlet(name, at string, kind services.OutletKind, from, to string) {
	p.T.Helper()
	in := services.OutletInput{AreaID: p.ID(at), Kind: kind, Name: name, FromOn: d(from)}
	if to != "" {
		in.ToOn = d(to)
	}
	p.ids[name] = p.must(p.s.CreateOutlet(context.Background(), in))
}

// rec records services of an outlet (named in p.ids) or an area.
func (p *partFourB) rec(name, by string, kind services.ServiceKind, span services.Span, on string, pt int64) {
	p.T.Helper()
	in := services.RecordInput{Kind: kind, Span: span, On: d(on), PersonTimes: pt, VolunteerHours: pt / 10}
	if id, ok := p.ids[by]; ok {
		in.OutletID = id
	} else {
		in.AreaID = p.ID(by)
	}
	p.ids[name] = p.must(p.s.CreateRecord(context.Background(), in))
}

// build is the dataset of the figures; the answers are written in
// TestPartFourBFigures.
//
//	outlets
//	  O1 sanitation_station  迎宾社区  2020-01-01 –            (moves to 官渡 with 迎宾 on 2024-07-01)
//	  O2 cleaning_team       河东街道  2021-01-01 –
//	  O3 elderly_centre      宾南社区  2022-01-01 – 2024-10-01
//	  O4 family_planning     官渡社区  2024-12-31 –
//	  O5 housekeeping        宾南社区  2019-01-01 –
//	  O6 disability_centre   官渡街道  2023-05-01 –
//	  O7 elderly_centre      迎宾社区  2024-02-01 –
//	designations
//	  D1 safe  迎宾花园  2022-05-01 –
//	  D2 safe  宾南小区  2021-01-01 – 2024-03-01 revoked
//	  D3 other 宾南新村  2023-01-01 – (卫生小区)
//	  D4 safe  官渡苑    2024-06-01 – 2025-01-01 expired
//	service records (person-times)
//	  R1 O1 training      month 2024-03   100
//	  R2 O1 health_care   month 2024-08    50   (迎宾 then in 官渡)
//	  R3 O5 elderly_care  month 2024-06    30
//	  R4 O5 job_guidance  day 2024-06-15    7
//	  R5 河东街道 training month 2024-12    20
//	  R6 O3 elderly_care  month 2024-09    40
//	  R7 O4 health_care   day 2025-01-05    5
//	  R8 河滨社区 other    month 2022-06    11   (before the merge)
//	placements: P1 迎宾 2024-05-10, P2 迎宾 2024-09-01, P3 宾南 2024-01-01, P4 官渡 2023-12-31
//	good deeds: G1 河东街道 2024-02-01, G2 迎宾 2024-12-31, G3 宾南 2025-01-01, G4 官渡 2024-07-01
func (p *partFourB) build() {
	ctx := context.Background()
	s := p.s
	p.outlet("O1 迎宾环卫站", "迎宾社区", "sanitation_station", "2020-01-01", "")
	p.outlet("O2 河东清洁队", "河东街道", "cleaning_team", "2021-01-01", "")
	p.outlet("O3 宾南老人服务中心", "宾南社区", "elderly_centre", "2022-01-01", "2024-10-01")
	p.outlet("O4 官渡计生服务中心", "官渡社区", "family_planning_centre", "2024-12-31", "")
	p.outlet("O5 宾南家政服务中心", "宾南社区", "housekeeping_centre", "2019-01-01", "")
	p.outlet("O6 官渡残疾人服务中心", "官渡街道", "disability_centre", "2023-05-01", "")
	p.outlet("O7 迎宾老人服务中心", "迎宾社区", "elderly_centre", "2024-02-01", "")

	desig := func(name, community string, kind services.DesignationKind, title, from string) int64 {
		return p.must(s.CreateDesignation(ctx, services.DesignationInput{AreaID: p.ID(community), Estate: name, Kind: kind, Title: title, AwardedBy: "区综治委", FromOn: d(from)}))
	}
	desig("迎宾花园", "迎宾社区", services.SafeNeighbourhood, "", "2022-05-01")
	p.ok(s.EndDesignation(ctx, desig("宾南小区", "宾南社区", services.SafeNeighbourhood, "", "2021-01-01"), d("2024-03-01"), "revoked"))
	desig("宾南新村", "宾南社区", services.OtherTitle, "卫生小区", "2023-01-01")
	p.ok(s.EndDesignation(ctx, desig("官渡苑", "官渡社区", services.SafeNeighbourhood, "", "2024-06-01"), d("2025-01-01"), "expired"))

	p.rec("R1", "O1 迎宾环卫站", "training", services.Month, "2024-03-20", 100)
	p.rec("R2", "O1 迎宾环卫站", "health_care", services.Month, "2024-08-01", 50)
	p.rec("R3", "O5 宾南家政服务中心", "elderly_care", services.Month, "2024-06-01", 30)
	p.rec("R4", "O5 宾南家政服务中心", "job_guidance", services.Day, "2024-06-15", 7)
	p.rec("R5", "河东街道", "training", services.Month, "2024-12-01", 20)
	p.rec("R6", "O3 宾南老人服务中心", "elderly_care", services.Month, "2024-09-01", 40)
	p.rec("R7", "O4 官渡计生服务中心", "health_care", services.Day, "2025-01-05", 5)
	p.rec("R8", "河滨社区", "other", services.Month, "2022-06-01", 11)

	for i, pl := range []struct{ community, on string }{{"迎宾社区", "2024-05-10"}, {"迎宾社区", "2024-09-01"}, {"宾南社区", "2024-01-01"}, {"官渡社区", "2023-12-31"}} {
		p.must(s.CreatePlacement(ctx, services.PlacementInput{AreaID: p.ID(pl.community), Name: "安置对象" + []string{"甲", "乙", "丙", "丁"}[i], IDNumber: idNumber(i + 1),
			BeforeStatus: "laid_off", Employer: "示范物业公司", Work: "保洁", PlacedBy: "社区劳动保障站", PlacedOn: d(pl.on)}))
	}
	for _, g := range []struct{ by, on string }{{"河东街道", "2024-02-01"}, {"迎宾社区", "2024-12-31"}, {"宾南社区", "2025-01-01"}, {"官渡社区", "2024-07-01"}} {
		p.must(s.CreateDeed(ctx, services.DeedInput{AreaID: p.ID(g.by), Kind: "practical", Title: g.by + "实事" + g.on, Beneficiaries: 12, DoneBy: "社区党支部", DoneOn: d(g.on)}))
	}
	p.ok(p.App.Areas.Adjust(ctx, area.AdjustInput{AreaID: p.ID("迎宾社区"), NewParentID: p.ID("官渡街道"), On: d("2024-07-01")}))
}
