package people

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// org is a party organisation as this package needs it: where it stands
// now (its area, or its unit's community) and the level of that area.
type org struct {
	ID        int64
	Name      string
	Kind      string
	AreaID    int64 // 0 for a unit's own organisation
	UnitID    int64 // 0 unless a unit's own organisation
	PlaceID   int64 // area now: AreaID, or the unit's community
	Level     string
	StartedOn date.Date
	EndedOn   date.Date
}

// loadOrg reads a party organisation and refuses one outside the scope (a
// scoped caller cannot tell a missing one from one outside).
func (s *Store) loadOrg(ctx context.Context, q db.Q, field string, id int64) (org, error) {
	var o org
	err := q.QueryRowContext(ctx, `SELECT o.id, o.name, o.kind, COALESCE(o.area_id, 0), COALESCE(o.unit_id, 0), COALESCE(`+orgPlaceNow("o")+`, 0),
COALESCE((SELECT a.level FROM area a WHERE a.id = `+orgPlaceNow("o")+`), ''), o.started_on, o.ended_on
FROM party_org o WHERE o.id = ?`, id).Scan(&o.ID, &o.Name, &o.Kind, &o.AreaID, &o.UnitID, &o.PlaceID, &o.Level, &o.StartedOn, &o.EndedOn)
	if errors.Is(err, sql.ErrNoRows) {
		if s.scope(ctx) != 0 {
			return o, outOfScope(field)
		}
		return o, &i18n.Error{Field: field, Key: "err.org_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return o, err
	}
	if o.PlaceID == 0 {
		if s.scope(ctx) != 0 {
			return o, outOfScope(field)
		}
		return o, nil
	}
	return o, s.allowArea(ctx, q, field, o.PlaceID)
}

// activeOn refuses a date on which the organisation did not exist.
func (o org) requireActive(field string, on date.Date) error {
	if !date.InSpan(o.StartedOn, o.EndedOn, on) {
		if on.Before(o.StartedOn) {
			return i18n.Errf(field, "err.date_before_established", o.Name, o.StartedOn.String())
		}
		return i18n.Errf(field, "err.org_ended", o.Name, o.EndedOn.String())
	}
	return nil
}
