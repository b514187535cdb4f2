package services

// The petitions' figures read maintained counts (internal/tally;
// migrations 0021 and 0023), each mirroring its SQL in
// petition_figures.go, which the tests hold them to.
// petitions.resolution_rate (resolved by the period's end) depends on two
// days of a case: over one calendar year it reads the cases resolved in
// the year they were received, and counts rows for any other period.

import (
	"dangjian/internal/date"
	"dangjian/internal/tally"
)

var (
	colPetitionsReceived   = tally.NewColumn("petitions_received")
	colPetitionsResponded  = tally.NewColumn("petitions_responded")
	colPetitionsCalledBack = tally.NewColumn("petitions_called_back")
	colPetitionsSatisfied  = tally.NewColumn("petitions_satisfied")
	colCollectiveResolved  = tally.NewColumn("petitions_collective_resolved")
	colResolvedInYear      = tally.NewColumn("petitions_resolved_in_year")
)

func init() {
	tally.AddSource(tally.RowSource("petitions",
		"SELECT p.area_id, p.received_on, p.resolved_on, p.collective, "+flagResponded+", CASE WHEN p.satisfaction IS NULL THEN 0 ELSE 1 END, "+flagSatisfied+
			" FROM petition_case p WHERE p.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area, collective, responded, calledBack, satisfied int64
			var received, resolved date.Date
			if err := r.Scan(&area, &received, &resolved, &collective, &responded, &calledBack, &satisfied); err != nil {
				return err
			}
			c.Start(area, colPetitionsReceived, received, 1)
			c.Start(area, colPetitionsResponded, received, responded)
			c.Start(area, colPetitionsCalledBack, received, calledBack)
			c.Start(area, colPetitionsSatisfied, received, satisfied)
			if !resolved.IsZero() && resolved.Year() == received.Year() {
				c.Start(area, colResolvedInYear, received, 1)
			}
			if collective == 1 && !resolved.IsZero() {
				c.Start(area, colCollectiveResolved, resolved, 1)
			}
			return nil
		}))
}
