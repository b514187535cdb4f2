package premises

import (
	"context"
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/figures"
)

// CommunityLacks is a community and what it lacks on a date.
type CommunityLacks struct {
	AreaID     int64  `json:"area_id"`
	Name       string `json:"name"`
	Office     bool   `json:"lacks_office"`
	Funding    bool   `json:"lacks_funding"`
	Land       bool   `json:"lacks_land"`
	ThreeLacks bool   `json:"three_lacks"`
}

// scopeArea is the area a list is asked for: areaID checked against the
// caller's scope, or the caller's scope (the root for the whole tree).
func (s *Store) scopeArea(ctx context.Context, areaID int64) (area.Area, error) {
	if areaID == 0 {
		if areaID = s.Areas.ScopeOf(ctx); areaID == 0 {
			return s.Areas.Root(ctx)
		}
	}
	return s.Areas.Get(ctx, areaID)
}

// Lacks lists the communities under areaID (0: the caller's scope) active
// on on that lack at least one of the three, by name; threeOnly keeps the
// three-lacks committees.
func (s *Store) Lacks(ctx context.Context, areaID int64, on date.Date, threeOnly bool) ([]CommunityLacks, error) {
	a, err := s.scopeArea(ctx, areaID)
	if err != nil {
		return nil, err
	}
	if on.IsZero() {
		on = s.Today()
	}
	query := figures.SQLJoin(
		"SELECT id, name, lo, lf, ll FROM (",
		"  SELECT a.id AS id, "+figures.NameAt("a.id", "?2", "a.name")+" AS name,",
		"  CASE WHEN "+lacksOfficeOn("?2")+" THEN 1 ELSE 0 END AS lo,",
		"  CASE WHEN "+lacksFundingOn("?2")+" THEN 1 ELSE 0 END AS lf,",
		"  CASE WHEN "+lacksLandOn("?2")+" THEN 1 ELSE 0 END AS ll",
		"  FROM area a",
		"  "+figures.Under("a.id", "?2"),
		"  WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?2"),
		") x WHERE lo + lf + ll > 0 ORDER BY name, id")
	if threeOnly {
		// The three-lacks committees only: the figure's predicate in SQL
		// (most communities have an office, so most stop at the first
		// probe), and names looked up and sorted for those kept only.
		query = figures.SQLJoin(
			"SELECT id, name, 1, 1, 1 FROM (",
			"  SELECT a.id AS id, "+figures.NameAt("a.id", "?2", "a.name")+" AS name",
			"  FROM area a",
			"  "+figures.Under("a.id", "?2"),
			"  WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?2")+" AND "+lacksAllOn("?2"),
			") x ORDER BY name, id")
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query, a.ID, on)
	if err != nil {
		return nil, fmt.Errorf("premises: lacks: %w", err)
	}
	defer rows.Close()
	var out []CommunityLacks
	for rows.Next() {
		var c CommunityLacks
		var lo, lf, ll int
		if err := rows.Scan(&c.AreaID, &c.Name, &lo, &lf, &ll); err != nil {
			return nil, err
		}
		c.Office, c.Funding, c.Land = lo == 1, lf == 1, ll == 1
		c.ThreeLacks = c.Office && c.Funding && c.Land
		if c.ThreeLacks || !threeOnly {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// Solved is a community given office premises in a period: the day and
// the premises, and whether it was three-lacks the day before.
type Solved struct {
	AreaID     int64     `json:"area_id"`
	Name       string    `json:"name"`
	On         date.Date `json:"on"`
	Address    string    `json:"address"`
	ThreeLacks bool      `json:"three_lacks"`
}

// ThreeLacksReport is the three-lacks story of a scope over a period: the
// committees three-lacks at its start and at its end, and those given
// office premises in it.
type ThreeLacksReport struct {
	Area    area.Area        `json:"area"`
	From    date.Date        `json:"from"`
	To      date.Date        `json:"to"`
	AtStart []CommunityLacks `json:"at_start"`
	AtEnd   []CommunityLacks `json:"at_end"`
	Solved  []Solved         `json:"solved"`
}

// ThreeLacks reads the report for areaID (0: the caller's scope) and the
// period from–to; the lists are the records of the figures
// communities.three_lacks_at_start/_at_end and premises.solved.
func (s *Store) ThreeLacks(ctx context.Context, areaID int64, from, to date.Date) (ThreeLacksReport, error) {
	r := ThreeLacksReport{From: from, To: to}
	a, err := s.scopeArea(ctx, areaID)
	if err != nil {
		return r, err
	}
	r.Area = a
	if r.AtStart, err = s.Lacks(ctx, a.ID, from, true); err != nil {
		return r, err
	}
	if r.AtEnd, err = s.Lacks(ctx, a.ID, to, true); err != nil {
		return r, err
	}
	sc := figures.Scope{AreaID: a.ID, From: from, To: to}
	q := s.DB.Reader()
	solved, err := figures.Get("premises.solved").Records(ctx, q, sc)
	if err != nil {
		return r, err
	}
	three, err := figures.Get("premises.solved_three_lacks").Records(ctx, q, sc)
	if err != nil {
		return r, err
	}
	wasThree := map[int64]bool{}
	for _, x := range three {
		wasThree[x.ID] = true
	}
	seen := map[int64]bool{}
	for _, x := range solved {
		if seen[x.ID] {
			continue // counted once, on the first premises
		}
		seen[x.ID] = true
		r.Solved = append(r.Solved, Solved{AreaID: x.ID, Name: x.Name, On: x.On, Address: x.Detail, ThreeLacks: wasThree[x.ID]})
	}
	return r, nil
}
