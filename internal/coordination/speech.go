package coordination

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

// The speech's part two told from the conferences and campaigns of the
// scope (shared/docs/domain.md, "How the speech reads").
func init() {
	speech.Register(
		&speech.Rule{
			Name:   "first_joint_conference",
			Fields: []string{"name", "convener", "area", "units", "unit_names", "followers", "follower_kinds"},
			Find:   firstJointConference,
		},
		&speech.Rule{
			Name:   "campaigns_fought",
			Fields: []string{"fights", "health", "results"},
			Find:   campaignsFought,
		},
	)
}

// firstJointConference picks the first conference of kind party_building
// placed in scope and active at the period's end (the seed's 河东街道社区党建
// 工作联席会议, the pilot). Its fields: its name, its convening organisation,
// the area it is placed at, how many units' organisations sit in it and
// their names (deputy conveners first), and the subdistricts that followed:
// the other subdistricts in scope whose conferences met in the period, in
// the order they first met, with the kinds of those conferences
// (官渡、新华、红旗等街道 … 召开了社区党建和社会治安综合治理等 … 联席会议).
func firstJointConference(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	var id, areaID int64
	var name, convener, areaName string
	var own sql.NullInt64
	err := q.QueryRowContext(ctx, figures.SQLJoin(
		"SELECT c.id, c.area_id, c.name, o.name, "+figures.NameAt("c.area_id", "?2", "a.name")+",",
		"  (SELECT up.ancestor_id FROM area_closure up JOIN area sa ON sa.id = up.ancestor_id AND sa.level = 'subdistrict'",
		"   WHERE up.descendant_id = c.area_id AND "+figures.ValidRow("up", "?2")+" LIMIT 1)",
		"FROM joint_conference c JOIN party_org o ON o.id = c.org_id JOIN area a ON a.id = c.area_id",
		figures.Under("c.area_id", "?2"),
		"WHERE c.kind = 'party_building' AND "+figures.Active("c", "established_on", "?2"),
		"ORDER BY c.established_on, c.id LIMIT 1"),
		s.AreaID, s.To).Scan(&id, &areaID, &name, &convener, &areaName, &own)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("coordination: first joint conference: %w", err)
	}
	units, err := memberNamesAt(ctx, q, id, s.To)
	if err != nil {
		return nil, err
	}
	followers, kinds, err := followingSubdistricts(ctx, q, s, own.Int64, lang)
	if err != nil {
		return nil, err
	}
	page := fmt.Sprintf("/conferences/%d", id)
	return speech.Fields{
		"name":           {Text: name, Link: page},
		"convener":       {Text: convener},
		"area":           {Text: areaName, Link: fmt.Sprintf("/areas/%d", areaID)},
		"units":          {Text: strconv.Itoa(len(units)), Link: page, Zero: len(units) == 0},
		"unit_names":     {Text: speech.JoinNames(lang, units, false), Link: page, Zero: len(units) == 0},
		"followers":      {Text: subdistrictNames(lang, followers), Zero: len(followers) == 0},
		"follower_kinds": {Text: speech.JoinAnd(lang, kinds), Zero: len(kinds) == 0},
	}, nil
}

// memberNamesAt names the distinct units sitting in conference id on day
// on, deputy conveners first, then in the order they joined.
func memberNamesAt(ctx context.Context, q db.Q, id int64, on date.Date) ([]string, error) {
	rows, err := q.QueryContext(ctx, figures.SQLJoin(
		"SELECT u.name, MIN(CASE m.role WHEN 'deputy_convener' THEN 0 ELSE 1 END) AS r, MIN(m.from_on) AS f, u.id",
		"FROM conference_member m JOIN unit u ON u.id = m.unit_id",
		"WHERE m.conference_id = ?1 AND "+figures.ValidRow("m", "?2"),
		"GROUP BY u.id, u.name ORDER BY r, f, u.id"), id, on)
	if err != nil {
		return nil, fmt.Errorf("coordination: conference members: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name, from string
		var role, uid int64
		if err := rows.Scan(&name, &role, &from, &uid); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// followingSubdistricts names the subdistricts in scope, other than own,
// whose conferences met in the period (the records of
// conferences.subdistricts_holding), in the order they first met, and the
// kinds of those conferences in the speech's words.
func followingSubdistricts(ctx context.Context, q db.Q, s figures.Scope, own int64, lang i18n.Lang) (names, kinds []string, err error) {
	recs, err := figures.Get("conferences.subdistricts_holding").Records(ctx, q, s)
	if err != nil {
		return nil, nil, err
	}
	first := map[int64]figures.Record{}
	for _, r := range recs {
		if f, seen := first[r.ID]; r.ID != own && (!seen || r.On.Before(f.On)) {
			first[r.ID] = r
		}
	}
	ordered := make([]figures.Record, 0, len(first))
	for _, r := range first {
		ordered = append(ordered, r)
	}
	sort.Slice(ordered, func(i, j int) bool {
		a, b := ordered[i], ordered[j]
		if a.On != b.On {
			return a.On.Before(b.On)
		}
		return a.ID < b.ID
	})
	ids := make([]int64, 0, len(ordered))
	for _, r := range ordered {
		names = append(names, r.Name)
		ids = append(ids, r.ID)
	}
	if len(ids) == 0 {
		return nil, nil, nil
	}
	kinds, err = followerKinds(ctx, q, s, ids, lang)
	return names, kinds, err
}

// followerKinds are the kinds of the conferences placed at or under the
// subdistricts ids that met in the period, party building first.
func followerKinds(ctx context.Context, q db.Q, s figures.Scope, ids []int64, lang i18n.Lang) ([]string, error) {
	args := []any{s.From, s.To}
	in := ""
	for i, id := range ids {
		if i > 0 {
			in += ", "
		}
		args = append(args, id)
		in += "?" + strconv.Itoa(len(args))
	}
	rows, err := q.QueryContext(ctx, figures.SQLJoin(
		"SELECT DISTINCT c.kind FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id",
		"JOIN area_closure up ON up.descendant_id = c.area_id AND "+figures.ValidRow("up", "s.held_on"),
		"WHERE s.held_on >= ?1 AND s.held_on <= ?2 AND up.ancestor_id IN ("+in+")"), args...)
	if err != nil {
		return nil, fmt.Errorf("coordination: followers' conferences: %w", err)
	}
	defer rows.Close()
	held := map[ConferenceKind]bool{}
	for rows.Next() {
		var k ConferenceKind
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		held[k] = true
	}
	var words []string
	for _, k := range ConferenceKinds {
		if held[k] {
			words = append(words, i18n.T(lang, "speech.conference_kind."+string(k)))
		}
	}
	return words, rows.Err()
}

// campaignsFought tells the campaigns covering the scope in the period (the
// records of campaigns.total) by what they fought, in the seed's words:
// fights (打击盗窃犯罪、禁止黄赌毒、整治脏乱差, and the names of campaigns of
// another kind), health (防治传染病、防制狂犬病) and results (their measures
// summed by name: 破获案件14起、清理垃圾120吨).
func campaignsFought(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	recs, err := figures.Get("campaigns.total").Records(ctx, q, s)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	kinds := map[CampaignKind]bool{}
	var others []string
	ids := make([]int64, 0, len(recs))
	for _, r := range recs {
		k := CampaignKind(r.Detail)
		kinds[k] = true
		if k == "other" {
			others = append(others, r.Name)
		}
		ids = append(ids, r.ID)
	}
	var fights, health []string
	for _, k := range CampaignKinds {
		switch {
		case !kinds[k] || k == "other":
		case k == "epidemic" || k == "rabies":
			health = append(health, i18n.T(lang, "speech.campaign_kind."+string(k)))
		default:
			fights = append(fights, i18n.T(lang, "speech.campaign_kind."+string(k)))
		}
	}
	fights = append(fights, others...)
	results, err := campaignResults(ctx, q, ids, lang)
	if err != nil {
		return nil, err
	}
	return speech.Fields{
		"fights":  {Text: speech.JoinAll(lang, fights), Zero: len(fights) == 0},
		"health":  {Text: speech.JoinAll(lang, health), Zero: len(health) == 0},
		"results": {Text: speech.JoinNames(lang, results, false), Zero: len(results) == 0},
	}, nil
}

// campaignResults sums the measures of campaigns ids by name and unit, the
// largest quantities first, and words them (破获案件14起).
func campaignResults(ctx context.Context, q db.Q, ids []int64, lang i18n.Lang) ([]string, error) {
	in := ""
	args := make([]any, len(ids))
	for i, id := range ids {
		if i > 0 {
			in += ", "
		}
		in += "?"
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, "SELECT name, unit, SUM(quantity) AS total FROM campaign_measure"+
		" WHERE campaign_id IN ("+in+") GROUP BY name, unit ORDER BY total DESC, name, unit", args...)
	if err != nil {
		return nil, fmt.Errorf("coordination: campaign results: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name, unit string
		var total float64
		if err := rows.Scan(&name, &unit, &total); err != nil {
			return nil, err
		}
		n := strconv.FormatFloat(total, 'f', -1, 64)
		if lang == i18n.EN {
			out = append(out, fmt.Sprintf("%s %s %s", name, n, unit))
		} else {
			out = append(out, name+n+unit)
		}
	}
	return out, rows.Err()
}

// subdistrictNames lists subdistricts as the seed does, the shared 街道
// said once at the end (官渡、新华、红旗等街道).
func subdistrictNames(lang i18n.Lang, names []string) string {
	const suffix = "街道"
	if lang == i18n.EN || len(names) < 2 {
		return speech.JoinNames(lang, names, false)
	}
	short := make([]string, len(names))
	for i, n := range names {
		if !strings.HasSuffix(n, suffix) || n == suffix {
			return speech.JoinNames(lang, names, false)
		}
		short[i] = strings.TrimSuffix(n, suffix)
	}
	return speech.JoinNames(lang, short, false) + suffix
}
