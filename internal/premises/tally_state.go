package premises

import (
	"context"
	"slices"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

// community is what the counts of one area depend on, read for a recount.
type community struct {
	level     string
	from, to  date.Date
	premises  []floorSpan
	funding   []span
	land      []span
	counts    []householdCount
	standards []standardOver
}

type floorSpan struct {
	span
	area int64
}

type householdCount struct {
	on         date.Date
	id, number int64
}

// standardOver is a standard set at an area over the community, while
// the community was under it (a closure row) at depth.
type standardOver struct {
	under       span
	depth       int
	from        date.Date
	id          int64
	min, per100 int64
}

func anyOn(ss []span, d date.Date) bool {
	return slices.ContainsFunc(ss, func(s span) bool { return date.InSpan(s.from, s.to, d) })
}

func (k *community) active(d date.Date) bool { return date.InSpan(k.from, k.to, d) }

func (k *community) hasOffice(d date.Date) bool {
	return slices.ContainsFunc(k.premises, func(p floorSpan) bool { return date.InSpan(p.from, p.to, d) })
}

// threeLacks is lacksAllOn for an active area.
func (k *community) threeLacks(d date.Date) bool {
	return k.active(d) && !k.hasOffice(d) && !anyOn(k.funding, d) && !anyOn(k.land, d)
}

// below is belowStandard's test on d.
func (k *community) below(d date.Date) bool {
	if !k.active(d) {
		return false
	}
	var st *standardOver
	for i := range k.standards {
		s := &k.standards[i]
		if s.from.After(d) || !date.InSpan(s.under.from, s.under.to, d) {
			continue
		}
		if st == nil || s.depth < st.depth || (s.depth == st.depth && (s.from.After(st.from) || (s.from == st.from && s.id > st.id))) {
			st = s
		}
	}
	if st == nil {
		return false
	}
	var floor int64
	for _, p := range k.premises {
		if date.InSpan(p.from, p.to, d) {
			floor += p.area
		}
	}
	var households int64
	var last *householdCount
	for i := range k.counts {
		h := &k.counts[i]
		if !h.on.After(d) && (last == nil || h.on.After(last.on) || (h.on == last.on && h.id > last.id)) {
			last = h
		}
	}
	if last != nil {
		households = last.number
	}
	return floor < st.min || floor*100 < st.per100*households
}

// changes are the days on which any of the area's states may change,
// in order.
func (k *community) changes() []date.Date {
	days := []date.Date{k.from, k.to}
	for _, p := range k.premises {
		days = append(days, p.from, p.to)
	}
	for _, ss := range [][]span{k.funding, k.land} {
		for _, s := range ss {
			days = append(days, s.from, s.to)
		}
	}
	for _, h := range k.counts {
		days = append(days, h.on)
	}
	for _, s := range k.standards {
		days = append(days, s.under.from, s.under.to, s.from)
	}
	days = slices.DeleteFunc(days, date.Date.IsZero)
	slices.SortFunc(days, func(a, b date.Date) int { return a.Time().Compare(b.Time()) })
	return slices.Compact(days)
}

// loadCommunities reads the areas of a batch and everything their counts
// depend on.
func loadCommunities(ctx context.Context, q db.Q, in string, args []any) (map[int64]*community, error) {
	cs := map[int64]*community{}
	get := func(id int64) *community {
		k := cs[id]
		if k == nil {
			k = &community{}
			cs[id] = k
		}
		return k
	}
	queries := []struct {
		query string
		scan  func(r tally.Scanner) error
	}{
		{"SELECT a.id, a.level, a.established_on, a.ended_on FROM area a WHERE a.id IN (…)", func(r tally.Scanner) error {
			var id int64
			var level string
			var from, to date.Date
			if err := r.Scan(&id, &level, &from, &to); err != nil {
				return err
			}
			k := get(id)
			k.level, k.from, k.to = level, from, to
			return nil
		}},
		{"SELECT p.area_id, p.from_on, p.to_on, p.floor_area FROM premises p WHERE p.use IN " + officeUses + " AND p.area_id IN (…)", func(r tally.Scanner) error {
			var id int64
			var p floorSpan
			if err := r.Scan(&id, &p.from, &p.to, &p.area); err != nil {
				return err
			}
			get(id).premises = append(get(id).premises, p)
			return nil
		}},
		{"SELECT f.area_id, f.from_on, f.to_on FROM office_funding f WHERE f.amount > 0 AND f.area_id IN (…)", func(r tally.Scanner) error {
			var id int64
			var s span
			if err := r.Scan(&id, &s.from, &s.to); err != nil {
				return err
			}
			get(id).funding = append(get(id).funding, s)
			return nil
		}},
		{"SELECT l.area_id, l.from_on, l.to_on FROM economic_land l WHERE l.area_id IN (…)", func(r tally.Scanner) error {
			var id int64
			var s span
			if err := r.Scan(&id, &s.from, &s.to); err != nil {
				return err
			}
			get(id).land = append(get(id).land, s)
			return nil
		}},
		{"SELECT hc.area_id, hc.counted_on, hc.id, hc.households FROM household_count hc WHERE hc.area_id IN (…)", func(r tally.Scanner) error {
			var id int64
			var h householdCount
			if err := r.Scan(&id, &h.on, &h.id, &h.number); err != nil {
				return err
			}
			get(id).counts = append(get(id).counts, h)
			return nil
		}},
		{`SELECT c.descendant_id, c.from_on, c.to_on, c.depth, s.from_on, s.id, s.min_area, s.per_100_households
FROM area_closure c JOIN premises_standard s ON s.area_id = c.ancestor_id WHERE c.descendant_id IN (…)`, func(r tally.Scanner) error {
			var id int64
			var s standardOver
			if err := r.Scan(&id, &s.under.from, &s.under.to, &s.depth, &s.from, &s.id, &s.min, &s.per100); err != nil {
				return err
			}
			get(id).standards = append(get(id).standards, s)
			return nil
		}},
	}
	for _, x := range queries {
		if err := tally.Scan(ctx, q, x.query, in, args, x.scan); err != nil {
			return nil, err
		}
	}
	// Records of an area that is not in the batch's area table cannot be,
	// but an area must be known to count.
	for id, k := range cs {
		if k.from.IsZero() {
			delete(cs, id)
		}
	}
	return cs, nil
}
