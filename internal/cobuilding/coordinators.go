package cobuilding

import (
	"context"

	"dangjian/internal/date"
)

// Org is a party organisation that may coordinate a community's project.
type Org struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Coordinators lists the party organisations active on day attached to
// community id or an area above it, the nearest first (the community's
// branch before its subdistrict's working committee).
func (s *Store) Coordinators(ctx context.Context, id int64, day date.Date) ([]Org, error) {
	if _, err := s.inScope(ctx, "area_id", id); err != nil {
		return nil, err
	}
	return collect(ctx, s.DB.Reader(), `SELECT o.id, o.name FROM party_org o
JOIN area_closure c ON c.ancestor_id = o.area_id AND c.descendant_id = ?1 AND c.from_on <= ?2 AND (c.to_on IS NULL OR ?2 < c.to_on)
WHERE o.started_on <= ?2 AND (o.ended_on IS NULL OR ?2 < o.ended_on)
ORDER BY c.depth, o.id`, id, func(row interface{ Scan(...any) error }) (Org, error) {
		var o Org
		err := row.Scan(&o.ID, &o.Name)
		return o, err
	}, day)
}
