package cobuilding

import (
	"context"

	"dangjian/internal/access"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// UnitPlace places the id of a stationed unit for its record of
// co-building: where the unit is located now (or last was). A unit liaison
// reaches their own unit through it with the unit permissions.
func (s *Store) UnitPlace() *access.Place {
	return &access.Place{Name: "unit", Unit: true, Locate: func(ctx context.Context, id int64) error {
		_, err := s.unitInScope(ctx, s.DB.Reader(), id)
		return err
	}}
}

// unitInScope reads the name of a unit located (now, or last) in the
// caller's subtree.
func (s *Store) unitInScope(ctx context.Context, q db.Q, id int64) (string, error) {
	var name string
	var areaID int64
	err := q.QueryRowContext(ctx, `SELECT u.name, l.area_id FROM unit u JOIN unit_location l ON l.unit_id = u.id WHERE u.id = ?
ORDER BY CASE WHEN l.to_on IS NULL THEN 0 ELSE 1 END, l.from_on DESC LIMIT 1`, id).Scan(&name, &areaID)
	if db.IsNotFound(err) {
		return "", &i18n.Error{Field: "unit_id", Key: "err.cob_unit_unknown", Args: []any{id}, Err: fault.NotFound}
	}
	if err != nil {
		return "", err
	}
	_, err = s.inScope(ctx, "unit_id", areaID)
	return name, err
}

// Given is one contribution of a unit with the project it went to.
type Given struct {
	Contribution
	ProjectTitle string    `json:"project_title"`
	AreaID       int64     `json:"area_id"`
	DoneOn       date.Date `json:"done_on,omitzero"`
}

// YearTotal is what a unit gave in a calendar year, in fen, and to how
// many projects.
type YearTotal struct {
	Year     int   `json:"year"`
	Value    int64 `json:"value"`
	Projects int   `json:"projects"`
}

// UnitRecord is a unit's record of co-building: the resources it offers
// and everything it gave across projects and years, for its own annual
// report.
type UnitRecord struct {
	UnitID    int64       `json:"unit_id"`
	UnitName  string      `json:"unit_name"`
	Resources []Resource  `json:"resources"`
	Given     []Given     `json:"given"`
	Years     []YearTotal `json:"years"`
	// CanWrite says whether the caller may record the unit's resources.
	CanWrite bool `json:"-"`
}

// UnitRecordOf reads the record of unit id, located in the caller's
// subtree; latest gifts first.
func (s *Store) UnitRecordOf(ctx context.Context, id int64) (UnitRecord, error) {
	q := s.DB.Reader()
	name, err := s.unitInScope(ctx, q, id)
	if err != nil {
		return UnitRecord{}, err
	}
	rec := UnitRecord{UnitID: id, UnitName: name}
	if rec.Resources, err = collect(ctx, q, "SELECT "+resourceCols+resourceFrom+" WHERE r.unit_id = ? ORDER BY r.from_on DESC, r.id DESC", id, scanResource); err != nil {
		return rec, err
	}
	rec.Given, err = collect(ctx, q, `SELECT c.id, c.project_id, c.unit_id, u.name, c.kind, c.value, c.description, c.given_on, p.title, p.area_id, p.done_on
FROM co_contribution c JOIN unit u ON u.id = c.unit_id JOIN co_project p ON p.id = c.project_id
WHERE c.unit_id = ? ORDER BY c.given_on DESC, c.id DESC`, id, func(row interface{ Scan(...any) error }) (Given, error) {
		var g Given
		err := row.Scan(&g.ID, &g.ProjectID, &g.UnitID, &g.Giver, &g.Kind, &g.Value, &g.Description, &g.GivenOn, &g.ProjectTitle, &g.AreaID, &g.DoneOn)
		return g, err
	})
	if err != nil {
		return rec, err
	}
	projects := map[int]map[int64]bool{}
	for _, g := range rec.Given {
		y := g.GivenOn.Year()
		if len(rec.Years) == 0 || rec.Years[len(rec.Years)-1].Year != y {
			rec.Years = append(rec.Years, YearTotal{Year: y})
			projects[y] = map[int64]bool{}
		}
		t := &rec.Years[len(rec.Years)-1]
		t.Value += g.Value
		if !projects[y][g.ProjectID] {
			projects[y][g.ProjectID] = true
			t.Projects++
		}
	}
	return rec, nil
}
