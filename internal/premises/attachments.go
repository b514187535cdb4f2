package premises

import (
	"context"
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// Premises and land hang on their community: when it ends, a merge hands
// them to the surviving community (a dissolve or split to the place the
// user chose), in the area's own transaction, so that no premises or land
// stay in use in an ended community. Office funding and household counts
// are facts of their year and day and stay with the community they were
// recorded for.

// AttachedTo counts the premises and land of the area in use after day.
func (s *Store) AttachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]area.Attached, error) {
	out := make([]area.Attached, 0, 2)
	for _, c := range []struct{ kind, table string }{{"ui.attached.premises", "premises"}, {"ui.attached.land", "economic_land"}} {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+c.table+" WHERE area_id = ? AND (to_on IS NULL OR to_on > ?)", areaID, on).Scan(&n); err != nil {
			return nil, fmt.Errorf("premises: attached: %w", err)
		}
		out = append(out, area.Attached{Kind: c.kind, N: n})
	}
	return out, nil
}

// MoveAttached ends the premises (with their rooms) and land of from in use
// on day on and opens each again in to that day, the rooms with them;
// those starting on or after on simply change community.
func (s *Store) MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	rows, err := q.QueryContext(ctx, "SELECT "+premisesCols+" FROM premises WHERE area_id = ? AND from_on < ? AND (to_on IS NULL OR to_on > ?) ORDER BY id", from, on, on)
	if err != nil {
		return fmt.Errorf("premises: move: %w", err)
	}
	var open []Premises
	for rows.Next() {
		p, err := scanPremises(rows)
		if err != nil {
			rows.Close()
			return err
		}
		open = append(open, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range open {
		var id int64
		if err := q.QueryRowContext(ctx, "INSERT INTO premises (area_id, address, use, floor_area, tenure, project_id, from_on, to_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
			to, p.Address, p.Use, p.FloorArea, p.Tenure, db.NullID(p.ProjectID), on, p.ToOn).Scan(&id); err != nil {
			return fmt.Errorf("premises: move: %w", err)
		}
		steps := []struct {
			query string
			args  []any
		}{
			{"INSERT INTO room (premises_id, kind, floor_area, from_on, to_on) SELECT ?, kind, floor_area, ?, to_on FROM room WHERE premises_id = ? AND from_on < ? AND (to_on IS NULL OR to_on > ?)", []any{id, on, p.ID, on, on}},
			{"UPDATE room SET premises_id = ? WHERE premises_id = ? AND from_on >= ?", []any{id, p.ID, on}},
			{"UPDATE room SET to_on = ? WHERE premises_id = ? AND (to_on IS NULL OR to_on > ?)", []any{on, p.ID, on}},
			{"UPDATE premises SET to_on = ? WHERE id = ?", []any{on, p.ID}},
		}
		for _, st := range steps {
			if _, err := q.ExecContext(ctx, st.query, st.args...); err != nil {
				return fmt.Errorf("premises: move: %w", err)
			}
		}
	}
	steps := []struct {
		query string
		args  []any
	}{
		{"UPDATE premises SET area_id = ? WHERE area_id = ? AND from_on >= ?", []any{to, from, on}},
		{"INSERT INTO economic_land (area_id, land_area, location, from_on, to_on) SELECT ?, land_area, location, ?, to_on FROM economic_land WHERE area_id = ? AND from_on < ? AND (to_on IS NULL OR to_on > ?)", []any{to, on, from, on, on}},
		{"UPDATE economic_land SET to_on = ? WHERE area_id = ? AND from_on < ? AND (to_on IS NULL OR to_on > ?)", []any{on, from, on, on}},
		{"UPDATE economic_land SET area_id = ? WHERE area_id = ? AND from_on >= ?", []any{to, from, on}},
	}
	for _, st := range steps {
		if _, err := q.ExecContext(ctx, st.query, st.args...); err != nil {
			return fmt.Errorf("premises: move: %w", err)
		}
	}
	return record(ctx, q, "premises.move_attached", "area", from, map[string]any{"to_area_id": to, "on": on})
}
