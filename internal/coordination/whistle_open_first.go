package coordination

import (
	"context"
	"strconv"
	"time"
)

// OpenWhistlesFirst lists the first n whistles not resolved that were
// raised in areaID's subtree (0: the caller's scope; an area outside it is
// refused), newest first, without their parties: the dashboard's list.
// more reports that there are others.
func (s *Store) OpenWhistlesFirst(ctx context.Context, areaID int64, n int) (out []WhistleRow, more bool, err error) {
	if areaID == 0 {
		areaID = s.Areas.ScopeOf(ctx)
	}
	query := `SELECT w.id, w.area_id, a.name, w.subject, w.raised_at, w.raised_on FROM whistle w JOIN area a ON a.id = w.area_id WHERE w.resolved_on IS NULL`
	var args []any
	if areaID != 0 {
		if err := s.inScope(ctx, "area_id", areaID); err != nil {
			return nil, false, err
		}
		// Probed per open whistle: a city's open ones are thousands, its
		// areas as many, its whistles tens of thousands.
		query += " AND EXISTS (SELECT 1 FROM area_closure k WHERE k.ancestor_id = ? AND k.descendant_id = w.area_id AND k.to_on IS NULL)"
		args = append(args, areaID)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY w.raised_at DESC, w.id DESC LIMIT "+strconv.Itoa(n+1), args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var w WhistleRow
		var raised string
		if err := rows.Scan(&w.ID, &w.AreaID, &w.AreaName, &w.Subject, &raised, &w.RaisedOn); err != nil {
			return nil, false, err
		}
		w.RaisedAt, _ = time.Parse(stamp, raised)
		out = append(out, w)
	}
	if len(out) > n {
		return out[:n], true, rows.Err()
	}
	return out, false, rows.Err()
}
