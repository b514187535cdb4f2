package cobuilding

import (
	"context"
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// What is still under way hangs on its area: when the area ends, a merge
// hands it to the surviving area (a dissolve or split to the place the
// user chose), in the area's own transaction. Open and matched demands and
// projects not yet done go on there; resources still offered are offered
// there. Demands done or closed and projects done are facts of the
// community they happened in and stay with it.

// attachedQueries count, then move, each kind of record: ?1 the area that
// ends, ?2 the day, ?3 the area that takes them (moves only). Demands
// still open or matched move whatever the day.
var attachedQueries = []struct {
	kind, count, move string
	dated             bool
}{
	{"ui.attached.demands",
		"SELECT COUNT(*) FROM demand WHERE area_id = ?1 AND status IN ('open', 'matched')",
		"UPDATE demand SET area_id = ?2 WHERE area_id = ?1 AND status IN ('open', 'matched')", false},
	{"ui.attached.co_projects",
		"SELECT COUNT(*) FROM co_project WHERE area_id = ?1 AND (done_on IS NULL OR done_on >= ?2)",
		"UPDATE co_project SET area_id = ?3 WHERE area_id = ?1 AND (done_on IS NULL OR done_on >= ?2)", true},
	{"ui.attached.resources",
		"SELECT COUNT(*) FROM resource WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)",
		"UPDATE resource SET area_id = ?3 WHERE area_id = ?1 AND (to_on IS NULL OR to_on > ?2)", true},
}

// AttachedTo counts the demands, projects and resources of the area still
// under way on day.
func (s *Store) AttachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]area.Attached, error) {
	out := make([]area.Attached, 0, len(attachedQueries))
	for _, a := range attachedQueries {
		var n int
		args := []any{areaID}
		if a.dated {
			args = append(args, on)
		}
		if err := q.QueryRowContext(ctx, a.count, args...).Scan(&n); err != nil {
			return nil, fmt.Errorf("cobuilding: attached: %w", err)
		}
		out = append(out, area.Attached{Kind: a.kind, N: n})
	}
	return out, nil
}

// MoveAttached hands them to the area to from day on.
func (s *Store) MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	for _, a := range attachedQueries {
		args := []any{from, to}
		if a.dated {
			args = []any{from, on, to}
		}
		if _, err := q.ExecContext(ctx, a.move, args...); err != nil {
			return fmt.Errorf("cobuilding: move: %w", err)
		}
	}
	return record(ctx, q, "cobuilding.move_attached", "area", from, map[string]any{"to_area_id": to, "on": on})
}
