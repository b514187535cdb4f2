package premises

import (
	"context"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

// The speech's part three told from the building projects and rooms of the
// scope (shared/docs/domain.md, "How the speech reads").
func init() {
	speech.Register(
		&speech.Rule{
			Name:    "three_lacks_at_start",
			Fields:  []string{"committees", "lacking", "most"},
			Find:    threeLacksAtStart,
			Figures: []string{"communities.at_start", "communities.three_lacks_at_start"},
		},
		&speech.Rule{
			Name:   "four_shares",
			Fields: []string{"shares", "beyond", "total", "projects"},
			Find:   fourShares,
		},
		&speech.Rule{
			Name:    "rooms_built",
			Fields:  []string{"kinds", "count"},
			Find:    roomsBuilt,
			Figures: roomFigures(),
		},
	)
}

// threeLacksAtStart tells the committees of the scope at the period's
// start and how many of them were three-lacks (the records of
// communities.at_start and communities.three_lacks_at_start); most is true
// when they were more than half (the seed's 大多数). None three-lacks: no
// record.
func threeLacksAtStart(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	committees, err := figures.Get("communities.at_start").Compute(ctx, q, s)
	if err != nil {
		return nil, err
	}
	lacking, err := figures.Get("communities.three_lacks_at_start").Compute(ctx, q, s)
	if err != nil || lacking == 0 {
		return nil, err
	}
	return speech.Fields{
		"committees": {Text: fmt.Sprint(committees), Link: figures.RecordsLink("communities.at_start", s)},
		"lacking":    {Text: fmt.Sprint(lacking), Link: figures.RecordsLink("communities.three_lacks_at_start", s)},
		"most":       {Text: "1", Zero: lacking*2 <= committees},
	}, nil
}

// shareSources are the 四个一点 in the seed's order, then the sources
// beyond them.
var (
	shareSources  = []string{"city", "district", "subdistrict", "self"}
	beyondSources = []string{"unit", "other"}
)

// fourShares sums the funding received in the period by the building
// projects of communities in scope, by source (the records of the
// funding.* figures). Its fields: the four shares present, each with its
// amount in the seed's words (市出一点（45万元）、区出一点（30万元）…), the
// sources beyond them (单位出资12万元), the total and how many projects
// received money. No funding in the period: no record.
func fourShares(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	rows, err := q.QueryContext(ctx, figures.SQLJoin(
		"SELECT f.source, SUM(f.amount), COUNT(DISTINCT f.project_id)",
		"FROM project_funding f JOIN building_project b ON b.id = f.project_id",
		figures.Under("b.area_id", "f.received_on"),
		"WHERE f.received_on >= ?2 AND f.received_on <= ?3",
		"GROUP BY f.source"), s.AreaID, s.From, s.To)
	if err != nil {
		return nil, fmt.Errorf("premises: four shares: %w", err)
	}
	defer rows.Close()
	bySource := map[string]int64{}
	var total int64
	for rows.Next() {
		var src string
		var amount, n int64
		if err := rows.Scan(&src, &amount, &n); err != nil {
			return nil, err
		}
		bySource[src] = amount
		total += amount
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if total == 0 {
		return nil, nil
	}
	var projects int64
	if err := q.QueryRowContext(ctx, figures.SQLJoin(
		"SELECT COUNT(DISTINCT f.project_id)",
		"FROM project_funding f JOIN building_project b ON b.id = f.project_id",
		figures.Under("b.area_id", "f.received_on"),
		"WHERE f.received_on >= ?2 AND f.received_on <= ?3"), s.AreaID, s.From, s.To).Scan(&projects); err != nil {
		return nil, fmt.Errorf("premises: projects funded: %w", err)
	}
	shares := amounts(lang, "speech.share.", shareSources, bySource)
	beyond := amounts(lang, "speech.beyond.", beyondSources, bySource)
	link := func(key string) string { return figures.RecordsLink(key, s) }
	return speech.Fields{
		"shares":   {Text: speech.JoinAll(lang, shares), Link: link("funding.total"), Zero: len(shares) == 0},
		"beyond":   {Text: speech.JoinAll(lang, beyond), Link: link("funding.total"), Zero: len(beyond) == 0},
		"total":    {Text: speech.Money(lang, total), Link: link("funding.total")},
		"projects": {Text: fmt.Sprint(projects), Link: link("funding.total"), Zero: projects == 0},
	}, nil
}

// amounts words each source present with its amount, in order.
func amounts(lang i18n.Lang, prefix string, sources []string, bySource map[string]int64) []string {
	var out []string
	for _, src := range sources {
		if v := bySource[src]; v > 0 {
			out = append(out, i18n.T(lang, prefix+src, speech.Money(lang, v)))
		}
	}
	return out
}

// roomKinds are the rooms the seed names, in its order (党员活动室、电教室、
// 健身室和图书馆), each counted by its figure.
var roomKinds = []string{"party_activity", "e_learning", "fitness", "library"}

// roomFigures are the rooms.* figures roomsBuilt reads.
func roomFigures() []string {
	out := make([]string, len(roomKinds))
	for i, k := range roomKinds {
		out[i] = "rooms." + k
	}
	return out
}

// roomsBuilt names the kinds of room the communities in scope have at the
// period's end (the records of the rooms.* figures), in the seed's order,
// and how many rooms they are. No room: no record.
func roomsBuilt(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	var kinds []string
	var count float64
	for _, k := range roomKinds {
		n, err := figures.Get("rooms."+k).Compute(ctx, q, s)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			kinds = append(kinds, i18n.T(lang, "speech.room_kind."+k))
			count += n
		}
	}
	if len(kinds) == 0 {
		return nil, nil
	}
	return speech.Fields{
		"kinds": {Text: speech.JoinAnd(lang, kinds)},
		"count": {Text: fmt.Sprint(count)},
	}, nil
}
