package area

import (
	"context"
	"fmt"

	"dangjian/internal/date"
)

// Coverage is what the tree page shows of a closed node: how many
// communities lie under it, how many of them had no active party
// organisation, and how many areas lie under it at all (none: nothing to
// open).
type Coverage struct {
	Communities, Lacking, Below int
}

// ChildCoverage counts, for each child of rootID as the tree stood on asOf,
// the active areas and communities under it and the communities among them
// without an active party organisation, in one aggregate query: the page
// of a city's tree shows its districts' counts without building the four
// thousand nodes under them. A child with nothing under it is absent.
func (s *Store) ChildCoverage(ctx context.Context, rootID int64, asOf date.Date) (map[int64]Coverage, error) {
	q := s.DB.Reader()
	if err := s.allow(ctx, q, "root", rootID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `
SELECT c.descendant_id, COUNT(*),
       COALESCE(SUM(CASE WHEN a.level = 'community' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN a.level = 'community' AND NOT EXISTS (
         SELECT 1 FROM party_org o WHERE o.area_id = a.id AND `+activeAt("o", "started_on")+`) THEN 1 ELSE 0 END), 0)
FROM area_closure c
JOIN area_closure d ON d.ancestor_id = c.descendant_id AND d.depth >= 1 AND `+validAt("d")+`
JOIN area a ON a.id = d.descendant_id AND `+activeAt("a", "established_on")+`
WHERE c.ancestor_id = ? AND c.depth = 1 AND `+validAt("c")+`
GROUP BY c.descendant_id`,
		asOf, asOf, asOf, asOf, asOf, asOf, rootID, asOf, asOf)
	if err != nil {
		return nil, fmt.Errorf("area: coverage: %w", err)
	}
	defer rows.Close()
	out := map[int64]Coverage{}
	for rows.Next() {
		var id int64
		var c Coverage
		if err := rows.Scan(&id, &c.Below, &c.Communities, &c.Lacking); err != nil {
			return nil, fmt.Errorf("area: coverage: %w", err)
		}
		out[id] = c
	}
	return out, rows.Err()
}
