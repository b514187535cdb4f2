package cobuilding

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// stationed is what part four needs of a stationed unit: its name, its
// dates and the community it was located in on a date (0 when none).
type stationed struct {
	ID        int64
	Name      string
	StartedOn date.Date
	EndedOn   date.Date
	AreaID    int64
}

// unitOn reads unit id and where it was located on on.
func unitOn(ctx context.Context, q db.Q, field string, id int64, on date.Date) (stationed, error) {
	u := stationed{ID: id}
	err := q.QueryRowContext(ctx, `SELECT u.name, u.started_on, u.ended_on,
COALESCE((SELECT l.area_id FROM unit_location l WHERE l.unit_id = u.id AND l.from_on <= ?1 AND (l.to_on IS NULL OR ?1 < l.to_on)), 0)
FROM unit u WHERE u.id = ?2`, on, id).Scan(&u.Name, &u.StartedOn, &u.EndedOn, &u.AreaID)
	if db.IsNotFound(err) {
		return u, &i18n.Error{Field: field, Key: "err.cob_unit_unknown", Args: []any{id}, Err: fault.BadReference}
	}
	return u, err
}

// activeOn refuses a date on which the unit did not exist: a resource or
// contribution of an ended unit (or one not yet stationed).
func (u stationed) activeOn(field string, on date.Date) error {
	if on.Before(u.StartedOn) {
		return i18n.Errf(field, "err.cob_unit_not_started", u.Name, u.StartedOn.String())
	}
	if !u.EndedOn.IsZero() && !on.Before(u.EndedOn) {
		return &i18n.Error{Field: field, Key: "err.cob_unit_ended", Args: []any{u.Name, u.EndedOn.String()}, Err: fault.Conflict}
	}
	return nil
}

// subdistrictOf is the subdistrict community id lay under on on (the
// community itself when it lay under none).
func subdistrictOf(ctx context.Context, q db.Q, id int64, on date.Date) (int64, error) {
	var sub int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE((SELECT c.ancestor_id FROM area_closure c JOIN area a ON a.id = c.ancestor_id AND a.level = 'subdistrict'
WHERE c.descendant_id = ?1 AND c.from_on <= ?2 AND (c.to_on IS NULL OR ?2 < c.to_on) LIMIT 1), ?1)`, id, on).Scan(&sub)
	return sub, err
}

// under reports whether area id lay under ancestor (or is it) on on.
func under(ctx context.Context, q db.Q, ancestor, id int64, on date.Date) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM area_closure c WHERE c.ancestor_id = ?1 AND c.descendant_id = ?2
AND c.from_on <= ?3 AND (c.to_on IS NULL OR ?3 < c.to_on)`, ancestor, id, on).Scan(&n)
	return n > 0, err
}
