package services_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/testkit"
)

// TestDemoPartFourB: the demo district has every kind of outlet, safe and
// civilised neighbourhoods, every kind of service this year and over the
// last five years, placements and good deeds.
func TestDemoPartFourB(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		ctx := context.Background()
		from, to := date.YearBounds(w.Today.Year())
		five, _ := date.YearBounds(w.Today.Year() - 4)
		for _, period := range []struct{ from, to date.Date }{{from, w.Today}, {five, to}} {
			for _, f := range figures.All() {
				if f.Part != 4 || !(strings.HasPrefix(f.Key, "outlets.") || strings.HasPrefix(f.Key, "services.") || strings.HasPrefix(f.Key, "designations.") ||
					f.Key == "subdistricts.total" || f.Key == "placements.total" || f.Key == "good_deeds.total") {
					continue
				}
				v, err := f.Compute(ctx, dbh.Reader(), figures.Scope{AreaID: w.ID("示范区"), From: period.from, To: period.to})
				if err != nil {
					t.Fatal(err)
				}
				if v <= 0 {
					t.Errorf("%s..%s: %s is %v", period.from, period.to, f.Key, v)
				}
			}
		}
	})
}
