package area

// Part one's counts of communities and their organisations, maintained in
// internal/tally (migrations 0015, 0016); each mirrors a figure's SQL in
// figures.go, which the tests hold them to.

import (
	"database/sql"

	"dangjian/internal/date"
	"dangjian/internal/tally"
)

var (
	// TallyCommunities is 1 while the area is a community in existence
	// (part three's communities at the start read it too).
	TallyCommunities = tally.NewColumn("communities")
	tallyBranches    = tally.NewColumn("community_branches")
	tallyCovered     = tally.NewColumn("communities_with_org")
)

func init() {
	tally.AddSource(tally.RowSource("communities and their organisations", `SELECT a.id, a.established_on, a.ended_on, o.kind, o.started_on, o.ended_on
FROM area a LEFT JOIN party_org o ON o.area_id = a.id
WHERE a.level = 'community' AND a.id IN (…)`, countCommunity))
}

// countCommunity adds one row of a community and one of its organisations
// (none: NULLs): the days it exists, the organisation's days as a branch
// within them, and the days it exists with any organisation.
func countCommunity(r tally.Scanner, c tally.Counter) error {
	var id int64
	var from, to, orgFrom, orgTo date.Date
	var kind sql.NullString
	if err := r.Scan(&id, &from, &to, &kind, &orgFrom, &orgTo); err != nil {
		return err
	}
	// Once: the community's row repeats with each organisation.
	c.Once(id, TallyCommunities, from, to)
	if !kind.Valid {
		return nil
	}
	life := c.Within(from, to)
	if kind.String == "branch" {
		life.Span(id, tallyBranches, orgFrom, orgTo)
	}
	life.Once(id, tallyCovered, orgFrom, orgTo)
	return nil
}
