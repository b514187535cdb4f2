package services

import (
	"context"
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// What still stands hangs on its area: when the area ends, a merge hands
// it to the surviving area (a dissolve or split to the place the user
// chose), in the area's own transaction. Outlets still open and
// designations still in force go on there; services given, placements and
// good deeds are facts of the area they happened in and stay with it.

// attachedQueries count, then move, each kind of record: ?1 the area that
// ends, ?2 the day, ?3 the area that takes them (moves only).
var attachedQueries = []struct{ kind, count, move string }{
	{"ui.attached.outlets",
		"SELECT COUNT(*) FROM outlet WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)",
		"UPDATE outlet SET area_id = ?3 WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)"},
	{"ui.attached.designations",
		"SELECT COUNT(*) FROM designation WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)",
		"UPDATE designation SET area_id = ?3 WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)"},
}

// AttachedTo counts the outlets and designations of the area still
// standing on day.
func (s *Store) AttachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]area.Attached, error) {
	out := make([]area.Attached, 0, len(attachedQueries))
	for _, a := range attachedQueries {
		var n int
		if err := q.QueryRowContext(ctx, a.count, areaID, on).Scan(&n); err != nil {
			return nil, fmt.Errorf("services: attached: %w", err)
		}
		out = append(out, area.Attached{Kind: a.kind, N: n})
	}
	return out, nil
}

// MoveAttached hands them to the area to from day on.
func (s *Store) MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	for _, a := range attachedQueries {
		if _, err := q.ExecContext(ctx, a.move, from, on, to); err != nil {
			return fmt.Errorf("services: move: %w", err)
		}
	}
	return record(ctx, q, "services.move_attached", "area", from, map[string]any{"to_area_id": to, "on": on})
}
