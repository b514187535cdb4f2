package coordination

import (
	"context"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// CampaignKind is what a campaign (专项行动) fights.
type CampaignKind string

// CampaignKinds are the kinds of the seed: theft 打击盗窃犯罪, vice 禁止黄赌毒,
// sanitation 整治脏乱差, epidemic 防治传染病, rabies 防制狂犬病, and other.
var CampaignKinds = []CampaignKind{"theft", "vice", "sanitation", "epidemic", "rabies", "other"}

// Measure is a result of a campaign: 清理垃圾 120 吨.
type Measure struct {
	Name     string  `json:"name"`
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"`
}

// CampaignInput is a campaign covering an area from a date, led by a
// conference or not, with its participating units and results.
type CampaignInput struct {
	Name         string       `json:"name"`
	Kind         CampaignKind `json:"kind"`
	AreaID       int64        `json:"area_id"`
	ConferenceID int64        `json:"conference_id"`
	StartedOn    date.Date    `json:"started_on"`
	EndedOn      date.Date    `json:"ended_on"`
	Units        []int64      `json:"units"`
	Measures     []Measure    `json:"measures"`
}

// CreateCampaign records a campaign with its units and measures.
func (s *Store) CreateCampaign(ctx context.Context, in CampaignInput) (int64, error) {
	name, err := text("name", in.Name, 100, true)
	if err != nil {
		return 0, err
	}
	known := false
	for _, k := range CampaignKinds {
		known = known || k == in.Kind
	}
	if !known {
		return 0, i18n.Errf("kind", "err.campaign_kind_invalid")
	}
	if err := s.checkDate("started_on", in.StartedOn); err != nil {
		return 0, err
	}
	if !in.EndedOn.IsZero() && !in.EndedOn.After(in.StartedOn) {
		return 0, i18n.Errf("ended_on", "err.campaign_end_before_start", in.StartedOn.String())
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := s.inScope(ctx, "area_id", in.AreaID); err != nil {
			return err
		}
		if in.ConferenceID != 0 {
			if _, err := s.loadConference(ctx, q, in.ConferenceID); err != nil {
				return err
			}
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO campaign (name, kind, area_id, conference_id, started_on, ended_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			name, in.Kind, in.AreaID, nullID(in.ConferenceID), in.StartedOn, db.Null(in.EndedOn)).Scan(&id); err != nil {
			return err
		}
		for _, u := range in.Units {
			ok, err := unitStationedUnder(ctx, q, u, in.AreaID, in.StartedOn)
			if err != nil {
				return err
			}
			if !ok {
				return &i18n.Error{Field: "units", Key: "err.campaign_unit_not_stationed", Args: []any{u}, Err: fault.BadReference}
			}
			if _, err := q.ExecContext(ctx, "INSERT INTO campaign_unit (campaign_id, unit_id) VALUES (?, ?)", id, u); err != nil {
				return err
			}
		}
		for i, m := range in.Measures {
			field := "measures[" + strconv.Itoa(i) + "]."
			mname, err := text(field+"name", m.Name, 100, true)
			if err != nil {
				return err
			}
			if m.Quantity < 0 {
				return i18n.Errf(field+"quantity", "err.coord_count_negative")
			}
			unit, err := text(field+"unit", m.Unit, 20, false)
			if err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, "INSERT INTO campaign_measure (campaign_id, name, quantity, unit) VALUES (?, ?, ?, ?)", id, mname, m.Quantity, unit); err != nil {
				return err
			}
		}
		return record(ctx, q, "campaign.create", "campaign", id, in)
	})
	return id, err
}
