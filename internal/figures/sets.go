package figures

import (
	"context"
	"fmt"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// computeSet computes a figure that counts distinct ids (Figure.Set): the
// sets kept in tally_set for the whole years of the period, of the areas
// that lay under the scope all through them, united with the ids of the
// figure's own rows for the rest (the days before the first whole year
// and after the last, and the areas that moved in or out during them).
func computeSet(ctx context.Context, q db.Q, s Scope, f *Figure) (float64, error) {
	var ids idBits
	rowsOf := func(from, to date.Date, where string) error {
		query := "SELECT r.id FROM (" + f.SQL + ") r WHERE r.id IS NOT NULL" + where + pgParamTypes(q)
		return scanIDs(ctx, q, &ids, query, s.AreaID, from, to)
	}
	first, last := wholeYears(s.From, s.To)
	if first > last {
		if err := rowsOf(s.From, s.To, ""); err != nil {
			return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
		}
		return float64(ids.len()), nil
	}
	start, _ := date.YearBounds(first)
	_, end := date.YearBounds(last)
	if err := scanSets(ctx, q, &ids, f.Set.Name(), s.AreaID, first, last, start, end); err != nil {
		return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
	}
	// The areas under the scope for part of the whole years only.
	moved := " AND r.area_id IN (SELECT m.descendant_id FROM area_closure m WHERE m.ancestor_id = ?1 AND m.from_on <= ?3 AND (m.to_on IS NULL OR m.to_on > ?2)" +
		" AND NOT (m.from_on <= ?2 AND (m.to_on IS NULL OR m.to_on > ?3)))"
	if err := rowsOf(start, end, moved); err != nil {
		return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
	}
	if s.From.Before(start) {
		if err := rowsOf(s.From, start.AddDays(-1), ""); err != nil {
			return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
		}
	}
	if end.Before(s.To) {
		if err := rowsOf(end.AddDays(1), s.To, ""); err != nil {
			return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
		}
	}
	return float64(ids.len()), nil
}

// wholeYears are the first and last calendar years wholly inside
// [from, to] (first > last: none).
func wholeYears(from, to date.Date) (int, int) {
	first, last := from.Year(), to.Year()
	if jan1, _ := date.YearBounds(first); from != jan1 {
		first++
	}
	if _, dec31 := date.YearBounds(last); to != dec31 {
		last--
	}
	return first, last
}

// scanSets adds the members of set name of the areas under scope from
// start to end (the years first to last) without a break.
func scanSets(ctx context.Context, q db.Q, ids *idBits, name string, scope int64, first, last int, start, end date.Date) error {
	rows, err := q.QueryContext(ctx, `SELECT t.ids FROM area_closure sc
JOIN tally_set t ON t.area_id = sc.descendant_id AND t.name = ? AND t.year >= ? AND t.year <= ?
WHERE sc.ancestor_id = ? AND sc.from_on <= ? AND (sc.to_on IS NULL OR sc.to_on > ?)`, name, first, last, scope, start, end)
	if err != nil {
		return err
	}
	defer rows.Close()
	var b []byte
	for rows.Next() {
		if err := rows.Scan(&b); err != nil {
			return err
		}
		if err := tally.DecodeIDs(b, ids.add); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanIDs adds the ids query selects.
func scanIDs(ctx context.Context, q db.Q, ids *idBits, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids.add(id)
	}
	return rows.Err()
}

// pgParamTypes types a figure query's three parameters on PostgreSQL (as
// typeParams does), after a WHERE of the caller's.
func pgParamTypes(q db.Q) string {
	if q.Dialect() != db.Postgres {
		return ""
	}
	return " AND CAST(?1 AS BIGINT) IS NOT NULL AND CAST(?2 AS DATE) IS NOT NULL AND CAST(?3 AS DATE) IS NOT NULL"
}

// idBits is a set of positive ids as a bitmap: a city's units are some
// 80,000 ids, 10 kB.
type idBits struct {
	words []uint64
	n     int
}

func (b *idBits) add(id int64) {
	if id < 0 {
		return
	}
	w := int(id / 64)
	if w >= len(b.words) {
		b.words = append(b.words, make([]uint64, w+1-len(b.words)+len(b.words)/2)...)
	}
	if m := uint64(1) << (id % 64); b.words[w]&m == 0 {
		b.words[w] |= m
		b.n++
	}
}

func (b *idBits) len() int { return b.n }
