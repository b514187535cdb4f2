package cobuilding

import (
	"context"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// fits are the resource kinds that fit each demand category: the road at
// 迎宾一巷 took free services, land and money; a courtyard's sanitation
// takes volunteers and equipment. A demand of category other fits every
// kind.
var fits = map[Category][]Kind{
	"road":         {"free_service", "money", "land", "equipment"},
	"sanitation":   {"volunteers", "equipment", "money", "free_service"},
	"drainage":     {"free_service", "money", "equipment"},
	"greening":     {"land", "volunteers", "free_service", "money"},
	"security":     {"volunteers", "equipment", "venue"},
	"elderly_care": {"venue", "volunteers", "skill", "money"},
	"employment":   {"skill", "venue", "money"},
	"culture":      {"venue", "volunteers", "skill", "equipment"},
	"other":        Kinds,
}

// Fits reports whether a resource of kind k fits a demand of category c.
func Fits(c Category, k Kind) bool { return oneOf(k, fits[c]) }

// Nearness says where a resource is offered from the demand's community.
type Nearness int

const (
	// Above: by a department serving an area above the subdistrict (the
	// district, the city).
	Above Nearness = iota
	// SameSubdistrict: in another community of the demand's subdistrict,
	// or by a department serving the subdistrict.
	SameSubdistrict
	// SameCommunity: in the demand's own community.
	SameCommunity
)

// Suggestion is a resource suggested for a demand, with the reason of its
// rank: whether its kind fits the demand's category, where it is offered,
// and how many projects not yet done it is already promised to elsewhere.
type Suggestion struct {
	Resource Resource `json:"resource"`
	Fits     bool     `json:"fits"`
	Near     Nearness `json:"nearness"`
	Promised int      `json:"promised_elsewhere"`
}

// Reason is one part of a suggestion's reason: a message key and its
// arguments.
type Reason struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
}

// Text is the reason in lang.
func (r Reason) Text(lang i18n.Lang) string { return i18n.T(lang, r.Key, r.Args...) }

// Reasons say why the suggestion ranks where it does, in the order the
// ranking weighs them.
func (sg Suggestion) Reasons() []Reason {
	out := []Reason{{Key: "ui.match.fits_not"}}
	if sg.Fits {
		out[0].Key = "ui.match.fits"
	}
	out = append(out, Reason{Key: [...]string{"ui.match.above", "ui.match.same_subdistrict", "ui.match.same_community"}[sg.Near]})
	if sg.Promised > 0 {
		out = append(out, Reason{Key: "ui.match.promised", Args: []any{sg.Promised}})
	}
	return out
}

// Suggest lists the resources that could meet demand id on day, best
// first: those whose kind fits the demand's category before those that do
// not; then those of the demand's own community, of its subdistrict, of a
// department above; then those not yet promised to another project still
// under way before those that are (fewer promises first); then the oldest
// offer. A resource is a candidate when it is offered on day, by a unit
// still active then, in the demand's subdistrict or by a department
// serving an area above it. At most limit are listed.
func (s *Store) Suggest(ctx context.Context, id int64, day date.Date, limit int) ([]Suggestion, error) {
	q := s.DB.Reader()
	dm, err := s.loadDemand(ctx, q, "demand_id", id)
	if err != nil {
		return nil, err
	}
	sub, err := subdistrictOf(ctx, q, dm.AreaID, day)
	if err != nil {
		return nil, err
	}
	kinds := fits[dm.Category]
	fitSQL := "CASE WHEN r.kind IN ('" + strings.Join(kindStrings(kinds), "','") + "') THEN 1 ELSE 0 END"
	// ?1 the day, ?2 the demand's community, ?3 its subdistrict, ?4 the
	// demand. The places a candidate may be offered in are read first (the
	// subdistrict's areas, the areas above it), so that only their
	// resources are read, through resource_area.
	const validOn = "c.from_on <= ?1 AND (c.to_on IS NULL OR ?1 < c.to_on)"
	query := `SELECT * FROM (SELECT ` + resourceCols + `, ` + fitSQL + ` AS fit, pl.near AS near,
  (SELECT COUNT(*) FROM co_project_resource pr JOIN co_project p ON p.id = pr.project_id
    WHERE pr.resource_id = r.id AND p.done_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM co_project_demand pd WHERE pd.project_id = p.id AND pd.demand_id = ?4)) AS promised
FROM (SELECT c.descendant_id AS area_id, CASE WHEN c.descendant_id = ?2 THEN 2 ELSE 1 END AS near FROM area_closure c WHERE c.ancestor_id = ?3 AND ` + validOn + `
  UNION ALL SELECT c.ancestor_id, 0 FROM area_closure c WHERE c.descendant_id = ?3 AND c.ancestor_id <> ?3 AND ` + validOn + `) pl
JOIN resource r ON r.area_id = pl.area_id LEFT JOIN unit u ON u.id = r.unit_id
WHERE r.from_on <= ?1 AND (r.to_on IS NULL OR ?1 < r.to_on)
AND (u.id IS NULL OR u.ended_on IS NULL OR ?1 < u.ended_on)) x
ORDER BY x.fit DESC, x.near DESC, CASE WHEN x.promised > 0 THEN 1 ELSE 0 END, x.promised, x.from_on, x.id
LIMIT ` + itoa(page(limit))
	rows, err := q.QueryContext(ctx, query, day, dm.AreaID, sub, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Suggestion{}
	for rows.Next() {
		var sg Suggestion
		var fit, near int
		r := &sg.Resource
		if err := rows.Scan(&r.ID, &r.UnitID, &r.UnitName, &r.Department, &r.AreaID, &r.Kind, &r.Description, &r.FromOn, &r.ToOn, &fit, &near, &sg.Promised); err != nil {
			return nil, err
		}
		sg.Fits, sg.Near = fit == 1, Nearness(near)
		out = append(out, sg)
	}
	return out, rows.Err()
}

func kindStrings(ks []Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// MatchInput turns a demand and the resources chosen for it into a
// project of the demand's community.
type MatchInput struct {
	DemandID      int64     `json:"demand_id"`
	ResourceIDs   []int64   `json:"resource_ids"`
	OrgID         int64     `json:"org_id"`
	Title         string    `json:"title"`
	StartedOn     date.Date `json:"started_on"`
	EstimatedCost int64     `json:"estimated_cost"`
	Note          string    `json:"note"`
}

// Match turns a demand and chosen resources into a project in one
// transaction: the project, the demand matched, the resources promised. A
// demand already done or closed is refused on demand_id.
func (s *Store) Match(ctx context.Context, in MatchInput) (int64, error) {
	dm, err := s.loadDemand(ctx, s.DB.Reader(), "demand_id", in.DemandID)
	if err != nil {
		return 0, err
	}
	if dm.Settled() {
		return 0, settled("demand_id", dm)
	}
	title := in.Title
	if strings.TrimSpace(title) == "" {
		title = dm.Title
	}
	id, err := s.CreateProject(ctx, ProjectInput{AreaID: dm.AreaID, OrgID: in.OrgID, Title: title, StartedOn: in.StartedOn,
		EstimatedCost: in.EstimatedCost, Note: in.Note, DemandIDs: []int64{in.DemandID}, ResourceIDs: in.ResourceIDs})
	if ie, ok := err.(*i18n.Error); ok && ie.Field == "demand_ids[0]" {
		ie.Field = "demand_id"
	}
	return id, err
}
