package premises_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/premises"
)

// Each bad input is refused naming its field, and nothing of it is
// written.
func TestPartThreeRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		p := newPartThree(t, dbh)
		s := p.s
		yb, gd := p.ID("迎宾社区"), p.ID("官渡社区")
		office := p.must(s.OpenPremises(ctx, premises.PremisesInput{AreaID: yb, Address: "迎宾一巷1号", Use: premises.Office, FloorArea: 100_00, Tenure: premises.Owned, FromOn: d("2020-01-01"), ToOn: d("2024-01-01")}))
		proj := p.must(s.CreateProject(ctx, premises.ProjectInput{AreaID: gd, Name: "官渡社区办公楼", Cost: 10 * wan, StartedOn: d("2023-01-01")}))
		p.ok(s.ReachStep(ctx, premises.StepInput{ProjectID: proj, Step: "siting", On: d("2023-02-01")}))
		// built is at its last step before completion, funded above its cost.
		built := p.must(s.CreateProject(ctx, premises.ProjectInput{AreaID: gd, Name: "官渡社区服务站", Cost: 10 * wan, StartedOn: d("2023-01-01")}))
		for _, st := range []premises.Step{"siting", "funding", "approval", "construction"} {
			p.ok(s.ReachStep(ctx, premises.StepInput{ProjectID: built, Step: st, On: d("2023-06-01")}))
		}
		p.must(s.AddFunding(ctx, premises.FundingInput{ProjectID: built, Source: "city", Amount: 11 * wan, ReceivedOn: d("2023-03-01")}))
		okPremises := premises.PremisesInput{AreaID: yb, Address: "迎宾一巷2号", Use: premises.Service, FloorArea: 50_00, Tenure: premises.Rented, FromOn: d("2024-02-01")}
		cases := []struct {
			name, field, key string
			do               func() error
		}{
			{"zero floor area", "floor_area", "err.premises_not_positive", func() error {
				in := okPremises
				in.FloorArea = 0
				_, err := s.OpenPremises(ctx, in)
				return err
			}},
			{"negative floor area", "floor_area", "err.premises_not_positive", func() error {
				in := okPremises
				in.FloorArea = -5
				_, err := s.OpenPremises(ctx, in)
				return err
			}},
			{"premises of an ended community", "area_id", "err.premises_community_inactive", func() error {
				in := okPremises
				in.AreaID = p.ID("河滨社区")
				_, err := s.OpenPremises(ctx, in)
				return err
			}},
			{"premises of a subdistrict", "area_id", "err.premises_not_community", func() error {
				in := okPremises
				in.AreaID = p.ID("河东街道")
				_, err := s.OpenPremises(ctx, in)
				return err
			}},
			{"room larger than its premises", "floor_area", "err.room_larger_than_premises", func() error {
				_, err := s.AddRoom(ctx, premises.RoomInput{PremisesID: office, Kind: "library", FloorArea: 120_00, FromOn: d("2021-01-01")})
				return err
			}},
			{"room before its premises", "from_on", "err.room_outside_premises", func() error {
				_, err := s.AddRoom(ctx, premises.RoomInput{PremisesID: office, Kind: "library", FloorArea: 20_00, FromOn: d("2019-01-01"), ToOn: d("2021-01-01")})
				return err
			}},
			{"room outlasting its premises", "from_on", "err.room_outside_premises", func() error {
				_, err := s.AddRoom(ctx, premises.RoomInput{PremisesID: office, Kind: "library", FloorArea: 20_00, FromOn: d("2021-01-01")})
				return err
			}},
			{"funding before the community existed", "year", "err.funding_year_outside_community", func() error {
				id, err := p.World.App.Areas.Find(ctx, "宾南社区")
				if err != nil {
					return err
				}
				_, err = s.AddOfficeFunding(ctx, premises.OfficeFundingInput{AreaID: id.ID, Year: 2014, Amount: wan})
				return err
			}},
			{"a step dated before the previous one", "on", "err.step_before_previous", func() error {
				return s.ReachStep(ctx, premises.StepInput{ProjectID: proj, Step: "funding", On: d("2023-01-15")})
			}},
			{"a step out of order", "step", "err.step_out_of_order", func() error {
				return s.ReachStep(ctx, premises.StepInput{ProjectID: proj, Step: "construction", On: d("2023-05-01")})
			}},
			{"funding above the cost at completion without a note", "note", "err.project_funding_over_cost", func() error {
				return s.ReachStep(ctx, premises.StepInput{ProjectID: built, Step: premises.Completed, On: d("2024-01-10"),
					Premises: &premises.PremisesInput{Address: "官渡路1号", Use: premises.Office, FloorArea: 90_00, Tenure: premises.Owned}})
			}},
			{"completion's premises refused with the step", "floor_area", "err.premises_not_positive", func() error {
				return s.ReachStep(ctx, premises.StepInput{ProjectID: built, Step: premises.Completed, On: d("2024-01-10"), Note: "超支由街道兜底",
					Premises: &premises.PremisesInput{Address: "官渡路1号", Use: premises.Office, Tenure: premises.Owned}})
			}},
			{"a standard with nothing in it", "min_area", "err.standard_empty", func() error {
				_, err := s.SetStandard(ctx, premises.StandardInput{AreaID: p.ID("示范区"), FromOn: d("2024-01-01")})
				return err
			}},
			{"a negative household count", "households", "err.premises_count_negative", func() error {
				_, err := s.CountHouseholds(ctx, premises.HouseholdsInput{AreaID: yb, Households: -1, CountedOn: d("2024-01-01")})
				return err
			}},
		}
		for _, c := range cases {
			before := countRows(t, dbh)
			err := c.do()
			var e *i18n.Error
			if !errors.As(err, &e) || e.Field != c.field || e.Key != c.key {
				t.Errorf("%s: %v, want %s on %s", c.name, err, c.key, c.field)
			}
			if after := countRows(t, dbh); after != before {
				t.Errorf("%s: rows %v then %v: something was written", c.name, before, after)
			}
		}
		// With a note the completion goes through and opens the premises.
		p.ok(s.ReachStep(ctx, premises.StepInput{ProjectID: built, Step: premises.Completed, On: d("2024-01-10"), Note: "超支由街道兜底",
			Premises: &premises.PremisesInput{Address: "官渡路1号", Use: premises.Office, FloorArea: 90_00, Tenure: premises.Owned}}))
		var n int
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM premises WHERE project_id = ?", built).Scan(&n); err != nil || n != 1 {
			t.Errorf("the completed project opened %d premises (%v), want 1", n, err)
		}
	})
}

// countRows counts the rows of part three's tables, to see that a refused
// write left nothing behind.
func countRows(t *testing.T, dbh *db.DB) [8]int {
	t.Helper()
	var out [8]int
	for i, table := range []string{"premises", "room", "office_funding", "economic_land", "building_project", "project_step", "project_funding", "premises_standard"} {
		if err := dbh.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
