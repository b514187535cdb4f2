package people

import (
	"context"
	"database/sql"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// UnitFilter narrows the paged unit list.
type UnitFilter struct {
	AreaID int64 // the subtree (required: the caller's root when unset)
	On     date.Date
	// Name keeps the units whose name contains it.
	Name string
	// After is the last unit id of the previous page (keyset paging).
	After int64
	Limit int
}

// ListUnits is one page of the stationed units located on f.On under
// f.AreaID, in id order. Paging by id lets the walk stop after Limit rows,
// where ordering by name would sort every unit of a city first.
func (s *Store) ListUnits(ctx context.Context, f UnitFilter) ([]Unit, error) {
	q := s.DB.Reader()
	if err := s.allowArea(ctx, q, "area", f.AreaID); err != nil {
		return nil, err
	}
	under := "JOIN area_closure c ON c.descendant_id = l.area_id AND c.ancestor_id = ?2 AND c.from_on <= ?1 AND (c.to_on IS NULL OR ?1 < c.to_on)"
	if whole, err := wholeTree(ctx, q, f.AreaID); err != nil {
		return nil, err
	} else if whole {
		under = "AND ?2 > 0" // the whole tree: every located unit (?2 kept for the numbering)
	}
	query := `SELECT ` + unitCols + ` FROM unit u
JOIN unit_location l ON l.unit_id = u.id AND l.from_on <= ?1 AND (l.to_on IS NULL OR ?1 < l.to_on)
` + under + `
WHERE u.started_on <= ?1 AND (u.ended_on IS NULL OR ?1 < u.ended_on) AND u.id > ?3`
	args := []any{f.On, f.AreaID, f.After}
	if f.Name != "" {
		query += " AND u.name LIKE ?4 ESCAPE '\\'"
		args = append(args, db.Contains(f.Name))
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY u.id LIMIT "+strconv.Itoa(f.Limit), args...)
	if err != nil {
		return nil, wrap("list units", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows) (Unit, error) { return scanUnit(r) })
	return out, wrap("list units", err)
}
