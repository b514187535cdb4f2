package coordination

import (
	"context"

	"dangjian/internal/access"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// CampaignListRow is a campaign of the list with its area's and leading
// conference's names.
type CampaignListRow struct {
	CampaignRow
	AreaID         int64  `json:"area_id"`
	AreaName       string `json:"area_name"`
	ConferenceID   int64  `json:"conference_id,omitempty"`
	ConferenceName string `json:"conference_name,omitempty"`
}

// CampaignUnit is a unit taking part in a campaign.
type CampaignUnit struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// CampaignView is what a campaign's page shows.
type CampaignView struct {
	CampaignListRow
	Units    []CampaignUnit `json:"units"`
	Measures []Measure      `json:"measures"`
}

// Active reports whether the campaign runs on d.
func (c CampaignRow) Active(d date.Date) bool { return activeOn(c.StartedOn, c.EndedOn, d) }

const campaignSelect = `SELECT k.id, k.name, k.kind, k.started_on, k.ended_on, k.area_id, a.name, COALESCE(k.conference_id, 0), COALESCE(c.name, '')
FROM campaign k JOIN area a ON a.id = k.area_id LEFT JOIN joint_conference c ON c.id = k.conference_id`

func scanCampaign(r interface{ Scan(...any) error }, k *CampaignListRow) error {
	return r.Scan(&k.ID, &k.Name, &k.Kind, &k.StartedOn, &k.EndedOn, &k.AreaID, &k.AreaName, &k.ConferenceID, &k.ConferenceName)
}

// Campaigns lists the campaigns covering an area under areaID (in the
// caller's scope; 0: the scope), latest first.
func (s *Store) Campaigns(ctx context.Context, areaID int64) ([]CampaignListRow, error) {
	if areaID == 0 {
		areaID = s.Areas.ScopeOf(ctx)
	} else if err := s.inScope(ctx, "area", areaID); err != nil {
		return nil, err
	}
	query := campaignSelect
	var args []any
	if areaID != 0 {
		query += " WHERE EXISTS (SELECT 1 FROM area_closure x WHERE x.ancestor_id = ? AND x.descendant_id = k.area_id AND x.to_on IS NULL)"
		args = append(args, areaID)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY k.started_on DESC, k.id DESC LIMIT 500", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []CampaignListRow{}
	for rows.Next() {
		var k CampaignListRow
		if err := scanCampaign(rows, &k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// CampaignView reads a campaign of the scope with its units and measures.
func (s *Store) CampaignView(ctx context.Context, id int64) (CampaignView, error) {
	q := s.DB.Reader()
	var v CampaignView
	err := scanCampaign(q.QueryRowContext(ctx, campaignSelect+" WHERE k.id = ?", id), &v.CampaignListRow)
	if db.IsNotFound(err) {
		return v, notFound("campaign_id", "err.campaign_unknown", id)
	}
	if err != nil {
		return v, err
	}
	if err := s.inScope(ctx, "campaign_id", v.AreaID); err != nil {
		return v, err
	}
	rows, err := q.QueryContext(ctx, "SELECT u.id, u.name FROM campaign_unit cu JOIN unit u ON u.id = cu.unit_id WHERE cu.campaign_id = ? ORDER BY u.name, u.id", id)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var u CampaignUnit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			rows.Close()
			return v, err
		}
		v.Units = append(v.Units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return v, err
	}
	rows, err = q.QueryContext(ctx, "SELECT name, quantity, unit FROM campaign_measure WHERE campaign_id = ? ORDER BY id", id)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var m Measure
		if err := rows.Scan(&m.Name, &m.Quantity, &m.Unit); err != nil {
			return v, err
		}
		v.Measures = append(v.Measures, m)
	}
	return v, rows.Err()
}

// CampaignPlace places a campaign's id in the caller's scope (by the area
// it covers).
func (s *Store) CampaignPlace() *access.Place {
	return &access.Place{Name: "campaign", Locate: func(ctx context.Context, id int64) error {
		var areaID int64
		err := s.DB.Reader().QueryRowContext(ctx, "SELECT area_id FROM campaign WHERE id = ?", id).Scan(&areaID)
		if db.IsNotFound(err) {
			return notFound("campaign_id", "err.campaign_unknown", id)
		}
		if err != nil {
			return err
		}
		return s.inScope(ctx, "campaign_id", areaID)
	}}
}
