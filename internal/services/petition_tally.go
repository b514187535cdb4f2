package services

// Three of the petitions' figures read maintained counts (internal/tally;
// migration 0021), each mirroring its SQL in petition_figures.go, which
// the tests hold them to. petitions.resolution_rate (resolved by the
// period's end) depends on two days of a case and counts rows.

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
			if collective == 1 && !resolved.IsZero() {
				c.Start(area, colCollectiveResolved, resolved, 1)
			}
			return nil
		}))
}
