package premises

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/input"
)

// LandInput is a community's land for economic development (经济发展用地)
// from a date; LandArea is in 0.01 m².
type LandInput struct {
	AreaID   int64     `json:"area_id"`
	LandArea int64     `json:"land_area"`
	Location string    `json:"location"`
	FromOn   date.Date `json:"from_on"`
	ToOn     date.Date `json:"to_on"`
}

// AddLand records land of an active community.
func (s *Store) AddLand(ctx context.Context, in LandInput) (int64, error) {
	location, err := input.Text("location", in.Location, 200, "")
	if err != nil {
		return 0, err
	}
	if err := positive("land_area", in.LandArea); err != nil {
		return 0, err
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if err := checkEnd("to_on", in.FromOn, in.ToOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.FromOn); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO economic_land (area_id, land_area, location, from_on, to_on) VALUES (?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, in.LandArea, location, in.FromOn, in.ToOn).Scan(&id); err != nil {
			return err
		}
		in.Location = location
		return record(ctx, q, "economic_land.add", "economic_land", id, in)
	})
	return id, err
}
