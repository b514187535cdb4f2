package cobuilding

// Part four (a)'s maintained counts (internal/tally; migration 0018): each
// mirrors one figure's SQL in figures.go, which the tests hold them to.
// projects.units counts distinct units, which do not add up over areas:
// its set keeps them per area and year (tally.Set).

import (
	"dangjian/internal/date"
	"dangjian/internal/tally"
)

var (
	colProjectsDone = tally.NewColumn("co_projects_done")
	colSaved        = tally.NewColumn("co_saved")
	colBanners      = tally.NewColumn("co_banners")
	// The units taking part in the area's projects done, by done day (the
	// rows of projects.units).
	setUnitsDone = tally.NewSet("co_units_done", `SELECT p.area_id, p.done_on, c.unit_id FROM co_contribution c JOIN co_project p ON p.id = c.project_id
WHERE p.done_on IS NOT NULL AND c.unit_id IS NOT NULL AND p.area_id IN (…)`)
)

func init() {
	// A project counts, with its saving, where its community is, on the
	// day it was done.
	tally.AddSource(tally.RowSource("co-building projects done",
		"SELECT p.area_id, p.done_on, "+savedSQL("p")+" FROM co_project p WHERE p.done_on IS NOT NULL AND p.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area, saved int64
			var done date.Date
			if err := r.Scan(&area, &done, &saved); err != nil {
				return err
			}
			c.Start(area, colProjectsDone, done, 1)
			c.Start(area, colSaved, done, saved)
			return nil
		}))
	tally.AddSource(tally.RowSource("co-building banners",
		"SELECT p.area_id, f.given_on FROM co_feedback f JOIN co_project p ON p.id = f.project_id WHERE f.kind = 'banner' AND p.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var given date.Date
			if err := r.Scan(&area, &given); err != nil {
				return err
			}
			c.Start(area, colBanners, given, 1)
			return nil
		}))
}
