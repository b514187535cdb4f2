package web_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/services"
)

// servicesAccessRows are the access test's rows for part four (b)'s pages.
var servicesAccessRows = map[string]accessRow{
	"GET /outlets":                  {"services.read", "GET", "/outlets"},
	"GET /areas/{id}/outlets":       {"services.read", "GET", "/areas/{T}/outlets"},
	"/outlets/new":                  {"services.write", "POST", "/outlets/new"},
	"/outlets/{id}/edit":            {"services.write", "POST", "/outlets/{T}/edit"},
	"/outlets/{id}/end":             {"services.write", "POST", "/outlets/{T}/end"},
	"GET /designations":             {"services.read", "GET", "/designations"},
	"/designations/new":             {"services.write", "POST", "/designations/new"},
	"/designations/{id}/edit":       {"services.write", "POST", "/designations/{T}/edit"},
	"/designations/{id}/end":        {"services.write", "POST", "/designations/{T}/end"},
	"GET /service-records":          {"services.read", "GET", "/service-records"},
	"/service-records/new":          {"services.write", "POST", "/service-records/new"},
	"/service-records/{id}/edit":    {"services.write", "POST", "/service-records/{T}/edit"},
	"GET /areas/{id}/service-grid":  {"services.read", "GET", "/areas/{T}/service-grid"},
	"POST /areas/{id}/service-grid": {"services.write", "POST", "/areas/{T}/service-grid"},
	"GET /placements":               {"services.read", "GET", "/placements"},
	"/placements/new":               {"services.write", "POST", "/placements/new"},
	"/placements/{id}/edit":         {"services.write", "POST", "/placements/{T}/edit"},
	"/placements/{id}/end":          {"services.write", "POST", "/placements/{T}/end"},
	"GET /good-deeds":               {"services.read", "GET", "/good-deeds"},
	"/good-deeds/new":               {"services.write", "POST", "/good-deeds/new"},
	"/good-deeds/{id}/edit":         {"services.write", "POST", "/good-deeds/{T}/edit"},
	"GET /pick/outlets":             {"services.read", "GET", "/pick/outlets?q=x"},
}

func init() {
	for k, v := range servicesAccessRows {
		accessRows[k] = v
	}
	for _, place := range []string{"outlet", "designation", "service_record", "placement", "good_deed"} {
		accessSamples[place] = map[string]string{"inside": "{" + place + "-in}", "outside": "{" + place + "-out}"}
	}
}

// seedAccessServices gives 迎宾社区 (inside) and 官渡社区 (outside) an
// outlet with a month's record, a designation, a placement and a good deed
// for the access test to aim at.
func seedAccessServices(t testing.TB, a *testApp) {
	t.Helper()
	ctx := context.Background()
	s := a.App.Services
	on := date.MustParse("2025-03-01")
	for i, x := range []struct{ target, community, id string }{{"in", "迎宾社区", "110101197001010016"}, {"out", "官渡社区", "110101197001010024"}} {
		must := func(name string, id int64, err error) {
			if err != nil {
				t.Fatalf("%s %s: %v", name, x.community, err)
			}
			a.IDs[name+"-"+x.target] = id
		}
		id, err := s.CreateOutlet(ctx, services.OutletInput{AreaID: a.AreaID(x.community), Kind: "elderly_centre", Name: x.community + "老人服务中心", FromOn: on})
		must("outlet", id, err)
		id, err = s.CreateRecord(ctx, services.RecordInput{OutletID: id, Kind: "elderly_care", Span: services.Month, On: on, PersonTimes: 10 + int64(i)})
		must("service_record", id, err)
		id, err = s.CreateDesignation(ctx, services.DesignationInput{AreaID: a.AreaID(x.community), Estate: x.community + "花园", Kind: services.SafeNeighbourhood, AwardedBy: "区综治委", FromOn: on})
		must("designation", id, err)
		id, err = s.CreatePlacement(ctx, services.PlacementInput{AreaID: a.AreaID(x.community), Name: "安置" + x.target, IDNumber: x.id, BeforeStatus: "laid_off", Employer: "物业公司", PlacedOn: on})
		must("placement", id, err)
		id, err = s.CreateDeed(ctx, services.DeedInput{AreaID: a.AreaID(x.community), Kind: "practical", Title: x.community + "修路灯", DoneOn: on})
		must("good_deed", id, err)
	}
}
