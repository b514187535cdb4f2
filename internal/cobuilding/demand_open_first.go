package cobuilding

import (
	"context"
	"strconv"
)

// OpenDemandsFirst lists the n open demands raised longest ago in areaID's
// subtree (0: the caller's scope; an area outside it is refused): the
// dashboard's list. more reports that there are others. Each area of the
// subtree gives its own oldest n through demand_area (area, status,
// raised_on) and the oldest n of those are kept, so a subdistrict reads a
// few rows and a city does not sort its tens of thousands of open
// demands.
func (s *Store) OpenDemandsFirst(ctx context.Context, areaID int64, n int) (out []Demand, more bool, err error) {
	root, err := s.subtree(ctx, areaID)
	if err != nil {
		return nil, false, err
	}
	limit := strconv.Itoa(n + 1)
	query := "SELECT " + demandCols + " FROM demand d WHERE d.status = ? ORDER BY d.raised_on, d.id LIMIT " + limit
	args := []any{Open}
	if root != 0 {
		query = "SELECT " + demandCols + " FROM area_closure c JOIN demand d ON d.id IN (" +
			"SELECT d2.id FROM demand d2 WHERE d2.area_id = c.descendant_id AND d2.status = ? ORDER BY d2.raised_on, d2.id LIMIT " + limit + ")" +
			" WHERE c.ancestor_id = ? AND c.to_on IS NULL ORDER BY d.raised_on, d.id LIMIT " + limit
		args = append(args, root)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	out = []Demand{}
	for rows.Next() {
		d, err := scanDemand(rows)
		if err != nil {
			return nil, false, err
		}
		out = append(out, d)
	}
	if len(out) > n {
		return out[:n], true, rows.Err()
	}
	return out, false, rows.Err()
}
