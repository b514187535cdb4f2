package premises

import (
	"context"
	"fmt"
	"sort"

	"dangjian/internal/date"
	"dangjian/internal/figures"
)

// Shortfall is a community below the premises standard in force on a
// date. Areas are in 0.01 m².
type Shortfall struct {
	AreaID     int64  `json:"area_id"`
	Name       string `json:"name"`
	FloorArea  int64  `json:"floor_area"`
	Households int64  `json:"households"`
	// StandardAreaID is the area that set the standard in force.
	StandardAreaID int64     `json:"standard_area_id"`
	StandardFrom   date.Date `json:"standard_from"`
	Required       int64     `json:"required"`
	Shortfall      int64     `json:"shortfall"`
}

// BelowStandard lists the communities under areaID (0: the caller's scope)
// active on on whose office and service floor area then is below the
// standard in force (the records of premises.below_standard), with the
// area required and the shortfall, largest shortfall first.
func (s *Store) BelowStandard(ctx context.Context, areaID int64, on date.Date) ([]Shortfall, error) {
	a, err := s.scopeArea(ctx, areaID)
	if err != nil {
		return nil, err
	}
	if on.IsZero() {
		on = s.Today()
	}
	rows, err := s.DB.Reader().QueryContext(ctx, figures.SQLJoin(
		"SELECT a.id, "+figures.NameAt("a.id", "?2", "a.name")+", "+floorOn("?2")+", "+householdsOn("?2")+",",
		"  st.area_id, st.from_on, st.min_area, st.per_100_households",
		"FROM area a",
		figures.Under("a.id", "?2"),
		standardInForce("?2"),
		"WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?2")), a.ID, on)
	if err != nil {
		return nil, fmt.Errorf("premises: below standard: %w", err)
	}
	defer rows.Close()
	var out []Shortfall
	for rows.Next() {
		var x Shortfall
		var minArea, per100 int64
		if err := rows.Scan(&x.AreaID, &x.Name, &x.FloorArea, &x.Households, &x.StandardAreaID, &x.StandardFrom, &minArea, &per100); err != nil {
			return nil, err
		}
		// per100 × households ÷ 100, rounded up to 0.01 m².
		x.Required = max(minArea, (per100*x.Households+99)/100)
		if x.FloorArea < x.Required {
			x.Shortfall = x.Required - x.FloorArea
			out = append(out, x)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Shortfall > out[j].Shortfall })
	return out, nil
}
