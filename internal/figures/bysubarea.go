package figures

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/metrics"
	"dangjian/internal/tally"
)

// SubArea is one area under a scope at a level, a row of a breakdown.
type SubArea struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Level string `json:"level"`
	// ParentID and ParentName are the area's parent on the period's last
	// day it existed (a community's subdistrict).
	ParentID   int64  `json:"parent_id"`
	ParentName string `json:"parent_name"`
	// EndedOn is set when the area ended (merged, split, dissolved) within
	// the period while under the scope: its records up to then stay its
	// own, so it keeps a row, listed after the areas standing at the end.
	EndedOn date.Date `json:"ended_on,omitzero"`
}

// Breakdown is figures by sub-area: Values[i][j] is figure Figures[j] for
// Areas[i] as its own scope, Total[j] the scope's own figure (not a sum:
// figures counting distinct units do not add up over areas).
type Breakdown struct {
	Scope   Scope
	Level   string
	Figures []*Figure
	Areas   []SubArea
	Values  [][]float64
	Total   []float64
}

// Scope is the scope of the breakdown's row i.
func (b *Breakdown) AreaScope(i int) Scope {
	a := b.Areas[i]
	return Scope{AreaID: a.ID, AreaName: a.Name, From: b.Scope.From, To: b.Scope.To, Level: a.Level}
}

// YearBefore is s moved back a year, for the year-over-year change: the
// same days of the year before (29 February becomes the 28th).
func YearBefore(s Scope) Scope {
	back := func(d date.Date) date.Date {
		if d.IsZero() {
			return d
		}
		day := d.Day()
		if d.Month() == time.February && day == 29 {
			day = 28
		}
		return date.New(d.Year()-1, d.Month(), day)
	}
	s.From, s.To = back(s.From), back(s.To)
	return s
}

// SubAreas lists the areas at level under s: those under it on the
// period's last day, then those that ended within the period while under
// it (see SubArea.EndedOn). An area that moved out of the scope during the
// period and still stands elsewhere is not listed: its records of the
// period count where it then stood. Within each group the rows go in the
// order the areas were set up (their parent's id, then their own), the
// order of the tree's listing.
func SubAreas(ctx context.Context, q db.Q, s Scope, level string) ([]SubArea, error) {
	// The parent on day ?d (an area's last day in the period).
	parent := func(day string) string {
		return "(SELECT p.ancestor_id FROM area_closure p WHERE p.descendant_id = a.id AND p.depth = 1 AND " + ValidRow("p", day) + " LIMIT 1)"
	}
	// Closure row x in force on an ended area's last day (the day before
	// a.ended_on; an ended area's rows may stay open: it stays where it
	// last was).
	onLastDay := func(x string) string {
		return x + ".from_on < a.ended_on AND (" + x + ".to_on IS NULL OR " + x + ".to_on >= a.ended_on)"
	}
	lastName := "COALESCE((SELECT n.name FROM area_name n WHERE n.area_id = a.id AND n.from_on < a.ended_on ORDER BY n.from_on DESC LIMIT 1), a.name)"
	query := SQLJoin(
		"SELECT a.id, "+NameAt("a.id", "?3", "a.name")+", a.ended_on, "+parent("?3"),
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id AND a.level = ?4",
		"WHERE sc.ancestor_id = ?1 AND sc.descendant_id <> ?1 AND "+ValidRow("sc", "?3")+" AND "+Active("a", "established_on", "?3"),
		"UNION ALL",
		"SELECT a.id, "+lastName+", a.ended_on, (SELECT p.ancestor_id FROM area_closure p WHERE p.descendant_id = a.id AND p.depth = 1 AND "+onLastDay("p")+" LIMIT 1)",
		"FROM area_closure sc JOIN area a ON a.id = sc.descendant_id AND a.level = ?4",
		"WHERE sc.ancestor_id = ?1 AND sc.descendant_id <> ?1 AND a.ended_on > ?2 AND a.ended_on <= ?3 AND "+onLastDay("sc"),
	)
	args := []any{s.AreaID, s.From, s.To, level}
	if q.Dialect() == db.Postgres {
		query = "SELECT * FROM (" + query + ") x WHERE CAST(?2 AS DATE) IS NOT NULL"
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("figures: sub-areas of %d: %w", s.AreaID, err)
	}
	defer rows.Close()
	var out []SubArea
	parents := map[int64]string{}
	for rows.Next() {
		a := SubArea{Level: level}
		var ended *date.Date
		var parentID *int64
		if err := rows.Scan(&a.ID, &a.Name, &ended, &parentID); err != nil {
			return nil, fmt.Errorf("figures: sub-areas: %w", err)
		}
		if ended != nil && !ended.After(s.To) {
			a.EndedOn = *ended
		}
		if parentID != nil {
			a.ParentID = *parentID
			parents[a.ParentID] = ""
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("figures: sub-areas: %w", err)
	}
	rows.Close()
	for id := range parents {
		var name string
		if err := q.QueryRowContext(ctx, "SELECT "+NameAt("a.id", "?2", "a.name")+" FROM area a WHERE a.id = ?1", id, s.To).Scan(&name); err != nil {
			return nil, fmt.Errorf("figures: sub-areas: parent %d: %w", id, err)
		}
		parents[id] = name
	}
	for i := range out {
		out[i].ParentName = parents[out[i].ParentID]
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.EndedOn.IsZero() != b.EndedOn.IsZero() {
			return a.EndedOn.IsZero()
		}
		if a.ParentID != b.ParentID {
			return a.ParentID < b.ParentID
		}
		return a.ID < b.ID
	})
	return out, nil
}

// ComputeBySubArea computes the figures fs for each area at level under s
// (SubAreas) and for s itself.
func ComputeBySubArea(ctx context.Context, q db.Q, s Scope, level string, lang i18n.Lang, fs []*Figure) (*Breakdown, error) {
	areas, err := SubAreas(ctx, q, s, level)
	if err != nil {
		return nil, err
	}
	return ComputeForAreas(ctx, q, s, level, areas, lang, fs)
}

// ComputeForAreas computes the figures fs over s's period for each of
// areas, each as its own scope, and for s itself: the same rows over
// another period (YearBefore) for the year-over-year change.
//
// Each value is what Figure.Compute gives for that area, computed in
// batches: a figure counted from its rows runs its query once for all the
// areas, the scope's join to area_closure widened to the areas and the
// rows grouped by the area they fall under (groupedSQL); the figures read
// from the maintained counts are read in one query per area, all figures
// at once, side by side on the reader pool.
func ComputeForAreas(ctx context.Context, q db.Q, s Scope, level string, areas []SubArea, lang i18n.Lang, fs []*Figure) (*Breakdown, error) {
	return computeForAreas(ctx, q, s, level, areas, lang, fs, true)
}

// ComputeForAreasFromRows is ComputeForAreas counting every figure from its
// rows, whatever the maintained counts: the definition the fast path is
// checked against (the tests hold the two to the figures of each area).
func ComputeForAreasFromRows(ctx context.Context, q db.Q, s Scope, level string, areas []SubArea, lang i18n.Lang, fs []*Figure) (*Breakdown, error) {
	return computeForAreas(ctx, q, s, level, areas, lang, fs, false)
}

// computeForAreas is ComputeForAreas; with counts false it counts every
// figure from its rows.
func computeForAreas(ctx context.Context, q db.Q, s Scope, level string, areas []SubArea, lang i18n.Lang, fs []*Figure, counts bool) (*Breakdown, error) {
	defer metrics.FiguresComputed("by_subarea", time.Now())
	b := &Breakdown{Scope: s, Level: level, Figures: fs, Areas: areas, Values: make([][]float64, len(areas))}
	for i := range b.Values {
		b.Values[i] = make([]float64, len(fs))
	}
	total, err := ComputeList(ctx, q, s, lang, fs)
	if err != nil {
		return nil, err
	}
	b.Total = make([]float64, len(fs))
	for j, v := range total {
		b.Total[j] = v.Value
	}
	if len(areas) == 0 {
		return b, nil
	}
	fresh, err := tally.Clean(ctx, q)
	if err != nil {
		return nil, err
	}
	fresh = fresh && counts
	ids := make([]int64, len(areas))
	row := make(map[int64]int, len(areas))
	for i, a := range areas {
		ids[i] = a.ID
		row[a.ID] = i
	}
	var tasks []func() error
	var tallied []*Figure
	var talliedCol []int
	for j, f := range fs {
		if fresh && f.talliedFor(s) {
			tallied = append(tallied, f)
			talliedCol = append(talliedCol, j)
			continue
		}
		grouped, ok := groupedSQL(f.SQL, ids)
		if !ok {
			// Not in the shape groupedSQL widens: the figure's own
			// computation, area by area.
			for i := range areas {
				tasks = append(tasks, func() (err error) {
					b.Values[i][j], err = f.Compute(ctx, q, b.AreaScope(i))
					return err
				})
			}
			continue
		}
		tasks = append(tasks, func() error {
			return f.countGrouped(ctx, q, s, grouped, func(id int64, v float64) {
				if i, ok := row[id]; ok {
					b.Values[i][j] = v
				}
			})
		})
	}
	// Over whole years the figures that roll up are read for every area in
	// two queries; the others, and any other period, area by area.
	if first, last, ok := s.wholeYears(); ok && len(tallied) > 0 {
		var rolled []*Figure
		var rolledCol, restCol []int
		var rest []*Figure
		for k, f := range tallied {
			if f.rolls(first, last) {
				rolled, rolledCol = append(rolled, f), append(rolledCol, talliedCol[k])
			} else {
				rest, restCol = append(rest, f), append(restCol, talliedCol[k])
			}
		}
		if len(rolled) > 0 {
			tasks = append(tasks, func() error {
				got, err := computeRolledMany(ctx, q, s, ids, first, last, rolled)
				if err != nil {
					return err
				}
				for i, a := range areas {
					for k, f := range rolled {
						b.Values[i][rolledCol[k]] = got[a.ID][f.Key]
					}
				}
				return nil
			})
		}
		tallied, talliedCol = rest, restCol
	}
	if len(tallied) > 0 {
		for i := range areas {
			tasks = append(tasks, func() error {
				got, err := computeTallied(ctx, q, b.AreaScope(i), tallied)
				if err != nil {
					return err
				}
				for k, f := range tallied {
					b.Values[i][talliedCol[k]] = got[f.Key]
				}
				return nil
			})
		}
	}
	parallel := min(maxParallelQueries, runtime.GOMAXPROCS(0))
	if !q.Pooled() {
		parallel = 1
	}
	if err := RunAll(tasks, parallel); err != nil {
		return nil, err
	}
	return b, nil
}

// countGrouped runs a figure's grouped query (groupedSQL) over s's period
// and reports each area's value, as CountRows computes it for that area.
func (f *Figure) countGrouped(ctx context.Context, q db.Q, s Scope, grouped string, put func(int64, float64)) error {
	agg := "COUNT(DISTINCT r.id), 0"
	if f.Agg == Percent || f.Agg == Sum {
		agg = "COUNT(*), COALESCE(SUM(r.flag), 0)"
	}
	rows, err := q.QueryContext(ctx, "SELECT r.sub_id, "+agg+" FROM ("+grouped+") r"+typeParams(q)+" GROUP BY r.sub_id",
		s.AreaID, s.From, s.To)
	if err != nil {
		return fmt.Errorf("figures: %s by area: %w", f.Key, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, n, flagged int64
		if err := rows.Scan(&id, &n, &flagged); err != nil {
			return fmt.Errorf("figures: %s by area: %w", f.Key, err)
		}
		put(id, f.finish(n, flagged))
	}
	return rows.Err()
}

// Grouped reports whether a breakdown counts f's rows for all the areas in
// one query (groupedSQL); otherwise it computes f area by area.
func (f *Figure) Grouped() bool {
	_, ok := groupedSQL(f.SQL, []int64{1})
	return ok
}

// scopeJoin is the condition Under puts on the scope's closure row.
const scopeJoin = "sc.ancestor_id = ?1"

// groupedSQL widens a figure's SQL from the scope to the areas ids: the
// scope's closure row (Under's join, alias sc) may be any of theirs, and
// each row says which as sub_id. A row then stands once for each area it
// counts in, exactly the rows the SQL lists with that area as the scope.
// It applies when the scope (?1) appears only in Under's joins, one at the
// top level of each branch of a UNION ALL, with no grouping of its own;
// otherwise ok is false.
func groupedSQL(sql string, ids []int64) (string, bool) {
	// Many areas at once: the broad branch of a figure written for both
	// (ByBreadth).
	sql = strings.ReplaceAll(sql, "NOT "+narrowScope, "1 = 1")
	sql = strings.ReplaceAll(sql, narrowScope, "1 = 0")
	if strings.Count(sql, "?1") != strings.Count(sql, scopeJoin) {
		return "", false
	}
	branches := strings.Split(sql, "\nUNION ALL\n")
	in := make([]string, len(ids))
	for i, id := range ids {
		in[i] = strconv.FormatInt(id, 10)
	}
	// The unary plus keeps SQLite from driving the join from the list
	// (4,000 communities: a figure of subdistricts took 2.3 s so, 15 ms
	// with the rows found first and the list a lookup).
	widened := "+sc.ancestor_id IN (" + strings.Join(in, ", ") + ")"
	for k, br := range branches {
		at := strings.Index(br, scopeJoin)
		if at < 0 || strings.Count(br, scopeJoin) != 1 || depthAt(br, at) != 0 ||
			!strings.HasPrefix(br, "SELECT ") || strings.HasPrefix(br, "SELECT DISTINCT") ||
			topLevel(br, "GROUP BY") || topLevel(br, "LIMIT") || topLevel(br, "UNION") || topLevel(br, "HAVING") {
			return "", false
		}
		br = strings.Replace(br, scopeJoin, widened, 1)
		branches[k] = "SELECT sc.ancestor_id AS sub_id, " + strings.TrimPrefix(br, "SELECT ")
	}
	return strings.Join(branches, "\nUNION ALL\n"), true
}

// depthAt is the depth of parentheses at byte i of s.
func depthAt(s string, i int) int {
	d := 0
	for _, c := range s[:i] {
		switch c {
		case '(':
			d++
		case ')':
			d--
		}
	}
	return d
}

// topLevel reports whether word occurs in s outside parentheses.
func topLevel(s, word string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return false
		}
		if depthAt(s, off+i) == 0 {
			return true
		}
		off += i + len(word)
	}
}
