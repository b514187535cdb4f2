package services

import (
	"context"
	"fmt"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// An open case hangs on the area that received it: when the area ends, a
// merge hands it to the surviving area (a dissolve or split to the place
// the user chose), in the area's own transaction, so that it stays on a
// work list. Resolved cases are facts of the area that received them and
// stay with it (the figures count them there).

// AttachedTo counts the open cases of the area.
func (s *PetitionStore) AttachedTo(ctx context.Context, q db.Q, areaID int64, _ date.Date) ([]area.Attached, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM petition_case WHERE area_id = ? AND resolved_on IS NULL", areaID).Scan(&n); err != nil {
		return nil, fmt.Errorf("services: attached petitions: %w", err)
	}
	return []area.Attached{{Kind: "ui.attached.petitions", N: n}}, nil
}

// MoveAttached hands the open cases to the area to.
func (s *PetitionStore) MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	if _, err := q.ExecContext(ctx, "UPDATE petition_case SET area_id = ? WHERE area_id = ? AND resolved_on IS NULL", to, from); err != nil {
		return fmt.Errorf("services: move petitions: %w", err)
	}
	if err := audit.Append(ctx, q, audit.Entry{Action: "petition.move_attached", TargetType: "area", TargetID: strconv.FormatInt(from, 10),
		After: map[string]any{"to_area_id": to, "on": on}}); err != nil {
		return fmt.Errorf("services: audit petition.move_attached: %w", err)
	}
	return nil
}
