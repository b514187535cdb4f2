package cobuilding

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/memo"
	"dangjian/internal/speech"
)

// The first paragraphs of the speech's part four told from the projects of
// the scope (shared/docs/domain.md, "How the speech reads"): the seed's
// road at 迎宾一巷 (the done project that saved most), the courtyard on 宾南路
// (the one with most units), the drains the 房管所 paid for (the largest
// money contribution by one unit) and the stairwells cleared (a result
// measure).
//
// Each slot picks among the projects of communities in scope done in the
// period (a project counts under the scope its community lay in on the day
// it was done, as projects.done counts it), and never a project an earlier
// slot told, so the four stories are four projects: most_saved first, then
// most_units, largest_money and result_measure. Ties are broken by the
// earlier done date, then the smaller project id (for largest_money then
// the smaller unit id); result_measure takes the latest done project, ties
// by the smaller id. A slot with no project is left out.
func init() {
	speech.Register(
		&speech.Rule{Name: "most_saved", Fields: storyFields, Find: slotFinder(mostSaved)},
		&speech.Rule{Name: "most_units", Fields: storyFields, Find: slotFinder(mostUnits)},
		&speech.Rule{Name: "largest_money", Fields: append([]string{"unit", "amount"}, storyFields...), Find: slotFinder(largestMoney)},
		&speech.Rule{Name: "result_measure", Fields: storyFields, Find: slotFinder(resultMeasure)},
	)
}

// storyFields are the fields every slot tells of its project.
var storyFields = []string{
	"title", "community", "org", "demand", "waited", "month", "took", "saved",
	"departments", "givers", "gave", "money", "units", "unit_names",
	"banners", "banner_words", "thankers", "results", "measure", "praised",
}

// slot is one of the four example slots, in the order they are told.
type slot int

const (
	mostSaved slot = iota
	mostUnits
	largestMoney
	resultMeasure
)

// doneIn is "project p of a community in scope done in the period" (?1
// the scope's area, ?2 and ?3 the period).
var doneIn = figures.SQLJoin(
	"FROM co_project p",
	figures.Under("p.area_id", "p.done_on"),
	"WHERE p.done_on >= ?2 AND p.done_on <= ?3",
)

// pickQuery is the query of a slot: its candidates, best first, among the
// projects not in the list bound from ?4 on (notIn).
func pickQuery(k slot, notIn string) string {
	switch k {
	case mostSaved:
		return figures.SQLJoin("SELECT p.id, 0", doneIn, "AND "+savedSQL("p")+" > 0"+notIn,
			"ORDER BY "+savedSQL("p")+" DESC, p.done_on, p.id LIMIT 1")
	case mostUnits:
		// unit_count and top_money are kept by triggers on co_contribution
		// (migration 0024): the period's projects alone are read.
		return figures.SQLJoin("SELECT p.id, 0", doneIn, "AND p.unit_count > 0"+notIn,
			"ORDER BY p.unit_count DESC, p.done_on, p.id LIMIT 1")
	case largestMoney:
		return figures.SQLJoin("SELECT p.id, p.top_money_unit_id", doneIn, "AND p.top_money > 0"+notIn,
			"ORDER BY p.top_money DESC, p.done_on, p.id LIMIT 1")
	}
	return figures.SQLJoin("SELECT p.id, 0", doneIn,
		"AND EXISTS (SELECT 1 FROM co_result r WHERE r.project_id = p.id)"+notIn,
		"ORDER BY p.done_on DESC, p.id LIMIT 1")
}

// pick finds the project slot k tells (0 when none) and, for
// largestMoney, the unit; told are the projects of the earlier slots.
func pick(ctx context.Context, q db.Q, s figures.Scope, k slot, told []int64) (project, unit int64, err error) {
	// Each slot's finder picks the slots before it again: within one
	// speech (a memo in ctx) each pick is made once.
	key := fmt.Sprintf("cobuilding.pick\x00%d\x00%s\x00%s\x00%d\x00%v", s.AreaID, s.From, s.To, k, told)
	ids, err := memo.Do(ctx, key, func() ([2]int64, error) {
		p, u, err := pickOnce(ctx, q, s, k, told)
		return [2]int64{p, u}, err
	})
	return ids[0], ids[1], err
}

// pickOnce is pick without the memo.
func pickOnce(ctx context.Context, q db.Q, s figures.Scope, k slot, told []int64) (project, unit int64, err error) {
	args := []any{s.AreaID, s.From, s.To}
	notIn := ""
	if len(told) > 0 {
		ps := make([]string, len(told))
		for i, id := range told {
			args = append(args, id)
			ps[i] = "?" + strconv.Itoa(len(args))
		}
		notIn = " AND p.id NOT IN (" + strings.Join(ps, ", ") + ")"
	}
	err = q.QueryRowContext(ctx, pickQuery(k, notIn), args...).Scan(&project, &unit)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cobuilding: speech slot %d: %w", k, err)
	}
	return project, unit, nil
}

// slotFinder is the Find of slot k: the slots before it are picked first,
// so that it tells another project.
func slotFinder(k slot) func(context.Context, db.Q, figures.Scope, i18n.Lang) (speech.Fields, error) {
	return func(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
		var told []int64
		for e := mostSaved; e < k; e++ {
			id, _, err := pick(ctx, q, s, e, told)
			if err != nil {
				return nil, err
			}
			if id != 0 {
				told = append(told, id)
			}
		}
		id, unit, err := pick(ctx, q, s, k, told)
		if err != nil || id == 0 {
			return nil, err
		}
		f, err := tell(ctx, q, s, lang, id)
		if err != nil || k != largestMoney {
			return f, err
		}
		var name string
		var amount int64
		if err := q.QueryRowContext(ctx, "SELECT u.name, (SELECT SUM(c.value) FROM co_contribution c WHERE c.project_id = ?1 AND c.unit_id = ?2 AND c.kind = 'money') FROM unit u WHERE u.id = ?2",
			id, unit).Scan(&name, &amount); err != nil {
			return nil, fmt.Errorf("cobuilding: speech unit: %w", err)
		}
		f["unit"] = speech.Field{Text: name, Link: fmt.Sprintf("/units/%d/co-building", unit)}
		f["amount"] = speech.Field{Text: speech.Money(lang, amount), Link: f["title"].Link}
		return f, nil
	}
}

// tell reads the fields of project id as the speech tells it: what it
// met, who gave what, how long it took, what it saved and achieved, and
// the thanks received by the period's end.
func tell(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang, id int64) (speech.Fields, error) {
	var title, community, org string
	var started, done date.Date
	var estimated int64
	var actual sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT p.title, "+figures.NameAt("p.area_id", "p.done_on", "a.name")+", o.name, p.started_on, p.done_on, p.estimated_cost, p.actual_cost"+
		" FROM co_project p JOIN area a ON a.id = p.area_id JOIN party_org o ON o.id = p.org_id WHERE p.id = ?1", id).Scan(
		&title, &community, &org, &started, &done, &estimated, &actual); err != nil {
		return nil, fmt.Errorf("cobuilding: speech project: %w", err)
	}
	p := Project{StartedOn: started, DoneOn: done, EstimatedCost: estimated}
	if actual.Valid {
		p.ActualCost = &actual.Int64
	}
	page := fmt.Sprintf("/co-projects/%d", id)
	field := func(text string, zero bool) speech.Field {
		return speech.Field{Text: text, Link: page, Zero: zero || text == ""}
	}
	f := speech.Fields{
		"title":     field(title, false),
		"community": {Text: community},
		"org":       {Text: org},
		"month":     {Text: speech.Month(lang, done)},
		"took":      {Text: took(lang, started, done)},
		"saved":     field(speech.Money(lang, p.Saved()), p.Saved() == 0),
	}

	// The first demand it met, and the whole years residents waited from
	// raising it to the project's start.
	var demand string
	var raised date.Date
	err := q.QueryRowContext(ctx, "SELECT d.title, d.raised_on FROM demand d JOIN co_project_demand pd ON pd.demand_id = d.id WHERE pd.project_id = ?1 ORDER BY d.raised_on, d.id LIMIT 1", id).Scan(&demand, &raised)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("cobuilding: speech demand: %w", err)
	}
	f["demand"] = field(demand, false)
	waited := 0
	if demand != "" {
		waited = wholeYears(raised, started)
	}
	f["waited"] = field(strconv.Itoa(waited), waited == 0)

	// Who gave what, in the order they gave.
	rows, err := q.QueryContext(ctx, `SELECT COALESCE(c.unit_id, 0), COALESCE(u.name, c.department), c.kind, c.value
FROM co_contribution c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.project_id = ?1 ORDER BY c.given_on, c.id`, id)
	if err != nil {
		return nil, fmt.Errorf("cobuilding: speech contributions: %w", err)
	}
	var free, givers, units names
	gave := map[ContributionKind]bool{}
	var money int64
	for rows.Next() {
		var unit, value int64
		var giver string
		var kind ContributionKind
		if err := rows.Scan(&unit, &giver, &kind, &value); err != nil {
			rows.Close()
			return nil, err
		}
		switch {
		case kind == "free_service":
			free.add(giver)
		case unit != 0 && (kind == "land" || kind == Money):
			givers.add(giver)
			gave[kind] = true
		}
		if kind == Money {
			money += value
		}
		if unit != 0 {
			units.add(giver)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var kinds []string
	for _, k := range []ContributionKind{"land", Money} {
		if gave[k] {
			kinds = append(kinds, i18n.T(lang, "speech.cob_gave."+string(k)))
		}
	}
	f["departments"] = field(speech.JoinNames(lang, free, false), len(free) == 0)
	f["givers"] = field(speech.JoinNames(lang, givers, false), len(givers) == 0)
	f["gave"] = field(speech.JoinAll(lang, kinds), len(kinds) == 0)
	f["money"] = field(speech.Money(lang, money), money == 0)
	f["units"] = field(strconv.Itoa(len(units)), len(units) == 0)
	f["unit_names"] = field(speech.JoinNames(lang, units, false), len(units) == 0)

	// The banners received by the period's end, their words and who gave
	// them; praised when any thanks (a banner, a letter, a rating of 4 or
	// 5) came by then.
	rows, err = q.QueryContext(ctx, "SELECT kind, COALESCE(rating, 0), given_by, note FROM co_feedback WHERE project_id = ?1 AND given_on <= ?2 ORDER BY given_on, id", id, s.To)
	if err != nil {
		return nil, fmt.Errorf("cobuilding: speech feedback: %w", err)
	}
	var banners int
	var words, thankers names
	praised := false
	for rows.Next() {
		var kind FeedbackKind
		var rating int
		var by, note string
		if err := rows.Scan(&kind, &rating, &by, &note); err != nil {
			rows.Close()
			return nil, err
		}
		praised = praised || kind != "rating" || rating >= 4
		if kind != Banner {
			continue
		}
		banners++
		thankers.add(by)
		if note = strings.TrimSpace(note); note != "" {
			words.add(i18n.T(lang, "speech.cob_quoted", note))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	f["banners"] = field(bannerCount(lang, banners), banners == 0)
	f["banner_words"] = field(speech.JoinAll(lang, words), len(words) == 0)
	f["thankers"] = field(speech.JoinNames(lang, thankers, false), len(thankers) == 0)
	f["praised"] = speech.Field{Text: "1", Zero: !praised}

	// Its results as measures, in the order recorded.
	rows, err = q.QueryContext(ctx, "SELECT name, quantity, unit FROM co_result WHERE project_id = ?1 ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("cobuilding: speech results: %w", err)
	}
	var results []string
	measure := ""
	for rows.Next() {
		var name, unit string
		var qty float64
		if err := rows.Scan(&name, &qty, &unit); err != nil {
			rows.Close()
			return nil, err
		}
		if measure == "" {
			measure = measureText(lang, name, speech.About(lang, qty), unit)
		}
		results = append(results, measureText(lang, name, strconv.FormatFloat(qty, 'f', -1, 64), unit))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	f["results"] = field(speech.JoinNames(lang, results, false), len(results) == 0)
	f["measure"] = field(measure, measure == "")
	return f, nil
}

// names is a list of distinct names in the order first seen.
type names []string

func (n *names) add(s string) {
	for _, x := range *n {
		if x == s {
			return
		}
	}
	*n = append(*n, s)
}

// measureText words a result: 道路800米; in English "道路 800 米".
func measureText(lang i18n.Lang, name, qty, unit string) string {
	if lang == i18n.EN {
		return strings.TrimSpace(name + " " + qty + " " + unit)
	}
	return name + qty + unit
}

// wholeYears counts the whole years from a to b (0 when b is not a year
// after a).
func wholeYears(a, b date.Date) int {
	n := b.Year() - a.Year()
	if b.Month() < a.Month() || b.Month() == a.Month() && b.Day() < a.Day() {
		n--
	}
	return max(n, 0)
}

// wholeMonths counts the whole months from a to b, and whether some days
// are left over.
func wholeMonths(a, b date.Date) (int, bool) {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	n = max(n, 0)
	end := a.Time().AddDate(0, n, 0)
	return n, b.Time().After(end)
}

// took says how long a project took from its start to its done date, as
// the seed does: 不到一个月便, 用两个多月, 历时一年多.
func took(lang i18n.Lang, started, done date.Date) string {
	m, more := wholeMonths(started, done)
	unit, n := "month", m
	switch {
	case m == 0:
		return i18n.T(lang, "speech.cob_took.under_month")
	case m >= 12:
		unit, n, more = "year", m/12, more || m%12 != 0
	}
	suffix := ""
	if more {
		suffix = "_more"
	}
	if n == 1 {
		return i18n.T(lang, "speech.cob_took."+unit+suffix)
	}
	return i18n.T(lang, "speech.cob_took."+unit+"s"+suffix, countWord(lang, n))
}

// bannerCount says how many banners came: 两面, "two banners".
func bannerCount(lang i18n.Lang, n int) string {
	if n == 1 {
		return i18n.T(lang, "speech.cob_banners.one")
	}
	return i18n.T(lang, "speech.cob_banners.many", countWord(lang, n))
}

// countWord writes a count in words as a speech does (两, 十一; "two"):
// in Chinese up to 99, in English up to ten; beyond, the number.
func countWord(lang i18n.Lang, n int) string {
	if lang == i18n.EN {
		en := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
		if n >= 0 && n < len(en) {
			return en[n]
		}
		return strconv.Itoa(n)
	}
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n == 2:
		return "两"
	case n >= 0 && n < 10:
		return digits[n]
	case n >= 10 && n < 100:
		s := "十"
		if n >= 20 {
			s = digits[n/10] + s
		}
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}
