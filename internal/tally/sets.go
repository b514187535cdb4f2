package tally

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// A Set keeps, per area and calendar year, the distinct ids of the
// records a figure counts once each however many of its rows name them
// (the units taking part in a year's projects done), in tally_set. Distinct
// ids do not add up over areas the way counts do; a figure reads the sets
// of a scope's areas for the whole years of its period and unites them
// (internal/figures), counting rows only for the rest.
type Set struct{ name string }

// Name is the set's name in tally_set.
func (s Set) Name() string { return s.name }

type setSource struct {
	set   Set
	query string
}

var setSources []setSource

// NewSet registers a set whose members query lists, for the areas of a
// batch ("IN (…)"), as rows of (area id, day, member id).
func NewSet(name, query string) Set {
	s := Set{name: name}
	setSources = append(setSources, setSource{set: s, query: query})
	return s
}

// setKey is one row of tally_set.
type setKey struct {
	area int64
	year int
}

// recountSets replaces the sets of a batch of areas.
func recountSets(ctx context.Context, q db.Q, areas []int64, in string, args []any) error {
	if len(setSources) == 0 {
		return nil
	}
	if _, err := q.ExecContext(ctx, "DELETE FROM tally_set WHERE area_id IN "+in, args...); err != nil {
		return fmt.Errorf("tally: %w", err)
	}
	for _, src := range setSources {
		members := map[setKey][]int64{}
		err := Scan(ctx, q, src.query, in, args, func(r Scanner) error {
			var area, id int64
			var on date.Date
			if err := r.Scan(&area, &on, &id); err != nil {
				return err
			}
			k := setKey{area, on.Year()}
			members[k] = append(members[k], id)
			return nil
		})
		if err != nil {
			return fmt.Errorf("tally: set %s: %w", src.set.name, err)
		}
		keys := make([]setKey, 0, len(members))
		for k := range members {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b setKey) int {
			if a.area != b.area {
				return int(a.area - b.area)
			}
			return a.year - b.year
		})
		err = db.BulkInsert(ctx, q, "tally_set", []string{"area_id", "name", "year", "ids"}, len(keys), func(i int, dst []any) []any {
			k := keys[i]
			return append(dst, k.area, src.set.name, k.year, EncodeIDs(members[k]))
		})
		if err != nil {
			return fmt.Errorf("tally: set %s: %w", src.set.name, err)
		}
	}
	return nil
}

// EncodeIDs is ids, sorted and without repeats, as the varints of the
// differences between neighbours.
func EncodeIDs(ids []int64) []byte {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]byte, 0, 2*len(ids))
	var prev int64
	for _, id := range ids {
		out = binary.AppendUvarint(out, uint64(id-prev))
		prev = id
	}
	return out
}

// DecodeIDs calls fn with each id of b (EncodeIDs).
func DecodeIDs(b []byte, fn func(int64)) error {
	var prev int64
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return fmt.Errorf("tally: a set's ids are corrupt")
		}
		prev += int64(d)
		fn(prev)
		b = b[n:]
	}
	return nil
}
