package cobuilding

import (
	"context"
	"strconv"
)

// OpenDemandsFirst lists the n open demands raised longest ago in areaID's
// subtree (0: the caller's scope; an area outside it is refused): the
// dashboard's list. more reports that there are others. A subdistrict's or
// community's areas each give their own oldest n through demand_area
// (area, status, raised_on) and the oldest n of those are kept; a broader
// subtree walks the open demands oldest first (demand_open_raised) until n
// are in it, so a city does not sort its tens of thousands.
func (s *Store) OpenDemandsFirst(ctx context.Context, areaID int64, n int) (out []Demand, more bool, err error) {
	root, err := s.subtree(ctx, areaID)
	if err != nil {
		return nil, false, err
	}
	broad, err := s.Areas.Broad(ctx, root)
	if err != nil {
		return nil, false, err
	}
	limit := strconv.Itoa(n + 1)
	// The status is written out for demand_open_raised's condition.
	query := "SELECT " + demandCols + " FROM demand d WHERE d.status = '" + string(Open) + "'"
	var args []any
	switch {
	case root != 0 && broad:
		query += " AND EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = d.area_id AND c.to_on IS NULL)"
		args = append(args, root)
	case root != 0:
		query = "SELECT " + demandCols + " FROM area_closure c JOIN demand d ON d.id IN (" +
			"SELECT d2.id FROM demand d2 WHERE d2.area_id = c.descendant_id AND d2.status = ? ORDER BY d2.raised_on, d2.id LIMIT " + limit + ")" +
			" WHERE c.ancestor_id = ? AND c.to_on IS NULL"
		args = append(args, Open, root)
	}
	query += " ORDER BY d.raised_on, d.id LIMIT " + limit
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
