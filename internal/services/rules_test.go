package services_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/services"
)

// TestPartFourBRefusals: bad input is refused with the field named and the
// class of what happened, and nothing of a refused write is kept.
func TestPartFourBRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		hedong := access.WithScope(ctx, p.ID("河东街道"))
		s := p.s
		count := func() int {
			var n int
			p.ok(dbh.Reader().QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM outlet) + (SELECT COUNT(*) FROM designation) + (SELECT COUNT(*) FROM service_record)
+ (SELECT COUNT(*) FROM placement) + (SELECT COUNT(*) FROM good_deed)`).Scan(&n))
			return n
		}
		o3, o4 := p.ids["O3 宾南老人服务中心"], p.ids["O4 官渡计生服务中心"]
		placement := services.PlacementInput{AreaID: p.ID("宾南社区"), Name: "甲", IDNumber: idNumber(50), BeforeStatus: "unemployed", Employer: "某公司", PlacedOn: d("2024-03-01")}
		before := count()
		for _, tc := range []struct {
			name, key, field string
			class            error
			do               func() error
		}{
			{"negative person-times", "err.svc_negative", "person_times", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o3, Kind: "training", Span: services.Month, On: d("2024-01-01"), PersonTimes: -3})
				return err
			}},
			{"negative volunteer hours", "err.svc_negative", "volunteer_hours", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o3, Kind: "training", Span: services.Month, On: d("2024-01-01"), PersonTimes: 3, VolunteerHours: -1})
				return err
			}},
			{"a month after the outlet closed", "err.service_outlet_closed", "on_date", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o3, Kind: "training", Span: services.Month, On: d("2024-10-01"), PersonTimes: 3})
				return err
			}},
			{"a day before the outlet opened", "err.service_outlet_closed", "on_date", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o4, Kind: "training", Span: services.Day, On: d("2024-12-30"), PersonTimes: 3})
				return err
			}},
			{"a second record for one cell", "err.service_record_twice", "on_date", fault.Conflict, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: p.ids["O1 迎宾环卫站"], Kind: "training", Span: services.Month, On: d("2024-03-31"), PersonTimes: 3})
				return err
			}},
			{"a record of an unknown kind", "err.service_kind_invalid", "kind", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o3, Kind: "dancing", Span: services.Month, On: d("2024-01-01")})
				return err
			}},
			{"a record of an outlet outside the scope", "err.out_of_scope", "outlet_id", fault.OutOfScope, func() error {
				_, err := s.CreateRecord(hedong, services.RecordInput{OutletID: o4, Kind: "training", Span: services.Month, On: d("2025-01-01"), PersonTimes: 1})
				return err
			}},
			{"a record in the future", "err.date_future", "on_date", nil, func() error {
				_, err := s.CreateRecord(ctx, services.RecordInput{OutletID: o4, Kind: "training", Span: services.Day, On: d("2025-07-01"), PersonTimes: 1})
				return err
			}},
			{"an outlet of an unknown kind", "err.outlet_kind_invalid", "kind", nil, func() error {
				_, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: p.ID("宾南社区"), Kind: "bakery", Name: "面包房", FromOn: d("2024-01-01")})
				return err
			}},
			{"an outlet in an area outside the scope", "err.out_of_scope", "area_id", fault.OutOfScope, func() error {
				_, err := s.CreateOutlet(hedong, services.OutletInput{AreaID: p.ID("官渡社区"), Kind: "cleaning_team", Name: "清洁队", FromOn: d("2024-01-01")})
				return err
			}},
			{"an outlet at the district", "err.svc_not_subdistrict_or_community", "area_id", fault.BadReference, func() error {
				_, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: p.ID("示范区"), Kind: "cleaning_team", Name: "清洁队", FromOn: d("2024-01-01")})
				return err
			}},
			{"an outlet without a name", "err.svc_required", "name", nil, func() error {
				_, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: p.ID("宾南社区"), Kind: "cleaning_team", Name: " ", FromOn: d("2024-01-01")})
				return err
			}},
			{"an outlet closing before its records", "err.outlet_records_after", "to_on", nil, func() error {
				return s.EndOutlet(ctx, p.ids["O5 宾南家政服务中心"], d("2024-06-10"))
			}},
			{"an outlet in a merged community", "err.svc_area_inactive", "area_id", nil, func() error {
				_, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: p.ID("河滨社区"), Kind: "cleaning_team", Name: "清洁队", FromOn: d("2024-01-01")})
				return err
			}},
			{"a placement without a date", "err.date_required", "placed_on", nil, func() error {
				in := placement
				in.PlacedOn = date.Date{}
				_, err := s.CreatePlacement(ctx, in)
				return err
			}},
			{"a placement with a bad ID number", "err.id_number_check", "id_number", nil, func() error {
				in := placement
				in.IDNumber = in.IDNumber[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", in.IDNumber[17])+1)%11])
				_, err := s.CreatePlacement(ctx, in)
				return err
			}},
			{"a placement without an employer", "err.svc_required", "employer", nil, func() error {
				in := placement
				in.Employer = ""
				_, err := s.CreatePlacement(ctx, in)
				return err
			}},
			{"the same person placed twice on a day", "err.placement_twice", "id_number", fault.Conflict, func() error {
				in := placement
				in.IDNumber, in.PlacedOn = idNumber(1), d("2024-05-10")
				_, err := s.CreatePlacement(ctx, in)
				return err
			}},
			{"a placement by an area outside the scope", "err.out_of_scope", "area_id", fault.OutOfScope, func() error {
				in := placement
				in.AreaID = p.ID("官渡社区")
				_, err := s.CreatePlacement(hedong, in)
				return err
			}},
			{"a designation of another title without its name", "err.svc_required", "title", nil, func() error {
				_, err := s.CreateDesignation(ctx, services.DesignationInput{AreaID: p.ID("宾南社区"), Estate: "某小区", Kind: services.OtherTitle, AwardedBy: "区", FromOn: d("2024-01-01")})
				return err
			}},
			{"a designation of a subdistrict", "err.svc_not_community", "area_id", fault.BadReference, func() error {
				_, err := s.CreateDesignation(ctx, services.DesignationInput{AreaID: p.ID("河东街道"), Estate: "某小区", Kind: services.SafeNeighbourhood, AwardedBy: "区", FromOn: d("2024-01-01")})
				return err
			}},
			{"a designation ended for no reason", "err.designation_reason_invalid", "end_reason", nil, func() error {
				return s.EndDesignation(ctx, 1, d("2025-01-01"), "tired")
			}},
			{"a good deed with negative beneficiaries", "err.svc_negative", "beneficiaries", nil, func() error {
				_, err := s.CreateDeed(ctx, services.DeedInput{AreaID: p.ID("宾南社区"), Kind: "practical", Title: "修路灯", Beneficiaries: -1, DoneOn: d("2024-01-01")})
				return err
			}},
			{"a good deed of an unknown kind", "err.deed_kind_invalid", "kind", nil, func() error {
				_, err := s.CreateDeed(ctx, services.DeedInput{AreaID: p.ID("宾南社区"), Kind: "charity", Title: "修路灯", DoneOn: d("2024-01-01")})
				return err
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.do()
				var e *i18n.Error
				if !errors.As(err, &e) {
					t.Fatalf("got %v, want an *i18n.Error", err)
				}
				if e.Key != tc.key || e.Field != tc.field {
					t.Errorf("got %s on %q, want %s on %q", e.Key, e.Field, tc.key, tc.field)
				}
				if tc.class != nil && !errors.Is(err, tc.class) {
					t.Errorf("%v is not of class %v", err, tc.class)
				}
			})
		}
		if after := count(); after != before {
			t.Errorf("refused writes left %d rows", after-before)
		}
	})
}
