package figures

import (
	"context"
	"fmt"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/invariant"
	"dangjian/internal/tally"
)

// The maintained counts (internal/tally) must equal the figures counted
// from their rows: for each root of the tree, this year and the last.
func init() {
	invariant.Register(&invariant.Invariant{Name: "tally.matches_rows", Doc: "each figure read from the maintained counts equals its rows' count",
		Func: tallyMatchesRows})
}

func tallyMatchesRows(ctx context.Context, q db.Q) ([]invariant.Breach, error) {
	fresh, err := tally.Clean(ctx, q)
	if err != nil || !fresh {
		return nil, err // counts not yet flushed are not read, so they cannot mislead
	}
	// computeTallied takes the counts in force at the end and the running
	// totals apart, as ComputeList does.
	var atEnd, started []*Figure
	for _, f := range All() {
		switch {
		case f.Tally != nil && f.Tally.Started:
			started = append(started, f)
		case f.Tally != nil:
			atEnd = append(atEnd, f)
		}
	}
	roots, err := rootAreas(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []invariant.Breach
	y := date.Today().Year()
	for _, root := range roots {
		for _, year := range []int{y - 1, y} {
			from, to := date.YearBounds(year)
			s := Scope{AreaID: root, From: from, To: to}
			got := map[string]float64{}
			for _, group := range [][]*Figure{atEnd, started} {
				if len(group) == 0 {
					continue
				}
				vals, err := computeTallied(ctx, q, s, group)
				if err != nil {
					return nil, err
				}
				for k, v := range vals {
					got[k] = v
				}
			}
			for _, f := range append(atEnd, started...) {
				want, err := f.CountRows(ctx, q, s)
				if err != nil {
					return nil, err
				}
				if got[f.Key] != want {
					out = append(out, invariant.Breach{ID: root,
						Detail: fmt.Sprintf("%s for %d: counts say %v, rows %v", f.Key, year, got[f.Key], want)})
				}
			}
		}
	}
	return out, nil
}

func rootAreas(ctx context.Context, q db.Q) ([]int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT id FROM area WHERE parent_id IS NULL ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
