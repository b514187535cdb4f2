package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

// The speech's example slots told from people's records.
func init() {
	speech.Register(&speech.Rule{
		Name:   "latest_unit_election",
		Fields: []string{"subdistrict", "community", "org", "month", "units", "unit_count", "ranks"},
		Find:   latestUnitElection,
	})
}

// latestUnitElection picks the latest general election in scope and period
// of a community's party organisation that brought concurrent members from
// stationed units onto its committee (part one: 去年底在河东街道迎宾社区党支部
// 领导班子换届选举时 … 将驻该社区的市委党校，市、区房管所等×××个 … 单位的党员领导干部
// 选入社区党支部作支委). Its fields: the community, its subdistrict and the
// organisation as named on the election's day, the month, the units' names
// (up to three, then 等), their count and their ranks.
func latestUnitElection(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	var termID, orgID, areaID int64
	var elected date.Date
	var org, community, subdistrict string
	err := q.QueryRowContext(ctx, figures.SQLJoin(
		"SELECT t.id, o.id, a.id, t.elected_on, o.name, "+figures.NameAt("a.id", "t.elected_on", "a.name")+", "+
			"COALESCE((SELECT "+figures.NameAt("c.ancestor_id", "t.elected_on", "''")+" FROM area_closure c JOIN area p ON p.id = c.ancestor_id AND p.level = 'subdistrict'"+
			" WHERE c.descendant_id = a.id AND c.from_on <= t.elected_on AND (c.to_on IS NULL OR t.elected_on < c.to_on) LIMIT 1), '')",
		"FROM term t JOIN party_org o ON o.id = t.org_id",
		"JOIN area a ON a.id = o.area_id AND a.level = 'community'",
		figures.Under("a.id", "t.elected_on"),
		"WHERE t.elected_on >= ?2 AND t.elected_on <= ?3",
		"AND EXISTS (SELECT 1 FROM post cp WHERE cp.term_id = t.id AND cp.role = 'concurrent_member')",
		"ORDER BY t.elected_on DESC, t.id DESC LIMIT 1"),
		s.AreaID, s.From, s.To).Scan(&termID, &orgID, &areaID, &elected, &org, &community, &subdistrict)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("people: latest unit election: %w", err)
	}
	// Higher ranks first, as the seed names 市委党校 before 市、区房管所.
	rows, err := q.QueryContext(ctx, "SELECT DISTINCT u.id, u.name, u.rank,"+
		" CASE u.rank WHEN 'division' THEN 0 WHEN 'section' THEN 1 ELSE 2 END AS rank_order"+
		" FROM post cp JOIN unit u ON u.id = cp.unit_id WHERE cp.term_id = ? AND cp.role = 'concurrent_member'"+
		" ORDER BY rank_order, u.name, u.id", termID)
	if err != nil {
		return nil, fmt.Errorf("people: latest unit election: %w", err)
	}
	defer rows.Close()
	var names []string
	ranks := map[Rank]bool{}
	for rows.Next() {
		var id, order int64
		var name string
		var rank Rank
		if err := rows.Scan(&id, &name, &rank, &order); err != nil {
			return nil, err
		}
		names = append(names, name)
		ranks[rank] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	team := fmt.Sprintf("/party-orgs/%d/leadership", orgID)
	return speech.Fields{
		"subdistrict": {Text: subdistrict},
		"community":   {Text: community, Link: fmt.Sprintf("/areas/%d", areaID)},
		"org":         {Text: org, Link: team},
		"month":       {Text: speech.Month(lang, elected)},
		"units":       {Text: speech.JoinNames(lang, names, false), Link: team},
		"unit_count":  {Text: strconv.Itoa(len(names)), Link: team, Zero: len(names) == 0},
		"ranks":       {Text: rankWords(lang, ranks)},
	}, nil
}

// rankWords names the ranks among the units: 处、科级 for both.
func rankWords(lang i18n.Lang, ranks map[Rank]bool) string {
	zh := lang != i18n.EN
	switch {
	case ranks[Division] && ranks[Section]:
		if zh {
			return "处、科级"
		}
		return "division- and section-level"
	case ranks[Division]:
		if zh {
			return "处级"
		}
		return "division-level"
	case ranks[Section]:
		if zh {
			return "科级"
		}
		return "section-level"
	}
	return ""
}
