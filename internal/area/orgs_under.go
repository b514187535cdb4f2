package area

import (
	"context"
	"fmt"

	"dangjian/internal/date"
)

// OrgsActiveUnder returns the party organisations active on asOf that are
// attached to rootID or to any area under it as the tree stood that day,
// ordered by area, then start date. It is one query over the closure table,
// for pages that show every area's organisations beside the tree.
// SuccessorID is not filled (always 0): looking it up costs a scan of
// party_org per row; Org and Orgs give it.
func (s *Store) OrgsActiveUnder(ctx context.Context, rootID int64, asOf date.Date) ([]PartyOrg, error) {
	if err := s.allow(ctx, s.DB.Reader(), "root", rootID); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, `
SELECT o.id, o.name, o.kind, COALESCE(o.area_id, 0), o.started_on, o.ended_on, COALESCE(o.predecessor_id, 0), 0
FROM party_org o
JOIN area_closure c ON c.descendant_id = o.area_id AND c.ancestor_id = ? AND `+validAt("c")+`
WHERE `+activeAt("o", "started_on")+`
ORDER BY o.area_id, o.started_on, o.id`, rootID, asOf, asOf, asOf, asOf)
	if err != nil {
		return nil, fmt.Errorf("area: orgs under %d: %w", rootID, err)
	}
	defer rows.Close()
	var out []PartyOrg
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
