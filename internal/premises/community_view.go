package premises

import (
	"context"
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// CommunityView is what a community's premises page shows: its premises
// with their rooms, its office funding by year, its land, its projects and
// its three-lacks state on a date.
type CommunityView struct {
	Area     area.Area       `json:"area"`
	On       date.Date       `json:"on"`
	Premises []PremisesRooms `json:"premises"`
	Funding  []FundingYear   `json:"funding"`
	Land     []Land          `json:"land"`
	Projects []Project       `json:"projects"`
	State    State           `json:"state"`
}

// PremisesRooms are premises with the rooms they have had.
type PremisesRooms struct {
	Premises
	Rooms []Room `json:"rooms"`
}

// Room is a stored room.
type Room struct {
	ID         int64     `json:"id"`
	PremisesID int64     `json:"premises_id"`
	Kind       RoomKind  `json:"kind"`
	FloorArea  int64     `json:"floor_area"`
	FromOn     date.Date `json:"from_on"`
	ToOn       date.Date `json:"to_on,omitzero"`
}

// FundingYear is a community's office funding of one year, by row.
type FundingYear struct {
	Year  int             `json:"year"`
	Total int64           `json:"total"`
	Rows  []OfficeFunding `json:"rows"`
}

// OfficeFunding is a stored office funding row.
type OfficeFunding struct {
	ID     int64  `json:"id"`
	Year   int    `json:"year"`
	Amount int64  `json:"amount"`
	Source string `json:"source"`
}

// Land is a stored piece of economic land.
type Land struct {
	ID       int64     `json:"id"`
	LandArea int64     `json:"land_area"`
	Location string    `json:"location"`
	FromOn   date.Date `json:"from_on"`
	ToOn     date.Date `json:"to_on,omitzero"`
}

// Community reads community id's premises page for the date on (today
// when zero), refusing an area outside the caller's scope or one that is
// not a community.
func (s *Store) Community(ctx context.Context, id int64, on date.Date) (CommunityView, error) {
	if on.IsZero() {
		on = s.Today()
	}
	v := CommunityView{On: on}
	a, err := s.Areas.Get(ctx, id)
	if err != nil {
		return v, err
	}
	if a.Level != area.Community {
		return v, notCommunity("area_id", a)
	}
	v.Area = a
	q := s.DB.Reader()
	if v.Premises, err = premisesOf(ctx, q, id); err != nil {
		return v, err
	}
	if v.Funding, err = fundingOf(ctx, q, id); err != nil {
		return v, err
	}
	if v.Land, err = landOf(ctx, q, id); err != nil {
		return v, err
	}
	if v.Projects, err = s.projectsOf(ctx, q, id); err != nil {
		return v, err
	}
	v.State = stateOf(v, on)
	return v, nil
}

func premisesOf(ctx context.Context, q db.Q, areaID int64) ([]PremisesRooms, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+premisesCols+" FROM premises WHERE area_id = ? ORDER BY from_on, id", areaID)
	if err != nil {
		return nil, fmt.Errorf("premises: of community: %w", err)
	}
	var out []PremisesRooms
	byID := map[int64]int{}
	for rows.Next() {
		p, err := scanPremises(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[p.ID] = len(out)
		out = append(out, PremisesRooms{Premises: p})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rs, err := q.QueryContext(ctx, "SELECT r.id, r.premises_id, r.kind, r.floor_area, r.from_on, r.to_on FROM room r JOIN premises p ON p.id = r.premises_id WHERE p.area_id = ? ORDER BY r.from_on, r.id", areaID)
	if err != nil {
		return nil, fmt.Errorf("premises: rooms of community: %w", err)
	}
	defer rs.Close()
	for rs.Next() {
		var r Room
		if err := rs.Scan(&r.ID, &r.PremisesID, &r.Kind, &r.FloorArea, &r.FromOn, &r.ToOn); err != nil {
			return nil, err
		}
		i := byID[r.PremisesID]
		out[i].Rooms = append(out[i].Rooms, r)
	}
	return out, rs.Err()
}

func fundingOf(ctx context.Context, q db.Q, areaID int64) ([]FundingYear, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, year, amount, source FROM office_funding WHERE area_id = ? ORDER BY year DESC, id", areaID)
	if err != nil {
		return nil, fmt.Errorf("premises: funding of community: %w", err)
	}
	defer rows.Close()
	var out []FundingYear
	for rows.Next() {
		var f OfficeFunding
		if err := rows.Scan(&f.ID, &f.Year, &f.Amount, &f.Source); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Year != f.Year {
			out = append(out, FundingYear{Year: f.Year})
		}
		y := &out[len(out)-1]
		y.Rows = append(y.Rows, f)
		y.Total += f.Amount
	}
	return out, rows.Err()
}

func landOf(ctx context.Context, q db.Q, areaID int64) ([]Land, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, land_area, location, from_on, to_on FROM economic_land WHERE area_id = ? ORDER BY from_on, id", areaID)
	if err != nil {
		return nil, fmt.Errorf("premises: land of community: %w", err)
	}
	defer rows.Close()
	var out []Land
	for rows.Next() {
		var l Land
		if err := rows.Scan(&l.ID, &l.LandArea, &l.Location, &l.FromOn, &l.ToOn); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func (s *Store) projectsOf(ctx context.Context, q db.Q, areaID int64) ([]Project, error) {
	rows, err := q.QueryContext(ctx, "SELECT id FROM building_project WHERE area_id = ? ORDER BY started_on, id", areaID)
	if err != nil {
		return nil, fmt.Errorf("premises: projects of community: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Project, 0, len(ids))
	for _, id := range ids {
		p, err := s.loadProject(ctx, q, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
