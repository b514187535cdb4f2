package tally

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// diffUpTo is the largest batch whose day rows are rewritten by
// difference. A write's flush recounts one area or a few, and a change
// made today alters one day row of the thousand or so an area holds over
// ten years: reading them and writing only what changed takes the
// writers' lock for a fraction of the time a delete and re-insert of all
// of them does (on PostgreSQL three quarters of a flush went to that
// insert, its index and its foreign key). A larger batch (gen, a repair
// with MarkAll) rewrites its rows whole, without reading them first.
const diffUpTo = 16

// dayKey is one row of the tally table: an area's counts from a day on.
type dayKey struct {
	area int64
	on   day
}

// writeDays makes the tally table's rows of a batch of areas equal to days
// (every row of those areas, in any order). It returns how many rows it
// inserted.
func writeDays(ctx context.Context, q db.Q, areas []int64, in string, args []any, days []areaRow) (int, error) {
	if len(areas) > diffUpTo {
		if _, err := q.ExecContext(ctx, "DELETE FROM tally WHERE area_id IN "+in, args...); err != nil {
			return 0, fmt.Errorf("tally: %w", err)
		}
		return len(days), insertRows(ctx, q, "tally", tallyColumns(), days, false)
	}
	old, err := readDays(ctx, q, in, args)
	if err != nil {
		return 0, err
	}
	var put []areaRow
	var gone []dayKey
	for _, r := range days {
		k := dayKey{r.area, dayOf(r.row.On)}
		if counts, ok := old[k]; ok {
			delete(old, k)
			if counts == countsText(r.row.Counts) {
				continue
			}
			gone = append(gone, k)
		}
		put = append(put, r)
	}
	for k := range old {
		gone = append(gone, k)
	}
	if err := deleteDays(ctx, q, gone); err != nil {
		return 0, err
	}
	return len(put), insertRows(ctx, q, "tally", tallyColumns(), put, false)
}

// readDays reads the tally rows of a batch of areas as they are before the
// recount, each row's counts as one text (countsText): scanning sixty
// integers a row cost more than the rest of a flush.
func readDays(ctx context.Context, q db.Q, in string, args []any) (map[dayKey]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT area_id, on_date, "+strings.Join(Columns(), " || ',' || ")+" FROM tally WHERE area_id IN "+in, args...)
	if err != nil {
		return nil, fmt.Errorf("tally: read days: %w", err)
	}
	defer rows.Close()
	out := map[dayKey]string{}
	for rows.Next() {
		var area int64
		var on date.Date
		var counts string
		if err := rows.Scan(&area, &on, &counts); err != nil {
			return nil, fmt.Errorf("tally: read days: %w", err)
		}
		out[dayKey{area, dayOf(on)}] = counts
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tally: read days: %w", err)
	}
	return out, nil
}

// countsText is counts as readDays reads them: decimal, comma-separated.
func countsText(counts []int64) string {
	b := make([]byte, 0, 4*len(counts))
	for i, n := range counts {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n, 10)
	}
	return string(b)
}

// deleteDays deletes the tally rows keys names, one statement per area.
func deleteDays(ctx context.Context, q db.Q, keys []dayKey) error {
	slices.SortFunc(keys, func(a, b dayKey) int { return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.on, b.on)) })
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].area == keys[lo].area && hi-lo < db.MaxParams-1 {
			hi++
		}
		args := []any{keys[lo].area}
		for _, k := range keys[lo:hi] {
			args = append(args, k.on.date())
		}
		query := "DELETE FROM tally WHERE area_id = ? AND on_date IN (" + db.Placeholders(hi-lo) + ")"
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("tally: delete days: %w", err)
		}
		lo = hi
	}
	return nil
}
