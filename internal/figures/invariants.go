package figures

import (
	"context"

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
			diffs, err := CompareTallied(ctx, q, s, All())
			if err != nil {
				return nil, err
			}
			for _, d := range diffs {
				out = append(out, invariant.Breach{ID: root, Detail: d})
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
