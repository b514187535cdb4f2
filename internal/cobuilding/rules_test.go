package cobuilding_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// TestPartFourRefusals: bad input is refused with the field named and the
// class of what happened, and nothing of a refused write is kept.
func TestPartFourRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ctx := context.Background()
		s := p.s
		road := p.demand("迎宾一巷道路破损", "迎宾社区", "road", "2019-05-01")
		closed := p.demand("旧需求", "迎宾社区", "other", "2020-01-01")
		p.ok(s.CloseDemand(ctx, closed, d("2020-06-01"), "已由街道解决"))
		guandu := p.demand("官渡路灯", "官渡社区", "security", "2022-01-01")
		proj := p.project("迎宾一巷道路硬化", "迎宾社区", "迎宾社区党支部", "2024-03-01", wan(80), road)
		count := func() int {
			var n int
			p.ok(dbh.Reader().QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM demand) + (SELECT COUNT(*) FROM resource) + (SELECT COUNT(*) FROM co_project)
+ (SELECT COUNT(*) FROM co_project_demand) + (SELECT COUNT(*) FROM co_project_resource) + (SELECT COUNT(*) FROM co_contribution)
+ (SELECT COUNT(*) FROM co_result) + (SELECT COUNT(*) FROM co_feedback)`).Scan(&n))
			return n
		}
		neg, actual := int64(-1), wan(60)
		before := count()
		for _, tc := range []struct {
			name, key, field string
			class            error
			do               func() error
		}{
			{"a project done before it started", "err.project_done_before_start", "done_on", nil, func() error {
				return s.UpdateProject(ctx, proj, cobuilding.ProjectChange{Title: "x", EstimatedCost: wan(80), ActualCost: &actual, DoneOn: d("2024-02-28")})
			}},
			{"an actual cost without a done date", "err.project_cost_without_done", "actual_cost", nil, func() error {
				return s.UpdateProject(ctx, proj, cobuilding.ProjectChange{Title: "x", EstimatedCost: wan(80), ActualCost: &actual})
			}},
			{"a negative actual cost", "err.cob_negative", "actual_cost", nil, func() error {
				return s.UpdateProject(ctx, proj, cobuilding.ProjectChange{Title: "x", EstimatedCost: wan(80), ActualCost: &neg, DoneOn: d("2024-04-01")})
			}},
			{"a negative estimated cost", "err.cob_negative", "estimated_cost", nil, func() error {
				_, err := s.CreateProject(ctx, cobuilding.ProjectInput{AreaID: p.ID("迎宾社区"), OrgID: p.ID("迎宾社区党支部"), Title: "负", StartedOn: d("2024-01-01"), EstimatedCost: -5})
				return err
			}},
			{"a contribution by a unit not stationed in the subdistrict", "err.contribution_unit_not_stationed", "unit_id", nil, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, UnitID: p.units["U4 供电所"], Kind: "money", Value: wan(1), GivenOn: d("2024-03-05")})
				return err
			}},
			{"a contribution by a unit before it moved into the subdistrict", "err.contribution_unit_not_stationed", "unit_id", nil, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, UnitID: p.units["U6 水厂"], Kind: "labour", GivenOn: d("2024-04-30")})
				return err
			}},
			{"a contribution by an ended unit", "err.cob_unit_ended", "unit_id", fault.Conflict, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, UnitID: p.units["U5 粮站"], Kind: "labour", GivenOn: d("2024-03-05")})
				return err
			}},
			{"a contribution of negative value", "err.cob_negative", "value", nil, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, Department: "市规划局", Kind: "free_service", Value: -100, GivenOn: d("2024-03-05")})
				return err
			}},
			{"a contribution before the project", "err.cob_before_project", "given_on", nil, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, Department: "市规划局", Kind: "free_service", GivenOn: d("2024-02-05")})
				return err
			}},
			{"a contribution by nobody", "err.cob_giver_required", "unit_id", nil, func() error {
				_, err := s.AddContribution(ctx, cobuilding.ContributionInput{ProjectID: proj, Kind: "money", GivenOn: d("2024-03-05")})
				return err
			}},
			{"a negative result", "err.cob_negative", "quantity", nil, func() error {
				_, err := s.AddResult(ctx, cobuilding.ResultInput{ProjectID: proj, Name: "道路", Quantity: -1, Unit: "米"})
				return err
			}},
			{"a negative number of households", "err.cob_negative", "households", nil, func() error {
				_, err := s.CreateDemand(ctx, cobuilding.DemandInput{AreaID: p.ID("迎宾社区"), Title: "负", Category: "road", Households: -3, RaisedOn: d("2024-01-01")})
				return err
			}},
			{"feedback before the project started", "err.feedback_before_start", "given_on", nil, func() error {
				_, err := s.AddFeedback(ctx, cobuilding.FeedbackInput{ProjectID: proj, Kind: "banner", GivenBy: "居民", GivenOn: d("2024-02-29")})
				return err
			}},
			{"a rating outside 1-5", "err.feedback_rating_range", "rating", nil, func() error {
				_, err := s.AddFeedback(ctx, cobuilding.FeedbackInput{ProjectID: proj, Kind: "rating", Rating: 6, GivenBy: "居民", GivenOn: d("2024-04-01")})
				return err
			}},
			{"a resource of an ended unit", "err.cob_unit_ended", "unit_id", fault.Conflict, func() error {
				_, err := s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U5 粮站"], Kind: "venue", Description: "礼堂", FromOn: d("2024-01-01")})
				return err
			}},
			{"a resource ending before it starts", "err.cob_end_before_start", "to_on", nil, func() error {
				_, err := s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U1 房管所"], Kind: "venue", Description: "礼堂", FromOn: d("2024-01-01"), ToOn: d("2023-01-01")})
				return err
			}},
			{"a resource of a kind not offered", "err.resource_kind_invalid", "kind", nil, func() error {
				_, err := s.CreateResource(ctx, cobuilding.ResourceInput{UnitID: p.units["U1 房管所"], Kind: "gold", Description: "金", FromOn: d("2024-01-01")})
				return err
			}},
			{"matching a demand already closed", "err.demand_settled", "demand_ids[1]", fault.Conflict, func() error {
				_, err := s.CreateProject(ctx, cobuilding.ProjectInput{AreaID: p.ID("迎宾社区"), OrgID: p.ID("迎宾社区党支部"), Title: "再做", StartedOn: d("2024-05-01"),
					DemandIDs: []int64{road, closed}})
				return err
			}},
			{"a demand of another community", "err.project_demand_elsewhere", "demand_ids[0]", nil, func() error {
				_, err := s.CreateProject(ctx, cobuilding.ProjectInput{AreaID: p.ID("迎宾社区"), OrgID: p.ID("迎宾社区党支部"), Title: "错", StartedOn: d("2024-05-01"),
					DemandIDs: []int64{guandu}})
				return err
			}},
			{"a coordinator of another community", "err.cob_org_elsewhere", "org_id", nil, func() error {
				_, err := s.CreateProject(ctx, cobuilding.ProjectInput{AreaID: p.ID("官渡社区"), OrgID: p.ID("迎宾社区党支部"), Title: "错", StartedOn: d("2024-05-01")})
				return err
			}},
			{"a project of a subdistrict", "err.cob_not_community", "area_id", fault.BadReference, func() error {
				_, err := s.CreateProject(ctx, cobuilding.ProjectInput{AreaID: p.ID("河东街道"), OrgID: p.ID("河东街道党委"), Title: "错", StartedOn: d("2024-05-01")})
				return err
			}},
			{"a demand category not in the list", "err.demand_category_invalid", "category", nil, func() error {
				_, err := s.CreateDemand(ctx, cobuilding.DemandInput{AreaID: p.ID("迎宾社区"), Title: "x", Category: "moon", RaisedOn: d("2024-01-01")})
				return err
			}},
			{"a tag that is not one of the four kinds", "err.demand_tag_invalid", "tags", nil, func() error {
				_, err := s.CreateDemand(ctx, cobuilding.DemandInput{AreaID: p.ID("迎宾社区"), Title: "x", Category: "road", Tags: []string{"fun"}, RaisedOn: d("2024-01-01")})
				return err
			}},
			{"closing a closed demand", "err.demand_settled", "status", fault.Conflict, func() error {
				return s.CloseDemand(ctx, closed, d("2024-01-01"), "")
			}},
			{"a demand outside the caller's subtree", "err.demand_unknown", "demand_id", fault.NotFound, func() error {
				return s.CloseDemand(access.WithScope(ctx, p.ID("官渡街道")), road, d("2024-01-01"), "")
			}},
			{"a project outside the caller's subtree", "err.out_of_scope", "area_id", fault.OutOfScope, func() error {
				_, err := s.CreateProject(access.WithScope(ctx, p.ID("官渡街道")), cobuilding.ProjectInput{AreaID: p.ID("迎宾社区"), OrgID: p.ID("迎宾社区党支部"), Title: "越界", StartedOn: d("2024-05-01")})
				return err
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.do()
				var ie *i18n.Error
				if !errors.As(err, &ie) || ie.Key != tc.key || ie.Field != tc.field {
					t.Fatalf("got %v (%+v), want %s on %s", err, ie, tc.key, tc.field)
				}
				if tc.class != nil && !errors.Is(err, tc.class) {
					t.Errorf("%v is not of class %v", err, tc.class)
				}
				if !i18n.Has(ie.Key) {
					t.Errorf("%s has no words", ie.Key)
				}
			})
		}
		if after := count(); after != before {
			t.Errorf("%d rows written by refused writes", after-before)
		}
		// A department from outside the area may give; the demand met is
		// matched, then done with its project.
		p.give(proj, "市规划局", "free_service", wan(3), "2024-03-05")
		dm, err := s.Demand(ctx, road)
		p.ok(err)
		if dm.Status != cobuilding.Matched {
			t.Errorf("the demand is %s, want matched", dm.Status)
		}
		p.done(proj, "迎宾一巷道路硬化", wan(80), wan(60), "2024-03-28")
		if dm, _ = s.Demand(ctx, road); dm.Status != cobuilding.Done || dm.ClosedOn != d("2024-03-28") {
			t.Errorf("the demand is %s since %s, want done on 2024-03-28", dm.Status, dm.ClosedOn)
		}
		if err := s.UpdateProject(ctx, proj, cobuilding.ProjectChange{Title: "x", EstimatedCost: wan(80)}); err == nil {
			t.Error("a done project's date was cleared")
		}
	})
}
